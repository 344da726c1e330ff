/// Finds a catalogue entry (a unit, an award) from what an editor typed: its id, or its name
/// written with or without tone marks, in any case, with the usual abbreviations
/// (`LĐLĐ huyện Lệ Thủy` is `Liên đoàn Lao động huyện Lệ Thủy`).
public struct CatalogueMatcher: Sendable {
    public struct Entry: Sendable, Equatable {
        public var id: String
        public var name: String

        public init(id: String, name: String) {
            self.id = id
            self.name = name
        }
    }

    private let entries: [Entry]
    private let byKey: [String: [Entry]]

    public init(_ entries: [Entry]) {
        self.entries = entries
        var byKey: [String: [Entry]] = [:]
        for entry in entries {
            for key in Set([Self.key(entry.name), entry.id]) { byKey[key, default: []].append(entry) }
        }
        self.byKey = byKey
    }

    public init(units: [Unit]) { self.init(units.map { Entry(id: $0.id, name: $0.name) }) }

    public init(awards: [Award]) { self.init(awards.map { Entry(id: $0.id, name: $0.name) }) }

    /// The one entry `text` names; nil when none does or when it could be several.
    public func match(_ text: String) -> Entry? {
        if let exact = entries.first(where: { $0.id == text.trimmingWhitespace }) { return exact }
        guard let found = byKey[Self.key(text)] else { return nil }
        return found.count == 1 ? found[0] : nil
    }

    /// The one entry whose name starts or ends the text, or that the text starts or ends, word
    /// for word (`Công đoàn ngành Y tế tỉnh Quảng Bình` for `Công đoàn ngành Y tế`). A guess the
    /// caller should show, since it is not an exact match; nil when it fits none or several.
    public func loose(_ text: String) -> Entry? {
        let key = Self.key(text)
        let words = key.split(separator: "-").count
        let fits = entries.filter { entry in
            let name = Self.key(entry.name)
            guard min(words, name.split(separator: "-").count) >= 2 else { return false }
            return key.hasPrefix(name + "-") || key.hasSuffix("-" + name) || name.hasPrefix(key + "-") || name.hasSuffix("-" + key)
        }
        return fits.count == 1 ? fits[0] : nil
    }

    /// The nearest entry by name, for a "did you mean".
    public func closest(_ text: String) -> Entry? {
        let key = Self.key(text)
        let names = entries.map { Self.key($0.name) }
        guard let best = Suggestion.closest(to: key, among: names) else { return nil }
        return entries.first { Self.key($0.name) == best }
    }

    /// The words of a name, folded and with abbreviations spelled out, joined by `-`.
    static func key(_ text: String) -> String {
        let words = VietnameseText.slug(VietnameseText.nfc(text)).split(separator: "-").map(String.init)
        return words.flatMap { abbreviations[$0] ?? [$0] }.filter { !fillers.contains($0) }.joined(separator: "-")
    }

    /// Abbreviations common in the Federation's documents, already folded.
    static let abbreviations: [String: [String]] = [
        "ldld": ["lien", "doan", "lao", "dong"],
        "tld": ["tong", "lien", "doan", "lao", "dong"],
        "tldld": ["tong", "lien", "doan", "lao", "dong"],
        "cdcs": ["cong", "doan", "co", "so"],
        "cd": ["cong", "doan"],
        "ubnd": ["uy", "ban", "nhan", "dan"],
        "kcn": ["khu", "cong", "nghiep"],
        "tp": ["thanh", "pho"],
        "tx": ["thi", "xa"],
        "vn": ["viet", "nam"],
        "ttg": ["thu", "tuong"],
        "thpt": ["trung", "hoc", "pho", "thong"],
        "thcs": ["trung", "hoc", "co", "so"],
        "ubkt": ["uy", "ban", "kiem", "tra"],
        "cstd": ["chien", "si", "thi", "dua"],
        "ldtt": ["lao", "dong", "tien", "tien"],
        "hcld": ["huan", "chuong", "lao", "dong"],
    ]

    /// Words that change nothing in a name: `Bằng khen của LĐLĐ tỉnh`.
    static let fillers: Set<String> = ["cua"]
}
