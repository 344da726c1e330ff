import Foundation

/// Vietnamese text rules shared by slugs, name comparison, search and sorting.
public enum VietnameseText {
    /// Canonical composed form: what every input is turned into as it is read.
    public static func nfc(_ text: String) -> String {
        isSurelyNFC(text) ? text : text.precomposedStringWithCanonicalMapping
    }

    /// True when every scalar lies in blocks that hold neither combining marks nor
    /// canonical singletons: such text is already NFC. Vietnamese typed in NFC (Latin-1,
    /// Latin Extended-A/B, Latin Extended Additional, punctuation) always passes, and
    /// normalising it is the most expensive step of reading a file otherwise.
    static func isSurelyNFC(_ text: String) -> Bool {
        var text = text
        // Read as UTF-8 bytes: decoding every scalar of every file costs more than the check.
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                switch lead {
                case 0..<0x80:
                    index += 1
                case 0xC2...0xCB:  // two bytes, U+0080…U+02FF
                    index += 2
                case 0xE1, 0xE2:
                    guard index + 2 < bytes.count else { return false }
                    let scalar = (UInt32(lead & 0x0F) << 12) | (UInt32(bytes[index + 1] & 0x3F) << 6) | UInt32(bytes[index + 2] & 0x3F)
                    switch scalar {
                    case 0x1E00...0x1EFF, 0x2002...0x206F, 0x20A0...0x20CF: index += 3
                    default: return false
                    }
                default:
                    return false
                }
            }
            return true
        }
    }

    /// A key for comparing or searching without tones and diacritics:
    /// "Nguyễn Thị Hoà" and "nguyen thi hoa" fold to the same key.
    /// `đ` has no decomposition in Unicode, so it is mapped by hand.
    public static func fold(_ text: String) -> String {
        // Ids, numbers and most keys are ASCII: no decomposition needed.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        return FoldTable.shared.fold(text) ?? foldDecomposing(text)
    }

    /// `fold` by the general rule, for any text; `FoldTable` holds its result for each letter.
    static func foldDecomposing(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar {
            case "đ", "Đ": scalars.append("d")
            case _ where scalar.properties.generalCategory == .nonspacingMark: continue
            case "A"..."Z": scalars.append(Unicode.Scalar(UInt8(scalar.value + 0x20)))
            case _ where scalar.isASCII: scalars.append(scalar)
            default: scalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(scalars)
    }

    /// Whether `text` is already a slug: lower-case ASCII letters and digits joined by single `-`.
    /// Only such ids may become URL paths and file names.
    public static func isSlug(_ text: String) -> Bool {
        // One pass over the bytes: Foundation's `contains("--")` cost thousands of instructions a call.
        // Before the first byte counts as after a `-`, so a leading `-` is refused as a doubled one.
        var previous = UInt8(ascii: "-")
        for byte in text.utf8 {
            guard (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x2D else { return false }
            if byte == 0x2D, previous == 0x2D { return false }
            previous = byte
        }
        // Empty, or ending in `-`: not a slug.
        return previous != 0x2D
    }

    /// A URL path segment: "Công đoàn ngành Y tế" → `cong-doan-nganh-y-te`.
    public static func slug(_ text: String) -> String {
        // Made as bytes: appending scalars to a `String` one by one costs several times more.
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        var pendingDash = false
        // `fold(text)`, as bytes without making them a String. Every byte of a scalar beyond
        // ASCII is 0x80 or above, so it counts as a separator, as the scalar does.
        for byte in FoldTable.shared.foldedBytes(text) ?? Array(foldDecomposing(text).utf8) {
            // Folded text is lower case: an ASCII letter or digit is kept.
            if (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                if pendingDash, !result.isEmpty { result.append(UInt8(ascii: "-")) }
                pendingDash = false
                result.append(byte)
            } else {
                pendingDash = true
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// People are listed by given name (the last word), then family name, then middle names.
    public static func personOrder(_ a: String, _ b: String) -> Bool {
        personKey(a) < personKey(b)
    }

    /// The sort key of a person's name: given name first, then the rest in written order.
    public static func personKey(_ name: String) -> CollationKey {
        let words = name.split(whereSeparator: \.isWhitespace)
        guard let given = words.last else { return CollationKey(name) }
        return CollationKey(([given] + words.dropLast()).joined(separator: " "))
    }

    /// The ids of `items` in display order, by a key computed once per item (on every core:
    /// collation keys of 100,000 names are most of the cost). Equal keys (two people of one
    /// name) are ordered by id: items come from dictionaries, whose order changes from run to
    /// run, and the same content must give the same bytes, or every build rewrites pages.
    static func sortedIDs<T: Sendable>(_ items: [T], by key: @Sendable (T) -> CollationKey, id: @Sendable (T) -> String) -> [String] {
        items.parallelMap { (key($0), id($0)) }.sorted { $0 < $1 }.map(\.1)
    }
}
