/// The fifth stage: one planned page into its text (HTML, XML, JSON), with the
/// diagnostics its body produced.
struct PageRenderer: Sendable {
    let graph: SiteGraph
    let plan: SitePlan
    let theme: Theme
    let views: Views
    /// Splits events into coming and past.
    let today: CalendarDate

    init(graph: SiteGraph, plan: SitePlan, theme: Theme, today: CalendarDate) {
        self.graph = graph
        self.plan = plan
        self.theme = theme
        self.today = today
        var paths: [Route: String] = [:]
        for page in plan.pages { paths[page.route] = page.path }
        let links = LinkResolver(pagePaths: Set(plan.pages.map(\.path)).union(graph.media),
                                 urlOfContentPath: plan.urlOfContentPath, unloadedPaths: graph.unloadedPaths,
                                 basePath: graph.site.basePath)
        let markdown = Markdown(allowRawHTML: graph.site.allowRawHTML, links: links, reservedIDs: theme.reservedIDs,
                                anchors: AnchorIndex(graph: graph))
        var views = Views(graph: graph, theme: theme, markdown: markdown, pathOf: paths, today: today)
        views.prepareCards()
        self.views = views
    }

    func render(_ page: SitePlan.Page) -> (text: String?, diagnostics: [Diagnostic]) {
        switch page.route {
        case .feed: return (Feed(views: views).render(), [])
        case .sitemap: return (Sitemap.render(paths: plan.pages.filter(\.route.isHTML).map(\.path), views: views), [])
        case .robots: return (Sitemap.robots(views: views), [])
        case .export(let name): return (Export(views: views).render(name), [])
        case .listData(let listing): return (views.listData(listing), [])
        default: break
        }
        let (template, data, diagnostics) = templateData(page.route)
        guard let html = theme.render(data, template: template) else {
            if theme.reported.contains(template) { return (nil, diagnostics) }
            let at = page.source ?? SourceLocation(file: "theme/templates/\(template).mustache")
            return (nil, diagnostics + [.error("missing-template", "Không có mẫu \(template).mustache để dựng trang /\(page.path).", at: at)])
        }
        return (html, diagnostics)
    }

    private func templateData(_ route: Route) -> (String, TemplateData, [Diagnostic]) {
        switch route {
        case .home: return ("home", views.homePage(today: today), [])
        case .list(let listing, let page):
            let data = views.listPage(listing, page: page, pageCount: plan.pageCounts[listing] ?? 1, today: today)
            return (template(for: listing), data, [])
        case .exemplar(let id):
            guard let item = graph.exemplars[id] else { break }
            let (data, diagnostics) = views.exemplarPage(item)
            return ("exemplar", data, diagnostics)
        case .scores(let id):
            guard let item = graph.exemplars[id] else { break }
            return ("scores-page", views.scoresPage(item), [])
        case .initiative(let id):
            guard let item = graph.initiatives[id] else { break }
            let (data, diagnostics) = views.initiativePage(item)
            return ("initiative", data, diagnostics)
        case .event(let id):
            guard let item = graph.events[id] else { break }
            let (data, diagnostics) = views.eventPage(item)
            return ("event", data, diagnostics)
        case .unit(let id):
            guard let item = graph.units[id] else { break }
            return ("unit", views.unitPage(item), [])
        case .page(let id):
            guard let item = graph.pages[id] else { break }
            let (data, diagnostics) = views.freePage(item)
            return ("page", data, diagnostics)
        case .search: return ("search", views.searchPage(), [])
        case .notFound, .feed, .sitemap, .robots, .export, .listData, .searchIndex:
            break
        }
        return ("404", views.notFoundPage(), [])
    }

    private func template(for listing: Listing) -> String {
        switch listing {
        case .initiatives: return "initiatives"
        case .events: return "events"
        case .units: return "units"
        case .years, .fields, .awards: return "terms"
        case .replication: return "replication"
        default: return "exemplars"
        }
    }
}
