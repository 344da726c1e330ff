/// Front matter of `collectives/*.md` and `individuals/*.md` into an `Exemplar`.
enum ExemplarReader {
    static func read(_ file: ItemFile, kind: Exemplar.Kind) -> Exemplar? {
        let f = file.fields
        let name = f.string("name", required: true)
        let unit = f.string("unit", required: true)
        var exemplar = Exemplar.Details(
            id: file.id, kind: kind, name: name?.value ?? file.id,
            unit: unit ?? Ref("", at: f.at), body: file.body, source: file.source)
        exemplar.position = f.string("position")?.value
        exemplar.leader = f.string("leader")?.value
        exemplar.scope = f.choice("scope")
        exemplar.fields = f.strings("fields")
        exemplar.registered = f.date("registered")
        if let selection = f.mapping("selection") {
            let decision = selection.string("decision", required: true)
            let date = selection.date("date")
            selection.finish(context: "`selection` (quyết định chọn: decision, date)")
            if let decision {
                exemplar.selection = .init(decision: decision.value, date: date?.value, at: decision.at)
            }
        }
        exemplar.years = f.ints("years", in: 1900...2200)
        exemplar.supervisor = f.string("supervisor")?.value
        exemplar.criteria = f.strings("criteria")
        exemplar.awards = f.mappings("awards").compactMap(grant)
        exemplar.models = f.strings("models")
        exemplar.photo = f.string("photo")
        exemplar.photoAlt = f.string("photo_alt")?.value
        exemplar.summary = f.string("summary")?.value
        exemplar.tags = f.strings("tags").map(\.value)
        exemplar.draft = f.bool("draft") ?? false
        let context = kind == .collective ? "hồ sơ tập thể" : "hồ sơ cá nhân"
        exemplar.extra = f.finish(context: context)
        return name == nil || unit == nil ? nil : Exemplar(exemplar)
    }

    private static func grant(_ fields: YAMLFields) -> Exemplar.Grant? {
        let award = fields.string("award", required: true)
        let grant = award.map {
            Exemplar.Grant(award: $0, year: fields.int("year", in: 1900...2200)?.value,
                           decision: fields.string("decision")?.value,
                           date: fields.date("date")?.value, at: fields.at)
        }
        fields.finish(context: "một mục `awards` (award, year, decision, date)")
        return grant
    }
}
