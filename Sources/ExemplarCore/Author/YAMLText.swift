/// Writing YAML values that read back as exactly the text they were given.
public enum YAMLText {
    /// `text` as a scalar: plain when YAML would read it back unchanged, double-quoted otherwise.
    public static func scalar(_ text: String, alwaysQuote: Bool = false) -> String {
        alwaysQuote || needsQuotes(text) ? quoted(text) : text
    }

    /// `[a, b, c]`, each item a scalar.
    public static func list(_ items: [String]) -> String {
        "[" + items.map { scalar($0) }.joined(separator: ", ") + "]"
    }

    /// `{ a: 1, b: x }`, pairs in the order given, empty values left out.
    public static func mapping(_ pairs: [(String, String)]) -> String {
        "{ " + pairs.filter { !$0.1.isEmpty }.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + " }"
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value)
                || scalar.value == 0xFEFF || scalar == "\u{2028}" || scalar == "\u{2029}":
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Whether a plain scalar would be misread: empty, padded, starting with an indicator,
    /// holding `: ` or ` #`, or one of the words YAML reads as something else.
    static func needsQuotes(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return true }
        if first.properties.isWhitespace || last.properties.isWhitespace { return true }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return true }
        if text.contains(": ") || text.contains(" #") || text.hasSuffix(":") { return true }
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "\u{FEFF}" }) { return true }
        let word = text.lowercased()
        return ["~", "null", "true", "false", "yes", "no", "on", "off", "y", "n"].contains(word)
    }
}
