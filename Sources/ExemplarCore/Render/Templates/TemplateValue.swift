/// The data a template sees: text, numbers, flags, lists and objects, typed so that
/// rendering is a switch, never a dynamic cast.
public indirect enum TemplateValue: Sendable {
    case text(String)
    case number(Int)
    case flag(Bool)
    case list([TemplateValue])
    case object([String: TemplateValue])
    /// HTML made by the builder itself (rendered Markdown): inserted as it is.
    case html(String)
    case null

    /// Whether a section `{{#x}}` shows: not for null, false, "" or an empty list.
    var isTruthy: Bool {
        switch self {
        case .null: return false
        case .flag(let value): return value
        case .text(let text), .html(let text): return !text.isEmpty
        case .list(let items): return !items.isEmpty
        case .number, .object: return true
        }
    }

    subscript(key: String) -> TemplateValue? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }
}

extension TemplateValue {
    /// Converts the plain values page data is built from (strings, numbers, arrays and
    /// dictionaries of them, optionals). Anything else becomes null.
    init(_ value: Any?) {
        switch value {
        case nil: self = .null
        case let value as TemplateValue: self = value
        case let text as String: self = .text(text)
        case let number as Int: self = .number(number)
        case let flag as Bool: self = .flag(flag)
        case let fields as [String: Any]: self = .object(fields.mapValues { TemplateValue($0) })
        // Before `[Any]`: lists of prepared cards are common, and casting one to `[Any]`
        // would box every element only to unbox it again.
        case let items as [TemplateValue]: self = .list(items)
        case let items as [Any]: self = .list(items.map { TemplateValue($0) })
        case let fields as [String: String]: self = .object(fields.mapValues { .text($0) })
        case let optional as OptionalValue: self = optional.unwrapped.map { TemplateValue($0) } ?? .null
        default: self = .null
        }
    }
}

/// Lets an `Any` holding an optional be unwrapped without knowing its type.
private protocol OptionalValue {
    var unwrapped: Any? { get }
}

extension Optional: OptionalValue {
    var unwrapped: Any? { self.map { $0 as Any } }
}
