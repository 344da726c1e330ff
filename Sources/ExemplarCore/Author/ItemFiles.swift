import Foundation

/// Where new item files go in a content folder, and under which id. A new file never takes
/// the place of an existing one: a taken id gets a numbered suffix (`-2`, `-3` …).
public struct ItemFiles {
    public let content: URL
    /// Ids already given out in this run (an import that writes nothing yet, or many rows).
    public private(set) var allocated: Set<String> = []
    private var existing: [ContentSchema.ItemKind: Set<String>] = [:]

    public init(content: URL) {
        self.content = content
    }

    /// The id for an item called `name`: its slug, with a suffix when the slug is taken.
    /// Nil when the name has no letter or digit to make a slug from.
    public mutating func allocate(name: String, kind: ContentSchema.ItemKind) throws -> String? {
        let base = VietnameseText.slug(VietnameseText.nfc(name))
        guard !base.isEmpty else { return nil }
        var candidate = base
        var number = 1
        while try isTaken(candidate, kind: kind) {
            number += 1
            candidate = "\(base)-\(number)"
        }
        allocated.insert(candidate)
        return candidate
    }

    /// The file of an item, relative to the content folder: `individuals/nguyen-thi-hoa.md`.
    public static func relativePath(id: String, kind: ContentSchema.ItemKind) -> String {
        "\(kind.folder)/\(id).md"
    }

    /// Writes a new file, failing rather than replacing one that appeared in the meantime.
    public func create(id: String, kind: ContentSchema.ItemKind, text: String) throws -> URL {
        let url = content.appendingPathComponent(Self.relativePath(id: id, kind: kind))
        try FileManager().createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url, options: .withoutOverwriting)
        return url
    }

    private mutating func isTaken(_ id: String, kind: ContentSchema.ItemKind) throws -> Bool {
        if allocated.contains(id) { return true }
        if kind == .page, RootNames.isReserved(id) { return true }
        for sibling in kind.idSiblings where try ids(in: sibling).contains(id) { return true }
        return false
    }

    /// The ids the loader gives the files of a folder: the slug of each name, so
    /// `Nguyen-Thi-Hoa.md` takes `nguyen-thi-hoa` too.
    private mutating func ids(in kind: ContentSchema.ItemKind) throws -> Set<String> {
        if let known = existing[kind] { return known }
        let folder = content.appendingPathComponent(kind.folder)
        let names = FileManager().fileExists(atPath: folder.path)
            ? try FileManager().contentsOfDirectory(atPath: folder.path) : []
        let ids = Set(names.map { name in
            let stem = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
            return VietnameseText.slug(VietnameseText.nfc(stem))
        })
        existing[kind] = ids
        return ids
    }
}
