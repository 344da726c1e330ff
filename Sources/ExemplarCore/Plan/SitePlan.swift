/// The fourth stage's result: every page to render, with its URL and what it is made from.
public struct SitePlan: Sendable {
    public struct Page: Sendable {
        public var route: Route
        public var path: String
        public var outputFile: String
        /// The content file the page comes from, for diagnostics and incremental rebuilds.
        public var source: SourceLocation?
    }

    public var pages: [Page]
    /// Content path (`individuals/x.md`, `media/a.jpg`) → URL path under the base, for links in bodies.
    public var urlOfContentPath: [String: String]
    /// How many pages each list has, so a page can link to the others.
    public var pageCounts: [Listing: Int]
}

/// The fourth stage: decides which pages exist and where they go, and refuses two pages at one URL.
public enum Planner {
    /// Items on one page of a list.
    public static let pageSize = 24
    /// Exemplar cards a unit's own page shows; a unit with more also gets its paginated list.
    public static let unitPreview = 12

    public static func plan(_ graph: SiteGraph) -> (SitePlan, [Diagnostic]) {
        var routes: [(route: Route, source: SourceLocation?)] = []
        var counts: [Listing: Int] = [:]
        /// Content files (`individuals/x.md`) with the index of their page.
        var contentPages: [(file: String, page: Int)] = []
        func add(_ route: Route, source: SourceLocation? = nil) {
            routes.append((route, source))
        }
        /// Adds the page of the content file `file`.
        func addContent(_ route: Route, source: SourceLocation?, file: String) {
            contentPages.append((file, routes.count))
            add(route, source: source)
        }
        add(.home)
        // The site-wide files come early: each is one long job (the JSON of every exemplar),
        // and pages are rendered in plan order on every core, so one left for last would
        // run alone while the other cores idle.
        for route in [Route.searchIndex, .export("exemplars"), .export("models"), .export("events"), .feed, .sitemap, .robots,
                      .notFound, .search] {
            add(route)
        }
        for year in [nil] + Figures.years(graph).map(Optional.some) {
            add(.figures(year))
            add(.figuresData(year, format: "csv"))
            add(.figuresData(year, format: "json"))
            if let year, graph.exemplarsOfYear[year] != nil {
                for half in [nil, 1, 2] { add(.report(year, half: half)) }
            }
        }
        for (listing, count) in listings(graph) {
            let pageCount = max(1, (count + pageSize - 1) / pageSize)
            counts[listing] = pageCount
            for page in 1...pageCount { add(.list(listing, page: page)) }
            if listing.listsExemplars || listing == .initiatives {
                // A list of one item has no filter (`Views.makeFilters`), so no choices.
                if count > 1 { add(.listChoices(listing)) }
                if pageCount > 1 { add(.listData(listing)) }
            }
        }
        for id in graph.collectiveOrder + graph.individualOrder {
            addContent(.exemplar(id), source: graph.exemplars[id]?.source,
                       file: (graph.exemplars[id]?.kind == .collective ? "collectives/" : "individuals/") + id + ".md")
            if graph.scores[id] != nil { add(.scores(id), source: graph.scores[id]?.first?.source) }
        }
        for id in graph.initiativeOrder {
            addContent(.initiative(id), source: graph.initiatives[id]?.source, file: "models/\(id).md")
        }
        for id in graph.eventOrder {
            addContent(.event(id), source: graph.events[id]?.source, file: "events/\(id).md")
        }
        let shown = shownUnits(graph)
        for id in graph.unitOrder where shown.contains(id) { add(.unit(id), source: graph.units[id]?.source) }
        var reserved: [Diagnostic] = []
        for id in graph.pages.keys.sorted() {
            // Left out of the plan: its one error names the reserved ids, with no collision on top.
            if RootNames.isReserved(id) {
                reserved.append(RootNames.diagnostic(page: id, at: graph.pages[id]?.source ?? SourceLocation(file: "pages/\(id).md")))
                continue
            }
            addContent(.page(id), source: graph.pages[id]?.source, file: "pages/\(id).md")
        }
        // Addresses on every core: a large site has tens of thousands of pages.
        let pages = routes.parallelMap { route, source in
            let path = route.path(in: graph)
            return SitePlan.Page(route: route, path: path, outputFile: route.outputFile(at: path), source: source)
        }
        var urls: [String: String] = [:]
        urls.reserveCapacity(contentPages.count + graph.media.count)
        for (file, page) in contentPages { urls[file] = pages[page].path }
        for file in graph.media { urls[file] = file }
        return (SitePlan(pages: pages, urlOfContentPath: urls, pageCounts: counts), reserved + collisions(pages))
    }

