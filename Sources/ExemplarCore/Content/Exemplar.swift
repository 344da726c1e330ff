/// An honoured collective (`collectives/*.md`) or individual (`individuals/*.md`).
public struct Exemplar: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        case collective, individual
    }

    public enum Scope: String, Sendable, CaseIterable {
        case comprehensive, field
    }

    /// The Decision of the Standing Committee that chose them (`15/QĐ-LĐLĐ` of a date).
    public struct Selection: Sendable, Hashable {
        public var decision: String
        public var date: CalendarDate?
        public var at: SourceLocation
    }

    /// One award received, with its decision.
    public struct Grant: Sendable, Hashable {
        public var award: Ref
        public var year: Int?
        public var decision: String?
        public var date: CalendarDate?
        public var at: SourceLocation
    }

    public var id: String
    public var kind: Kind
    public var name: String
    public var unit: Ref
    public var position: String?
    public var leader: String?
    public var scope: Scope?
    public var fields: [Ref] = []
    public var registered: Located<CalendarDate>?
    public var selection: Selection?
    public var years: [Located<Int>] = []
    public var supervisor: String?
    public var criteria: [Ref] = []
    public var awards: [Grant] = []
    public var models: [Ref] = []
    public var photo: Ref?
    /// What the photo shows, for readers who cannot see it (`photo_alt`).
    public var photoAlt: String?
    public var summary: String?
    public var tags: [String] = []
    public var draft = false
    public var body: Body
    public var source: SourceLocation
    public var extra: [String: String] = [:]
}
