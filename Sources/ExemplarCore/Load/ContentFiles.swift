#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// What is in a content folder, by the content model's layout.
struct ContentFiles {
    struct ItemPath: Sendable {
        var folder: String
        var url: URL
        var display: String
    }

    let root: URL
    let displayPath: String
    private let fileManager = FileManager()
    /// The content folder with links resolved, computed once for `staysInside`.
    private let resolvedRoot: String
    /// The content folder's path ("" for `/`), which an item's path is written after: a `URL`
    /// made from a whole path costs a third of one made by adding two components to another.
    private let rootPath: String

    init(root: URL, displayPath: String) {
        self.root = root.standardizedFileURL
        resolvedRoot = root.standardizedFileURL.resolvingSymlinksInPath().path + "/"
        rootPath = self.root.path == "/" ? "" : self.root.path
        self.displayPath = displayPath.hasSuffix("/") ? String(displayPath.dropLast()) : displayPath
    }

    func display(_ relative: String) -> String { displayPath + "/" + relative }

    func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// A top-level file of the content model, or nil when there is none. A link that leads
    /// outside the content folder (or nowhere) is an error, not an absent file: falling back
    /// to the defaults in silence would publish a site without its units or its title.
    func existing(_ relative: String, bag: DiagnosticBag) -> URL? {
        let url = root.appendingPathComponent(relative)
        let exists = fileManager.fileExists(atPath: url.path)
        guard exists || FileIO.isLink(url.path) else { return nil }
        guard exists, staysInside(url) else {
            bag.add(Diagnostic(.error, "unsafe-path", "\"\(relative)\" là liên kết tới tệp nằm ngoài thư mục nội dung (hoặc tới tệp không còn); tệp không được đọc.",
                               file: display(relative), hint: "Chép tệp \(relative) thật vào thư mục nội dung thay vì tạo liên kết."))
            return nil
        }
        return url
    }

    /// Whether nothing at all, not even a broken link, is at `relative`.
    func isAbsent(_ relative: String) -> Bool {
        let path = root.appendingPathComponent(relative).path
        return !fileManager.fileExists(atPath: path) && !FileIO.isLink(path)
    }

    /// Whether a file, after following links, is still inside the content folder:
    /// a link to elsewhere could publish any file of the machine.
    func staysInside(_ url: URL) -> Bool {
        guard FileIO.isLink(url.path) || !url.path.hasPrefix(root.path + "/") else { return true }
        return url.resolvingSymlinksInPath().path.hasPrefix(resolvedRoot)
    }

    /// The names in a folder that do not start with `.`, sorted. A folder that cannot be
    /// listed, or a name that is not UTF-8, is reported naming the folder and the cause, and
    /// recorded in `unreadable` so that references into it are not reported as missing too.
    func visibleEntries(_ url: URL, relative: String, bag: DiagnosticBag, unreadable: inout Set<String>) -> [String] {
        let folder = relative.isEmpty ? displayPath : display(relative)
        let raw: [[UInt8]]
        do {
            raw = try FileIO.rawNames(in: url.path)
        } catch {
            bag.add(Diagnostic(.error, "unreadable-folder", "Không đọc được thư mục \(folder): \(error.cause); mọi tệp trong đó bị bỏ qua.",
                               file: folder, hint: error.remedy))
            unreadable.insert(relative)
            return []
        }
        var names: [String] = []
        for bytes in raw where bytes.first != 0x2E {
            guard let name = String(validating: bytes, as: UTF8.self) else {
                bag.add(contentsOf: FolderWalk.diagnostics(.badName(folder: "", escaped: PrintableName.escape(bytes)),
                                                           folder: folder, code: "file-name", skipped: "tệp bị bỏ qua"))
                continue
            }
            names.append(name)
        }
        return names.sorted()
    }

    /// What is at a path, following links; errors other than "nothing there" are kept.
    enum Kind { case absent, folder, other, failed(SystemError) }

    func kind(_ url: URL) -> Kind {
        var info = stat()
        guard stat(url.path, &info) == 0 else {
            let error = SystemError.current()
            return error.code == ENOENT ? .absent : .failed(error)
        }
        return (info.st_mode & S_IFMT) == S_IFDIR ? .folder : .other
    }

