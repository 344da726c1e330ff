/// The third stage's result: every published item by id, and every relation both ways.
///
/// Pages, search, reports and incremental rebuilds all read the site from here:
/// the reverse edges say which pages show an item, so which pages an edit reaches.
public struct SiteGraph: Sendable {
    public var site: SiteConfig
    public var units: IDTable<Unit> = .init()
    public var exemplars: IDTable<Exemplar> = .init()
    public var initiatives: IDTable<Initiative> = .init()
    public var events: IDTable<Event> = .init()
    public var pages: IDTable<FreePage> = .init()
    public var awards: IDTable<Award> = .init()
    public var fields: IDTable<Field> = .init()
    public var criteria: IDTable<Criterion> = .init()
    public var media: Set<String> = []
    /// The published sizes of every photo under `media/` that could be processed.
    public var images: IDTable<PublishedImage> = .init()
    /// Bytes of each file offered for download.
    public var fileSizes: IDTable<Int> = .init()
    /// Content paths of files that exist but failed to load (`individuals/x.md`): a body
    /// link to one is not reported as broken, the file's own error is.
    public var unloadedPaths: Set<String> = []

    // Display orders, computed once.
    public var unitOrder: [String] = []
    public var collectiveOrder: [String] = []
    public var individualOrder: [String] = []
    public var initiativeOrder: [String] = []
    /// Newest first.
    public var eventOrder: [String] = []
    public var menuPages: [String] = []

    // Relations, each a list of ids in display order.
    public var childUnits: IDTable<[String]> = .init()
    public var exemplarsOfUnit: IDTable<[String]> = .init()
    /// Exemplars of a unit and of every unit below it: what its page and paginated list show.
    public var membersOfUnit: IDTable<[String]> = .init()
    public var initiativesOfExemplar: IDTable<[String]> = .init()
    public var ownersOfInitiative: IDTable<[String]> = .init()
    public var initiativesOfUnit: IDTable<[String]> = .init()
    public var adoptionsOfUnit: IDTable<[String]> = .init()
    public var eventsOfExemplar: IDTable<[String]> = .init()
    public var eventsOfInitiative: IDTable<[String]> = .init()
    public var eventsOfUnit: IDTable<[String]> = .init()
    public var holdersOfAward: IDTable<[String]> = .init()

    // Browsing axes: exemplars by year, field of work and scope, collectives first.
    public var exemplarsOfYear: [Int: [String]] = [:]
    public var exemplarsOfField: IDTable<[String]> = .init()
    public var exemplarsOfScope: [Exemplar.Scope: [String]] = [:]
    /// Exemplars honoured in a year of the site's phase.
    public var phaseMembers: [String] = []
    /// Score results by exemplar id, years in order (`ScoreResults`).
    public var scores: IDTable<[ScoreYear]> = .init()

    public init(site: SiteConfig) {
        self.site = site
    }

    /// Awards of an exemplar, highest rank first, then newest; only the grants `including`
    /// keeps (those of a year, say), which are then the only ones looked up and sorted.
    /// Asked for every card, list, report line and export row: made in one array of the right
    /// size, sorted in place, and not sorted at all when there is one.
    public func rankedAwards(
        of exemplar: Exemplar, including: (Exemplar.Grant) -> Bool = { _ in true }
    ) -> [(grant: Exemplar.Grant, award: Award)] {
        var ranked: [(grant: Exemplar.Grant, award: Award)] = []
        ranked.reserveCapacity(exemplar.awards.count)
        for grant in exemplar.awards where including(grant) {
            if let award = awards[grant.award.value] { ranked.append((grant, award)) }
        }
        if ranked.count > 1 {
            ranked.sort { ($0.award.rank, $0.grant.year ?? 0) > ($1.award.rank, $1.grant.year ?? 0) }
        }
        return ranked
    }

    /// Exemplars of a unit and of every unit below it, in display order.
    public func members(ofUnit id: String) -> [String] {
        membersOfUnit[id] ?? []
    }

    /// A unit and every unit below it, for "this district and its grassroots unions".
    public func unitAndDescendants(_ id: String) -> [String] {
        Self.unitAndDescendants(id, childUnits: childUnits)
    }

    /// The same, from the units under each unit alone, for the linker before the graph holds them.
    static func unitAndDescendants(_ id: String, childUnits: IDTable<[String]>) -> [String] {
        var result: [String] = []
        var queue = [id]
        var seen: Set<String> = []
        while let next = queue.popLast() {
            guard seen.insert(next).inserted else { continue }
            result.append(next)
            queue.append(contentsOf: (childUnits[next] ?? []).reversed())
        }
        return result
    }
}
