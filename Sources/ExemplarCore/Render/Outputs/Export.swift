/// JSON files of exemplars, models and events for the union portal to embed.
/// Keys are snake_case and sorted; a value the content leaves out is left out.
struct Export {
    let views: Views

    func render(_ name: String) -> String? {
        let graph = views.graph
        let rows: [JSONValue]
        switch name {
        case "exemplars":
            rows = (graph.collectiveOrder + graph.individualOrder).compactMap { graph.exemplars[$0] }.map(exemplar)
        case "models":
            rows = graph.initiativeOrder.compactMap { graph.initiatives[$0] }.map(model)
        case "events":
            rows = graph.eventOrder.compactMap { graph.events[$0] }.map(event)
        default:
            return nil
        }
        return JSONValue.array(rows).text + "\n"
    }

    private func exemplar(_ e: Exemplar) -> JSONValue {
        let graph = views.graph
        let awards = graph.rankedAwards(of: e).map { grant, award in
            JSONValue.object(dropping: [
                "award": JSONValue(award.id), "name": JSONValue(award.name), "rank": JSONValue(award.rank),
                "year": JSONValue(grant.year), "decision": JSONValue(grant.decision), "date": JSONValue(grant.date?.iso),
            ])
        }
        return .object(dropping: [
            "id": JSONValue(e.id), "kind": JSONValue(e.kind.rawValue), "name": JSONValue(e.name),
            "url": JSONValue(views.absolute(views.url(.exemplar(e.id)) ?? "")),
            "unit": JSONValue(e.unit.value), "unit_name": JSONValue(graph.units[e.unit.value]?.name),
            "position": JSONValue(e.position), "leader": JSONValue(e.leader), "scope": JSONValue(e.scope?.rawValue),
            "fields": JSONValue(e.fields.map(\.value)), "years": JSONValue(e.years.map(\.value)), "awards": .array(awards),
            "models": JSONValue(graph.initiativesOfExemplar[e.id] ?? []), "summary": JSONValue(e.summary),
            "photo": JSONValue(e.photo.flatMap { graph.images[$0.value] != nil ? views.absolute(views.mediaURL($0.value)) : nil }),
        ])
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
