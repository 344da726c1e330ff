import Foundation

/// JSON files of exemplars, models and events for the union portal to embed.
struct Export {
    let views: Views

    struct AwardRow: Encodable {
        var award: String, name: String, rank: Int, year: Int?, decision: String?, date: String?
    }

    struct ExemplarRow: Encodable {
        var id: String, kind: String, name: String, url: String
        var unit: String, unitName: String?, position: String?, leader: String?, scope: String?
        var fields: [String], years: [Int], awards: [AwardRow], models: [String]
        var summary: String?, photo: String?
    }

    struct AdoptionRow: Encodable {
        var unit: String, year: Int?, note: String?
    }

    struct ModelRow: Encodable {
        var id: String, kind: String, title: String, url: String, unit: String, owners: [String]
        var year: Int?, fields: [String], benefit: String?, adoptedBy: [AdoptionRow], attachments: [String], summary: String?
    }

    struct EventRow: Encodable {
        var id: String, kind: String, title: String, url: String, date: String, endDate: String?
        var location: String?, host: String?, participants: [String], models: [String]
    }

    func render(_ name: String) -> String? {
        let graph = views.graph
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let data: Data?
        switch name {
        case "exemplars":
            data = try? encoder.encode((graph.collectiveOrder + graph.individualOrder).compactMap { graph.exemplars[$0] }.map(exemplar))
        case "models":
            data = try? encoder.encode(graph.initiativeOrder.compactMap { graph.initiatives[$0] }.map(model))
        case "events":
            data = try? encoder.encode(graph.eventOrder.compactMap { graph.events[$0] }.map(event))
        default:
            data = nil
        }
        return data.map { String(decoding: $0, as: UTF8.self) + "\n" }
    }

    private func exemplar(_ e: Exemplar) -> ExemplarRow {
        let graph = views.graph
        return ExemplarRow(
            id: e.id, kind: e.kind.rawValue, name: e.name, url: views.absolute(views.url(.exemplar(e.id)) ?? ""),
            unit: e.unit.value, unitName: graph.units[e.unit.value]?.name, position: e.position, leader: e.leader,
            scope: e.scope?.rawValue, fields: e.fields.map(\.value), years: e.years.map(\.value),
            awards: graph.rankedAwards(of: e).map { grant, award in
                AwardRow(award: award.id, name: award.name, rank: award.rank, year: grant.year, decision: grant.decision, date: grant.date?.iso)
            },
            models: graph.initiativesOfExemplar[e.id] ?? [], summary: e.summary,
            photo: e.photo.flatMap { graph.media.contains($0.value) ? views.absolute(views.mediaURL($0.value)) : nil })
    }

    private func model(_ m: Initiative) -> ModelRow {
        let graph = views.graph
        return ModelRow(
            id: m.id, kind: m.kind.rawValue, title: m.title, url: views.absolute(views.url(.initiative(m.id)) ?? ""),
            unit: m.unit.value, owners: graph.ownersOfInitiative[m.id] ?? [], year: m.year, fields: m.fields.map(\.value),
            benefit: m.benefit, adoptedBy: m.adoptedBy.map { AdoptionRow(unit: $0.unit.value, year: $0.year, note: $0.note) },
            attachments: m.attachments.filter { graph.media.contains($0.value) }.map { views.absolute(views.mediaURL($0.value)) },
            summary: m.summary)
    }

    private func event(_ e: Event) -> EventRow {
        let graph = views.graph
        return EventRow(
            id: e.id, kind: e.kind.rawValue, title: e.title, url: views.absolute(views.url(.event(e.id)) ?? ""),
            date: e.date.iso, endDate: e.endDate?.value.iso, location: e.location, host: e.host?.value,
            participants: e.participants.map(\.value).filter { graph.exemplars[$0] != nil },
            models: e.models.map(\.value).filter { graph.initiatives[$0] != nil })
    }
}
