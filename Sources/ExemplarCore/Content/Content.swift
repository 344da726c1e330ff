/// Everything read from a content folder, before any cross-reference is checked.
public struct Content: Sendable {
    public var site = SiteConfig()
    public var units: [Unit] = []
    public var criteria: [Criterion] = []
    public var awards: [Award] = []
    public var fields: [Field] = []
    public var exemplars: [Exemplar] = []
    public var initiatives: [Initiative] = []
    public var events: [Event] = []
    public var pages: [FreePage] = []
    /// Score sheets from `scores/`, read by `ScoresLoader`.
    public var scores: [ScoreSheet] = []
    /// Paths of files under `media/`, relative to the content folder (`media/x.jpg`).
    public var media: Set<String> = []
    /// Files and entries that exist but failed to load, so references to them do not cascade.
    public var unloaded = Unloaded()

    public init() {}
}
