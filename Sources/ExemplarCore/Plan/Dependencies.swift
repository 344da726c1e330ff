/// Which pages show an item: what an edit to one content file must re-render.
/// Read from the graph's relations, so it costs the item's neighbours, not the site.
public enum ItemReference: Sendable, Hashable {
    case exemplar(String), initiative(String), event(String), unit(String), page(String)
}

extension SitePlan {
    public func routes(showing item: ItemReference, in graph: SiteGraph) -> Set<Route> {
        var routes: Set<Route> = [.home, .feed, .sitemap, .searchIndex]
        func lists(_ listings: [Listing]) {
            for listing in listings {
                for page in 1...(pageCounts[listing] ?? 1) { routes.insert(.list(listing, page: page)) }
                if (pageCounts[listing] ?? 1) > 1, listing.listsExemplars { routes.insert(.listData(listing)) }
            }
        }
        func units(_ id: String) {
            // A unit's page lists the exemplars of the units below it too.
            var current: String? = id
            var seen: Set<String> = []
            while let unit = current, seen.insert(unit).inserted {
                routes.insert(.unit(unit))
                lists([.unitMembers(unit)])
                current = graph.units[unit]?.parent?.value
            }
        }
        switch item {
        case .exemplar(let id):
            routes.insert(.exemplar(id))
            routes.insert(.scores(id))
            routes.insert(.export("exemplars"))
            guard let exemplar = graph.exemplars[id] else { break }
            lists([exemplar.kind == .collective ? .collectives : .individuals, .phase, .years, .fields, .awards, .units]
                  + exemplar.years.map { .year($0.value) } + exemplar.fields.map { .field($0.value) }
                  + exemplar.awards.map { .award($0.award.value) } + (exemplar.scope.map { [.scope($0)] } ?? []))
            units(exemplar.unit.value)
            for model in graph.initiativesOfExemplar[id] ?? [] { routes.insert(.initiative(model)) }
            for event in graph.eventsOfExemplar[id] ?? [] { routes.insert(.event(event)) }
        case .initiative(let id):
            routes.insert(.initiative(id))
            routes.insert(.export("models"))
            lists([.initiatives, .replication])
            guard let item = graph.initiatives[id] else { break }
            units(item.unit.value)
            item.adoptedBy.forEach { units($0.unit.value) }
            for owner in graph.ownersOfInitiative[id] ?? [] { routes.insert(.exemplar(owner)) }
            for event in graph.eventsOfInitiative[id] ?? [] { routes.insert(.event(event)) }
        case .event(let id):
            routes.insert(.event(id))
            routes.insert(.export("events"))
            lists([.events])
            guard let event = graph.events[id] else { break }
            if let host = event.host?.value { units(host) }
            event.participants.forEach { routes.insert(.exemplar($0.value)) }
            event.models.forEach { routes.insert(.initiative($0.value)) }
        case .unit(let id):
            units(id)
            lists([.units])
            for child in graph.childUnits[id] ?? [] { routes.insert(.unit(child)) }
            for member in graph.exemplarsOfUnit[id] ?? [] { routes.insert(.exemplar(member)) }
        case .page(let id):
            // Menu pages appear in every page's navigation.
            if graph.pages[id]?.menu != nil { return Set(pages.map(\.route)) }
            routes = [.page(id), .sitemap, .searchIndex]
        }
        return routes
    }
}
