/// What is in the content folder but could not be read: an item file with a YAML error or
/// without its `name`, a catalogue entry without its `kind`, a whole `units.yml` that does
/// not parse. Its own error is reported where it is; references to it are not reported again
/// as "does not exist", which would send the author looking for a file that is right there.
public struct Unloaded: Sendable {
    /// Ids of item files that failed, by folder (`collectives`, `individuals`, `models` …).
    public var items: [String: Set<String>] = [:]
    /// Content paths of those files (`individuals/x.md`), as body links name them.
    public var paths: Set<String> = []
    /// Ids of catalogue entries that failed, by file (`units.yml` …).
    public var entries: [String: Set<String>] = [:]
    /// Catalogues that could not be read at all: any id may have been in them.
    public var catalogues: Set<String> = []
    /// Folders that could not be listed (`individuals`, `media/photos`): any file may be in them.
    public var folders: Set<String> = []

    public init() {}

    public var exemplars: Set<String> { items["collectives", default: []].union(items["individuals", default: []]) }

    /// Whether `path` (relative to the content folder) lies in a folder that could not be listed.
    public func inUnreadableFolder(_ path: String) -> Bool {
        var prefix = Substring(path)
        while let slash = prefix.lastIndex(of: "/") {
            prefix = prefix[..<slash]
            if folders.contains(String(prefix)) { return true }
        }
        return false
    }
}

extension Unloaded {
    /// Records an item file that did not give an item, under its id and its content path.
    mutating func add(_ file: ContentFiles.ItemPath) {
        let id = ItemFile.id(for: file.url)
        items[file.folder, default: []].insert(id)
        paths.insert("\(file.folder)/\(id).md")
        paths.insert("\(file.folder)/\(VietnameseText.nfc(file.url.lastPathComponent))")
    }
}
