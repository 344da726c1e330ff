/// Front matter of `pages/*.md` into a `FreePage`.
enum PageReader {
    static func read(_ file: ItemFile) -> FreePage? {
        let f = file.fields
        let title = f.string("title", required: true)
        var page = FreePage(id: file.id, title: title?.value ?? file.id, body: file.body, source: file.source)
        page.summary = f.string("summary")?.value
        page.menu = f.int("menu", in: 0...1000)?.value
        page.draft = f.bool("draft") ?? false
        page.extra = f.finish(context: "trang")
        return title == nil ? nil : page
    }
}
