/// A free page (`pages/*.md`): about, how to register, criteria …
public struct FreePage: Sendable, Hashable {
    public var id: String
    public var title: String
    public var summary: String?
    /// Position in the site menu; pages without one are not in the menu.
    public var menu: Int?
    public var draft = false
    public var body: Body
    public var source: SourceLocation
    public var extra: [String: String] = [:]
}
