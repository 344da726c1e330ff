/// The data a template sees: text, numbers, flags, lists and objects, typed so that
/// rendering is a switch, never a dynamic cast.
///
/// Not `indirect`: lists and objects already live on the heap, and boxing every text and
/// number too cost one allocation per value of every page and card.
public enum TemplateValue: Sendable, Equatable {
    case text(String)
    case number(Int)
    case flag(Bool)
    case list([TemplateValue])
    case object([TemplateKey: TemplateValue])
    /// An object kept long and shown often (a card): its names are shared with its kind's.
    case record(TemplateRecord)
    /// HTML made by the builder itself (rendered Markdown, charts): UTF-8 inserted as it is.
    case html([UInt8])
    case null

    /// Whether a section `{{#x}}` shows: not for null, false, "" or an empty list.
    var isTruthy: Bool {
        switch self {
        case .null: return false
        case .flag(let value): return value
        case .text(let text): return !text.isEmpty
        case .html(let html): return !html.isEmpty
        case .list(let items): return !items.isEmpty
        case .number, .object, .record: return true
        }
    }

    subscript(key: TemplateKey) -> TemplateValue? {
        switch self {
        case .object(let fields): return fields[key]
        case .record(let record): return record[key]
        default: return nil
        }
    }

    var isObject: Bool {
        switch self {
        case .object, .record: return true
        default: return false
        }
    }

    /// The names and values of an object or record, to build a changed copy; nil for others.
    var fields: [TemplateKey: TemplateValue]? {
        switch self {
        case .object(let fields): return fields
        case .record(let record): return record.fields
        default: return nil
        }
    }
}

extension [TemplateKey: TemplateValue] {
    /// Texts under names read from content (an item's `extra` fields).
    init(text fields: [String: String]) {
        self.init(uniqueKeysWithValues: fields.map { (TemplateKey($0.key), TemplateValue.text($0.value)) })
    }

    /// Adds the names and values of an object or record (an item's card, on the item's own
    /// page) over any of the same name, without making them a dictionary first.
    mutating func add(fieldsOf value: TemplateValue?) {
        switch value {
        case .object(let fields)?: merge(fields) { _, new in new }
        case .record(let record)?: for (name, value) in zip(record.layout.names, record.values) { self[name] = value }
        default: break
        }
    }
}

/// Literals, so that page data and tests read as the structure they describe:
/// `["title": "…", "items": [["gap": true]]]`. Values computed at run time are wrapped
/// explicitly (`.text(name)`), which keeps each one's type visible where it is made.
extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .flag(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (TemplateKey, TemplateValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
