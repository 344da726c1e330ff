/// Data for the home page and the list pages.
extension Views {
    func homePage(today: CalendarDate) -> TemplateData {
        var data = common(.home, title: graph.site.title, description: graph.site.description)
        data["figures"] = figures()
        data["featured"] = .list(featured(limit: 6).compactMap(exemplarCard))
        data["models"] = .list(graph.initiativeOrder.prefix(4).compactMap(initiativeCard))
        let (upcoming, past) = splitEvents(today: today)
        data["upcoming"] = .list(upcoming.prefix(3).compactMap(eventCard))
        if !upcoming.isEmpty { data["as_of"] = date(today) }
        data["recent"] = .list(past.prefix(3).compactMap(eventCard))
        data["pages"] = .list(graph.menuPages.compactMap { id -> TemplateValue? in
            guard let page = graph.pages[id] else { return nil }
            return ["title": .text(page.title), "summary": .text(page.summary ?? ""), "url": .text(url(.page(id)) ?? "")]
        })
        data["browse"] = browseLinks()
        return data
    }

    /// Each figure links to the list of exactly what it counts.
    func figures() -> TemplateValue {
        func figure(_ value: Int, _ label: String, _ url: String) -> TemplateValue {
            ["value": .number(value), "label": .text(text(label)), "url": .text(url)]
        }
        return [
            figure(graph.collectiveOrder.count, "figure_collectives", listURL(.collectives)),
            figure(graph.individualOrder.count, "figure_individuals", listURL(.individuals)),
            figure(graph.initiativeOrder.count, "figure_initiatives", listURL(.initiatives)),
            figure(adopterUnits().count, "figure_adopters", listURL(.replication) + "#" + Self.adoptersAnchor),
        ]
    }

    /// Events on or after today are coming (soonest first); the rest are past (newest first).
    func splitEvents(today: CalendarDate) -> (upcoming: [String], past: [String]) {
        let upcoming = graph.eventOrder.filter { graph.events[$0]?.isComing(on: today) ?? true }.reversed()
        let past = graph.eventOrder.filter { !(graph.events[$0]?.isComing(on: today) ?? true) }
        return (Array(upcoming), past)
    }

    func browseLinks() -> TemplateValue {
        .list([(Listing.years, "nav_years"), (.fields, "nav_fields"), (.awards, "nav_awards"), (.units, "nav_units"), (.phase, "nav_phase"), (.replication, "nav_replication")]
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
            if case .award(let id) = listing {
                data["exemplars"] = .list(slice.compactMap { awardHolderCard($0, award: id) })
                data["award"] = awardAbout(id)
            } else {
                data["exemplars"] = .list(slice.compactMap(exemplarCard))
            }
            data["count"] = .number(ids.count)
            data["filters"] = filters(listing, pageCount: pageCount)
            if case .unitMembers(let id) = listing { data["list_unit"] = unitLink(id) }
        case .initiatives:
            let ids = graph.base.ids(of: listing)
            reads?.note(.slice(listing, page: page))
            data["initiatives"] = .list(SiteGraph.slice(ids, page: page).compactMap(initiativeCard))
            data["count"] = .number(ids.count)
            data["filters"] = filters(.initiatives, pageCount: pageCount)
        case .events:
            let (upcoming, past) = splitEvents(today: today)
            data["upcoming"] = .list(upcoming.compactMap(eventCard))
            if !upcoming.isEmpty { data["as_of"] = date(today) }
            data["past"] = .list(past.compactMap(eventCard))
            data["count"] = .number(graph.eventOrder.count)
        case .units:
            data["units"] = unitTree()
        case .replication:
            data.merge(replication()) { _, new in new }
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
        case .replication: return text("nav_replication")
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
            items.append(.record(TemplateRecord(layout: Self.pageLinkLayout, values: [
                .flag(number == page), .number(number), .text(listURL(listing, page: number)),
            ])))
        }
        var data: TemplateData = ["items": .list(items)]
        if page > 1 { data["previous"] = .text(listURL(listing, page: page - 1)) }
        if page < count { data["next"] = .text(listURL(listing, page: page + 1)) }
        return .object(data)
    }

    /// A page link's names, shared: every list page has several.
    private static let pageLinkLayout = TemplateRecord.Layout(["current", "number", "url"])

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
