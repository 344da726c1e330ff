import Foundation

/// Vietnamese text rules shared by slugs, name comparison, search and sorting.
public enum VietnameseText {
    /// Canonical composed form: what every input is turned into as it is read.
    public static func nfc(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
    }

    /// A key for comparing or searching without tones and diacritics:
    /// "Nguyễn Thị Hoà" and "nguyen thi hoa" fold to the same key.
    /// `đ` has no decomposition in Unicode, so it is mapped by hand.
    public static func fold(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar {
            case "đ", "Đ": scalars.append("d")
            case _ where scalar.properties.generalCategory == .nonspacingMark: continue
            default: scalars.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            }
        }
        return String(scalars)
    }

    /// A URL path segment: "Công đoàn ngành Y tế" → `cong-doan-nganh-y-te`.
    public static func slug(_ text: String) -> String {
        var result = ""
        var pendingDash = false
        for scalar in fold(text).unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingDash, !result.isEmpty { result.append("-") }
                pendingDash = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        return result
    }

    private static let locale = Locale(identifier: "vi")

    /// Vietnamese collation: a < ă < â, d < đ, e < ê, o < ô < ơ, u < ư; tones secondary.
    public static func compare(_ a: String, _ b: String) -> ComparisonResult {
        a.compare(b, options: [.caseInsensitive], range: nil, locale: locale)
    }

    /// People are listed by given name (the last word), then family name, then middle names.
    public static func personOrder(_ a: String, _ b: String) -> Bool {
        let left = personKey(a), right = personKey(b)
        for (x, y) in zip(left, right) {
            let order = compare(x, y)
            if order != .orderedSame { return order == .orderedAscending }
        }
        return left.count < right.count
    }

    private static func personKey(_ name: String) -> [String] {
        let words = name.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let given = words.last else { return [name] }
        return [given] + words.dropLast()
    }

    /// Collective and other titles: plain Vietnamese collation.
    public static func titleOrder(_ a: String, _ b: String) -> Bool {
        compare(a, b) == .orderedAscending
    }
}
