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

    init(root: URL, displayPath: String) {
        self.root = root.standardizedFileURL
        resolvedRoot = root.standardizedFileURL.resolvingSymlinksInPath().path + "/"
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

    private func visibleEntries(_ url: URL) -> [String] {
        ((try? fileManager.contentsOfDirectory(atPath: url.path)) ?? [])
            .filter { !$0.hasPrefix(".") }
            .sorted()
    }

    /// Files the builder would otherwise silently skip.
    func reportUnknownEntries(bag: DiagnosticBag) {
        let known = Self.knownTopLevel
        for name in visibleEntries(root) where !known.contains(name) {
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
    func markdownItems(bag: DiagnosticBag, refused: inout [ItemPath]) -> [ItemPath] {
        var items: [ItemPath] = []
        for folder in ContentLoader.itemFolders {
            switch folderEntries(folder) {
            case .absent: continue
            case .unsafe(let diagnostic): bag.add(diagnostic)
            case .listed(let entries):
                for (_, entry) in entries {
                    switch entry {
                    case .item(let item): items.append(item)
                    case .refused(let item, let diagnostic): refused.append(item); bag.add(diagnostic)
                    case .other(let diagnostic): bag.add(diagnostic)
                    }
                }
            }
        }
        return items
    }

    enum Folder: Sendable {
        case absent
        /// A link to outside the content folder: not read.
        case unsafe(Diagnostic)
        /// Its entries by name, in name order.
        case listed([(String, Entry)])
    }

    /// The entries of one item folder, each classified.
    func folderEntries(_ folder: String) -> Folder {
        let folderURL = root.appendingPathComponent(folder)
        guard isDirectory(folderURL) else { return .absent }
        guard staysInside(folderURL) else {
            return .unsafe(Diagnostic(.error, "unsafe-path", "Thư mục \(folder)/ là liên kết tới nơi nằm ngoài thư mục nội dung; không được đọc.",
                                      file: display(folder), hint: "Chép thư mục thật vào thư mục nội dung thay vì tạo liên kết."))
        }
        // Checking each entry takes a few system calls: on every core, then reported in order.
        let files = self
        let names = visibleEntries(folderURL)
        return .listed(Array(zip(names, names.parallelMap { name in files.classify(name, in: folder) })))
    }

    enum Entry: Sendable {
        case item(ItemPath)
        case refused(ItemPath, Diagnostic)
        case other(Diagnostic)
    }

    /// What `name` in an item folder is: an item to read, a link refused, or something else.
    func classify(_ name: String, in folder: String) -> Entry {
        let url = root.appendingPathComponent(folder).appendingPathComponent(name)
        let path = display("\(folder)/\(name)")
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

    /// Every file under `media/`, as `media/…` paths. Links that lead outside the content
    /// folder are refused: publishing them could expose any file of the machine.
    func mediaFiles(bag: DiagnosticBag) -> Set<String> {
        let mediaURL = root.appendingPathComponent("media")
        // The walker does not descend into a linked folder: without this the media would
        // just be missing, and every photo reported as absent instead of the real cause.
        if FileIO.isLink(mediaURL.path), !staysInside(mediaURL) {
            bag.add(Diagnostic(.error, "unsafe-path", "Thư mục media/ là liên kết tới nơi nằm ngoài thư mục nội dung; không được đọc.",
                               file: display("media"), hint: "Chép thư mục ảnh và tài liệu thật vào thư mục nội dung thay vì tạo liên kết."))
            return []
        }
        guard isDirectory(mediaURL),
              let walker = fileManager.enumerator(at: mediaURL, includingPropertiesForKeys: [.isDirectoryKey, .isSymbolicLinkKey])
        else { return [] }
        var media: Set<String> = []
        for case let url as URL in walker {
            let values = try? url.resourceValues(forKeys: [.isDirectoryKey, .isSymbolicLinkKey])
            let relative = "media/" + String(url.standardizedFileURL.path.dropFirst(mediaURL.standardizedFileURL.path.count + 1))
            if url.lastPathComponent.hasPrefix(".") {
                if values?.isDirectory == true { walker.skipDescendants() }
                continue
            }
            if values?.isSymbolicLink == true, !staysInside(url) {
                bag.add(Diagnostic(.error, "unsafe-path", "\"\(relative)\" là liên kết tới tệp nằm ngoài thư mục nội dung.",
                                   file: display(relative), hint: "Chép tệp thật vào media/ thay vì tạo liên kết."))
                continue
            }
            if values?.isDirectory == true { continue }
            media.insert(VietnameseText.nfc(relative))
        }
        return media
    }
}
