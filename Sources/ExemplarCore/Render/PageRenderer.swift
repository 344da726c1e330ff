/// The fifth stage: one planned page into its text (HTML, XML, JSON), with the
/// diagnostics its body produced.
struct PageRenderer: Sendable {
    let graph: SiteGraph
    let plan: SitePlan
    let theme: Theme
    let views: Views
    /// Splits events into coming and past.
    let today: CalendarDate

    /// Link resolution for bodies; kept so a later build can tell whether a link now goes elsewhere.
    let links: LinkResolver
    /// What each card made for this build read (when tracking).
    let cardInputs: Views.CardInputs
    /// Whether pages note what they read.
    let tracks: Bool
    /// Cards rendered once for all the pages of this build that show them.
    let partials: PartialMemo?
    /// Whether the memory a site-wide page freed goes back to the system as soon as it is made.
    /// A session's later builds hand it back once, at their end.
    let releasesMemory: Bool

    /// With `tracking`, every page and card notes its inputs. `reuse` gives cards of an
    /// earlier build that are still right for this one: they are kept rather than made again;
    /// `prepared`, all the cards and filter choices of an earlier build of the same graph;
    /// `earlier`, an earlier build's cards, whose filter entries stand for the cards kept.
    /// Without `memoisesCards`, every card is rendered afresh on every page (for comparison).
    init(graph: SiteGraph, plan: SitePlan, theme: Theme, today: CalendarDate,
         tracking: Bool = false, reuse: Views.CardReuse? = nil, earlier: Views.Cards? = nil, prepared: Views.Cards? = nil,
         links: LinkResolver? = nil,
         memoisesCards: Bool = true, paths known: [Route: String]? = nil, figures: FigureKeeper? = nil,
         releasesMemory: Bool = true) {
        tracks = tracking
        self.releasesMemory = releasesMemory
        partials = memoisesCards ? PartialMemo() : nil
        self.graph = graph
        self.plan = plan
        self.theme = theme
        self.today = today
        // `known`: the plan's addresses by route, when the caller has them already.
        var paths = known ?? [:]
        if known == nil { for page in plan.pages { paths[page.route] = page.path } }
        let links = links ?? LinkResolver(graph: graph, plan: plan)
        self.links = links
        let markdown = Markdown(allowRawHTML: graph.site.allowRawHTML, links: links, reservedIDs: theme.reservedIDs,
                                anchors: AnchorIndex(graph: graph), images: BodyImages(graph: graph))
        var views = Views(graph: graph, theme: theme, markdown: markdown, pathOf: paths, today: today, figures: figures)
        if let prepared {
            views.cards = prepared
            cardInputs = Views.CardInputs()
        } else {
            cardInputs = views.prepareCards(reusing: reuse, track: tracking, earlier: earlier)
        }
        self.views = views
    }

    /// The prepared cards, for a later build to reuse.
    var cards: Views.Cards { views.cards }

    /// The page's files (one, or the search index's many) with their output paths, its
    /// diagnostics, and, when tracking, what it was made from. Nil files: it could not be rendered.
    /// `search` is the index kept from an earlier build, updated in place, with the test of
    /// which of its documents still stand.
    /// `rows`: the page's rows kept from an earlier build, for its views (`Views.keptRow`).
    func renderTracked(_ page: SitePlan.Page, search: SearchIndexKeeper? = nil, stillRight: SearchIndexState.StillRight? = nil,
                       rows: PageRows? = nil)
        -> (files: [(path: String, text: PageText)]?, diagnostics: [Diagnostic], inputs: Set<PageInput>) {
        let rendered = renderPage(page, search: search, stillRight: stillRight, rows: rows)
        // What a site-wide page made and dropped (every exemplar's data, the search index's
        // words) goes back to the system before the next one on another core adds its own,
        // once enough of it has gathered.
        if releasesMemory, page.route.isSiteWide { FreedMemory.releaseIfGrown() }
        return rendered
    }

