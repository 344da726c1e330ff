import Foundation

/// Template data for one page or card, built from the typed site graph by the functions in
/// this folder. Values are `TemplateValue`s from the start: converting untyped dictionaries
/// with dynamic casts cost about a tenth of a large build's CPU.
///
/// An optional is stored through the subscript (`data["year"] = year.map(TemplateValue.number)`):
/// nil leaves the key out, so the template looks the name up in the enclosing context.
typealias TemplateData = [TemplateKey: TemplateValue]

/// Everything a page's data is made from.
struct Views: Sendable {
    /// The graph; what page code reads through it is noted in `reads`.
    private(set) var graph: TrackedGraph
    /// Markdown and cards behind one reference each, like `fixed`: each is some ten tables.
    private let markdownBox: Box<Markdown>
    private var cardsBox = Box(Cards())
    /// The inputs of the page or card being built; nil when nobody asks.
    private(set) var reads: Reads?
    /// The rows of the page being built kept from a session's earlier build (`keptRow`);
    /// nil when no session keeps them.
    var rows: PageRows?
    /// What never changes during a build, behind one reference: views are copied for every
    /// page, and for every method passed as a function (`compactMap(exemplarCard)`).
    private let fixed: Fixed

    private final class Fixed: Sendable {
        let theme: Theme
        let pathOf: [Route: String]
        /// `pathOf` with the base path in front: pages ask for addresses hundreds of times each.
        let urlOf: [Route: String]
        /// The site's own data, the same on every page.
        let siteValue: TemplateValue
        let basePath: String
        /// `scheme://host` of the base URL, worked out once: every absolute address starts with it.
        let origin: String
        /// The build day: it decides which events are coming.
        let today: CalendarDate
        /// Display positions of units and fields, so small lists sort without collation.
        let unitPositions: [String: Int]
        let fieldsInOrder: [Field]
        /// `figures(year:)`, shared by the copies of these views that render the pages of one build.
        let figuresOnce = ComputedOnce<Int?, [(figure: Figure, inputs: [PageInput])]>()
        /// The figures of each of these years, made in one pass when no session keeps figures.
        let yearFigures = ComputedOnce<[Int], [Int: [Figure]]>()
        /// A session's figures kept between builds; nil when nothing is kept.
        let figureKeeper: FigureKeeper?
        /// `awardAbout(_:)`'s count of collective holders and the years of the award's grants, by award.
        let awardSummaries = ComputedOnce<String, (collectives: Int, years: [Int])>()
        /// `common(_:title:description:)`'s menus by section, for pages that note no reads.
        let menus = ComputedOnce<Listing?, Menu>()
        let honourWords: HonourWords

        init(theme: Theme, pathOf: [Route: String], urlOf: [Route: String], siteValue: TemplateValue, basePath: String,
             origin: String, today: CalendarDate, unitPositions: [String: Int], fieldsInOrder: [Field], figureKeeper: FigureKeeper?) {
            self.theme = theme
            self.figureKeeper = figureKeeper
            self.pathOf = pathOf
            self.urlOf = urlOf
            self.siteValue = siteValue
            self.basePath = basePath
            self.origin = origin
            self.today = today
            self.unitPositions = unitPositions
            self.fieldsInOrder = fieldsInOrder
            honourWords = HonourWords(theme)
        }
    }

    /// One value shared by the copies of these views.
    private final class Box<Value: Sendable>: Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    /// Bodies' Markdown, noting what it reads in `reads`.
    var markdown: Markdown {
        var markdown = markdownBox.value
        markdown.reads = reads
        return markdown
    }

    /// Replaced whole: cards are made once per build, and read on every page.
    var cards: Cards {
        get { cardsBox.value }
        set { cardsBox = Box(newValue) }
    }

    var theme: Theme { fixed.theme }
    var pathOf: [Route: String] { fixed.pathOf }
    private var urlOf: [Route: String] { fixed.urlOf }
    private var siteValue: TemplateValue { fixed.siteValue }
    var basePath: String { fixed.basePath }
    var today: CalendarDate { fixed.today }
    private var unitPositions: [String: Int] { fixed.unitPositions }
    private var fieldsInOrder: [Field] { fixed.fieldsInOrder }
    var figuresOnce: ComputedOnce<Int?, [(figure: Figure, inputs: [PageInput])]> { fixed.figuresOnce }
    var yearFigures: ComputedOnce<[Int], [Int: [Figure]]> { fixed.yearFigures }
    var figureKeeper: FigureKeeper? { fixed.figureKeeper }
    var awardSummaries: ComputedOnce<String, (collectives: Int, years: [Int])> { fixed.awardSummaries }
    var honourWords: HonourWords { fixed.honourWords }

