import Foundation

/// How the search index and `search.js` cut text into words and fold each word into a key.
/// Both sides must agree exactly, so the rules are few:
/// - a word is a run of letters, marks and digits (`\p{L}\p{M}\p{N}` in JavaScript);
/// - its key is `VietnameseText.fold`: no tone or vowel marks, `đ` → `d`, lower case, so
///   "Đức", "ĐỨC" and "duc" are one key;
/// - its spelling keeps the vowel marks and `đ` but moves the tone mark to the end (as its
///   Telex letter: "hòa" → "hoaF"), so the old and new tone placements ("hoà", "hòa") are one
///   spelling, and "Đức" and "Dục" are two.
enum SearchText {
    struct Word: Equatable {
        var key: String
        var spelling: String
    }

    /// Longer runs are not words anyone types (hashes, long numbers) and only grow the index.
    static let maxWordLength = 40

    /// Calls `body` with every word of `text`, in order.
    static func words(_ text: String, _ body: (Word) -> Void) {
        var key = String.UnicodeScalarView()
        var bare = String.UnicodeScalarView()
        var tones = ""
        var length = 0
        func flush() {
            if length > 0, length <= maxWordLength {
                body(Word(key: String(key), spelling: String(bare) + tones))
            }
            key.removeAll(keepingCapacity: true)
            bare.removeAll(keepingCapacity: true)
            tones = ""
            length = 0
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                // ASCII: letters and digits make words, everything else ends one.
                switch value {
                case 0x41...0x5A:
                    let lower = Unicode.Scalar(UInt8(value + 0x20))
                    key.append(lower); bare.append(lower); length += 1
                case 0x61...0x7A, 0x30...0x39:
                    key.append(scalar); bare.append(scalar); length += 1
                default:
                    flush()
                }
                continue
            }
            guard let folded = Letters.fold(scalar) else { flush(); continue }
            key.append(contentsOf: folded.key.unicodeScalars)
            bare.append(contentsOf: folded.bare.unicodeScalars)
            if let tone = folded.tone { tones.append(tone) }
            length += 1
        }
        flush()
    }

    /// Every word of `text`, for tests and small inputs.
    static func words(_ text: String) -> [Word] {
        var out: [Word] = []
        words(text) { out.append($0) }
        return out
    }
}

/// The fold of one non-ASCII scalar, computed once per scalar and cached: the index reads
/// millions of words, and Foundation's decomposition per word would dominate its time.
private enum Letters {
    struct Folded: Sendable {
        /// What the scalar adds to the key: base letters, no marks, lower case.
        var key: String
        /// What it adds to the spelling: lower case, vowel marks kept, tone mark removed.
        var bare: String
        /// The tone mark, as a letter appended to the spelling.
        var tone: Character?
    }

    /// The five Vietnamese tone marks (grave, acute, tilde, hook above, dot below) and the
    /// Telex letter each becomes, in capitals, which a lower-cased word never holds; the old
    /// Unicode tone marks U+0340/0341 count as grave/acute.
    static let tones: [UInt32: Character] = [0x300: "F", 0x340: "F", 0x301: "S", 0x341: "S",
                                             0x303: "X", 0x309: "R", 0x323: "J"]

    /// Precomposed Latin letters, where every Vietnamese letter lies, folded ahead of time.
    private static let latin: [Folded?] = (0xC0...0x24F).map { make(Unicode.Scalar($0)!) }
    private static let latinAdditional: [Folded?] = (0x1E00...0x1EFF).map { make(Unicode.Scalar($0)!) }

    static func fold(_ scalar: Unicode.Scalar) -> Folded? {
        switch scalar.value {
        case 0xC0...0x24F: return latin[Int(scalar.value) - 0xC0]
        case 0x1E00...0x1EFF: return latinAdditional[Int(scalar.value) - 0x1E00]
        default: return make(scalar)
        }
    }

    /// Nil when the scalar is not part of a word (punctuation, spaces, symbols).
    static func make(_ scalar: Unicode.Scalar) -> Folded? {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber:
            break
        default:
            return nil
        }
        let lower = String(scalar).lowercased()
        var bare = String.UnicodeScalarView()
        var tone: Character?
        for part in lower.decomposedStringWithCanonicalMapping.unicodeScalars {
            if let mark = tones[part.value] { tone = mark } else { bare.append(part) }
        }
        return Folded(key: VietnameseText.fold(lower), bare: String(bare).precomposedStringWithCanonicalMapping, tone: tone)
    }
}
