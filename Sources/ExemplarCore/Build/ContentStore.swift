import Foundation

/// The content folder as last read: every file with its stamp, its typed value and its
/// diagnostics, so that a rebuild reads again only the files that changed. What it
/// gives (`content()`) is what `ContentLoader.load` gives for the same folder.
struct ContentStore {
    let files: ContentFiles
    private var rootMissing = false
    private var unknownEntries: [Diagnostic] = []
    /// Folders that could not be listed (`""` for the content folder itself, `media/x`).
    private var rootUnreadable: Set<String> = []
    private var mediaUnreadable: Set<String> = []
    /// `site.yml` and the catalogues: small, so read again together when one of them changed.
    private var topLevelStamps: [String: SourceStamp] = [:]
    private var topLevel = Content()
    private var topLevelDiagnostics: [Diagnostic] = []
    private var folders: [String: Folder] = [:]
    private var media: Set<String> = []
    /// Score sheets, read again together when a file under `scores/` changed.
    private var scoreStamps: [String: SourceStamp] = [:]
    private var scores: [ScoreSheet] = []
    private var scoreDiagnostics: [Diagnostic] = []
    private var mediaDiagnostics: [Diagnostic] = []
    private var loaded = false

    /// One item folder: its entries by name, and the names in the order they are read.
    struct Folder {
        /// Problems with the folder itself, and what in it could not be listed.
        var diagnostics: [Diagnostic] = []
        var unreadable: Set<String> = []
        var names: [String] = []
        var entries: [String: Stored] = [:]
    }

    struct Stored: Sendable {
        var entry: ContentFiles.Entry
        var stamp: SourceStamp?
        var item: ContentLoader.Item?
        var diagnostics: [Diagnostic] = []
    }

    /// What one refresh found different from the previous one.
    struct Changes {
        var site = false
        var catalogues = false
        var media = false
        /// Item files read again, added or gone, as content paths (`individuals/x.md`),
        /// by file name and by the id the item gets.
        var items: Set<String> = []
        /// Exemplars whose score sheets changed.
        var scores: Set<String> = []
        var files = 0
        /// Whether any typed value may differ: an item's fields (not only its body text), a
        /// catalogue, `site.yml`, media, score sheets, a file added or removed. When false,
        /// checking, linking and planning give what they gave last time.
        var typed = false

        var any: Bool { site || catalogues || media || !items.isEmpty || !scores.isEmpty }
    }

    init(root: URL, displayPath: String) {
        files = ContentFiles(root: root, displayPath: displayPath)
    }

    private var isFolder: Bool {
        if case .folder = files.kind(files.root) { return true }
        return false
    }

    /// Looks again at the whole folder, reading only what is new or has another stamp.
    mutating func refreshAll() -> Changes {
        var changes = Changes()
        rootMissing = !isFolder
        if rootMissing {
            changes.site = true
            changes.typed = true
            folders = [:]
            return changes
        }
        // Read on another core while the item folders are read on every core.
        let topLevelReading = startTopLevel(&changes)
        refreshFolders(&changes)
        if let topLevelReading { (topLevel, topLevelDiagnostics) = topLevelReading.result() }
        refreshMedia(&changes)
        refreshScores(&changes)
        loaded = true
        return changes
    }

    /// Looks again at the given content paths only (`individuals/x.md`, `units.yml`,
    /// `media/a.jpg`); anything it cannot place makes it look at the whole folder.
    mutating func refresh(paths: [String]) -> Changes {
        guard loaded, !rootMissing else { return refreshAll() }
        var changes = Changes()
        var topLevel = false, media = false, scores = false
        var items: [(folder: String, name: String)] = []
        for path in paths {
            let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
            guard let first = parts.first else { return refreshAll() }
            if parts.count == 1, ContentLoader.knownFiles.contains(first) {
                topLevel = true
            } else if first == "media" {
                media = true
            } else if first == "scores" {
                scores = true
            } else if parts.count == 2, ContentLoader.itemFolders.contains(first), let state = folders[first],
                      state.diagnostics.isEmpty, state.unreadable.isEmpty {
                items.append((first, parts[1]))
            } else if parts.count > 1, !ContentLoader.itemFolders.contains(first) {
                continue  // inside a folder the builder does not read (scores/, an unknown one)
            } else {
                return refreshAll()
            }
        }
        if !isFolder { return refreshAll() }
        refreshUnknownEntries(&changes)
        if topLevel { refreshTopLevel(&changes) }
        for (folder, name) in items { refreshEntry(name, in: folder, &changes) }
        if media { refreshMedia(&changes) }
        if scores { refreshScores(&changes) }
        return changes
    }

