import CMark
import Foundation

/// Markdown bodies to HTML with libcmark, in safe mode unless the site opts in.
///
/// Links and images are rewritten on the syntax tree before rendering: a link to another
/// content file (`../models/x.md`) becomes that page's URL, and one that leads nowhere
/// is reported at its line. Headings get ids so that `#fragment` links reach them.
struct Markdown: Sendable {
    let allowRawHTML: Bool
    let links: LinkResolver
    /// Ids the page around the body already uses.
    var reservedIDs: Set<String> = []
    /// Other bodies' ids, for `#fragment` links between pages; nil: those are not checked.
    var anchors: AnchorIndex?
    /// Sizes of the photos bodies show.
    var images: BodyImages?
    /// Notes the body read and where its links went, as inputs of the page being built.
    var reads: Reads?

    /// `folder` is the item's folder inside the content folder (`individuals`), which
    /// relative links start from.
    /// The HTML stays UTF-8 bytes from libcmark to the page: a body is read as valid UTF-8,
    /// libcmark writes it valid, and making it a `String` would only check it again.
    func render(_ body: Body, folder: String, file: String) -> (html: [UInt8], diagnostics: [Diagnostic]) {
        let options = allowRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        reads?.note(.body(folder + "/" + (file.split(separator: "/").last.map(String.init) ?? file)))
        let text: [UInt8]
        switch body.bytes() {
        case .success(let read):
            text = read
        case .failure(.changed):
            return ([], [Diagnostic(.error, "changed-during-build", "Tệp đã bị sửa hoặc xoá trong khi đang dựng trang.",
                                    file: file, line: body.firstLine, hint: "Chạy lại lệnh dựng khi đã lưu xong tệp.")])
        case .failure(.unreadable(let cause, let hint)):
            return ([], [Diagnostic(.error, "unreadable-during-build", "Không đọc lại được phần nội dung của tệp trong khi dựng trang: \(cause).",
                                    file: file, line: body.firstLine, hint: hint ?? "Chạy lại lệnh dựng khi đã lưu xong tệp.")])
        }
        guard let document = Self.parse(text, options: options) else { return ([], []) }
        defer { cmark_node_free(document) }
        // Source lines are only needed to read pipe tables; splitting every body costs more than
        // parsing it, so bodies without a `|` skip it.
        let lines = Self.hasPipe(text)
            ? String(decoding: text, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) : []
        // Ids first: `#fragment` links anywhere in the body (table cells too) are checked against them.
        let ids = headingIDs(document)
        var tables: [FoundTable] = []
        var diagnostics = rewrite(document, firstLine: body.firstLine, folder: folder, file: file, lines: lines,
                                  ownIDs: ids.all, tables: &tables)
        for table in tables { diagnostics += replace(table, folder: folder, file: file, ownIDs: ids.all, options: options) }
        anchorHeadings(ids.headings, options: options)
        guard let html = cmark_render_html(document, options) else { return ([], diagnostics) }
        defer { free(html) }
        let rendered = Self.bytes(of: html)
        return (images?.apply(rendered, reads: reads) ?? Array(rendered), diagnostics)
    }

