/// A JSON document written directly as text. The exports hold every exemplar of the site,
/// and Foundation's `JSONEncoder` spends many times the work of writing them in reflection
/// and key conversion, on one core, while the rest of the site waits for it.
enum JSONValue {
    case null
    case int(Int)
    /// A number already written as JSON (`91.52`).
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Keys are written sorted, so the same site always gives the same bytes.
    case object([String: JSONValue])

    init(_ text: String?) { self = text.map(JSONValue.string) ?? .null }
    init(_ number: Int?) { self = number.map(JSONValue.int) ?? .null }
    init(_ texts: [String]) { self = .array(texts.map(JSONValue.string)) }
    init(_ numbers: [Int]) { self = .array(numbers.map(JSONValue.int)) }

    /// An object without its null members, as an optional Swift property is left out.
    static func object(dropping pairs: [String: JSONValue]) -> JSONValue {
        .object(pairs.filter { if case .null = $0.value { return false } else { return true } })
    }

    /// Writes an object whose members come in key order, leaving out the null ones: what
    /// `object(dropping:)` writes, without a dictionary made and sorted for each row.
    static func writeObject(_ members: KeyValuePairs<String, JSONValue>, to out: inout String) {
        assert(zip(members.dropFirst(), members).allSatisfy { $0.key > $1.key }, "keys out of order")
        out += "{"
        var first = true
        for (key, value) in members {
            if case .null = value { continue }
            if !first { out += "," }
            first = false
            quote(key, into: &out)
            out += ":"
            value.write(to: &out)
        }
        out += "}"
    }

    var text: String {
        var out = ""
        write(to: &out)
        return out
    }

    func write(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .int(let number): out += String(number)
        case .number(let text): out += text
        case .string(let text): Self.quote(text, into: &out)
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                item.write(to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, member) in members.sorted(by: { $0.key < $1.key }).enumerated() {
                if index > 0 { out += "," }
                Self.quote(member.key, into: &out)
                out += ":"
                member.value.write(to: &out)
            }
            out += "}"
        }
    }

    /// RFC 8259 string escaping: quote, backslash and control characters; the rest as is.
    static func quote(_ text: String, into out: inout String) {
        out += "\""
        if !needsEscaping(text) {
            out += text
            out += "\""
            return
        }
        var run = text.unicodeScalars.startIndex
        var index = run
        let scalars = text.unicodeScalars
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let escaped: String?
            switch scalar {
            case "\"": escaped = "\\\""
            case "\\": escaped = "\\\\"
            case "\n": escaped = "\\n"
            case "\r": escaped = "\\r"
            case "\t": escaped = "\\t"
            case "\u{0}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16)
                escaped = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: escaped = nil
            }
            if let escaped {
                out.unicodeScalars.append(contentsOf: scalars[run..<index])
                out += escaped
                run = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        out.unicodeScalars.append(contentsOf: scalars[run..<scalars.endIndex])
        out += "\""
    }

    /// Whether `text` holds a quote, a backslash or a control character: a scan of its
    /// contiguous bytes, much faster than iterating the UTF-8 view.
    private static func needsEscaping(_ text: String) -> Bool {
        let scan = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }
        }
        if let scan { return scan }
        return text.utf8.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }
    }
}
