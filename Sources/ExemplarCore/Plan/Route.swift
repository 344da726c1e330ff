/// What a page of the site shows. Each case names the item or list it is made from.
public enum Route: Sendable, Hashable {
    case home
    /// One page of a list; `page` counts from 1.
    case list(Listing, page: Int)
    case exemplar(String)
    /// An exemplar's score results: every scored year, its periods as a chart and a table.
    case scores(String)
    case initiative(String)
    case event(String)
    case unit(String)
    case page(String)
    case notFound
    case feed
    case sitemap
    case robots
    /// `api/<name>.json`, for the union portal to embed.
    case export(String)
    /// The whole of a paginated list as compact JSON, written once per list, so the
    /// in-page filter can search every page of it.
    case listData(Listing)
    /// The options of a list's filter selects (units, years, fields, kinds, awards), one file
    /// per list that pages fetch, rather than copied into each of them.
    case listChoices(Listing)
    /// The figures of a year, or of the whole phase (nil).
    case figures(Int?)
    /// The same figures as `csv` or `json`, for spreadsheets and other tools.
    case figuresData(Int?, format: String)
    /// The printable report of a year, or of its first or second half (`half` 1 or 2).
    case report(Int, half: Int?)
    /// The search page, which runs the query in its address (`tim-kiem/?q=duc`).
    case search
    /// The search index: the files under `tim-kiem/i/` that the search page fetches.
    case searchIndex

    /// The URL path under the site's base, `ca-nhan/nguyen-thi-hoa/`; empty for home.
    /// Section names are Vietnamese slugs, as a reader of the union website would type them.
    public func path(in graph: SiteGraph) -> String {
        switch self {
        case .home: return ""
        case .list(let listing, let page): return listing.path + (page > 1 ? "trang/\(page)/" : "")
        case .exemplar(let id):
            return (graph.exemplars[id]?.kind == .collective ? "tap-the/" : "ca-nhan/") + id + "/"
        case .scores(let id): return Route.exemplar(id).path(in: graph) + "ket-qua/"
        case .initiative(let id): return "mo-hinh/\(id)/"
        case .event(let id): return "su-kien/\(id)/"
        case .unit(let id): return "don-vi/\(id)/"
        case .page(let id): return "\(id)/"
        case .notFound: return "404.html"
        case .feed: return "feed.xml"
        case .sitemap: return "sitemap.xml"
        case .robots: return "robots.txt"
        case .export(let name): return "api/\(name).json"
        case .listData(let listing): return listing.path + "danh-sach.json"
        case .listChoices(let listing): return listing.path + "bo-loc.json"
        case .figures(let year): return Route.figuresFolder + (year.map { "\($0)/" } ?? "")
        case .figuresData(let year, let format): return Route.figures(year).path(in: graph) + "so-lieu.\(format)"
        case .report(let year, let half):
            return Route.figures(year).path(in: graph) + "bao-cao/" + (half.map { $0 == 1 ? "6-thang-dau/" : "6-thang-cuoi/" } ?? "")
        case .search: return "tim-kiem/"
        case .searchIndex: return "tim-kiem/" + SearchIndex.folder
        }
    }

    /// The file the page is written to, relative to the output folder.
    public func outputFile(in graph: SiteGraph) -> String {
        outputFile(at: path(in: graph))
    }

    /// The output file of the route whose address is `path`.
    func outputFile(at path: String) -> String {
        if self == .searchIndex { return path + "m.json" }
        return path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
    }

    /// Where the figures pages live; reserved at the root like the lists' folders.
    static let figuresFolder = "so-lieu/"

    /// Whether the page is an HTML page a person reads (and so belongs in the sitemap).
    public var isHTML: Bool {
        switch self {
        case .feed, .sitemap, .robots, .export, .listData, .listChoices, .notFound, .figuresData, .searchIndex: return false
        default: return true
        }
    }
}

