/// Data for the home page and the list pages.
extension Views {
    func homePage(today: CalendarDate) -> TemplateData {
        var data = common(.home, title: graph.site.title, description: graph.site.description)
        data["figures"] = figures()
        data["featured"] = .list(featured(limit: 6).compactMap(exemplarCard))
        data["models"] = .list(graph.initiativeOrder.prefix(4).compactMap(initiativeCard))
        let (upcoming, past) = splitEvents(today: today)
        data["upcoming"] = .list(upcoming.prefix(3).compactMap(eventCard))
        data["recent"] = .list(past.prefix(3).compactMap(eventCard))
        data["pages"] = .list(graph.menuPages.compactMap { id -> TemplateValue? in
            guard let page = graph.pages[id] else { return nil }
            return ["title": .text(page.title), "summary": .text(page.summary ?? ""), "url": .text(url(.page(id)) ?? "")]
        })
        data["browse"] = browseLinks()
        return data
    }

    func figures() -> TemplateValue {
        let adopters = Set(graph.initiatives.values.flatMap { $0.adoptedBy.map(\.unit.value) }.filter { graph.units[$0] != nil })
        func figure(_ value: Int, _ label: String, _ listing: Listing) -> TemplateValue {
            ["value": .number(value), "label": .text(text(label)), "url": .text(listURL(listing))]
        }
        return [
            figure(graph.collectiveOrder.count, "figure_collectives", .collectives),
            figure(graph.individualOrder.count, "figure_individuals", .individuals),
            figure(graph.initiativeOrder.count, "figure_initiatives", .initiatives),
            figure(adopters.count, "figure_adopters", .units),
        ]
    }

    /// Events on or after today are coming (soonest first); the rest are past (newest first).
    func splitEvents(today: CalendarDate) -> (upcoming: [String], past: [String]) {
        let upcoming = graph.eventOrder.filter { graph.events[$0]?.isComing(on: today) ?? true }.reversed()
        let past = graph.eventOrder.filter { !(graph.events[$0]?.isComing(on: today) ?? true) }
        return (Array(upcoming), past)
    }

    func browseLinks() -> TemplateValue {
        .list([(Listing.years, "nav_years"), (.fields, "nav_fields"), (.awards, "nav_awards"), (.units, "nav_units"), (.phase, "nav_phase")]
            .map { ["title": .text(text($1)), "url": .text(listURL($0))] }
            + [["title": .text(text("nav_figures")), "url": .text(url(.figures(nil)) ?? basePath)]])
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
        reads?.note(.size(listing))
        data["pagination"] = pagination(listing, page: page, count: pageCount)
        if page > 1 { data["page_title"] = .text("\(title(of: listing)) – \(text("page")) \(page) – \(graph.site.title)") }
        switch listing {
        case .collectives, .individuals, .year, .field, .scope, .award, .phase, .unitMembers:
            // Read as one slice and a size: a page changes only when its own 24 ids do.
            let ids = graph.base.ids(of: listing)
            let slice = SiteGraph.slice(ids, page: page)
            reads?.note(.slice(listing, page: page))
            data["exemplars"] = .list(slice.compactMap(exemplarCard))
            data["count"] = .number(ids.count)
            data["filters"] = filters(slice)
            if case .award(let id) = listing {
                data["award"] = graph.awards[id].map { ["name": .text($0.name), "level": .text($0.level ?? "")] }
            }
            if case .unitMembers(let id) = listing { data["list_unit"] = unitLink(id) }
        case .initiatives:
            let ids = graph.base.ids(of: listing)
            reads?.note(.slice(listing, page: page))
            data["initiatives"] = .list(SiteGraph.slice(ids, page: page).compactMap(initiativeCard))
            data["count"] = .number(ids.count)
        case .events:
            let (upcoming, past) = splitEvents(today: today)
            data["upcoming"] = .list(upcoming.compactMap(eventCard))
            data["past"] = .list(past.compactMap(eventCard))
            data["count"] = .number(graph.eventOrder.count)
        case .units:
            data["units"] = unitTree()
        case .years:
            data["terms"] = .list(graph.exemplarsOfYear.keys.sorted(by: >).map { year in
                term(String(year), listURL(.year(year)), count: graph.exemplarsOfYear[year]?.count ?? 0)
            })
        case .fields:
            data["scopes"] = .list(Exemplar.Scope.allCases.map { scope in
                term(text("scope_\(scope.rawValue)"), listURL(.scope(scope)), count: graph.exemplarsOfScope[scope]?.count ?? 0)
            })
            // Fields nobody is listed under are left out; scopes always show.
            data["terms"] = .list(fieldOrder.compactMap { field in
                let count = graph.exemplarsOfField[field.id]?.count ?? 0
                return count > 0 ? term(field.name, listURL(.field(field.id)), count: count) : nil
            })
        case .awards:
            data["terms"] = .list(graph.awards.values.filter { graph.holdersOfAward[$0.id] != nil }
                .sorted { ($0.rank, $1.name) > ($1.rank, $0.name) }
                .map { award in
                    term(award.name, listURL(.award(award.id)), count: graph.holdersOfAward[award.id]?.count ?? 0)
                })
        }
        return data
    }

