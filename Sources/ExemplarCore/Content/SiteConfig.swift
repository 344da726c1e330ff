/// `site.yml`: the site as a whole.
public struct SiteConfig: Sendable {
    public struct Phase: Sendable, Hashable {
        public var name: String
        public var from: Int
        public var to: Int

        public func contains(_ year: Int) -> Bool { (from...to).contains(year) }
    }

    public struct ScoreThresholds: Sendable, Hashable {
        public var excellent = 90
        public var good = 70
        public var complete = 50
    }

    /// How a visitor gets in touch with the Federation; each part is optional.
    public struct Contact: Sendable, Hashable {
        public var address: String?
        public var phone: String?
        public var email: String?

        public var isEmpty: Bool { address == nil && phone == nil && email == nil }
    }

    public var title = "Điển hình tiên tiến"
    public var organisation = ""
    public var description: String?
    /// Absolute URL of the site's root; may carry a sub-path (`https://host/dien-hinh/`).
    public var baseURL = "/"
    public var language = "vi"
    public var phase: Phase?
    public var contact = Contact()
    /// Month and day of the yearly registration deadline (10 February by the plan).
    public var registrationDeadline = (month: 2, day: 10)
    public var scoreThresholds = ScoreThresholds()
    /// Content may carry raw HTML and `javascript:` links only when the site opts in.
    public var allowRawHTML = false
    public var source = SourceLocation(file: "content/site.yml")
    public var extra: [String: String] = [:]

    public init() {}

    /// The path part of `baseURL`, always starting and ending with `/`: what every link starts with.
    public var basePath: String {
        var rest = Substring(baseURL)
        if let scheme = rest.range(of: "://") {
            rest = rest[scheme.upperBound...]
            rest = rest.firstIndex(of: "/").map { rest[$0...] } ?? "/"
        }
        var path = String(rest)
        if !path.hasPrefix("/") { path = "/" + path }
        if !path.hasSuffix("/") { path += "/" }
        return path
    }

    /// Scheme and host of `baseURL` (empty when it has none), for absolute URLs in feeds and tags.
    public var origin: String {
        guard let scheme = baseURL.range(of: "://") else { return "" }
        let afterScheme = baseURL[scheme.upperBound...]
        let hostEnd = afterScheme.firstIndex(of: "/") ?? afterScheme.endIndex
        return String(baseURL[..<hostEnd])
    }
}
