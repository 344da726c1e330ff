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

    /// The profile's values. An exemplar is read on every page that lists or counts it: kept
    /// behind one reference, a copy costs one retain instead of one for each of its texts and lists.
    public struct Details: Sendable, Hashable {
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

    private final class Storage: Sendable {
        let details: Details
        init(_ details: Details) { self.details = details }
    }

    private var storage: Storage

    public init(id: String, kind: Kind, name: String, unit: Ref, body: Body, source: SourceLocation) {
        storage = Storage(Details(id: id, kind: kind, name: name, unit: unit, body: body, source: source))
    }

    public init(_ details: Details) {
        storage = Storage(details)
    }

    public var details: Details { storage.details }

    /// Profiles are changed only while they are read from their files.
    private mutating func change(_ edit: (inout Details) -> Void) {
        var details = storage.details
        edit(&details)
        storage = Storage(details)
    }

    public var id: String { get { storage.details.id } set { change { $0.id = newValue } } }
    public var kind: Kind { get { storage.details.kind } set { change { $0.kind = newValue } } }
    public var name: String { get { storage.details.name } set { change { $0.name = newValue } } }
    public var unit: Ref { get { storage.details.unit } set { change { $0.unit = newValue } } }
    public var position: String? { get { storage.details.position } set { change { $0.position = newValue } } }
    public var leader: String? { get { storage.details.leader } set { change { $0.leader = newValue } } }
    public var scope: Scope? { get { storage.details.scope } set { change { $0.scope = newValue } } }
    public var fields: [Ref] { get { storage.details.fields } set { change { $0.fields = newValue } } }
    public var registered: Located<CalendarDate>? { get { storage.details.registered } set { change { $0.registered = newValue } } }
    public var selection: Selection? { get { storage.details.selection } set { change { $0.selection = newValue } } }
    public var years: [Located<Int>] { get { storage.details.years } set { change { $0.years = newValue } } }
    public var supervisor: String? { get { storage.details.supervisor } set { change { $0.supervisor = newValue } } }
    public var criteria: [Ref] { get { storage.details.criteria } set { change { $0.criteria = newValue } } }
    public var awards: [Grant] { get { storage.details.awards } set { change { $0.awards = newValue } } }
    public var models: [Ref] { get { storage.details.models } set { change { $0.models = newValue } } }
    public var photo: Ref? { get { storage.details.photo } set { change { $0.photo = newValue } } }
    public var photoAlt: String? { get { storage.details.photoAlt } set { change { $0.photoAlt = newValue } } }
    public var summary: String? { get { storage.details.summary } set { change { $0.summary = newValue } } }
    public var tags: [String] { get { storage.details.tags } set { change { $0.tags = newValue } } }
    public var draft: Bool { get { storage.details.draft } set { change { $0.draft = newValue } } }
    public var body: Body { get { storage.details.body } set { change { $0.body = newValue } } }
    public var source: SourceLocation { get { storage.details.source } set { change { $0.source = newValue } } }
    public var extra: [String: String] { get { storage.details.extra } set { change { $0.extra = newValue } } }

    public static func == (lhs: Exemplar, rhs: Exemplar) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.details == rhs.storage.details
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.details)
    }
}