    /// One entry of a terms page: a year, scope, field or award and how many it lists.
    private func term(_ name: String, _ url: String, count: Int) -> TemplateValue {
        ["name": .text(name), "url": .text(url), "count": .number(count)]
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

    /// Page links: first, last, and two either side of the current one.
    private func pagination(_ listing: Listing, page: Int, count: Int) -> TemplateValue? {
        guard count > 1 else { return nil }
        var numbers = [1, count] + Array(max(1, page - 2)...min(count, page + 2))
        numbers = Array(Set(numbers)).sorted()
        var items: [TemplateValue] = []
        for (index, number) in numbers.enumerated() {
            if index > 0, number - numbers[index - 1] > 1 { items.append(["gap": true]) }
            items.append(["number": .number(number), "url": .text(listURL(listing, page: number)), "current": .flag(number == page)])
        }
        var data: TemplateData = ["items": .list(items)]
        if page > 1 { data["previous"] = .text(listURL(listing, page: page - 1)) }
        if page < count { data["next"] = .text(listURL(listing, page: page + 1)) }
        return .object(data)
    }

    /// Choices for the in-page filter, from the cards on this page only.
    private func filters(_ ids: [String]) -> TemplateValue? {
        guard ids.count > 1 else { return nil }
        var units: [String: String] = [:], years: Set<Int> = [], fields: Set<String> = [], awards: Set<String> = []
        for id in ids {
            guard let exemplar = graph.exemplars[id] else { continue }
            if let unit = graph.units[exemplar.unit.value] { units[unit.id] = unit.name }
            years.formUnion(exemplar.years.map(\.value))
            fields.formUnion(exemplar.fields.map(\.value).filter { graph.fields[$0] != nil })
            awards.formUnion(exemplar.awards.map(\.award.value).filter { graph.awards[$0] != nil })
        }
        func options(_ pairs: [(String, String)]) -> TemplateValue {
            .list(pairs.map { ["value": .text($0.0), "label": .text($0.1)] })
        }
        return [
            "units": options(units.sorted { (unitPosition[$0.key] ?? 0) < (unitPosition[$1.key] ?? 0) }.map { ($0.key, $0.value) }),
            "years": options(years.sorted().map { (String($0), String($0)) }),
            "fields": options(fieldOrder.filter { fields.contains($0.id) }.map { ($0.id, $0.name) }),
            "awards": options(awards.compactMap { graph.awards[$0] }.sorted { ($0.rank, $1.id) > ($1.rank, $0.id) }.map { ($0.id, $0.name) }),
        ]
    }

    private func unitTree() -> TemplateValue {
        .list(graph.unitOrder.filter { id in
            graph.units[id]?.parent.map { graph.units[$0.value] == nil } ?? true
        }.compactMap { id -> TemplateValue? in
            guard var link = makeUnitLink(id) else { return nil }
            link["children"] = .list((graph.childUnits[id] ?? []).compactMap(unitLink))
            link["exemplar_count"] = .number(graph.members(ofUnit: id).count)
            return .object(link)
        })
    }

    func notFoundPage() -> TemplateData {
        common(.notFound, title: text("not_found_title"), description: nil)
    }
}