    /// Files the builder would otherwise silently skip.
    func reportUnknownEntries(bag: DiagnosticBag, unreadable: inout Set<String>) {
        let known = Self.knownTopLevel
        for name in visibleEntries(root, relative: "", bag: bag, unreadable: &unreadable) where !known.contains(name) {
            let guess = Suggestion.closest(to: name, among: known)
            bag.add(Diagnostic(.warning, "unknown-file", "\"\(name)\" không thuộc thư mục hay tệp nào của mô hình nội dung; tệp này bị bỏ qua.",
                               file: display(name),
                               hint: guess.map { "Có phải bạn muốn đặt tên là `\($0)`?" }
                                ?? "Các mục được đọc: \(known.sorted().joined(separator: ", "))."))
        }
    }

    static var knownTopLevel: Set<String> {
        ContentLoader.knownFiles.union(ContentLoader.itemFolders).union(ContentLoader.otherFolders)
    }

    /// The `.md` files to read. Files refused as links to outside go to `refused`: they
    /// exist, so references to them must not be reported as missing too.
    func markdownItems(bag: DiagnosticBag, refused: inout [ItemPath], unreadable: inout Set<String>) -> [ItemPath] {
        var items: [ItemPath] = []
        for folder in itemFolders(visit: { _, _, entry in entry }) {
            bag.add(contentsOf: folder.listing.diagnostics)
            unreadable.formUnion(folder.listing.unreadable)
            for entry in folder.results {
                switch entry {
                case .item(let item): items.append(item)
                case .refused(let item, let diagnostic): refused.append(item); bag.add(diagnostic)
                case .other(let diagnostic): bag.add(diagnostic)
                }
            }
        }
        return items
    }

    /// Problems with an item folder itself, and what in it could not be listed.
    struct FolderListing: Sendable {
        var diagnostics: [Diagnostic] = []
        var unreadable: Set<String> = []
    }

    /// One item folder as looked at: its listing, its visible names in name order, and what
    /// `visit` gave for each of them.
    struct VisitedFolder<T: Sendable>: Sendable {
        var folder: String
        var listing: FolderListing
        var names: [String]
        /// A part of one array shared by every folder: results are not copied per folder.
        var results: ArraySlice<T>
    }

    /// Every item folder, each entry classified and handed to `visit` (which may read it), in
    /// one pass over every core for the entries of all folders: a pass per folder would leave
    /// cores idle at the end of each. Folders in `ContentLoader.itemFolders` order.
    func itemFolders<T: Sendable>(visit: @Sendable (_ folder: String, _ name: String, Entry) -> T) -> [VisitedFolder<T>] {
        let files = self
        // The folders are listed side by side too: a listing is sorted, and the largest hold thousands.
        let listings = ContentLoader.itemFolders.parallelMap { folder in
            var listing = FolderListing()
            let names = files.folderNames(folder, into: &listing)
            return (folder: folder, listing: listing, names: names)
        }
        let entries = listings.flatMap { folder, _, names in names.map { (folder: folder, name: $0) } }
        let results = entries.parallelMap { entry in visit(entry.folder, entry.name, files.classify(entry.name, in: entry.folder)) }
        var start = 0
        return listings.map { folder, listing, names in
            defer { start += names.count }
            return VisitedFolder(folder: folder, listing: listing, names: names, results: results[start..<start + names.count])
        }
    }

    /// The visible names in an item folder, in name order, for `classify`; problems with the
    /// folder itself, and what in it could not be listed, go to `listing`.
    func folderNames(_ folder: String, into listing: inout FolderListing) -> [String] {
        let folderURL = root.appendingPathComponent(folder)
        switch kind(folderURL) {
        case .absent: return []
        case .folder: break
        case .other:
            listing.diagnostics.append(Diagnostic(.error, "unreadable-folder", "\(folder) phải là một thư mục chứa các tệp .md; mục này bị bỏ qua.",
                                                  file: display(folder), hint: "Đổi tên tệp \(folder) và tạo thư mục \(folder)/."))
            listing.unreadable.insert(folder)
            return []
        case .failed(let error):
            listing.diagnostics.append(Diagnostic(.error, "unreadable-folder", "Không đọc được thư mục \(display(folder)): \(error.cause); mọi tệp trong đó bị bỏ qua.",
                                                  file: display(folder), hint: error.remedy))
            listing.unreadable.insert(folder)
            return []
        }
        guard staysInside(folderURL) else {
            listing.diagnostics.append(Diagnostic(.error, "unsafe-path", "Thư mục \(folder)/ là liên kết tới nơi nằm ngoài thư mục nội dung; không được đọc.",
                                                  file: display(folder), hint: "Chép thư mục thật vào thư mục nội dung thay vì tạo liên kết."))
            return []
        }
        let bag = DiagnosticBag()
        let names = visibleEntries(folderURL, relative: folder, bag: bag, unreadable: &listing.unreadable)
        listing.diagnostics += bag.items
        return names
    }