    /// The search index of a build that keeps nothing, made from nothing: each file is handed
    /// to `sink` with its output path as soon as it is made, so that the index's text is never
    /// held whole. Returns the files' output paths, in the order `renderTracked` gives them.
    func writeSearchIndex(_ page: SitePlan.Page, to sink: @escaping (String, PageText) -> Void) -> [String] {
        var state = SearchIndexState()
        let paths = state.write(views, to: { sink(page.path + $0, $1) })
        FreedMemory.release()
        return paths.map { page.path + $0 }
    }

    private func renderPage(_ page: SitePlan.Page, search: SearchIndexKeeper?, stillRight: SearchIndexState.StillRight?,
                            rows: PageRows?) -> (files: [(path: String, text: PageText)]?, diagnostics: [Diagnostic], inputs: Set<PageInput>) {
        let reads = tracks ? Reads() : nil
        var views = views.tracking(reads)
        views.rows = rows
        if page.route == .searchIndex {
            // The index is made of what each of its documents read, and every page's address. What a
            // document read stays with the document (`SearchIndexState.Document.inputs`), where a
            // kept session looks for it: not copied into the page's inputs on each build.
            reads?.note(.all(.pageList))
            let keeper = search ?? SearchIndexKeeper()
            let files = keeper.state.update(views, stillRight: search == nil ? nil : stillRight, track: tracks)
            return (files.map { (page.path + $0.path, PageText.string($0.text)) }, [], reads?.inputs ?? [])
        }
        let (text, diagnostics) = render(page, views: views)
        return (text.map { [(page.outputFile, $0)] }, diagnostics, reads?.inputs ?? [])
    }

    func render(_ page: SitePlan.Page) -> (text: String?, diagnostics: [Diagnostic]) {
        let (text, diagnostics) = render(page, views: views)
        return (text?.string, diagnostics)
    }

    private func render(_ page: SitePlan.Page, views: Views) -> (text: PageText?, diagnostics: [Diagnostic]) {
        let made: PageText?
        switch page.route {
        case .feed: made = .string(Feed(views: views).render())
        case .sitemap:
            views.reads?.note(.all(.pageList))
            made = .string(Sitemap.render(paths: plan.htmlPaths, views: views))
        case .robots: made = .string(Sitemap.robots(views: views))
        case .export(let name): made = Export(views: views).render(name).map(PageText.bytes)
        case .listData(let listing): made = .page(views.listData(listing))
        case .listChoices(let listing): made = .string(views.listChoices(listing))
        case .figuresData(let year, let format): made = FigureExport(views: views).render(year: year, format: format)
        default: return renderTemplate(page, views: views)
        }
        return (made, [])
    }

    private func renderTemplate(_ page: SitePlan.Page, views: Views) -> (text: PageText?, diagnostics: [Diagnostic]) {
        let (template, data, diagnostics) = templateData(page.route, views: views)
        guard let html = theme.renderBytes(data, template: template, memo: partials) else {
            if theme.reported.contains(template) { return (nil, diagnostics) }
            let at = page.source ?? SourceLocation(file: "theme/templates/\(template).mustache")
            return (nil, diagnostics + [.error("missing-template", "Không có mẫu \(template).mustache để dựng trang /\(page.path).", at: at)])
        }
        return (.page(html), diagnostics)
    }

    private func templateData(_ route: Route, views: Views) -> (String, TemplateData, [Diagnostic]) {
        let graph = views.graph
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
        case .figures(let year):
            return ("figures", views.figuresPage(year: year), [])
        case .report(let year, let half):
            return ("report", views.reportPage(year: year, half: half), [])
        case .search: return ("search", views.searchPage(), [])
        case .notFound, .feed, .sitemap, .robots, .export, .listData, .listChoices, .figuresData, .searchIndex:
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

extension Route {
    /// Pages made from every item of the site: large temporaries, one at a time.
    var isSiteWide: Bool {
        switch self {
        case .searchIndex, .export, .figures, .figuresData, .report, .feed, .sitemap: return true
        default: return false
        }
    }
}
