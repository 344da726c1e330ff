/// Names the builder itself writes at the site's root. A free page lives at `<id>/`, so a
/// page with one of these ids would be written into (or over) the builder's own folder:
/// `pages/media.md` would land among the photos, `pages/api.md` next to the JSON.
enum RootNames {
    /// Folders of the built-in lists (`tap-the/`, `nam/` …), taken from the routes so a new
    /// section is reserved as soon as it exists.
    static var sections: [String] {
        let lists: [Listing] = [.collectives, .individuals, .initiatives, .events, .units,
                                .years, .fields, .awards, .phase]
        return lists.compactMap { $0.path.split(separator: "/").first.map(String.init) }
    }

    /// `media/` (copied from the content), `api/` (`Route.export`), `assets/` (the theme's CSS),
    /// `tim-kiem/` (the search page and its index), `so-lieu/` (the figures and reports).
    static let folders = ["media", "api", "assets", "tim-kiem", String(Route.figuresFolder.dropLast())]

    static var reserved: [String] { sections + folders }

    /// Whether a page id would take one of the builder's names; addresses ignore case.
    static func isReserved(_ id: String) -> Bool {
        reserved.contains(id.lowercased())
    }

    static func diagnostic(page id: String, at source: SourceLocation) -> Diagnostic {
        let list = reserved.map { "`\($0)`" }.joined(separator: ", ")
        return .error("url-collision", "Trang `\(id)` sẽ nằm ở /\(id)/, địa chỉ mà trình dựng đã dùng cho phần riêng của trang web; các mã dành riêng: \(list).",
                      at: source, hint: "Đổi tên tệp pages/\(id).md thành một mã khác, ví dụ `trang-\(id).md`.")
    }
}
