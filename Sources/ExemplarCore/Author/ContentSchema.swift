/// The content model as data: every key of every kind of file, its type, whether it is
/// required, what it refers to, and a short help text in Vietnamese and English.
/// `new` and `import` write files from it, the tests hold the loader to it, and the same
/// description can drive documentation and forms.
public enum ContentSchema {
    /// The files an author writes one of per item.
    public enum ItemKind: String, Sendable, CaseIterable {
        case collective, individual, model, event, page

        /// The folder of the content tree that holds this kind.
        public var folder: String {
            switch self {
            case .collective: "collectives"
            case .individual: "individuals"
            case .model: "models"
            case .event: "events"
            case .page: "pages"
            }
        }

        /// The key that holds the item's name or title.
        public var nameKey: String {
            switch self {
            case .collective, .individual: "name"
            case .model, .event, .page: "title"
            }
        }

        /// Kinds whose ids share one set: a collective and an individual may not share an id.
        public var idSiblings: [ItemKind] {
            switch self {
            case .collective, .individual: [.collective, .individual]
            default: [self]
            }
        }

        public var keys: [KeySpec] {
            switch self {
            case .collective: ContentSchema.exemplar(.collective)
            case .individual: ContentSchema.exemplar(.individual)
            case .model: ContentSchema.model
            case .event: ContentSchema.event
            case .page: ContentSchema.page
            }
        }

        /// How the kind is named to an author.
        public var label: Help {
            switch self {
            case .collective: Help("hồ sơ tập thể", "collective profile")
            case .individual: Help("hồ sơ cá nhân", "individual profile")
            case .model: Help("mô hình, sáng kiến", "model or initiative")
            case .event: Help("sự kiện", "event")
            case .page: Help("trang", "page")
            }
        }
    }

    /// What a reference names.
    public enum Reference: String, Sendable {
        case unit, field, award, exemplar, model
        /// A criterion of the same kind as the exemplar.
        case criterion
        /// A file under `media/`.
        case media
    }

    public indirect enum ValueType: Sendable, Equatable {
        case text
        case date
        case year
        case number(ClosedRange<Int>)
        case bool
        /// One of a fixed list of words.
        case choice([String])
        /// The id of something else.
        case reference(Reference)
        /// A list of values; one value alone counts as a list of one.
        case list(ValueType)
        /// One nested mapping.
        case mapping([KeySpec])
        /// A list of nested mappings, one per item.
        case mappings([KeySpec])
        /// Free values kept for themes, never checked.
        case extra
    }

    /// A text in both interface languages.
    public struct Help: Sendable, Equatable {
        public var vi: String
        public var en: String

        public init(_ vi: String, _ en: String) {
            self.vi = vi
            self.en = en
        }

        public func text(_ language: Language) -> String { language == .en ? en : vi }
    }

    public enum Language: String, Sendable, CaseIterable {
        case vi, en
    }

    public struct KeySpec: Sendable, Equatable {
        public var key: String
        public var type: ValueType
        public var required: Bool
        public var help: Help
        /// A value as it is written in YAML, for comments, docs and the starter site.
        public var example: String?

        public init(_ key: String, _ type: ValueType, required: Bool = false, _ help: Help, example: String? = nil) {
            self.key = key
            self.type = type
            self.required = required
            self.help = help
            self.example = example
        }
    }
}
