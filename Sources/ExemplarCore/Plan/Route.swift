/// What a page of the site shows. Each case names the item or list it is made from.
public enum Route: Sendable, Hashable {
    case home
    case collectives
    case individuals
    case exemplar(String)
    case initiatives
    case initiative(String)
    case events
    case event(String)
    case units
    case unit(String)
    case page(String)
    case notFound

    /// The URL path under the site's base, `ca-nhan/nguyen-thi-hoa/`; empty for home.
    /// Section names are Vietnamese slugs, as a reader of the union website would type them.
    public func path(in graph: SiteGraph) -> String {
        switch self {
        case .home: return ""
        case .collectives: return "tap-the/"
        case .individuals: return "ca-nhan/"
        case .exemplar(let id):
            return (graph.exemplars[id]?.kind == .collective ? "tap-the/" : "ca-nhan/") + id + "/"
        case .initiatives: return "mo-hinh/"
        case .initiative(let id): return "mo-hinh/\(id)/"
        case .events: return "su-kien/"
        case .event(let id): return "su-kien/\(id)/"
        case .units: return "don-vi/"
        case .unit(let id): return "don-vi/\(id)/"
        case .page(let id): return "\(id)/"
        case .notFound: return "404.html"
        }
    }

    /// The file the page is written to, relative to the output folder.
    public func outputFile(in graph: SiteGraph) -> String {
        let path = path(in: graph)
        return path.hasSuffix(".html") ? path : path + "index.html"
    }
}