    private mutating func refreshUnknownEntries(_ changes: inout Changes) {
        let bag = DiagnosticBag()
        var unreadable: Set<String> = []
        files.reportUnknownEntries(bag: bag, unreadable: &unreadable)
        unknownEntries = bag.items
        if unreadable != rootUnreadable { changes.typed = true }
        rootUnreadable = unreadable
    }

    private mutating func refreshTopLevel(_ changes: inout Changes) {
        if let reading = startTopLevel(&changes) { (topLevel, topLevelDiagnostics) = reading.result() }
    }

    /// Begins reading `site.yml` and the catalogues again when one of them changed: what they
    /// give, and the diagnostics, are for `topLevel` and `topLevelDiagnostics`.
    private mutating func startTopLevel(_ changes: inout Changes) -> BackgroundWork<(Content, [Diagnostic])>? {
        refreshUnknownEntries(&changes)
        var stamps: [String: SourceStamp] = [:]
        for name in ContentLoader.knownFiles {
            stamps[name] = SourceStamp(path: files.root.appendingPathComponent(name).path)
        }
        guard !loaded || stamps != topLevelStamps else { return nil }
        changes.site = !loaded || stamps["site.yml"] != topLevelStamps["site.yml"]
        changes.catalogues = true
        changes.typed = true
        topLevelStamps = stamps
        let files = self.files
        return BackgroundWork {
            let bag = DiagnosticBag()
            var content = Content()
            ContentLoader.readTopLevel(files, into: &content, bag: bag)
            return (content, bag.items)
        }
    }

    /// Looks again at every item folder; an item whose stamp did not change keeps what it gave.
    private mutating func refreshFolders(_ changes: inout Changes) {
        let before = folders
        let visited = files.itemFolders { folder, name, entry in
            Self.stored(entry, reusing: before[folder]?.entries[name])
        }
        // Each folder's table is made on a core of its own.
        let tables = visited.parallelMap { folder in
            var table: [String: Stored] = [:]
            table.reserveCapacity(folder.names.count)
            for (name, (value, _)) in zip(folder.names, folder.results) { table[name] = value }
            return table
        }
        for (folder, table) in zip(visited, tables) { refreshFolder(folder, entries: table, &changes) }
    }

    /// Takes a folder's entries as just looked at (`entries`: the same, by name).
    private mutating func refreshFolder(_ visited: ContentFiles.VisitedFolder<(Stored, Bool)>, entries: [String: Stored],
                                        _ changes: inout Changes) {
        let folder = visited.folder
        let old = folders[folder] ?? Folder()
        let new = Folder(diagnostics: visited.listing.diagnostics, unreadable: visited.listing.unreadable,
                         names: visited.names, entries: entries)
        // A first look has nothing to compare with: the whole site counts as changed (`site`).
        if loaded {
            for (name, (value, reread)) in zip(visited.names, visited.results) where reread {
                changes.noteItem(folder, name, value, before: old.entries[name])
            }
        }
        for (name, gone) in old.entries where entries[name] == nil { changes.noteItem(folder, name, gone, before: nil) }
        if new.diagnostics != old.diagnostics || new.unreadable != old.unreadable { changes.typed = true }
        folders[folder] = new
    }

    private mutating func refreshEntry(_ name: String, in folder: String, _ changes: inout Changes) {
        // Taken out while changed, so that its entries are not copied whole for one file.
        var state = folders.removeValue(forKey: folder) ?? Folder()
        let url = files.root.appendingPathComponent(folder).appendingPathComponent(name)
        let present = !name.hasPrefix(".") && SourceStamp(path: url.path) != nil
        if present {
            let (value, reread) = Self.stored(files.classify(name, in: folder), reusing: state.entries[name])
            if state.entries[name] == nil {
                let index = state.names.firstIndex { $0 > name } ?? state.names.endIndex
                state.names.insert(name, at: index)
            }
            let before = state.entries[name]
            state.entries[name] = value
            if reread { changes.noteItem(folder, name, value, before: before) }
        } else if let gone = state.entries.removeValue(forKey: name) {
            state.names.removeAll { $0 == name }
            changes.noteItem(folder, name, gone, before: nil)
        }
        folders[folder] = state
    }

