#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The first stage: reads a content folder into typed values, in parallel,
/// collecting every problem instead of stopping at the first.
public enum ContentLoader {
    /// Top-level entries of a content folder that the builder knows.
    static let knownFiles: Set<String> = ["site.yml", "units.yml", "criteria.yml", "awards.yml", "fields.yml"]
    static let itemFolders = ["collectives", "individuals", "models", "events", "pages"]
    static let otherFolders: Set<String> = ["media", "scores"]

    /// `root` is the content folder; `displayPath` is how diagnostics name it (`content`).
    public static func load(from root: URL, displayPath: String) -> (Content, [Diagnostic]) {
        let bag = DiagnosticBag()
        var content = Content()
        let files = ContentFiles(root: root, displayPath: displayPath)

        switch files.kind(root) {
        case .folder:
            break
        case .failed(let error) where error.code != ENOTDIR:
            bag.add(Diagnostic(.error, "missing-content", "Không đọc được thư mục nội dung \"\(displayPath)\": \(error.cause).",
                               file: displayPath, hint: error.remedy))
            return (content, bag.items)
        default:
            bag.add(Diagnostic(.error, "missing-content", "Không tìm thấy thư mục nội dung \"\(displayPath)\".",
                               file: displayPath, hint: "Chạy lệnh trong thư mục của trang, hoặc chỉ đường dẫn bằng `--content`."))
            return (content, bag.items)
        }
        var unreadable: Set<String> = []
        files.reportUnknownEntries(bag: bag, unreadable: &unreadable)

        readTopLevel(files, into: &content, bag: bag)

        var refused: [ContentFiles.ItemPath] = []
        let paths = files.markdownItems(bag: bag, refused: &refused, unreadable: &unreadable)
        let items = paths.parallelMap { readItem($0) }
        for ((item, diagnostics), path) in zip(items, paths) {
            bag.add(contentsOf: diagnostics)
            content.add(item, from: path)
        }
        for path in refused { content.unloaded.add(path) }
        content.media = files.mediaFiles(bag: bag, unreadable: &unreadable)
        content.unloaded.folders = unreadable
        let (scores, scoreDiagnostics) = ScoresLoader.loadScores(from: root, displayPath: displayPath)
        content.scores = scores
        bag.add(contentsOf: scoreDiagnostics)
        return (content, bag.items)
    }

    /// `site.yml` and the catalogues, with the built-in defaults merged in.
    static func readTopLevel(_ files: ContentFiles, into content: inout Content, bag: DiagnosticBag) {
        if let url = files.existing("site.yml", bag: bag) {
            content.site = SiteReader.read(url, path: files.display("site.yml"), bag: bag)
        } else if files.isAbsent("site.yml") {
            bag.add(Diagnostic(.warning, "missing-site", "Không có tệp site.yml; dùng tên và cấu hình mặc định.",
                               file: files.display("site.yml"), hint: "Tạo site.yml với ít nhất `title:` và `base_url:`."))
        }
        content.units = catalogue("units.yml", files: files, bag: bag, into: &content.unloaded, read: CatalogueReader.units)
        let siteAwards = catalogue("awards.yml", files: files, bag: bag, into: &content.unloaded, read: CatalogueReader.awards)
        content.awards = CatalogueReader.merge(defaults: DefaultAwards.all, site: siteAwards, id: \.id)
        let siteFields = catalogue("fields.yml", files: files, bag: bag, into: &content.unloaded, read: CatalogueReader.fields)
        content.fields = CatalogueReader.merge(defaults: DefaultFields.all, site: siteFields, id: \.id)
        let siteCriteria = catalogue("criteria.yml", files: files, bag: bag, into: &content.unloaded, read: CatalogueReader.criteria)
        content.criteria = CatalogueReader.merge(defaults: DefaultCriteria.all, site: siteCriteria) { "\($0.appliesTo)/\($0.id)" }
    }

    /// A catalogue's own entries (the defaults are merged by the caller); what it held but
    /// could not read goes to `unloaded`. A file that is there but refused (a link to
    /// outside) counts as unread too.
    private static func catalogue<Entry>(
        _ name: String, files: ContentFiles, bag: DiagnosticBag, into unloaded: inout Unloaded,
        read: (URL, String, DiagnosticBag) -> CatalogueReader.Read<Entry>
    ) -> [Entry] {
        guard let url = files.existing(name, bag: bag) else {
            if !files.isAbsent(name) { unloaded.catalogues.insert(name) }
            return []
        }
        let result = read(url, files.display(name), bag)
        if result.failed { unloaded.catalogues.insert(name) }
        if !result.unloadedIDs.isEmpty { unloaded.entries[name, default: []].formUnion(result.unloadedIDs) }
        return result.entries
    }

    public enum Item: Sendable, Hashable {
        case exemplar(Exemplar), initiative(Initiative), event(Event), page(FreePage)
    }

    /// Reads one Markdown item; also what a watcher calls when a single file changed.
    static func readItem(_ file: ContentFiles.ItemPath) -> (Item?, [Diagnostic]) {
        let bag = DiagnosticBag()
        guard let opened = ItemFile.open(file.url, path: file.display, bag: bag) else { return (nil, bag.items) }
        return (item(opened, folder: file.folder), bag.items)
    }

    /// Reads one item from raw bytes, as if it were the file `folder/id.md`: the whole
    /// per-file path (UTF-8 check, front matter, YAML, typed fields) without touching disk.
    public static func readItem(bytes: Data, folder: String, id: String) -> (Item?, [Diagnostic]) {
        let bag = DiagnosticBag()
        let path = "content/\(folder)/\(id).md"
        do {
            let text = try SourceText.decode(bytes)
            guard let parsed = ItemFile.parse(text, id: id, path: path, bag: bag) else { return (nil, bag.items) }
            return (item(parsed, folder: folder), bag.items)
        } catch {
            bag.add(ItemFile.readFailure(error, at: SourceLocation(file: path, line: 1)))
            return (nil, bag.items)
        }
    }

    private static func item(_ opened: ItemFile, folder: String) -> Item? {
        let item: Item?
        switch folder {
        case "collectives": item = ExemplarReader.read(opened, kind: .collective).map(Item.exemplar)
        case "individuals": item = ExemplarReader.read(opened, kind: .individual).map(Item.exemplar)
        case "models": item = InitiativeReader.read(opened).map(Item.initiative)
        case "events": item = EventReader.read(opened).map(Item.event)
        default: item = PageReader.read(opened).map(Item.page)
        }
        return item
    }
}

extension Content {
    /// Adds what one item file gave; a file that gave nothing is recorded as unloaded.
    mutating func add(_ item: ContentLoader.Item?, from path: ContentFiles.ItemPath) {
        switch item {
        case .exemplar(let exemplar): exemplars.append(exemplar)
        case .initiative(let initiative): initiatives.append(initiative)
        case .event(let event): events.append(event)
        case .page(let page): pages.append(page)
        case nil: unloaded.add(path)
        }
    }
}
