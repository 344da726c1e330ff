/// The third stage: resolves ids into relations both ways. Items that are drafts (unless
/// wanted) and references to things that do not exist are left out: validation has
/// already reported the latter.
public enum Linker {
    public static func link(_ content: Content, includeDrafts: Bool) -> SiteGraph {
        var graph = SiteGraph(site: content.site)
        graph.media = content.media
        graph.unloadedPaths = content.unloaded.paths.union(content.unloaded.folders.map { $0 + "/*" })
        graph.awards = index(content.awards, by: \.id)
        graph.fields = index(content.fields, by: \.id)
        graph.criteria = index(content.criteria, by: \.id)
        graph.units = index(content.units, by: \.id)
        graph.exemplars = index(content.exemplars.filter { includeDrafts || !$0.draft }, by: \.id)
        graph.initiatives = index(content.initiatives.filter { includeDrafts || !$0.draft }, by: \.id)
        graph.events = index(content.events.filter { includeDrafts || !$0.draft }, by: \.id)
        graph.pages = index(content.pages.filter { includeDrafts || !$0.draft }, by: \.id)

        orders(&graph)
        relations(&graph)
        axes(&graph)
        return graph
    }

    /// First occurrence wins: duplicates are already errors.
    private static func index<T>(_ items: [T], by id: (T) -> String) -> [String: T] {
        Dictionary(items.map { (id($0), $0) }, uniquingKeysWith: { first, _ in first })
    }

    private static func orders(_ graph: inout SiteGraph) {
        graph.unitOrder = VietnameseText.sortedIDs(Array(graph.units.values), by: { CollationKey($0.name) }, id: \.id)
        // Names only: copying whole profiles around is what a large site cannot afford.
        var collectives: [Named] = [], individuals: [Named] = []
        for exemplar in graph.exemplars.values {
            let named = Named(id: exemplar.id, name: exemplar.name)
            if exemplar.kind == .collective { collectives.append(named) } else { individuals.append(named) }
        }
        graph.collectiveOrder = VietnameseText.sortedIDs(collectives, by: { CollationKey($0.name) }, id: \.id)
        graph.individualOrder = VietnameseText.sortedIDs(individuals, by: { VietnameseText.personKey($0.name) }, id: \.id)
        graph.initiativeOrder = graph.initiatives.values.map { (-($0.year ?? 0), CollationKey($0.title), $0.id) }
            .sorted { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }.map(\.2)
        graph.eventOrder = graph.events.values.sorted { ($0.date, $0.id) > ($1.date, $1.id) }.map(\.id)
        graph.menuPages = graph.pages.values.filter { $0.menu != nil }
            .sorted { ($0.menu ?? 0, $0.id) < ($1.menu ?? 0, $1.id) }.map(\.id)
    }

    /// One pass over the exemplars fills every browsing index, so list pages never scan.
    private static func axes(_ graph: inout SiteGraph) {
        let phase = graph.site.phase
        for id in graph.collectiveOrder + graph.individualOrder {
            guard let exemplar = graph.exemplars[id] else { continue }
            let years = Set(exemplar.years.map(\.value))
            for year in years.sorted() { graph.exemplarsOfYear[year, default: []].append(id) }
            var fields: Set<String> = []
            for field in exemplar.fields where graph.fields[field.value] != nil && fields.insert(field.value).inserted {
                graph.exemplarsOfField[field.value, default: []].append(id)
            }
            if let scope = exemplar.scope { graph.exemplarsOfScope[scope, default: []].append(id) }
            if let phase, years.contains(where: phase.contains) { graph.phaseMembers.append(id) }
        }
    }

    private static func relations(_ graph: inout SiteGraph) {
        var childUnits = Relation(), exemplarsOfUnit = Relation(), initiativesOfExemplar = Relation()
        var ownersOfInitiative = Relation(), holdersOfAward = Relation(), initiativesOfUnit = Relation()
        var adoptionsOfUnit = Relation(), eventsOfUnit = Relation(), eventsOfExemplar = Relation()
        var eventsOfInitiative = Relation()
        for id in graph.unitOrder {
            if let parent = graph.units[id]?.parent?.value, graph.units[parent] != nil {
                childUnits.add(parent, id)
            }
        }
        for id in graph.collectiveOrder + graph.individualOrder {
            guard let exemplar = graph.exemplars[id] else { continue }
            if graph.units[exemplar.unit.value] != nil { exemplarsOfUnit.add(exemplar.unit.value, id) }
            for model in exemplar.models where graph.initiatives[model.value] != nil {
                initiativesOfExemplar.add(id, model.value)
                ownersOfInitiative.add(model.value, id)
            }
            for grant in exemplar.awards where graph.awards[grant.award.value] != nil {
                holdersOfAward.add(grant.award.value, id)
            }
        }
        for id in graph.initiativeOrder {
            guard let item = graph.initiatives[id] else { continue }
            if graph.units[item.unit.value] != nil { initiativesOfUnit.add(item.unit.value, id) }
            for owner in item.owners where graph.exemplars[owner.value] != nil {
                ownersOfInitiative.add(id, owner.value)
                initiativesOfExemplar.add(owner.value, id)
            }
            for adoption in item.adoptedBy where graph.units[adoption.unit.value] != nil {
                adoptionsOfUnit.add(adoption.unit.value, id)
            }
        }
        for id in graph.eventOrder {
            guard let event = graph.events[id] else { continue }
            if let host = event.host?.value, graph.units[host] != nil { eventsOfUnit.add(host, id) }
            for person in event.participants where graph.exemplars[person.value] != nil {
                eventsOfExemplar.add(person.value, id)
            }
            for model in event.models where graph.initiatives[model.value] != nil {
                eventsOfInitiative.add(model.value, id)
            }
        }
        graph.childUnits = childUnits.targets
        graph.exemplarsOfUnit = exemplarsOfUnit.targets
        graph.initiativesOfExemplar = initiativesOfExemplar.targets
        graph.ownersOfInitiative = ownersOfInitiative.targets
        graph.holdersOfAward = holdersOfAward.targets
        graph.initiativesOfUnit = initiativesOfUnit.targets
        graph.adoptionsOfUnit = adoptionsOfUnit.targets
        graph.eventsOfUnit = eventsOfUnit.targets
        graph.eventsOfExemplar = eventsOfExemplar.targets
        graph.eventsOfInitiative = eventsOfInitiative.targets
        // Once here, not per page: each page of a big district's list would otherwise walk
        // the whole subtree again.
        for id in graph.unitOrder {
            let members = graph.unitAndDescendants(id).flatMap { graph.exemplarsOfUnit[$0] ?? [] }
            if !members.isEmpty { graph.membersOfUnit[id] = members }
        }
    }
}

private struct Named: Sendable {
    let id: String, name: String
}

/// One relation being built: each pair once, in first-seen order, without quadratic scans.
private struct Relation {
    private struct Pair: Hashable {
        let from: String, to: String
    }

    private(set) var targets: [String: [String]] = [:]
    private var seen: Set<Pair> = []

    mutating func add(_ from: String, _ to: String) {
        guard seen.insert(Pair(from: from, to: to)).inserted else { return }
        targets[from, default: []].append(to)
    }
}
