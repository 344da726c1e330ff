import Foundation

/// Diagnostics in the reader's language. Every stage writes its messages in Vietnamese; this
/// catalogue, keyed by diagnostic code, holds each message's English form as a template with
/// the same values (`{0}`, `{1}` …), so a diagnostic is translated when it is printed.
/// A message the catalogue does not know stays Vietnamese rather than being lost.
public enum MessageCatalogue {
    public typealias Language = ContentSchema.Language

    /// The diagnostic in `language`: message and hint translated, everything else as it was.
    public static func translate(_ diagnostic: Diagnostic, to language: Language) -> Diagnostic {
        guard language == .en else { return diagnostic }
        var out = diagnostic
        out.message = english(message: diagnostic.message, code: diagnostic.code) ?? diagnostic.message
        out.hint = diagnostic.hint.map { english(hint: $0, code: diagnostic.code) ?? $0 }
        return out
    }

    /// The English message, or nil when the catalogue has no template that fits.
    public static func english(message: String, code: String) -> String? {
        apply(messages[code] ?? [], to: message)
    }

    public static func english(hint: String, code: String) -> String? {
        apply((hints[code] ?? []) + (hints["*"] ?? []), to: hint)
    }

    // MARK: Templates

    struct Template: Sendable {
        let pattern: NSRegularExpression
        /// For each capture group in order, the number of the value it holds.
        let slots: [Int]
        let english: String

        /// `vietnamese` with `{0}`, `{1}` … standing for values, matched as a whole.
        init?(_ vietnamese: String, _ english: String) {
            var pattern = "^"
            var slots: [Int] = []
            var literal = ""
            var rest = Substring(vietnamese)
            while let first = rest.first {
                // `{0}`, `{1}` … are values; any other brace is text (`{{>partial}}`).
                if first == "{", let close = rest.firstIndex(of: "}"),
                   let number = Int(rest[rest.index(after: rest.startIndex)..<close]) {
                    pattern += NSRegularExpression.escapedPattern(for: literal) + "(.*?)"
                    literal = ""
                    slots.append(number)
                    rest = rest[rest.index(after: close)...]
                } else {
                    literal.append(first)
                    rest = rest.dropFirst()
                }
            }
            pattern += NSRegularExpression.escapedPattern(for: literal) + "$"
            guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]) else { return nil }
            self.pattern = regex
            self.slots = slots
            self.english = english
        }

        func render(_ text: String) -> String? {
            let range = NSRange(text.startIndex..., in: text)
            guard let match = pattern.firstMatch(in: text, range: range) else { return nil }
            var values: [Int: String] = [:]
            for (index, slot) in slots.enumerated() {
                guard let found = Range(match.range(at: index + 1), in: text) else { continue }
                values[slot] = MessageCatalogue.fragment(String(text[found]))
            }
            var out = MessageCatalogue.choosePlurals(english, values)
            for (slot, value) in values { out = out.replacingOccurrences(of: "{\(slot)}", with: value) }
            return out
        }
    }

    /// English counts need a noun's plural where Vietnamese has none: `{1?one|many}` in an
    /// English template reads `one` when value 1 is "1", and `many` otherwise.
    public static func choosePlurals(_ english: String, _ values: [Int: String]) -> String {
        guard english.contains("?") else { return english }
        var out = ""
        var rest = Substring(english)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let body = rest[rest.index(after: open)...]
            guard let close = body.firstIndex(of: "}"),
                  let question = body[..<close].firstIndex(of: "?"),
                  let slot = Int(body[..<question]) else {
                out.append("{")
                rest = body
                continue
            }
            let forms = body[body.index(after: question)..<close].split(separator: "|", omittingEmptySubsequences: false)
            let one = forms.first ?? ""
            let many = forms.count > 1 ? forms[1] : one
            out += values[slot] == "1" ? one : many
            rest = body[body.index(after: close)...]
        }
        return out + rest
    }

    private static func apply(_ templates: [Template], to text: String) -> String? {
        for template in templates {
            if let english = template.render(text) { return english }
        }
        return nil
    }

    /// A value that is itself Vietnamese text of the builder (`đơn vị`, a reason): translated
    /// when known, kept as written otherwise (names, ids and paths are never translated).
    public static func fragment(_ text: String) -> String {
        if let english = fragmentWords[text] { return english }
        return apply(fragmentTemplates, to: text) ?? text
    }

    static func compile(_ pairs: [(String, String, String)]) -> [String: [Template]] {
        var table: [String: [Template]] = [:]
        for (code, vietnamese, english) in pairs {
            if let template = Template(vietnamese, english) { table[code, default: []].append(template) }
        }
        return table
    }

    static let messages = compile(EnglishMessages.messages + EnglishFileMessages.messages)
    static let hints = compile(EnglishMessages.hints + EnglishFileMessages.hints)
    static let fragmentTemplates = (EnglishMessages.fragmentTemplates + EnglishFileMessages.fragmentTemplates).compactMap { Template($0.0, $0.1) }
    static let fragmentWords = EnglishMessages.fragmentWords.merging(EnglishFileMessages.kinds) { first, _ in first }
}
