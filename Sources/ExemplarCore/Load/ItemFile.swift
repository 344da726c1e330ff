import Foundation

/// One Markdown content file opened for reading: its id, its front matter fields and its body.
struct ItemFile {
    let id: String
    let fields: YAMLFields
    let body: Body
    let source: SourceLocation

    /// `path` is relative to the content folder's parent, as diagnostics show it
    /// (`content/individuals/x.md`). Returns nil when nothing useful could be read;
    /// the reasons are in `bag`.
    static func open(_ url: URL, path: String, bag: DiagnosticBag) -> ItemFile? {
        let source = SourceLocation(file: path, line: 1, column: 0)
        do {
            let (data, stamp) = try SourceText.readBytes(url)
            if let plain = plainParts(data) {
                let body = Body(file: url, firstLine: plain.bodyFirstLine, isBlank: plain.isBlank, plainStamp: stamp)
                return parse(yaml: plain.yaml, body: body, id: itemID(for: url, at: source, bag: bag), path: path, bag: bag)
            }
            let (text, plain) = try SourceText.decodeNoting(data)
            guard let file = parse(text, id: itemID(for: url, at: source, bag: bag), path: path, bag: bag) else { return nil }
            return ItemFile(id: file.id, fields: file.fields, body: file.body.stored(in: url, plainStamp: plain ? stamp : nil), source: file.source)
        } catch {
            bag.add(readFailure(error, at: source))
            return nil
        }
    }

    /// The front matter of a file whose bytes are its text as read (`PlainBytes.isPlain`)
    /// and split at their fences, with where the body starts and whether it is blank: the
    /// body is not made a String, as rendering reads it again. Nil for any other file, which
    /// is read the general way, with its diagnostics.
    private static func plainParts(_ data: Data) -> (yaml: String, bodyFirstLine: Int, isBlank: Bool)? {
        data.withUnsafeBytes { raw in
            let bytes = SourceText.withoutByteOrderMark(raw.bindMemory(to: UInt8.self))
            guard PlainBytes.isPlain(bytes) else { return nil }
            let ranges: FrontMatter.Ranges
            do {
                ranges = try FrontMatter.ranges(bytes)
            } catch {
                return nil
            }
            let yaml = String(decoding: UnsafeBufferPointer(rebasing: bytes[ranges.plainYAML]), as: UTF8.self)
            return (yaml, ranges.bodyFirstLine, PlainBytes.isBlank(UnsafeBufferPointer(rebasing: bytes[ranges.bodyStart...])))
        }
    }

    /// The same from text already read: what `open` does after reading, and what the fuzzer drives.
    static func parse(_ text: String, id: String, path: String, bag: DiagnosticBag) -> ItemFile? {
        let source = SourceLocation(file: path, line: 1, column: 0)
        let parts: FrontMatter
        do {
            parts = try FrontMatter.split(text)
        } catch .missingOpeningFence {
            bag.add(.error("missing-front-matter", "Tệp không bắt đầu bằng phần thông tin (dòng `---`).",
                           at: source, hint: "Dòng đầu tiên của tệp phải là `---`, tiếp theo là các dòng `khoá: giá trị`, rồi một dòng `---` nữa."))
            return nil
        } catch {
            bag.add(.error("unclosed-front-matter", "Phần thông tin mở bằng `---` ở dòng 1 nhưng không có dòng `---` đóng lại.",
                           at: source, hint: "Thêm một dòng chỉ có `---` sau khoá cuối cùng, trước phần nội dung."))
            return nil
        }
        return parse(yaml: parts.yaml, body: Body(markdown: parts.body, firstLine: parts.bodyFirstLine), id: id, path: path, bag: bag)
    }

    /// The front matter's fields read, with the body as the caller has it.
    private static func parse(yaml: String, body: Body, id: String, path: String, bag: DiagnosticBag) -> ItemFile? {
        let source = SourceLocation(file: path, line: 1, column: 0)
        // The front matter starts on line 2, after the opening fence.
        let firstLine = 2
        var diagnostics: [Diagnostic] = []
        let node = YAMLDocument.parse(yaml, file: path, firstLine: firstLine, into: &diagnostics)
        bag.add(contentsOf: diagnostics)
        if diagnostics.hasErrors { return nil }
        guard let fields = YAMLFields(node, file: path, firstLine: firstLine, bag: bag,
                                      what: "Phần thông tin đầu tệp", fallback: source) else { return nil }
        return ItemFile(id: id, fields: fields, body: body, source: source)
    }

    /// The id is the file name; a name with capitals, spaces or diacritics still works,
    /// under its slug, with a warning so links stay predictable.
    static func itemID(for url: URL, at source: SourceLocation, bag: DiagnosticBag) -> String {
        let name = name(of: url)
        let id = id(named: name)
        if id != name {
            bag.add(.warning("file-name", "Tên tệp \"\(name)\" không phải dạng mã (chữ thường không dấu, nối bằng `-`); mã được dùng là `\(id)`.",
                             at: source, hint: "Đổi tên tệp thành `\(id).\(url.pathExtension)`."))
        }
        return id
    }

    /// The id a file gives its item, without reporting anything: also the id of a file
    /// that failed to load, which other files may still name.
    static func id(for url: URL) -> String {
        id(named: name(of: url))
    }

    /// The file's name without its extension, in NFC.
    private static func name(of url: URL) -> String {
        let file = url.lastPathComponent
        // Content files end in `.md`, cut off here without Foundation's general rules for extensions.
        if file.utf8.count > 3, file.hasSuffix(".md") { return VietnameseText.nfc(String(file.dropLast(3))) }
        return VietnameseText.nfc(url.deletingPathExtension().lastPathComponent)
    }

    private static func id(named name: String) -> String {
        if VietnameseText.isSlug(name) { return name }
        let slug = VietnameseText.slug(name)
        return slug.isEmpty ? "item" : slug
    }

    static func readFailure(_ error: SourceText.Failure, at source: SourceLocation) -> Diagnostic {
        switch error {
        case .unreadable(let reason, let hint):
            return .error("unreadable-file", "Không đọc được tệp: \(reason).", at: source, hint: hint)
        case .notUTF8(let line):
            var at = source
            at.line = line
            return .error("not-utf8", "Tệp không phải văn bản UTF-8.", at: at,
                          hint: "Lưu lại tệp với bảng mã UTF-8 (trong trình soạn thảo: Save with Encoding → UTF-8).")
        }
    }
}

extension Body {
    /// A body left in its file, read at load only for whether it is blank.
    init(file: URL, firstLine: Int, isBlank: Bool, plainStamp: SourceStamp?) {
        storage = .file(file)
        self.firstLine = firstLine
        self.isBlank = isBlank
        self.plainStamp = plainStamp
    }
}