    /// Rewrites links in place and reports what is wrong. Top-level paragraphs that are pipe
    /// tables (read from `lines`, the source) are collected in `tables` for the caller to replace.
    /// `ownIDs` are the ids of the body being written, which `#x` links must match (or the theme's).
    func rewrite(_ document: OpaquePointer, firstLine: Int, folder: String, file: String,
                 lines: [Substring], ownIDs: Set<String>, tables: inout [FoundTable]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        guard let iterator = cmark_iter_new(document) else { return [] }
        // Links dropped as unsafe keep their text; the tree is changed once the walk is over.
        var dropped: [OpaquePointer] = []
        defer {
            cmark_iter_free(iterator)
            dropped.forEach(unwrap)
        }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let at = SourceLocation(file: file, line: firstLine + Int(cmark_node_get_start_line(node)) - 1,
                                    column: Int(cmark_node_get_start_column(node)))
            let type = cmark_node_get_type(node)
            switch type {
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                reads?.note(.link(LinkResolver.inputKey(url, from: folder)))
                switch links.resolve(url, from: folder) {
                case .keep:
                    if type == CMARK_NODE_LINK, url.hasPrefix("#") {
                        diagnostics += checkFragment(url, file: nil, ownIDs: ownIDs, at: at)
                    }
                case .rewritten(let target, let item):
                    cmark_node_set_url(node, target)
                    if type == CMARK_NODE_LINK, let item, url.contains("#") {
                        diagnostics += checkFragment(url, file: item, ownIDs: ownIDs, at: at)
                    }
                case .unsafe:
                    if !allowRawHTML {
                        dropped.append(node)
                        diagnostics.append(.warning("unsafe-link", "Liên kết \"\(url)\" có thể chạy mã trên trang nên đã bị bỏ.", at: at,
                                                    hint: "Chỉ dùng liên kết http(s), mailto hoặc tới tệp trong nội dung."))
                    }
                case .broken(let reason):
                    diagnostics.append(.error("broken-link", "Liên kết \"\(url)\" không dẫn tới đâu: \(reason).", at: at,
                                              hint: "Liên kết tới mục khác bằng đường dẫn tệp, ví dụ `[Tên](../individuals/nguyen-thi-hoa.md)`."))
                }
                if type == CMARK_NODE_IMAGE, cmark_node_first_child(node) == nil {
                    diagnostics.append(.warning("image-alt", "Ảnh \"\(url)\" chưa có mô tả (alt) cho người khiếm thị.", at: at,
                                                hint: "Viết mô tả trong ngoặc vuông: `![Mô tả ảnh](\(url))`."))
                }
            case CMARK_NODE_HEADING:
                // The page's title is its only h1: a body's `#` heading becomes a section.
                if cmark_node_get_heading_level(node) == 1 { cmark_node_set_heading_level(node, 2) }
            case CMARK_NODE_PARAGRAPH:
                // CommonMark has no tables: a `| a | b |` block is rendered here when it is a
                // whole table at the top level, and would otherwise show as raw text.
                if let child = cmark_node_first_child(node), cmark_node_get_type(child) == CMARK_NODE_TEXT,
                   let literal = cmark_node_get_literal(child), literal.pointee == UInt8(ascii: "|") {
                    if let table = pipeTable(node, lines: lines) {
                        tables.append(FoundTable(node: node, table: table, line: at.line))
                        // Its cells are rewritten and checked on their own (`replace`): going
                        // into the paragraph too would report each link in them twice.
                        cmark_iter_reset(iterator, node, CMARK_EVENT_EXIT)
                        break
                    }
                    diagnostics.append(.warning("table-syntax", "Bảng dạng `| … |` không được hỗ trợ và sẽ hiện nguyên văn trên trang.", at: at,
                                                hint: "Viết thành danh sách, mỗi dòng một mục: `- Hoàn thành xuất sắc nhiệm vụ: từ 90 điểm`."))
                }
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                if !allowRawHTML {
                    diagnostics.append(.warning("raw-html", "HTML viết trực tiếp trong nội dung không được đưa lên trang.", at: at,
                                                hint: "Dùng cú pháp Markdown; nếu thật cần HTML, đặt `allow_raw_html: true` trong site.yml."))
                }
            default:
                break
            }
        }
        return diagnostics
    }

    /// The syntax tree of UTF-8 Markdown; the caller frees it.
    static func parse(_ text: [UInt8], options: Int32) -> OpaquePointer? {
        text.withUnsafeBytes { bytes in
            // An empty array may have no storage: cmark is given an empty string instead.
            guard let base = bytes.baseAddress else { return "".withCString { cmark_parse_document($0, 0, options) } }
            return cmark_parse_document(base.assumingMemoryBound(to: CChar.self), bytes.count, options)
        }
    }

    /// The bytes of text libcmark made, without the NUL that ends them; valid until it is freed.
    static func bytes(of text: UnsafeMutablePointer<CChar>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self), count: strlen(text))
    }

    /// Whether the text holds a `|`: `memchr`, many times faster than a loop over the bytes.
    private static func hasPipe(_ text: [UInt8]) -> Bool {
        text.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(UInt8(ascii: "|")), bytes.count) != nil
        }
    }

    /// Puts a node's children in its place and removes it: `[text](javascript:…)` becomes `text`.
    private func unwrap(_ node: OpaquePointer) {
        while let child = cmark_node_first_child(node) {
            cmark_node_unlink(child)
            cmark_node_insert_before(node, child)
        }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }
}
