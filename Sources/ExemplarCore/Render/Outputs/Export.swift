/// JSON files of exemplars, models and events for the union portal to embed.
/// Keys are snake_case and sorted; a value the content leaves out is left out.
struct Export {
    let views: Views

    /// Each row is written as soon as it is made: the exemplars' file holds every profile
    /// of the site, and a tree of all of them would cost several times the text it becomes.
    func render(_ name: String) -> [UInt8]? {
        let graph = views.graph
        var out = JSONBytes(capacity: 1 << 16)
        out.raw("[")
        var first = true
        func add(_ row: JSONValue) {
            if !first { out.raw(",") }
            first = false
            row.write(to: &out)
        }
        switch name {
        case "exemplars":
            // Every exemplar, each with entries of these tables: noted whole, not row by row
            // (an exemplar's address comes from its kind, in the exemplars table).
            for table in [GraphTable.exemplars, .awards, .units, .initiativesOfExemplar, .images] { graph.reads?.note(.all(table)) }
            // A session keeps each row: a change to one unit makes only its members' rows again.
            let plain = views.untracked
            for id in graph.collectiveOrder + graph.individualOrder {
                guard plain.graph.exemplars[id] != nil else { continue }
                if !first { out.raw(",") }
                first = false
                out.json(plain.keptRow(id, notesInputs: false) { views in
                    var row = JSONBytes(capacity: 1024)
                    if let item = views.graph.exemplars[id] { Self.exemplar(item, views: views, into: &row) }
                    return row.bytes
                })
            }
        case "models":
            for id in graph.initiativeOrder { if let item = graph.initiatives[id] { add(model(item)) } }
        case "events":
            for id in graph.eventOrder { if let item = graph.events[id] { add(event(item)) } }
        default:
            return nil
        }
        out.raw("]\n")
        return out.bytes
    }

    /// One exemplar's row, keys in sorted order, written member by member: ten thousand rows
    /// of dictionaries made and sorted, or of `JSONValue` trees, cost several times the text.
    private static func exemplar(_ e: Exemplar, views: Views, into out: inout JSONBytes) {
        let graph = views.graph
        out.openObject()
        out.key("awards")
        out.raw("[")
        for (index, (grant, award)) in graph.rankedAwards(of: e).enumerated() {
            if index > 0 { out.raw(",") }
            out.openObject()
            out.member("award", award.id)
            out.member("date", grant.date?.iso)
            out.member("decision", grant.decision)
            out.member("name", award.name)
            out.member("rank", number: award.rank)
            out.member("year", number: grant.year)
            out.closeObject()
        }
        out.raw("]")
        out.member("fields", strings: e.fields.lazy.map(\.value))
        out.member("id", e.id)
        out.member("kind", e.kind.rawValue)
        out.member("leader", e.leader)
        out.member("models", strings: graph.initiativesOfExemplar[e.id] ?? [])
        out.member("name", e.name)
        out.member("photo", e.photo.flatMap { graph.images[$0.value] != nil ? views.absolute(views.mediaURL($0.value)) : nil })
        out.member("position", e.position)
        out.member("scope", e.scope?.rawValue)
        out.member("summary", e.summary)
        out.member("unit", e.unit.value)
        out.member("unit_name", graph.units[e.unit.value]?.name)
        out.key("url")
        out.string(views.origin, views.url(.exemplar(e.id)) ?? "")
        out.key("years")
        out.raw("[")
        for (index, year) in e.years.enumerated() {
            if index > 0 { out.raw(",") }
            out.int(year.value)
        }
        out.raw("]")
        out.closeObject()
    }

    private func model(_ m: Initiative) -> JSONValue {
        let graph = views.graph
        let adoptions = m.adoptedBy.map {
            JSONValue.object(dropping: ["unit": JSONValue($0.unit.value), "year": JSONValue($0.year), "note": JSONValue($0.note)])
        }
        return .object(dropping: [
            "id": JSONValue(m.id), "kind": JSONValue(m.kind.rawValue), "title": JSONValue(m.title),
            "url": JSONValue(views.absolute(views.url(.initiative(m.id)) ?? "")), "unit": JSONValue(m.unit.value),
            "owners": JSONValue(graph.ownersOfInitiative[m.id] ?? []), "year": JSONValue(m.year),
            "fields": JSONValue(m.fields.map(\.value)), "benefit": JSONValue(m.benefit), "adopted_by": .array(adoptions),
            "attachments": JSONValue(m.attachments.filter { graph.media.contains($0.value) }.map { views.absolute(views.mediaURL($0.value)) }),
            "summary": JSONValue(m.summary),
        ])
    }

    private func event(_ e: Event) -> JSONValue {
        let graph = views.graph
        return .object(dropping: [
            "id": JSONValue(e.id), "kind": JSONValue(e.kind.rawValue), "title": JSONValue(e.title),
            "url": JSONValue(views.absolute(views.url(.event(e.id)) ?? "")), "date": JSONValue(e.date.iso),
            "end_date": JSONValue(e.endDate?.value.iso), "location": JSONValue(e.location), "host": JSONValue(e.host?.value),
            "participants": JSONValue(e.participants.map(\.value).filter { graph.exemplars[$0] != nil }),
            "models": JSONValue(e.models.map(\.value).filter { graph.initiatives[$0] != nil }),
        ])
    }
}
