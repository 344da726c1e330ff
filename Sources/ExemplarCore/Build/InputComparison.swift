/// What a build's pages were made from, kept so the next build can tell which inputs changed.
struct SiteState: Sendable {
    var graph: SiteGraph
    var plan: SitePlan
    /// Address of each planned page under the base.
    var paths: [Route: String]
    var htmlPaths: [String]
    var links: LinkResolver
    var cards = Views.Cards()

    init(graph: SiteGraph, plan: SitePlan, links: LinkResolver) {
        self.graph = graph
        self.plan = plan
        self.links = links
        var paths: [Route: String] = [:]
        paths.reserveCapacity(plan.pages.count)
        for page in plan.pages { paths[page.route] = page.path }
        self.paths = paths
        htmlPaths = plan.htmlPaths
    }
}

/// Tells whether one page input has another value in the new site than in the old one.
struct InputComparison: Sendable {
    let old: SiteState
    let new: SiteState
    /// Content paths of item files read again, added or removed (`individuals/x.md`).
    let bodies: Set<String>
    /// Exemplars whose score sheets changed.
    let scores: Set<String>

    /// `cards` are the new build's cards, as far as they are made.
    func changed(_ input: PageInput, cards: Views.Cards) -> Bool {
        switch input {
        case .entry(let table, let key): return !sameEntry(table, key)
        case .all(let table): return !sameTable(table)
        case .slice(let listing, let page):
            return SiteGraph.slice(old.graph.ids(of: listing), page: page) != SiteGraph.slice(new.graph.ids(of: listing), page: page)
        case .size(let listing):
            return old.plan.pageCounts[listing] != new.plan.pageCounts[listing]
                || old.graph.ids(of: listing).count != new.graph.ids(of: listing).count
        case .path(let route): return old.paths[route] != new.paths[route]
        case .body(let path): return bodies.contains(path)
        case .link(let key): return old.links.resolve(inputKey: key) != new.links.resolve(inputKey: key)
        case .card(let table, let id): return old.cards.card(table, id) != cards.card(table, id)
        case .filters(let listing): return old.cards.filters[listing] != cards.filters[listing]
        case .memberCards(let listing):
            let ids = new.graph.ids(of: listing)
            return old.graph.ids(of: listing) != ids || ids.contains { old.cards.exemplars[$0] != cards.exemplars[$0] }
        case .filterForm(let listing):
            return FilterForm.selects(old.cards.filters[listing]) != FilterForm.selects(cards.filters[listing])
        case .awardSummary(let id):
            let before = Views.awardSummary(id, in: old.graph), after = Views.awardSummary(id, in: new.graph)
            return before.collectives != after.collectives || before.years != after.years
        }
    }

    private func sameEntry(_ table: GraphTable, _ key: String) -> Bool {
        let a = old.graph, b = new.graph
        switch table {
        case .units: return a.units[key] == b.units[key]
        case .exemplars: return a.exemplars[key] == b.exemplars[key]
        case .initiatives: return a.initiatives[key] == b.initiatives[key]
        case .events: return a.events[key] == b.events[key]
        case .pages: return a.pages[key] == b.pages[key]
        case .awards: return a.awards[key] == b.awards[key]
        case .fields: return a.fields[key] == b.fields[key]
        case .criteria: return a.criteria[key] == b.criteria[key]
        case .media: return a.media.contains(key) == b.media.contains(key)
        case .images: return a.images[key] == b.images[key]
        case .fileSizes: return a.fileSizes[key] == b.fileSizes[key]
        case .scores:
            // Results come from the sheets and the exemplar's kind (weeks or months).
            return !scores.contains(key) && (a.scores[key] == nil) == (b.scores[key] == nil)
                && a.exemplars[key]?.kind == b.exemplars[key]?.kind
        case .childUnits: return a.childUnits[key] == b.childUnits[key]
        case .exemplarsOfUnit: return a.exemplarsOfUnit[key] == b.exemplarsOfUnit[key]
        case .membersOfUnit: return a.membersOfUnit[key] == b.membersOfUnit[key]
        case .initiativesOfExemplar: return a.initiativesOfExemplar[key] == b.initiativesOfExemplar[key]
        case .ownersOfInitiative: return a.ownersOfInitiative[key] == b.ownersOfInitiative[key]
        case .initiativesOfUnit: return a.initiativesOfUnit[key] == b.initiativesOfUnit[key]
        case .adoptionsOfUnit: return a.adoptionsOfUnit[key] == b.adoptionsOfUnit[key]
        case .eventsOfExemplar: return a.eventsOfExemplar[key] == b.eventsOfExemplar[key]
        case .eventsOfInitiative: return a.eventsOfInitiative[key] == b.eventsOfInitiative[key]
        case .eventsOfUnit: return a.eventsOfUnit[key] == b.eventsOfUnit[key]
        case .holdersOfAward: return a.holdersOfAward[key] == b.holdersOfAward[key]
        case .exemplarsOfYear:
            guard let year = Int(key) else { return sameTable(table) }
            return a.exemplarsOfYear[year] == b.exemplarsOfYear[year]
        case .exemplarsOfField: return a.exemplarsOfField[key] == b.exemplarsOfField[key]
        case .exemplarsOfScope:
            guard let scope = Exemplar.Scope(rawValue: key) else { return sameTable(table) }
            return a.exemplarsOfScope[scope] == b.exemplarsOfScope[scope]
        case .unitOrder, .collectiveOrder, .individualOrder, .initiativeOrder, .eventOrder, .menuPages,
             .phaseMembers, .pageList:
            return sameTable(table)
        }
    }

