/// Data for the home page and the list pages.
extension Views {
    func homePage(today: CalendarDate) -> TemplateData {
        var data = common(.home, title: graph.site.title, description: graph.site.description)
        data["figures"] = figures()
        data["featured"] = featured(limit: 6).compactMap(exemplarCard)
        data["models"] = graph.initiativeOrder.prefix(4).compactMap(initiativeCard)
        let (upcoming, past) = splitEvents(today: today)
        data["upcoming"] = upcoming.prefix(3).compactMap(eventCard)
        data["recent"] = past.prefix(3).compactMap(eventCard)
        data["pages"] = graph.menuPages.compactMap { id -> TemplateData? in
            guard let page = graph.pages[id] else { return nil }
            return ["title": page.title, "summary": page.summary ?? "", "url": url(.page(id)) ?? ""]
        }
        data["browse"] = browseLinks()
        return data
    }

    func figures() -> [TemplateData] {
        let adopters = Set(graph.initiatives.values.flatMap { $0.adoptedBy.map(\.unit.value) }.filter { graph.units[$0] != nil })
        return [
            ["value": graph.collectiveOrder.count, "label": text("figure_collectives"), "url": listURL(.collectives)],
            ["value": graph.individualOrder.count, "label": text("figure_individuals"), "url": listURL(.individuals)],
            ["value": graph.initiativeOrder.count, "label": text("figure_initiatives"), "url": listURL(.initiatives)],
            ["value": adopters.count, "label": text("figure_adopters"), "url": listURL(.units)],
        ]
    }

    /// Events on or after today are coming (soonest first); the rest are past (newest first).
    func splitEvents(today: CalendarDate) -> (upcoming: [String], past: [String]) {
        let upcoming = graph.eventOrder.filter { graph.events[$0]?.isComing(on: today) ?? true }.reversed()
        let past = graph.eventOrder.filter { !(graph.events[$0]?.isComing(on: today) ?? true) }
        return (Array(upcoming), past)
    }

    func browseLinks() -> [TemplateData] {
        [(Listing.years, "nav_years"), (.fields, "nav_fields"), (.awards, "nav_awards"), (.units, "nav_units"), (.phase, "nav_phase")]
            .map { ["title": text($1), "url": listURL($0)] }
    }

    /// Exemplars with the highest awards first, for the home page.
    private func featured(limit: Int) -> [String] {
        let ids = graph.collectiveOrder + graph.individualOrder
        let rank = ids.map { id in graph.exemplars[id].map { graph.rankedAwards(of: $0).first?.award.rank ?? 0 } ?? 0 }
        return ids.indices.sorted { (rank[$0], -$0) > (rank[$1], -$1) }.prefix(limit).map { ids[$0] }
    }

    func listURL(_ listing: Listing, page: Int = 1) -> String {
        url(.list(listing, page: page)) ?? basePath
    }

    func listPage(_ listing: Listing, page: Int, pageCount: Int, today: CalendarDate) -> TemplateData {
        var data = common(.list(listing, page: page), title: title(of: listing), description: nil)
        data["pagination"] = pagination(listing, page: page, count: pageCount)
        if page > 1 { data["page_title"] = "\(title(of: listing)) – \(text("page")) \(page) – \(graph.site.title)" }
        switch listing {
        case .collectives, .individuals, .year, .field, .scope, .award, .phase, .unitMembers:
            let ids = exemplarIDs(listing)
            let slice = Array(ids.dropFirst((page - 1) * Planner.pageSize).prefix(Planner.pageSize))
            data["exemplars"] = slice.compactMap(exemplarCard)
            data["count"] = ids.count
            data["filters"] = filters(slice)
            if case .award(let id) = listing { data["award"] = graph.awards[id].map { ["name": $0.name, "level": $0.level ?? ""] } }
            if case .unitMembers(let id) = listing { data["list_unit"] = unitLink(id) }
        case .initiatives:
            let slice = graph.initiativeOrder.dropFirst((page - 1) * Planner.pageSize).prefix(Planner.pageSize)
            data["initiatives"] = slice.compactMap(initiativeCard)
            data["count"] = graph.initiativeOrder.count
        case .events:
            let (upcoming, past) = splitEvents(today: today)
            data["upcoming"] = upcoming.compactMap(eventCard)
            data["past"] = past.compactMap(eventCard)
            data["count"] = graph.eventOrder.count
        case .units:
            data["units"] = unitTree()
        case .years:
            data["terms"] = graph.exemplarsOfYear.keys.sorted(by: >).map { year in
                ["name": String(year), "url": listURL(.year(year)), "count": graph.exemplarsOfYear[year]?.count ?? 0] as TemplateData
            }
        case .fields:
            let scopes = Exemplar.Scope.allCases.map { scope in
                ["name": text("scope_\(scope.rawValue)"), "url": listURL(.scope(scope)), "count": graph.exemplarsOfScope[scope]?.count ?? 0] as TemplateData
            }
            let fields = fieldOrder.map { field in
                ["name": field.name, "url": listURL(.field(field.id)), "count": graph.exemplarsOfField[field.id]?.count ?? 0] as TemplateData
            }
            data["scopes"] = scopes
            data["terms"] = fields.filter { ($0["count"] as? Int ?? 0) > 0 }
        case .awards:
            data["terms"] = graph.awards.values.filter { graph.holdersOfAward[$0.id] != nil }
                .sorted { ($0.rank, $1.name) > ($1.rank, $0.name) }
                .map { award in
                    ["name": award.name, "url": listURL(.award(award.id)), "count": graph.holdersOfAward[award.id]?.count ?? 0] as TemplateData
                }
        }
        return data
    }

