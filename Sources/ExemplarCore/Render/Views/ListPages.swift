/// Data for the home page and the list pages.
extension Views {
    func homePage() -> TemplateData {
        var data = common(.home, title: graph.site.title, description: graph.site.description)
        let adopters = Set(graph.initiatives.values.flatMap { $0.adoptedBy.map(\.unit.value) })
        data["figures"] = [
            ["value": graph.collectiveOrder.count, "label": text("figure_collectives"), "url": url(.collectives) ?? ""],
            ["value": graph.individualOrder.count, "label": text("figure_individuals"), "url": url(.individuals) ?? ""],
            ["value": graph.initiativeOrder.count, "label": text("figure_initiatives"), "url": url(.initiatives) ?? ""],
            ["value": adopters.count, "label": text("figure_adopters"), "url": url(.units) ?? ""],
        ] as [TemplateData]
        data["featured"] = featured(limit: 6).compactMap(exemplarCard)
        data["models"] = graph.initiativeOrder.prefix(4).compactMap(initiativeCard)
        data["events"] = graph.eventOrder.prefix(4).compactMap(eventCard)
        data["pages"] = graph.menuPages.compactMap { id -> TemplateData? in
            guard let page = graph.pages[id] else { return nil }
            return ["title": page.title, "summary": page.summary ?? "", "url": url(.page(id)) ?? ""]
        }
        return data
    }

    /// Exemplars with the highest awards first, for the home page.
    private func featured(limit: Int) -> [String] {
        let ids = graph.collectiveOrder + graph.individualOrder
        let rank = { (id: String) -> Int in graph.exemplars[id].map { graph.rankedAwards(of: $0).first?.award.rank ?? 0 } ?? 0 }
        return Array(ids.enumerated().sorted { (rank($0.element), -$0.offset) > (rank($1.element), -$1.offset) }.prefix(limit).map(\.element))
    }

    func exemplarsPage(_ kind: Exemplar.Kind) -> TemplateData {
        let route: Route = kind == .collective ? .collectives : .individuals
        let title = text(kind == .collective ? "nav_collectives" : "nav_individuals")
        var data = common(route, title: title, description: nil)
        let ids = kind == .collective ? graph.collectiveOrder : graph.individualOrder
        data["items"] = ids.compactMap(exemplarCard)
        data["count"] = ids.count
        return data
    }

    func initiativesPage() -> TemplateData {
        var data = common(.initiatives, title: text("nav_initiatives"), description: nil)
        data["items"] = graph.initiativeOrder.compactMap(initiativeCard)
        data["count"] = graph.initiativeOrder.count
        return data
    }

    func eventsPage() -> TemplateData {
        var data = common(.events, title: text("nav_events"), description: nil)
        data["items"] = graph.eventOrder.compactMap(eventCard)
        data["count"] = graph.eventOrder.count
        return data
    }

    func unitsPage() -> TemplateData {
        var data = common(.units, title: text("nav_units"), description: nil)
        // Top-level units, each with the units under it.
        data["items"] = graph.unitOrder.filter { id in
            graph.units[id]?.parent.map { graph.units[$0.value] == nil } ?? true
        }.compactMap { id -> TemplateData? in
            guard var link = unitLink(id) else { return nil }
            link["children"] = (graph.childUnits[id] ?? []).compactMap(unitLink)
            link["exemplar_count"] = graph.unitAndDescendants(id).reduce(0) { $0 + (graph.exemplarsOfUnit[$1]?.count ?? 0) }
            return link
        }
        return data
    }

    func notFoundPage() -> TemplateData {
        common(.notFound, title: text("not_found_title"), description: nil)
    }
}
