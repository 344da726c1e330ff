import Foundation

/// Template data for one page or card, built from the typed site graph by the functions in
/// this folder. Values are `TemplateValue`s from the start: converting untyped dictionaries
/// with dynamic casts cost about a tenth of a large build's CPU.
///
/// An optional is stored through the subscript (`data["year"] = year.map(TemplateValue.number)`):
/// nil leaves the key out, so the template looks the name up in the enclosing context.
typealias TemplateData = [String: TemplateValue]

/// Everything a page's data is made from.
struct Views: Sendable {
    let graph: SiteGraph
    let theme: Theme
    let markdown: Markdown
    let pathOf: [Route: String]
    let basePath: String
    /// The build day: it decides which events are coming.
    let today: CalendarDate
    var cards = Cards()
    /// Display positions of units and fields, so small lists sort without collation.
    let unitPosition: [String: Int]
    let fieldOrder: [Field]

    /// Cards of every item, made once and shared by all the lists they appear in.
    struct Cards: Sendable {
        var exemplars: [String: TemplateValue] = [:]
        var initiatives: [String: TemplateValue] = [:]
        var events: [String: TemplateValue] = [:]
        var units: [String: TemplateValue] = [:]
        /// Filter choices of each exemplar list, from the whole list.
        var filters: [Listing: TemplateValue] = [:]
        /// Each exemplar as the filter script reads it from a list's JSON.
        var filterEntries: [String: String] = [:]
    }

    init(graph: SiteGraph, theme: Theme, markdown: Markdown, pathOf: [Route: String], today: CalendarDate) {
        self.graph = graph
        self.today = today
        self.theme = theme
        self.markdown = markdown
        self.pathOf = pathOf
        basePath = graph.site.basePath
        unitPosition = Dictionary(graph.unitOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        fieldOrder = VietnameseText.sortedIDs(Array(graph.fields.values), by: { CollationKey($0.name) }, id: \.id).compactMap { graph.fields[$0] }
    }

    /// Builds every card in parallel. Unit links first: cards contain them.
    mutating func prepareCards() {
        let views = self
        cards.units = Self.build(graph.unitOrder) { views.makeUnitLink($0) }
        let withUnits = self
        cards.exemplars = Self.build(graph.collectiveOrder + graph.individualOrder) { withUnits.makeExemplarCard($0) }
        cards.initiatives = Self.build(graph.initiativeOrder) { withUnits.makeInitiativeCard($0) }
        cards.events = Self.build(graph.eventOrder) { withUnits.makeEventCard($0) }
        let withCards = self
        cards.filters = Self.filterChoices(withCards)
        // Only exemplars of a list with pages of its own are ever written as filter entries.
        let paginated = pathOf.keys.contains { if case .listData = $0 { return true } else { return false } }
        if paginated {
            let ids = graph.collectiveOrder + graph.individualOrder
            let entries = ids.parallelMap { withCards.makeFilterEntry($0) ?? "null" }
            cards.filterEntries = Dictionary(zip(ids, entries), uniquingKeysWith: { first, _ in first })
        }
    }

    private static func build(_ ids: [String], _ make: @Sendable (String) -> TemplateData?) -> [String: TemplateValue] {
        let values = ids.parallelMap { id in make(id).map(TemplateValue.object) ?? .null }
        return Dictionary(zip(ids, values), uniquingKeysWith: { first, _ in first })
    }

    func url(_ route: Route) -> String? {
        pathOf[route].map { basePath + $0 }
    }

    /// A media file's address. File names may hold spaces, `#` or Vietnamese letters, which
    /// are not valid in a URL as written: each is percent-encoded, as libcmark does in bodies.
    func mediaURL(_ path: String) -> String {
        basePath + (path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path)
    }

    /// Absolute URL, for tags read by other sites (Open Graph, feeds).
    func absolute(_ path: String) -> String { graph.site.origin + path }

    func text(_ key: String) -> String { theme.text(key) }

    /// The data every page shares: site, interface strings, navigation.
    func common(_ route: Route, title: String, description: String?) -> TemplateData {
        let site = graph.site
        let path = url(route) ?? basePath
        let section = self.section(of: route)
        var nav: [TemplateValue] = [
            navItem(.collectives, "nav_collectives", current: section),
            navItem(.individuals, "nav_individuals", current: section),
            navItem(.initiatives, "nav_initiatives", current: section),
            navItem(.events, "nav_events", current: section),
            navItem(.units, "nav_units", current: section),
        ]
        for id in graph.menuPages {
            guard let page = graph.pages[id], let pageURL = url(.page(id)) else { continue }
            nav.append(["title": .text(page.title), "url": .text(pageURL), "current": .flag(route == .page(id))])
        }
        let isHome = route == .home
        return [
            "site": [
                "title": .text(site.title), "organisation": .text(site.organisation),
                "description": .text(site.description ?? ""), "language": .text(site.language),
                "base": .text(basePath), "home": .text(basePath), "phase": .text(site.phase?.name ?? ""),
            ],
            "t": theme.stringsValue,
            "nav": .list(nav),
            "assets": .text(basePath + "assets/"),
            "page_title": .text(isHome ? site.title : "\(title) – \(site.title)"),
            "title": .text(title),
            "description": .text(description ?? site.description ?? ""),
            "url": .text(path),
            "canonical": .text(site.origin + path),
            "is_home": .flag(isHome),
            "og_type": isHome ? "website" : "article",
            "locale": site.language == "vi" ? "vi_VN" : "en_US",
            "feed": .text(basePath + "feed.xml"),
            "search_url": .text(searchURL),
        ]
    }

    /// The menu entry a page belongs to: a list's own, and for an item the list of its kind.
    private func section(of route: Route) -> Listing? {
        switch route {
        case .list(.unitMembers, _): return .units
        case .list(let shown, _): return shown
        case .exemplar(let id), .scores(let id): return graph.exemplars[id]?.kind == .collective ? .collectives : .individuals
        case .initiative: return .initiatives
        case .event: return .events
        case .unit: return .units
        default: return nil
        }
    }

    private func navItem(_ listing: Listing, _ key: String, current: Listing?) -> TemplateValue {
        ["title": .text(text(key)), "url": .text(url(.list(listing, page: 1)) ?? basePath), "current": .flag(listing == current)]
    }

    /// Years as a reader expects them: `2018, 2019, 2020` or `2016–2020` when consecutive.
    func yearsText(_ years: [Int]) -> String {
        let sorted = Array(Set(years)).sorted()
        guard let first = sorted.first, let last = sorted.last else { return "" }
        if sorted.count > 2, last - first == sorted.count - 1 { return "\(first)–\(last)" }
        return sorted.map(String.init).joined(separator: ", ")
    }

    func date(_ date: CalendarDate) -> TemplateValue {
        ["iso": .text(date.iso), "text": .text(date.vietnamese)]
    }
}