    private func sameTable(_ table: GraphTable) -> Bool {
        let a = old.graph, b = new.graph
        switch table {
        case .units: return a.units == b.units
        case .exemplars: return a.exemplars == b.exemplars
        case .initiatives: return a.initiatives == b.initiatives
        case .events: return a.events == b.events
        case .pages: return a.pages == b.pages
        case .awards: return a.awards == b.awards
        case .fields: return a.fields == b.fields
        case .criteria: return a.criteria == b.criteria
        case .media: return a.media == b.media
        case .images: return a.images == b.images
        case .fileSizes: return a.fileSizes == b.fileSizes
        case .scores:
            // Every entry as `sameEntry` compares it: results also follow the exemplar's kind.
            return scores.isEmpty && a.scores.count == b.scores.count
                && a.scores.keys.allSatisfy { b.scores[$0] != nil && a.exemplars[$0]?.kind == b.exemplars[$0]?.kind }
        case .childUnits: return a.childUnits == b.childUnits
        case .exemplarsOfUnit: return a.exemplarsOfUnit == b.exemplarsOfUnit
        case .membersOfUnit: return a.membersOfUnit == b.membersOfUnit
        case .initiativesOfExemplar: return a.initiativesOfExemplar == b.initiativesOfExemplar
        case .ownersOfInitiative: return a.ownersOfInitiative == b.ownersOfInitiative
        case .initiativesOfUnit: return a.initiativesOfUnit == b.initiativesOfUnit
        case .adoptionsOfUnit: return a.adoptionsOfUnit == b.adoptionsOfUnit
        case .eventsOfExemplar: return a.eventsOfExemplar == b.eventsOfExemplar
        case .eventsOfInitiative: return a.eventsOfInitiative == b.eventsOfInitiative
        case .eventsOfUnit: return a.eventsOfUnit == b.eventsOfUnit
        case .holdersOfAward: return a.holdersOfAward == b.holdersOfAward
        case .exemplarsOfYear: return a.exemplarsOfYear == b.exemplarsOfYear
        case .exemplarsOfField: return a.exemplarsOfField == b.exemplarsOfField
        case .exemplarsOfScope: return a.exemplarsOfScope == b.exemplarsOfScope
        case .unitOrder: return a.unitOrder == b.unitOrder
        case .collectiveOrder: return a.collectiveOrder == b.collectiveOrder
        case .individualOrder: return a.individualOrder == b.individualOrder
        case .initiativeOrder: return a.initiativeOrder == b.initiativeOrder
        case .eventOrder: return a.eventOrder == b.eventOrder
        case .menuPages: return a.menuPages == b.menuPages
        case .phaseMembers: return a.phaseMembers == b.phaseMembers
        case .pageList: return old.htmlPaths == new.htmlPaths
        }
    }
}
