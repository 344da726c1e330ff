/// A JSON document as a tree, written through `JSONBytes`. The exports hold every exemplar
/// of the site, and Foundation's `JSONEncoder` spends many times the work of writing them in
/// reflection and key conversion, on one core, while the rest of the site waits for it.
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

    var text: String {
        var out = JSONBytes(capacity: 256)
        write(to: &out)
        return out.text
    }

    func write(to out: inout JSONBytes) {
        switch self {
        case .null: out.raw("null")
        case .int(let number): out.int(number)
        case .number(let text): out.json(text)
        case .string(let text): out.string(text)
        case .array(let items):
            out.raw("[")
            for (index, item) in items.enumerated() {
                if index > 0 { out.raw(",") }
                item.write(to: &out)
            }
            out.raw("]")
        case .object(let members):
            out.openObject()
            for member in members.sorted(by: { $0.key < $1.key }) {
                out.key(member.key)
                member.value.write(to: &out)
            }
            out.closeObject()
        }
    }
}
