/// The figures of a year or of the whole phase: what the Federation reports in its reviews.
/// Every count keeps the items it counts, so each number on a page links to them and the
/// exports list the same numbers.
public struct Figure: Sendable {
    public enum ID: String, Sendable, CaseIterable {
        case exemplarsByUnit = "exemplars-by-unit"
        case awardsByLevel = "awards-by-level"
        case models
        case ratings
        case registrations
    }

    public var id: ID
    /// Column keys (`collective`, `individual`, `count`, `annual` …), labelled by the theme.
    public var columns: [String]
    public var rows: [FigureRow]
    /// Bars of the columns added up (collectives and individuals of a unit), not side by side.
    public var stacked: Bool
}

public struct FigureRow: Sendable {
    public var key: String
    public var label: String
    /// One list per column: what is counted there.
    public var cells: [[FigureItem]]
}

/// One thing counted: an exemplar (or a model) with a note saying what of it counts
/// (an award's name, a result, a date).
public struct FigureItem: Sendable, Hashable {
    public enum Kind: String, Sendable { case exemplar, initiative }
    public var kind: Kind
    public var id: String
    public var note: String?
}

public enum Figures {
    /// The years that get a figures page: those of the phase, and any year someone was
    /// honoured in or scored.
    public static func years(_ graph: SiteGraph) -> [Int] {
        years(TrackedGraph(base: graph))
    }

    static func years(_ graph: TrackedGraph) -> [Int] {
        var years = Set(graph.exemplarsOfYear.keys)
        if let phase = graph.site.phase { years.formUnion(phase.from...phase.to) }
        for results in graph.scores.values { years.formUnion(results.map(\.year)) }
        return years.sorted()
    }

    /// The figures of one year, or of the phase (`year` nil; every year when there is no phase).
    /// `text` gives the theme's labels.
    public static func compute(year: Int?, graph: SiteGraph, text: (String) -> String) -> [Figure] {
        let tracked = TrackedGraph(base: graph)
        return Figure.ID.allCases.map { compute($0, year: year, graph: tracked, text: text) }
    }

    /// One figure of a year or of the phase. What it reads of the graph is noted when `graph`
    /// notes reads: a session keeps each figure until something it read changes.
    static func compute(_ id: Figure.ID, year: Int?, graph: TrackedGraph, text: (String) -> String) -> Figure {
        let span: Set<Int> = year.map { [$0] } ?? graph.site.phase.map { Set($0.from...$0.to) } ?? Set(years(graph))
        return compute(id, FigureYears(span: span), graph: graph, text: text)[0]
    }

    /// Every figure of each of `years`, in one pass over the items per figure: the figures
    /// pages of a build show every year, and a pass per year walked every exemplar again.
    static func compute(years: [Int], graph: TrackedGraph, text: (String) -> String) -> [Int: [Figure]] {
        let counted = FigureYears(years: years)
        let figures = Figure.ID.allCases.map { compute($0, counted, graph: graph, text: text) }
        var byYear: [Int: [Figure]] = [:]
        for (index, year) in years.enumerated() where byYear[year] == nil {
            byYear[year] = figures.map { $0[index] }
        }
        return byYear
    }

    /// Figure `id` of each group of `years`, in the groups' order.
    private static func compute(_ id: Figure.ID, _ years: FigureYears, graph: TrackedGraph, text: (String) -> String) -> [Figure] {
        switch id {
        case .exemplarsByUnit: return byUnit(years, graph: graph)
        case .awardsByLevel: return awards(years, graph: graph, text: text)
        case .models: return models(years, graph: graph, text: text)
        case .ratings: return ratings(years, graph: graph, text: text)
        case .registrations: return registrations(years, graph: graph, text: text)
        }
    }

    private static func exemplar(_ id: String, _ note: String? = nil) -> FigureItem { FigureItem(kind: .exemplar, id: id, note: note) }

    private static func byUnit(_ years: FigureYears, graph: TrackedGraph) -> [Figure] {
        var byUnit = [[String: [[FigureItem]]]](repeating: [:], count: years.count)
        let exemplars = graph.exemplars, units = graph.units
        for id in graph.collectiveOrder + graph.individualOrder {
            guard let item = exemplars[id] else { continue }
            let groups = years.groups(of: item.years.lazy.map(\.value))
            guard !groups.isEmpty, units[item.unit.value] != nil else { continue }
            for group in groups {
                byUnit[group][item.unit.value, default: [[], []]][item.kind == .collective ? 0 : 1].append(exemplar(id))
            }
        }
        return byUnit.map { byUnit in
            let rows = graph.unitOrder.compactMap { unit in
                byUnit[unit].map { FigureRow(key: unit, label: graph.units[unit]?.name ?? unit, cells: $0) }
            }
            return Figure(id: .exemplarsByUnit, columns: ["collective", "individual"], rows: rows, stacked: true)
        }
    }

