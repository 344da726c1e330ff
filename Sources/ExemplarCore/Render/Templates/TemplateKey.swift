/// A name in template data, with its hash worked out once, when it is made.
///
/// Page data is a tree of small dictionaries, and a template looks each name up in several
/// of them (from the innermost section outwards): hashing the name's bytes with the standard
/// string hash on every lookup was a tenth of all the work of a build. Names in templates
/// are made once when the theme is parsed; names in page data, once per value.
public struct TemplateKey: Hashable, Comparable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let text: String
    private let code: UInt64

    public init(_ text: String) {
        self.text = text
        var hash = KeyHash()
        hash.add(text)
        code = hash.value
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    public var description: String { text }

    public static func == (lhs: TemplateKey, rhs: TemplateKey) -> Bool {
        lhs.code == rhs.code && lhs.text == rhs.text
    }

    public static func < (lhs: TemplateKey, rhs: TemplateKey) -> Bool {
        lhs.text < rhs.text
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
    }

    /// What `Dictionary` and `Set` ask for: the stored hash mixed with the table's seed, with
    /// no pass over the bytes.
    public func _rawHashValue(seed: Int) -> Int {
        KeyHash.mix(code, seed: seed)
    }
}
