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
        connect(&graph)
        return graph
    }

    /// First occurrence wins: duplicates are already errors.
    private static func index<T>(_ items: [T], by id: (T) -> String) -> IDTable<T> {
        IDTable(items.map { (id($0), $0) })
    }

    private static func orders(_ graph: inout SiteGraph) {
        // Names only: copying whole profiles around is what a large site cannot afford.
        var collectives: [Named] = [], individuals: [Named] = []
        for exemplar in graph.exemplars.values {
            let named = Named(id: exemplar.id, name: exemplar.name)
            if exemplar.kind == .collective { collectives.append(named) } else { individuals.append(named) }
        }
        let units = Array(graph.units.values), initiatives = Array(graph.initiatives.values)
        let events = Array(graph.events.values)
        // Each order is sorted on a core of its own, the longest first.
        let sorts: [@Sendable () -> [String]] = [
            { [individuals] in VietnameseText.sortedIDs(individuals, by: { VietnameseText.personKey($0.name) }, id: \.id) },
            { [collectives] in VietnameseText.sortedIDs(collectives, by: { CollationKey($0.name) }, id: \.id) },
            { VietnameseText.sortedIDs(units, by: { CollationKey($0.name) }, id: \.id) },
            {
                initiatives.map { (-($0.year ?? 0), CollationKey($0.title), $0.id) }
                    .sorted { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }.map(\.2)
            },
            { events.sorted { ($0.date, $0.id) > ($1.date, $1.id) }.map(\.id) },
        ]
        let sorted = sorts.parallelMap { $0() }
        (graph.individualOrder, graph.collectiveOrder, graph.unitOrder) = (sorted[0], sorted[1], sorted[2])
        (graph.initiativeOrder, graph.eventOrder) = (sorted[3], sorted[4])
        graph.menuPages = graph.pages.values.filter { $0.menu != nil }
            .sorted { ($0.menu ?? 0, $0.id) < ($1.menu ?? 0, $1.id) }.map(\.id)
    }

    /// The relations and browsing axes, in groups made side by side on every core. Each
    /// relation is filled from the same lists in the same order as a single pass would.
    private static func connect(_ graph: inout SiteGraph) {
        let base = graph
        let exemplarOrder = graph.collectiveOrder + graph.individualOrder
        let groups: [@Sendable () -> any RelationGroup] = [
            { UnitRelations(base, exemplarOrder: exemplarOrder) },
            { ItemRelations(base, exemplarOrder: exemplarOrder) },
            { AwardHolders(base, exemplarOrder: exemplarOrder) },
            { BrowsingAxes(base, exemplarOrder: exemplarOrder) },
        ]
        for group in groups.parallelMap({ $0() }) { group.apply(to: &graph) }
    }
}

/// What one group of `Linker.connect` made, put into the graph once every group is done.
private protocol RelationGroup: Sendable {
    func apply(to graph: inout SiteGraph)
}

/// One pass over the exemplars fills every browsing index, so list pages never scan.
private struct BrowsingAxes: RelationGroup {
    var exemplarsOfYear: [Int: [String]] = [:]
    var exemplarsOfField = IDTable<[String]>()
    var exemplarsOfScope: [Exemplar.Scope: [String]] = [:]
    var phaseMembers: [String] = []

    init(_ graph: SiteGraph, exemplarOrder: [String]) {
        let phase = graph.site.phase
        for id in exemplarOrder {
            guard let exemplar = graph.exemplars[id] else { continue }
            let years = Set(exemplar.years.map(\.value))
            for year in years.sorted() { exemplarsOfYear[year, default: []].append(id) }
            var fields: Set<String> = []
            for field in exemplar.fields where graph.fields[field.value] != nil && fields.insert(field.value).inserted {
                exemplarsOfField[field.value, default: []].append(id)
            }
            if let scope = exemplar.scope { exemplarsOfScope[scope, default: []].append(id) }
            if let phase, years.contains(where: phase.contains) { phaseMembers.append(id) }
        }
    }

