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

    /// One exemplar's row, keys in sorted order, written as it is made: ten thousand rows of
    /// dictionaries made and sorted cost several times the text.
    private static func exemplar(_ e: Exemplar, views: Views, into out: inout JSONBytes) {
        let graph = views.graph
        out.openObject()
        out.key("awards")
        out.raw("[")
        for (index, (grant, award)) in graph.rankedAwards(of: e).enumerated() {
            if index > 0 { out.raw(",") }
            JSONValue.writeObject([
                "award": JSONValue(award.id), "date": JSONValue(grant.date?.iso), "decision": JSONValue(grant.decision),
                "name": JSONValue(award.name), "rank": JSONValue(award.rank), "year": JSONValue(grant.year),
            ], to: &out)
        }
        out.raw("]")
        JSONValue.writeMembers([
            "fields": JSONValue(e.fields.map(\.value)), "id": JSONValue(e.id),
            "kind": JSONValue(e.kind.rawValue), "leader": JSONValue(e.leader),
            "models": JSONValue(graph.initiativesOfExemplar[e.id] ?? []), "name": JSONValue(e.name),
            "photo": JSONValue(e.photo.flatMap { graph.images[$0.value] != nil ? views.absolute(views.mediaURL($0.value)) : nil }),
            "position": JSONValue(e.position), "scope": JSONValue(e.scope?.rawValue), "summary": JSONValue(e.summary),
            "unit": JSONValue(e.unit.value), "unit_name": JSONValue(graph.units[e.unit.value]?.name),
            "url": JSONValue(views.absolute(views.url(.exemplar(e.id)) ?? "")), "years": JSONValue(e.years.map(\.value)),
        ], to: &out)
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
