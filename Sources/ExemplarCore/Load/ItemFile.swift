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
            let read = try SourceText.readNoting(url)
            guard let file = parse(read.text, id: itemID(for: url, at: source, bag: bag), path: path, bag: bag) else { return nil }
            return ItemFile(id: file.id, fields: file.fields, body: file.body.stored(in: url, plainStamp: read.plainStamp), source: file.source)
        } catch {
            bag.add(readFailure(error, at: source))
            return nil
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
        var diagnostics: [Diagnostic] = []
        let node = YAMLDocument.parse(parts.yaml, file: path, firstLine: parts.yamlFirstLine, into: &diagnostics)
        bag.add(contentsOf: diagnostics)
        if diagnostics.hasErrors { return nil }
        guard let fields = YAMLFields(node, file: path, firstLine: parts.yamlFirstLine, bag: bag,
                                      what: "Phần thông tin đầu tệp", fallback: source) else { return nil }
        return ItemFile(id: id, fields: fields,
                        body: Body(markdown: parts.body, firstLine: parts.bodyFirstLine), source: source)
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
