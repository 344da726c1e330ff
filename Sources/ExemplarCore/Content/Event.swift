/// An exchange event, conference, review or training: `events/*.md`.
public struct Event: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        case exchange, commendation, review, training
    }

    public var id: String
    public var title: String
    public var kind: Kind
    public var date: CalendarDate
    public var endDate: Located<CalendarDate>?
    public var location: String?
    public var host: Ref?
    public var participants: [Ref] = []
    public var models: [Ref] = []
    public var photos: [Ref] = []
    /// What each photo shows, by path (`photos: [{file: …, alt: …}]`).
    public var photoAlts: [String: String] = [:]
    /// What is written under each photo, by path (`caption:`).
    public var photoCaptions: [String: String] = [:]
    public var summary: String?
    public var draft = false
    public var body: Body
    public var source: SourceLocation
    public var extra: [String: String] = [:]
}

extension Event {
    /// Events from the build day on are coming: lists show them as such, and nobody
    /// can have written their report yet.
    public func isComing(on today: CalendarDate) -> Bool { date >= today }
}