    /// Every list and how many items it holds, read from the graph's indexes.
    static func listings(_ graph: SiteGraph) -> [(Listing, Int)] {
        var result: [(Listing, Int)] = [
            (.collectives, graph.collectiveOrder.count), (.individuals, graph.individualOrder.count),
            (.initiatives, graph.initiativeOrder.count), (.events, 0), (.units, 0),
            (.years, 0), (.fields, 0), (.awards, 0), (.phase, graph.phaseMembers.count), (.replication, 0),
        ]
        result += graph.exemplarsOfYear.keys.sorted().map { (.year($0), graph.exemplarsOfYear[$0]?.count ?? 0) }
        result += graph.exemplarsOfField.keys.sorted().map { (.field($0), graph.exemplarsOfField[$0]?.count ?? 0) }
        result += Exemplar.Scope.allCases.map { (.scope($0), graph.exemplarsOfScope[$0]?.count ?? 0) }
        result += graph.holdersOfAward.keys.sorted().map { (.award($0), graph.holdersOfAward[$0]?.count ?? 0) }
        // A unit's page shows its first exemplars; only a longer list gets pages of its own.
        result += graph.unitOrder.compactMap { id in
            let count = graph.members(ofUnit: id).count
            return count > unitPreview ? (.unitMembers(id), count) : nil
        }
        return result
    }

    /// Units with a page: those with exemplars, models, adoptions or events of their own,
    /// and the units above them. A page that could only say "nothing yet" is not made.
    public static func shownUnits(_ graph: SiteGraph) -> Set<String> {
        var shown: Set<String> = []
        for id in graph.unitOrder {
            let empty = graph.members(ofUnit: id).isEmpty && (graph.initiativesOfUnit[id] ?? []).isEmpty
                && (graph.adoptionsOfUnit[id] ?? []).isEmpty && (graph.eventsOfUnit[id] ?? []).isEmpty
            guard !empty else { continue }
            var current: String? = id
            while let unit = current, graph.units[unit] != nil, shown.insert(unit).inserted {
                current = graph.units[unit]?.parent?.value
            }
        }
        return shown
    }

    /// Two pages at one URL would overwrite each other: a page named `tap-the.md`, say.
    private static func collisions(_ pages: [SitePlan.Page]) -> [Diagnostic] {
        /// The index of the first page at each address.
        var owner: [String: Int] = [:]
        owner.reserveCapacity(pages.count)
        var out: [Diagnostic] = []
        let keys = pages.parallelMap { $0.outputFile.lowercased() }
        for (index, (page, key)) in zip(pages, keys).enumerated() {
            if let firstIndex = owner[key] {
                let first = pages[firstIndex]
                let at = page.source ?? first.source ?? SourceLocation(file: "content")
                let other = first.source.map { "\($0.file)" } ?? "một trang dựng sẵn của trang web"
                out.append(.error("url-collision", "Trang này có cùng địa chỉ /\(page.path) với \(other).", at: at,
                                  hint: "Đổi tên tệp để hai trang có địa chỉ khác nhau."))
            } else {
                owner[key] = index
            }
        }
        return out
    }
}

extension SitePlan {
    /// Addresses of the pages a person reads, in plan order: what the sitemap lists.
    var htmlPaths: [String] { pages.compactMap { $0.route.isHTML ? $0.path : nil } }
}