    /// Awards granted in each group's years, by level, highest level first.
    private static func awards(_ years: FigureYears, graph: TrackedGraph, text: (String) -> String) -> [Figure] {
        var byLevel = [[String: [FigureItem]]](repeating: [:], count: years.count)
        var topRank = [[String: Int]](repeating: [:], count: years.count)
        let exemplars = graph.exemplars
        for id in graph.collectiveOrder + graph.individualOrder {
            guard let item = exemplars[id] else { continue }
            // Most exemplars hold no award of a counted year: their awards are not looked up for nothing.
            for group in years.groups(of: item.awards.lazy.compactMap(\.year)) {
                for (grant, award) in graph.rankedAwards(of: item, including: { years.group(of: $0.year) == group }) {
                    let level = award.level ?? "other"
                    byLevel[group][level, default: []].append(exemplar(id, years.namesYears ? "\(award.name) (\(grant.year ?? 0))" : award.name))
                    topRank[group][level] = max(topRank[group][level] ?? 0, award.rank)
                }
            }
        }
        return zip(byLevel, topRank).map { byLevel, topRank in
            let levels = byLevel.keys.sorted { (topRank[$0] ?? 0, $1) > (topRank[$1] ?? 0, $0) }
            let rows = levels.map { level in
                FigureRow(key: level, label: label(text, "level_\(level)", or: level), cells: [byLevel[level] ?? []])
            }
            return Figure(id: .awardsByLevel, columns: ["count"], rows: rows, stacked: false)
        }
    }

    /// Models and initiatives created in each group's years, and their adoptions in them.
    private static func models(_ years: FigureYears, graph: TrackedGraph, text: (String) -> String) -> [Figure] {
        var created = [[Initiative.Kind: [FigureItem]]](repeating: [:], count: years.count)
        var adoptions = [[FigureItem]](repeating: [], count: years.count)
        for id in graph.initiativeOrder {
            guard let item = graph.initiatives[id] else { continue }
            if let year = item.year, let group = years.group(of: year) {
                created[group][item.kind, default: []].append(FigureItem(kind: .initiative, id: id, note: years.namesYears ? String(year) : nil))
            }
            for adoption in item.adoptedBy {
                guard let group = years.group(of: adoption.year), let unit = graph.units[adoption.unit.value] else { continue }
                let note = years.namesYears ? "\(unit.name) (\(adoption.year ?? 0))" : unit.name
                adoptions[group].append(FigureItem(kind: .initiative, id: id, note: note))
            }
        }
        return zip(created, adoptions).map { created, adoptions in
            let rows = Initiative.Kind.allCases.map { kind in
                FigureRow(key: kind.rawValue, label: text("initiative_kind_\(kind.rawValue)"), cells: [created[kind] ?? []])
            } + [FigureRow(key: "adoptions", label: text("figure_adoptions"), cells: [adoptions])]
            return Figure(id: .models, columns: ["count"], rows: rows, stacked: false)
        }
    }

    /// How many exemplars got each rating for the year and each half-year.
    private static func ratings(_ years: FigureYears, graph: TrackedGraph, text: (String) -> String) -> [Figure] {
        var cells = [[Rating: [[FigureItem]]]](repeating: [:], count: years.count)
        let scores = graph.scores
        for id in graph.collectiveOrder + graph.individualOrder {
            for year in scores[id] ?? [] {
                guard let group = years.group(of: year.year) else { continue }
                for (column, result) in [year.annual, year.halves[0], year.halves[1]].enumerated() {
                    guard let result else { continue }
                    let note = (years.namesYears ? "\(year.year): " : "") + result.collective.vietnamese
                    cells[group][result.rating, default: [[], [], []]][column].append(exemplar(id, note))
                }
            }
        }
        return cells.map { cells in
            let rows = Rating.allCases.map { rating in
                FigureRow(key: rating.rawValue, label: text("rating_\(rating.rawValue)"), cells: cells[rating] ?? [[], [], []])
            }
            return Figure(id: .ratings, columns: ["annual", "half1", "half2"], rows: rows, stacked: false)
        }
    }

    /// Registrations for each group's years, before the deadline or after it.
    private static func registrations(_ years: FigureYears, graph: TrackedGraph, text: (String) -> String) -> [Figure] {
        var onTime = [[FigureItem]](repeating: [], count: years.count), late = onTime
        let exemplars = graph.exemplars, deadline = graph.site.registrationDeadline
        for id in graph.collectiveOrder + graph.individualOrder {
            guard let item = exemplars[id], let registered = item.registered?.value else { continue }
            let due = DomainRules.registrationDue(item, deadline: deadline)
            guard let due, let group = years.group(of: due.year) else { continue }
            let entry = exemplar(id, registered.vietnamese)
            if registered > due { late[group].append(entry) } else { onTime[group].append(entry) }
        }
        return zip(onTime, late).map { onTime, late in
            Figure(id: .registrations, columns: ["count"], rows: [
                FigureRow(key: "on-time", label: text("figure_on_time"), cells: [onTime]),
                FigureRow(key: "late", label: text("figure_late"), cells: [late]),
            ], stacked: false)
        }
    }

    private static func label(_ text: (String) -> String, _ key: String, or fallback: String) -> String {
        let value = text(key)
        return value == key ? fallback : value
    }
}

/// The years a pass over the items counts, in groups: each year on its own (the figures of
/// every year at once), or one span as a whole (a year's or the phase's figures).
struct FigureYears {
    /// How many groups.
    let count: Int
    /// Each counted year's group.
    private let groups: [Int: Int]
    /// Whether notes say the year of what they count: one group spans several years.
    let namesYears: Bool

    init(years: [Int]) {
        groups = Dictionary(years.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        count = years.count
        namesYears = false
    }

    init(span: Set<Int>) {
        groups = Dictionary(uniqueKeysWithValues: span.map { ($0, 0) })
        count = 1
        namesYears = span.count > 1
    }

    /// The group `year` is counted in; nil: not counted.
    func group(of year: Int?) -> Int? {
        year.flatMap { groups[$0] }
    }

    /// The groups of `years`, each once, in the order first met.
    func groups(of years: some Sequence<Int>) -> [Int] {
        var found: [Int] = []
        for year in years {
            if let group = groups[year], !found.contains(group) { found.append(group) }
        }
        return found
    }
}