    func title(of listing: Listing) -> String {
        switch listing {
        case .collectives: return text("nav_collectives")
        case .individuals: return text("nav_individuals")
        case .initiatives: return text("nav_initiatives")
        case .events: return text("nav_events")
        case .units: return text("nav_units")
        case .years: return text("nav_years")
        case .year(let year): return "\(text("exemplars_of_year")) \(year)"
        case .fields: return text("nav_fields")
        case .field(let id): return "\(text("exemplars_of_field")) \(graph.fields[id]?.name ?? id)"
        case .scope(let scope): return text("scope_\(scope.rawValue)")
        case .awards: return text("nav_awards")
        case .award(let id): return graph.awards[id]?.name ?? id
        case .phase: return "\(text("exemplars_of_phase")) \(graph.site.phase?.name ?? "")"
        case .unitMembers(let id): return "\(text("exemplars_of_unit_title")) \(graph.units[id]?.name ?? id)"
        }
    }

    func exemplarIDs(_ listing: Listing) -> [String] {
        switch listing {
        case .collectives: return graph.collectiveOrder
        case .individuals: return graph.individualOrder
        case .year(let year): return graph.exemplarsOfYear[year] ?? []
        case .field(let id): return graph.exemplarsOfField[id] ?? []
        case .scope(let scope): return graph.exemplarsOfScope[scope] ?? []
        case .award(let id): return graph.holdersOfAward[id] ?? []
        case .phase: return graph.phaseMembers
        case .unitMembers(let id): return graph.members(ofUnit: id)
        default: return []
        }
    }

    /// Page links: first, last, and two either side of the current one.
    private func pagination(_ listing: Listing, page: Int, count: Int) -> TemplateData? {
        guard count > 1 else { return nil }
        var numbers = [1, count] + Array(max(1, page - 2)...min(count, page + 2))
        numbers = Array(Set(numbers)).sorted()
        var items: [TemplateData] = []
        for (index, number) in numbers.enumerated() {
            if index > 0, number - numbers[index - 1] > 1 { items.append(["gap": true]) }
            items.append(["number": number, "url": listURL(listing, page: number), "current": number == page])
        }
        var data: TemplateData = ["items": items]
        if page > 1 { data["previous"] = listURL(listing, page: page - 1) }
        if page < count { data["next"] = listURL(listing, page: page + 1) }
        return data
    }

    /// Choices for the in-page filter, from the cards on this page only.
    private func filters(_ ids: [String]) -> TemplateData? {
        guard ids.count > 1 else { return nil }
        var units: [String: String] = [:], years: Set<Int> = [], fields: Set<String> = [], awards: Set<String> = []
        for id in ids {
            guard let exemplar = graph.exemplars[id] else { continue }
            if let unit = graph.units[exemplar.unit.value] { units[unit.id] = unit.name }
            years.formUnion(exemplar.years.map(\.value))
            fields.formUnion(exemplar.fields.map(\.value).filter { graph.fields[$0] != nil })
            awards.formUnion(exemplar.awards.map(\.award.value).filter { graph.awards[$0] != nil })
        }
        func options(_ pairs: [(String, String)]) -> [TemplateData] { pairs.map { ["value": $0.0, "label": $0.1] } }
        return [
            "units": options(units.sorted { (unitPosition[$0.key] ?? 0) < (unitPosition[$1.key] ?? 0) }.map { ($0.key, $0.value) }),
            "years": options(years.sorted().map { (String($0), String($0)) }),
            "fields": options(fieldOrder.filter { fields.contains($0.id) }.map { ($0.id, $0.name) }),
            "awards": options(awards.compactMap { graph.awards[$0] }.sorted { ($0.rank, $1.id) > ($1.rank, $0.id) }.map { ($0.id, $0.name) }),
        ]
    }

    private func unitTree() -> [TemplateData] {
        graph.unitOrder.filter { id in
            graph.units[id]?.parent.map { graph.units[$0.value] == nil } ?? true
        }.compactMap { id -> TemplateData? in
            guard var link = makeUnitLink(id) else { return nil }
            link["children"] = (graph.childUnits[id] ?? []).compactMap(unitLink)
            link["exemplar_count"] = graph.members(ofUnit: id).count
            return link
        }
    }

    func notFoundPage() -> TemplateData {
        common(.notFound, title: text("not_found_title"), description: nil)
    }
}