    /// Cards of every item, made once and shared by all the lists they appear in.
    struct Cards: Sendable {
        var exemplars = IDTable<TemplateValue>()
        var initiatives = IDTable<TemplateValue>()
        var events = IDTable<TemplateValue>()
        var units = IDTable<TemplateValue>()
        /// Filter choices of each exemplar list, from the whole list.
        var filters: [Listing: TemplateValue] = [:]
        /// Each exemplar's facets and each list's counts the filter choices were made from.
        var facets: [String: FilterFacets] = [:]
        var filterCounts: [Listing: FilterCounts] = [:]
        /// Each exemplar as the filter script reads it from a list's JSON, in UTF-8.
        var filterEntries = IDTable<[UInt8]>()

        /// The card of item `id` of table `.exemplars`, `.initiatives`, `.events` or `.units`.
        func card(_ table: GraphTable, _ id: String) -> TemplateValue? {
            switch table {
            case .exemplars: return exemplars[id]
            case .initiatives: return initiatives[id]
            case .events: return events[id]
            case .units: return units[id]
            default: return nil
            }
        }
    }

    /// What each card made in this build read, by `.card(table, id)`.
    struct CardInputs: Sendable {
        var made: [PageInput: Set<PageInput>] = [:]
    }

    /// `figures`: the figures a session keeps between builds.
    init(graph: SiteGraph, theme: Theme, markdown: Markdown, pathOf: [Route: String], today: CalendarDate, figures: FigureKeeper? = nil) {
        self.graph = TrackedGraph(base: graph)
        markdownBox = Box(markdown)
        let basePath = graph.site.basePath
        let site = graph.site
        let siteValue: TemplateValue = [
            "title": .text(site.title), "organisation": .text(site.organisation),
            "description": .text(site.description ?? ""), "language": .text(site.language),
            "base": .text(basePath), "home": .text(basePath), "phase": .text(site.phase?.name ?? ""),
            "contact": Self.contactData(site.contact),
        ]
        let unitPositions = Dictionary(graph.unitOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let fieldsInOrder = VietnameseText.sortedIDs(Array(graph.fields.values), by: { CollationKey($0.name) }, id: \.id).compactMap { graph.fields[$0] }
        fixed = Fixed(theme: theme, pathOf: pathOf, urlOf: pathOf.mapValues { basePath + $0 }, siteValue: siteValue,
                      basePath: basePath, origin: graph.site.origin, today: today, unitPositions: unitPositions, fieldsInOrder: fieldsInOrder,
                      figureKeeper: figures)
    }

    /// The same views, noting what is read into `reads`.
    func tracking(_ reads: Reads?) -> Views {
        var views = self
        views.reads = reads
        views.graph.reads = reads
        return views
    }

    var unitPosition: [String: Int] {
        reads?.note(.all(.unitOrder))
        return unitPositions
    }

    var fieldOrder: [Field] {
        reads?.note(.all(.fields))
        return fieldsInOrder
    }

    /// Builds every card in parallel. Unit links first: cards contain them.
    mutating func prepareCards() {
        _ = prepareCards(reusing: nil, track: false)
    }

    /// A card of an earlier build that is still right, given the cards made so far; nil: make it.
    typealias CardReuse = @Sendable (GraphTable, String, Cards) -> TemplateValue?

    /// Builds the cards in parallel, unit links first (cards contain them), taking from
    /// `reuse` what it still has. With `track`, returns what each card made here read.
    /// `earlier`: the cards of an earlier build, whose filter entries stand for the cards kept.
    mutating func prepareCards(reusing reuse: CardReuse?, track: Bool, earlier: Cards? = nil) -> CardInputs {
        var inputs = CardInputs()
        let base = graph.base
        cards.units = build(.units, base.unitOrder, reuse, &inputs, track) { $0.makeUnitLink($1) }
        cards.exemplars = build(.exemplars, base.collectiveOrder + base.individualOrder, reuse, &inputs, track) { $0.makeExemplarCard($1) }
        cards.initiatives = build(.initiatives, base.initiativeOrder, reuse, &inputs, track) { $0.makeInitiativeCard($1) }
        cards.events = build(.events, base.eventOrder, reuse, &inputs, track) { $0.makeEventCard($1) }
        // Filter choices and entries are read from whole lists; a page using them notes the
        // list's members as its inputs (`filters(_:pageCount:)`, `listData(_:)`).
        let views = self
        (cards.filters, cards.facets, cards.filterCounts) = Self.filterChoices(views, earlier: earlier)
        if pathOf.keys.contains(where: { if case .listData = $0 { return true } else { return false } }) {
            let ids = base.collectiveOrder + base.individualOrder
            // Kept for the whole build.
            let entries = ids.parallelMap { id -> [UInt8] in
                // An entry is made from its card alone: a card kept from the earlier build keeps its entry.
                if let earlier, let entry = earlier.filterEntries[id], let card = views.cards.exemplars[id],
                   let before = earlier.exemplars[id], card == before {
                    return entry
                }
                return views.makeFilterEntry(id).exactlySized()
            }
            cards.filterEntries = IDTable(zip(ids, entries))
        }
        return inputs
    }

    private func build(_ table: GraphTable, _ ids: [String], _ reuse: CardReuse?, _ inputs: inout CardInputs,
                       _ track: Bool, _ make: @escaping @Sendable (Views, String) -> TemplateData?) -> IDTable<TemplateValue> {
        let views = self
        let made = ids.parallelRuns { run -> [(TemplateValue, Set<PageInput>?)] in
            // Kept for the whole build: each as a record, those of a run sharing their names.
            var layout: TemplateRecord.Layout?
            return run.map { id in
                if let kept = reuse?(table, id, views.cards) { return (kept, nil) }
                let reads = track ? Reads() : nil
                guard let fields = make(views.tracking(reads), id) else { return (.null, reads?.inputs) }
                let record = TemplateRecord(fields, layout: layout)
                layout = record.layout
                return (.record(record), reads?.inputs)
            }
        }.flatMap { $0 }
        var cards = IDTable<TemplateValue>()
        cards.reserveCapacity(ids.count)
        for (id, (value, read)) in zip(ids, made) where cards[id] == nil {
            cards[id] = value
            if let read { inputs.made[.card(table, id)] = read }
        }
        return cards
    }

    func url(_ route: Route) -> String? {
        reads?.note(.path(route))
        return urlOf[route]
    }

    /// A media file's address. File names may hold spaces, `#` or Vietnamese letters, which
    /// are not valid in a URL as written: each is percent-encoded, as libcmark does in bodies.
    func mediaURL(_ path: String) -> String {
        basePath + (path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path)
    }

    /// Absolute URL, for tags read by other sites (Open Graph, feeds).
    func absolute(_ path: String) -> String { fixed.origin + path }

    /// `scheme://host` of the base URL.
    var origin: String { fixed.origin }

    func text(_ key: String) -> String { theme.text(key) }

    /// The menus of a page: every entry, the bar's lists, and the free pages under one entry.
    struct Menu: Sendable {
        let nav: TemplateValue
        let lists: TemplateValue
        let more: TemplateValue
    }

    /// The data every page shares: site, interface strings, navigation.
    func common(_ route: Route, title: String, description: String?) -> TemplateData {
        let site = graph.site
        let path = url(route) ?? basePath
        let section = self.section(of: route)
        // A page that notes nothing and is not a free page of the menu has the menu of its
        // section, the same on thousands of pages: made once per build.
        let menu: Menu
        if reads == nil, !graph.menuPages.contains(where: { route == .page($0) }) {
            let views = self
            menu = fixed.menus.value(section) { views.menu(.notFound, section: section) }
        } else {
            menu = self.menu(route, section: section)
        }
        let isHome = route == .home
        // Room for what the page adds (an item's page, its card's values and its own): grown
        // from sixteen entries, the table was made again twice.
        var data = TemplateData(minimumCapacity: 64)
        data["site"] = siteValue
        data["t"] = theme.stringsValue
        data["nav"] = menu.nav
        data["nav_lists"] = menu.lists
        data["nav_more"] = menu.more
        data["assets"] = .text(basePath + "assets/")
        data["page_title"] = .text(isHome ? site.title : "\(title) – \(site.title)")
        data["title"] = .text(title)
        data["description"] = .text(description ?? site.description ?? "")
        data["url"] = .text(path)
        data["canonical"] = .text(fixed.origin + path)
        data["is_home"] = .flag(isHome)
        data["og_type"] = isHome ? "website" : "article"
        data["locale"] = site.language == "vi" ? "vi_VN" : "en_US"
        data["feed"] = .text(basePath + "feed.xml")
        data["search_url"] = .text(searchURL)
        return data
    }

    /// The menus as `route`, in `section`, shows them.
    private func menu(_ route: Route, section: Listing?) -> Menu {
        var nav: [TemplateValue] = [
            navItem(.collectives, "nav_collectives", current: section),
            navItem(.individuals, "nav_individuals", current: section),
            navItem(.initiatives, "nav_initiatives", current: section),
            navItem(.events, "nav_events", current: section),
            navItem(.units, "nav_units", current: section),
        ]
        let lists = nav
        var pages: [TemplateValue] = []
        for id in graph.menuPages {
            guard let page = graph.pages[id], let pageURL = url(.page(id)) else { continue }
            pages.append(["title": .text(page.title), "url": .text(pageURL), "current": .flag(route == .page(id))])
        }
        nav += pages
        // The menu bar: the lists, then the free pages under one "Giới thiệu" entry when
        // there are several, so it stays one row.
        return Menu(nav: .list(nav), lists: .list(pages.count > 1 ? lists : nav),
                    more: pages.count > 1 ? ["title": .text(text("nav_about")), "pages": .list(pages),
                                             "current": .flag(graph.menuPages.contains { route == .page($0) })] : .null)
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

    /// A date as `{{iso}}` and `{{text}}`: a record, as cards and kept rows hold thousands.
    func date(_ date: CalendarDate) -> TemplateValue {
        let text = graph.site.language == "en" ? date.english : DateDigits.vietnamese(date)
        return .record(TemplateRecord(layout: Self.dateLayout, values: [.text(DateDigits.iso(date)), .text(text)]))
    }

    private static let dateLayout = TemplateRecord.Layout(["iso", "text"])
}