    enum Entry: Sendable {
        case item(ItemPath)
        case refused(ItemPath, Diagnostic)
        case other(Diagnostic)
    }

    /// What `name` in an item folder is: an item to read, a file refused, or something else.
    func classify(_ name: String, in folder: String) -> Entry {
        // Told that it is a file: left to find out, `URL` asks the file system.
        let filePath = rootPath + "/" + folder + "/" + name
        let url = URL(fileURLWithPath: filePath, isDirectory: false)
        let path = display("\(folder)/\(name)")
        var info = stat()
        if lstat(filePath, &info) != 0 {
            let error = SystemError.current()
            return .refused(ItemPath(folder: folder, url: url, display: path),
                            Diagnostic(.error, "unreadable-file", "Không đọc được \"\(PrintableName.escape(name))\" trong \(folder)/: \(error.cause).",
                                       file: path, hint: error.remedy))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG, S_IFDIR, S_IFLNK: break
        default:
            let problem = Diagnostic(.error, "unreadable-file", "\"\(PrintableName.escape(name))\" trong \(folder)/ là \(FileIO.kind(info.st_mode)), không phải tệp thường; không được đọc.",
                                     file: path, hint: "Thay bằng tệp .md thật, hoặc xoá nó đi.")
            return name.hasSuffix(".md") ? .refused(ItemPath(folder: folder, url: url, display: path), problem) : .other(problem)
        }
        // A regular file is neither a folder nor a link leading out of the content folder.
        if (info.st_mode & S_IFMT) == S_IFREG, name.hasSuffix(".md") {
            return .item(ItemPath(folder: folder, url: url, display: path))
        }
        guard name.hasSuffix(".md"), !isDirectory(url) else {
            return .other(Diagnostic(.warning, "unknown-file", "\"\(name)\" trong \(folder)/ không phải tệp .md nên bị bỏ qua.",
                                     file: path, hint: "Mỗi mục là một tệp `.md` nằm ngay trong \(folder)/."))
        }
        let item = ItemPath(folder: folder, url: url, display: path)
        guard staysInside(url) else {
            return .refused(item, Diagnostic(.error, "unsafe-path", "\"\(name)\" là liên kết tới tệp nằm ngoài thư mục nội dung; tệp không được đọc.",
                                             file: path, hint: "Chép nội dung thật vào thư mục nội dung thay vì tạo liên kết."))
        }
        return .item(item)
    }

    /// Every file under `media/`, as `media/…` paths. Links are refused: media are copied
    /// without following links, so that nothing outside the content folder is published.
    /// Folders that cannot be read go to `unreadable` (as `media/…`).
    func mediaFiles(bag: DiagnosticBag, unreadable: inout Set<String>) -> Set<String> {
        let mediaURL = root.appendingPathComponent("media")
        if FileIO.isLink(mediaURL.path) {
            bag.add(Diagnostic(.error, "unsafe-path", "Thư mục media/ là liên kết (symlink); ảnh và tài liệu không được chép qua liên kết.",
                               file: display("media"), hint: "Chép thư mục ảnh và tài liệu thật vào thư mục nội dung thay vì tạo liên kết."))
            unreadable.insert("media")
            return []
        }
        switch kind(mediaURL) {
        case .absent: return []
        case .folder: break
        case .other:
            bag.add(Diagnostic(.error, "unreadable-folder", "media phải là một thư mục.", file: display("media"),
                               hint: "Đổi tên tệp media và tạo thư mục media/ chứa ảnh và tài liệu."))
            unreadable.insert("media")
            return []
        case .failed(let error):
            bag.add(Diagnostic(.error, "unreadable-folder", "Không đọc được thư mục \(display("media")): \(error.cause); mọi tệp trong đó bị bỏ qua.",
                               file: display("media"), hint: error.remedy))
            unreadable.insert("media")
            return []
        }
        var media: Set<String> = []
        for entry in FolderWalk.walk(mediaURL.path, skipHidden: true) {
            switch entry {
            case .file(let path):
                media.insert(VietnameseText.nfc("media/" + path))
            case .unreadable(let path, _):
                unreadable.insert(VietnameseText.nfc(path.isEmpty ? "media" : "media/" + path))
                fallthrough
            default:
                bag.add(contentsOf: FolderWalk.diagnostics(entry, folder: display("media"), code: "unreadable-folder",
                                                           skipped: "nên không được đưa vào trang web"))
            }
        }
        return media
    }
}