    func apply(to graph: inout SiteGraph) {
        graph.exemplarsOfYear = exemplarsOfYear
        graph.exemplarsOfField = exemplarsOfField
        graph.exemplarsOfScope = exemplarsOfScope
        graph.phaseMembers = phaseMembers
    }
}

/// Units under units, and the exemplars of each unit and of the units below it.
private struct UnitRelations: RelationGroup {
    var childUnits: IDTable<[String]>
    var exemplarsOfUnit: IDTable<[String]>
    var membersOfUnit = IDTable<[String]>()

    init(_ graph: SiteGraph, exemplarOrder: [String]) {
        var children = Relation(), exemplars = Relation()
        for id in graph.unitOrder {
            if let parent = graph.units[id]?.parent?.value, graph.units[parent] != nil {
                children.add(parent, id)
            }
        }
        for id in exemplarOrder {
            guard let exemplar = graph.exemplars[id] else { continue }
            if graph.units[exemplar.unit.value] != nil { exemplars.add(exemplar.unit.value, id) }
        }
        childUnits = children.targets
        exemplarsOfUnit = exemplars.targets
        // Once here, not per page: each page of a big district's list would otherwise walk
        // the whole subtree again.
        for id in graph.unitOrder {
            let members = SiteGraph.unitAndDescendants(id, childUnits: childUnits).flatMap { exemplarsOfUnit[$0] ?? [] }
            if !members.isEmpty { membersOfUnit[id] = members }
        }
    }

    func apply(to graph: inout SiteGraph) {
        graph.childUnits = childUnits
        graph.exemplarsOfUnit = exemplarsOfUnit
        graph.membersOfUnit = membersOfUnit
    }
}

/// Models and their owners, units and adopters, and what each event is about.
private struct ItemRelations: RelationGroup {
    var initiativesOfExemplar = Relation(), ownersOfInitiative = Relation(), initiativesOfUnit = Relation()
    var adoptionsOfUnit = Relation(), eventsOfUnit = Relation(), eventsOfExemplar = Relation()
    var eventsOfInitiative = Relation()

    init(_ graph: SiteGraph, exemplarOrder: [String]) {
        for id in exemplarOrder {
            guard let exemplar = graph.exemplars[id] else { continue }
            for model in exemplar.models where graph.initiatives[model.value] != nil {
                initiativesOfExemplar.add(id, model.value)
                ownersOfInitiative.add(model.value, id)
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
    }

    func apply(to graph: inout SiteGraph) {
        graph.initiativesOfExemplar = initiativesOfExemplar.targets
        graph.ownersOfInitiative = ownersOfInitiative.targets
        graph.initiativesOfUnit = initiativesOfUnit.targets
        graph.adoptionsOfUnit = adoptionsOfUnit.targets
        graph.eventsOfUnit = eventsOfUnit.targets
        graph.eventsOfExemplar = eventsOfExemplar.targets
        graph.eventsOfInitiative = eventsOfInitiative.targets
    }
}

/// Who holds each award.
private struct AwardHolders: RelationGroup {
    var holders = Relation()

    init(_ graph: SiteGraph, exemplarOrder: [String]) {
        for id in exemplarOrder {
            guard let exemplar = graph.exemplars[id] else { continue }
            for grant in exemplar.awards where graph.awards[grant.award.value] != nil {
                holders.add(grant.award.value, id)
            }
        }
    }

    func apply(to graph: inout SiteGraph) {
        graph.holdersOfAward = holders.targets
    }
}

private struct Named: Sendable {
    let id: String, name: String
}

/// One relation being built: each pair once, in first-seen order, without quadratic scans.
private struct Relation: Sendable {
    /// Hashed like `ItemKey`: every edge of the graph is checked here once.
    private struct Pair: KeyHashed, Sendable {
        let from: String, to: String

        var keyHash: UInt64 {
            var hash = KeyHash()
            hash.add(from)
            hash.add(to)
            return hash.value
        }
    }

    private(set) var targets = IDTable<[String]>()
    private var seen: Set<Pair> = []

    mutating func add(_ from: String, _ to: String) {
        guard seen.insert(Pair(from: from, to: to)).inserted else { return }
        targets[from, default: []].append(to)
    }
}