/// The lists a reader browses by: kind, unit, year, field of work, scope, award, phase.
public enum Listing: Sendable, Hashable {
    case collectives, individuals, initiatives, events, units
    case years, year(Int)
    case fields, field(String)
    case scope(Exemplar.Scope)
    case awards, award(String)
    case phase
    /// Where models spread: models by how many units adopted them, and those units.
    case replication
    /// Exemplars of a unit and of the units below it.
    case unitMembers(String)

    var path: String {
        switch self {
        case .collectives: return "tap-the/"
        case .individuals: return "ca-nhan/"
        case .initiatives: return "mo-hinh/"
        case .events: return "su-kien/"
        case .units: return "don-vi/"
        case .years: return "nam/"
        case .year(let year): return "nam/\(year)/"
        case .fields: return "mat-cong-tac/"
        case .field(let id): return "mat-cong-tac/\(id)/"
        case .scope(.comprehensive): return "mat-cong-tac/toan-dien/"
        case .scope(.field): return "mat-cong-tac/tung-mat/"
        case .awards: return "khen-thuong/"
        case .award(let id): return "khen-thuong/\(id)/"
        case .phase: return "giai-doan/"
        case .replication: return "nhan-rong/"
        case .unitMembers(let id): return "don-vi/\(id)/dien-hinh/"
        }
    }
}

extension Listing {
    /// Whether the list is made of exemplar cards (and so can be filtered by unit, year, field, award).
    var listsExemplars: Bool {
        switch self {
        case .collectives, .individuals, .year, .field, .scope, .award, .phase, .unitMembers: return true
        default: return false
        }
    }
}

/// Pages ask for addresses by route hundreds of times each (`Views.url`): a route is hashed
/// from its case and its id's bytes (`KeyHash`), without the standard hasher's rounds.
extension Route: KeyHashed {
    public var keyHash: UInt64 {
        var hash = KeyHash()
        switch self {
        case .home: hash.add(0)
        case .list(let listing, let page):
            hash.add(1)
            listing.add(to: &hash)
            hash.add(number: page)
        case .exemplar(let id): hash.add(2); hash.add(id)
        case .scores(let id): hash.add(3); hash.add(id)
        case .initiative(let id): hash.add(4); hash.add(id)
        case .event(let id): hash.add(5); hash.add(id)
        case .unit(let id): hash.add(6); hash.add(id)
        case .page(let id): hash.add(7); hash.add(id)
        case .notFound: hash.add(8)
        case .feed: hash.add(9)
        case .sitemap: hash.add(10)
        case .robots: hash.add(11)
        case .export(let name): hash.add(12); hash.add(name)
        case .listData(let listing): hash.add(13); listing.add(to: &hash)
        case .listChoices(let listing): hash.add(14); listing.add(to: &hash)
        case .figures(let year): hash.add(15); hash.add(number: year ?? Int.min)
        case .figuresData(let year, let format): hash.add(16); hash.add(number: year ?? Int.min); hash.add(format)
        case .report(let year, let half): hash.add(17); hash.add(number: year); hash.add(number: half ?? Int.min)
        case .search: hash.add(18)
        case .searchIndex: hash.add(19)
        }
        return hash.value
    }
}

extension Listing {
    /// The list's case and value, for its route's hash.
    fileprivate func add(to hash: inout KeyHash) {
        switch self {
        case .collectives: hash.add(0)
        case .individuals: hash.add(1)
        case .initiatives: hash.add(2)
        case .events: hash.add(3)
        case .units: hash.add(4)
        case .years: hash.add(5)
        case .year(let year): hash.add(6); hash.add(number: year)
        case .fields: hash.add(7)
        case .field(let id): hash.add(8); hash.add(id)
        case .scope(let scope): hash.add(9); hash.add(scope.rawValue)
        case .awards: hash.add(10)
        case .award(let id): hash.add(11); hash.add(id)
        case .phase: hash.add(12)
        case .replication: hash.add(13)
        case .unitMembers(let id): hash.add(14); hash.add(id)
        }
    }
}
