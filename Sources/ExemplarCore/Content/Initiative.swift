/// A model (mô hình) or initiative (sáng kiến) to replicate: `models/*.md`.
public struct Initiative: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        case model, initiative
    }

    /// A unit that took the model up, and when.
    public struct Adoption: Sendable, Hashable {
        public var unit: Ref
        public var year: Int?
        public var note: String?
    }

    public var id: String
    public var title: String
    public var kind: Kind
    public var unit: Ref
    public var owners: [Ref] = []
    public var year: Int?
    public var fields: [Ref] = []
    public var benefit: String?
    public var adoptedBy: [Adoption] = []
    public var attachments: [Ref] = []
    /// The title shown for each attachment, by path (`attachments: [{file: …, title: …}]`).
    public var attachmentTitles: [String: String] = [:]
    /// Whom to ask about taking the model up ("Liên hệ").
    public var contact: String?
    public var summary: String?
    public var tags: [String] = []
    public var draft = false
    public var body: Body
    public var source: SourceLocation
    public var extra: [String: String] = [:]
}
