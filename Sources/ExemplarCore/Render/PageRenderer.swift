/// The fifth stage: one planned page into HTML, with the diagnostics its body produced.
struct PageRenderer: Sendable {
    let graph: SiteGraph
    let theme: Theme
    let views: Views

    init(graph: SiteGraph, plan: SitePlan, theme: Theme) {
        self.graph = graph
        self.theme = theme
        var paths: [Route: String] = [:]
        for page in plan.pages { paths[page.route] = page.path }
        let links = LinkResolver(pagePaths: Set(plan.pages.map(\.path)).union(graph.media),
                                 urlOfContentPath: plan.urlOfContentPath, basePath: graph.site.basePath)
        let markdown = Markdown(allowRawHTML: graph.site.allowRawHTML, links: links)
        views = Views(graph: graph, theme: theme, markdown: markdown, pathOf: paths)
    }

    func render(_ page: SitePlan.Page) -> (html: String?, diagnostics: [Diagnostic]) {
        let (template, data, diagnostics) = templateData(page.route)
        guard let html = theme.render(data, template: template) else {
            let at = page.source ?? SourceLocation(file: "theme/templates/\(template).mustache")
            return (nil, diagnostics + [.error("missing-template", "Không có mẫu \(template).mustache để dựng trang /\(page.path).", at: at)])
        }
        return (html, diagnostics)
    }

    private func templateData(_ route: Route) -> (String, TemplateData, [Diagnostic]) {
        switch route {
        case .home: return ("home", views.homePage(), [])
        case .collectives: return ("exemplars", views.exemplarsPage(.collective), [])
        case .individuals: return ("exemplars", views.exemplarsPage(.individual), [])
        case .initiatives: return ("initiatives", views.initiativesPage(), [])
        case .events: return ("events", views.eventsPage(), [])
        case .units: return ("units", views.unitsPage(), [])
        case .notFound: return ("404", views.notFoundPage(), [])
        case .exemplar(let id):
            guard let item = graph.exemplars[id] else { return ("404", views.notFoundPage(), []) }
            let (data, diagnostics) = views.exemplarPage(item)
            return ("exemplar", data, diagnostics)
        case .initiative(let id):
            guard let item = graph.initiatives[id] else { return ("404", views.notFoundPage(), []) }
            let (data, diagnostics) = views.initiativePage(item)
            return ("initiative", data, diagnostics)
        case .event(let id):
            guard let item = graph.events[id] else { return ("404", views.notFoundPage(), []) }
            let (data, diagnostics) = views.eventPage(item)
            return ("event", data, diagnostics)
        case .unit(let id):
            guard let item = graph.units[id] else { return ("404", views.notFoundPage(), []) }
            return ("unit", views.unitPage(item), [])
        case .page(let id):
            guard let item = graph.pages[id] else { return ("404", views.notFoundPage(), []) }
            let (data, diagnostics) = views.freePage(item)
            return ("page", data, diagnostics)
        }
    }
}