    /// The entry as stored, and whether it was read again: an item whose stamp did not
    /// change keeps what it gave last time.
    private static func stored(_ entry: ContentFiles.Entry, reusing old: Stored?) -> (Stored, Bool) {
        guard case .item(let path) = entry else { return (Stored(entry: entry), old.map { $0.differs(from: entry) } ?? true) }
        let stamp = SourceStamp(path: path.url.path)
        if let old, case .item = old.entry, let stamp, old.stamp == stamp { return (old, false) }
        let (item, diagnostics) = ContentLoader.readItem(path)
        return (Stored(entry: entry, stamp: stamp, item: item, diagnostics: diagnostics), true)
    }

    private mutating func refreshMedia(_ changes: inout Changes) {
        let bag = DiagnosticBag()
        var unreadable: Set<String> = []
        let found = files.mediaFiles(bag: bag, unreadable: &unreadable)
        if found != media || unreadable != mediaUnreadable {
            changes.media = true
            changes.typed = true
        }
        mediaUnreadable = unreadable
        media = found
        mediaDiagnostics = bag.items
    }

    private mutating func refreshScores(_ changes: inout Changes) {
        var stamps: [String: SourceStamp] = [:]
        let folder = files.root.appendingPathComponent("scores")
        stamps[""] = SourceStamp(path: folder.path)
        for case let relative as String in FileManager().enumerator(atPath: folder.path) ?? FileManager.DirectoryEnumerator() {
            stamps[relative] = SourceStamp(path: folder.path + "/" + relative)
        }
        guard !loaded || stamps != scoreStamps else { return }
        scoreStamps = stamps
        let (sheets, diagnostics) = ScoresLoader.loadScores(from: files.root, displayPath: files.displayPath)
        let before = Dictionary(grouping: scores, by: \.id), after = Dictionary(grouping: sheets, by: \.id)
        changes.scores = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }
        if !changes.scores.isEmpty { changes.typed = true }
        scores = sheets
        scoreDiagnostics = diagnostics
    }

    /// The content, and the loader's diagnostics in the order `ContentLoader.load` gives them.
    func content() -> (Content, [Diagnostic]) {
        gather(content: true)
    }

    /// The diagnostics `content()` gives, without putting the content together: what a build
    /// that keeps the previous site needs.
    func diagnostics() -> [Diagnostic] {
        gather(content: false).1
    }

    private func gather(content wanted: Bool) -> (Content, [Diagnostic]) {
        guard !rootMissing else { return ContentLoader.load(from: files.root, displayPath: files.displayPath) }
        var content = wanted ? topLevel : Content()
        var diagnostics = unknownEntries + topLevelDiagnostics
        var refused: [ContentFiles.ItemPath] = []
        var itemDiagnostics: [Diagnostic] = []
        for folder in ContentLoader.itemFolders {
            guard let state = folders[folder] else { continue }
            diagnostics += state.diagnostics
            content.unloaded.folders.formUnion(state.unreadable)
            for name in state.names {
                guard let stored = state.entries[name] else { continue }
                switch stored.entry {
                case .item(let path):
                    itemDiagnostics += stored.diagnostics
                    if wanted { content.add(stored.item, from: path) }
                case .refused(let path, let diagnostic):
                    refused.append(path)
                    diagnostics.append(diagnostic)
                case .other(let diagnostic):
                    diagnostics.append(diagnostic)
                }
            }
        }
        for path in refused { content.unloaded.add(path) }
        content.media = media
        content.unloaded.folders.formUnion(rootUnreadable.union(mediaUnreadable))
        content.scores = scores
        return (content, diagnostics + itemDiagnostics + mediaDiagnostics + scoreDiagnostics)
    }
}

private extension ContentStore.Stored {
    /// Whether a file that is no item to read is now something else than it was.
    func differs(from entry: ContentFiles.Entry) -> Bool {
        switch (self.entry, entry) {
        case (.other, .other): return false
        case (.refused, .refused): return false
        default: return true
        }
    }
}

private extension ContentStore.Changes {
    /// Whether an entry read again gives the same typed value (its body text aside).
    static func sameTypedValue(_ old: ContentStore.Stored?, _ new: ContentStore.Stored) -> Bool {
        guard let old else { return false }
        switch (old.entry, new.entry) {
        case (.item, .item): return old.item == new.item
        case (.other, .other), (.refused, .refused): return true
        default: return false
        }
    }

    /// A file read again, added (`before` nil) or gone (`before` nil, `stored` what it was).
    mutating func noteItem(_ folder: String, _ name: String, _ stored: ContentStore.Stored, before: ContentStore.Stored?) {
        files += 1
        if !Self.sameTypedValue(before, stored) { typed = true }
        items.insert("\(folder)/\(name)")
        if case .item(let path) = stored.entry { items.insert("\(folder)/\(ItemFile.id(for: path.url)).md") }
    }
}
