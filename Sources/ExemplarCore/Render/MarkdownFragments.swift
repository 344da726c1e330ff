import CMark
import Foundation

extension Markdown {
    /// The ids a body puts on its page (its headings'; the theme's are `reservedIDs`).
    /// Nil when the body can no longer be read (its own page reports that).
    func bodyIDs(of body: Body) -> Set<String>? {
        guard case .success(let text) = body.bytes() else { return nil }
        let options = allowRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        guard let document = Self.parse(text, options: options) else { return nil }
        defer { cmark_node_free(document) }
        return headingIDs(document).all
    }

    /// A `#fragment` that no element of its target page carries: the link opens the page but
    /// not where the author meant. `url` is the link as written; `file` the content file it
    /// names, nil for the body being written (`ownIDs`). Only links with a `#` come here, so
    /// a site without them pays nothing; the theme's ids are valid on every page.
    func checkFragment(_ url: String, file: String?, ownIDs: Set<String>, at: SourceLocation) -> [Diagnostic] {
        guard let hash = url.firstIndex(of: "#") else { return [] }
        let written = String(url[url.index(after: hash)...])
        let fragment = written.removingPercentEncoding ?? written
        // `#` alone and `#top` go to the top of any page (HTML's own rule).
        guard !fragment.isEmpty, fragment != "top" else { return [] }
        let ids: Set<String>
        if let file {
            reads?.note(.body(file))
            guard let anchors, let found = anchors.ids(of: file, compute: { bodyIDs(of: $0) }) else { return [] }
            ids = found
        } else {
            ids = ownIDs
        }
        guard !ids.contains(fragment), !reservedIDs.contains(fragment) else { return [] }
        let page = file.map { "trang \($0)" } ?? "trang này"
        let hint: String
        if let near = Suggestion.closest(to: fragment, among: ids.union(reservedIDs)) {
            hint = "Có phải ý bạn là `#\(near)`? Sửa thành `\(url[..<hash])#\(near)`."
        } else {
            hint = "Id của một tiêu đề là chữ của nó viết thường, bỏ dấu, nối bằng `-`: `## Kết quả` là `#ket-qua`. Thêm tiêu đề đó vào \(page) hoặc bỏ phần `#\(written)`."
        }
        return [.warning("broken-anchor", "Liên kết \"\(url)\" trỏ tới `#\(written)` nhưng \(page) không có tiêu đề hay phần nào mang id đó.",
                         at: at, hint: hint)]
    }
}
