/// Front matter of `models/*.md` into an `Initiative`.
enum InitiativeReader {
    static func read(_ file: ItemFile) -> Initiative? {
        let f = file.fields
        let title = f.string("title", required: true)
        let unit = f.string("unit", required: true)
        var item = Initiative(
            id: file.id, title: title?.value ?? file.id, kind: f.choice("kind") ?? .model,
            unit: unit ?? Ref("", at: f.at), body: file.body, source: file.source)
        item.owners = f.strings("owners")
        item.year = f.int("year", in: 1900...2200)?.value
        item.fields = f.strings("fields")
        item.benefit = f.string("benefit")?.value
        item.adoptedBy = f.mappings("adopted_by").compactMap(adoption)
        let attachments = f.files("attachments", texts: ["title"], what: "đường dẫn tệp, hoặc `file:` và `title:`", context: "tài liệu")
        item.attachments = attachments.files
        item.attachmentTitles = attachments.texts["title"] ?? [:]
        item.contact = f.string("contact")?.value
        item.summary = f.string("summary")?.value
        item.tags = f.strings("tags").map(\.value)
        item.draft = f.bool("draft") ?? false
        item.extra = f.finish(context: "mô hình, sáng kiến")
        return title == nil || unit == nil ? nil : item
    }

    private static func adoption(_ fields: YAMLFields) -> Initiative.Adoption? {
        let unit = fields.string("unit", required: true)
        let year = fields.int("year", in: 1900...2200)?.value
        let note = fields.string("note")?.value
        fields.finish(context: "một mục `adopted_by` (unit, year, note)")
        return unit.map { Initiative.Adoption(unit: $0, year: year, note: note) }
    }
}
