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
        switch id {
        case .exemplarsByUnit:
            let exemplars = graph.exemplars
            let members = (graph.collectiveOrder + graph.individualOrder).filter { id in
                exemplars[id]?.years.contains { span.contains($0.value) } == true
            }
            return byUnit(members, graph: graph)
        case .awardsByLevel: return awards(span, graph: graph, text: text)
        case .models: return models(span, graph: graph, text: text)
        case .ratings: return ratings(span, graph: graph, text: text)
        case .registrations: return registrations(span, graph: graph, text: text)
        }
    }

    private static func exemplar(_ id: String, _ note: String? = nil) -> FigureItem { FigureItem(kind: .exemplar, id: id, note: note) }

    private static func byUnit(_ members: [String], graph: TrackedGraph) -> Figure {
        var byUnit: [String: [[FigureItem]]] = [:]
        let exemplars = graph.exemplars, units = graph.units
        for id in members {
            guard let item = exemplars[id], units[item.unit.value] != nil else { continue }
            byUnit[item.unit.value, default: [[], []]][item.kind == .collective ? 0 : 1].append(exemplar(id))
        }
        let rows = graph.unitOrder.compactMap { unit in
            byUnit[unit].map { FigureRow(key: unit, label: graph.units[unit]?.name ?? unit, cells: $0) }
        }
        return Figure(id: .exemplarsByUnit, columns: ["collective", "individual"], rows: rows, stacked: true)
    }

    /// Awards granted in the span, by level, highest level first.
    private static func awards(_ span: Set<Int>, graph: TrackedGraph, text: (String) -> String) -> Figure {
        var byLevel: [String: [FigureItem]] = [:]
        var topRank: [String: Int] = [:]
        let inSpan = { (grant: Exemplar.Grant) in grant.year.map(span.contains) == true }
        let exemplars = graph.exemplars
        for id in graph.collectiveOrder + graph.individualOrder {
            // Most exemplars hold no award of a one-year span: their awards are not looked up for nothing.
            guard let item = exemplars[id], item.awards.contains(where: inSpan) else { continue }
            for (grant, award) in graph.rankedAwards(of: item, including: inSpan) {
                let level = award.level ?? "other"
                byLevel[level, default: []].append(exemplar(id, span.count > 1 ? "\(award.name) (\(grant.year ?? 0))" : award.name))
                topRank[level] = max(topRank[level] ?? 0, award.rank)
            }
        }
        let levels = byLevel.keys.sorted { (topRank[$0] ?? 0, $1) > (topRank[$1] ?? 0, $0) }
        let rows = levels.map { level in
            FigureRow(key: level, label: label(text, "level_\(level)", or: level), cells: [byLevel[level] ?? []])
        }
        return Figure(id: .awardsByLevel, columns: ["count"], rows: rows, stacked: false)
    }

    /// Models and initiatives created in the span, and their adoptions in it.
    private static func models(_ span: Set<Int>, graph: TrackedGraph, text: (String) -> String) -> Figure {
        var created: [Initiative.Kind: [FigureItem]] = [:]
        var adoptions: [FigureItem] = []
        for id in graph.initiativeOrder {
            guard let item = graph.initiatives[id] else { continue }
            if let year = item.year, span.contains(year) {
                created[item.kind, default: []].append(FigureItem(kind: .initiative, id: id, note: span.count > 1 ? String(year) : nil))
            }
            for adoption in item.adoptedBy where adoption.year.map(span.contains) == true {
                guard let unit = graph.units[adoption.unit.value] else { continue }
                let note = span.count > 1 ? "\(unit.name) (\(adoption.year ?? 0))" : unit.name
                adoptions.append(FigureItem(kind: .initiative, id: id, note: note))
            }
        }
        let rows = Initiative.Kind.allCases.map { kind in
            FigureRow(key: kind.rawValue, label: text("initiative_kind_\(kind.rawValue)"), cells: [created[kind] ?? []])
        } + [FigureRow(key: "adoptions", label: text("figure_adoptions"), cells: [adoptions])]
        return Figure(id: .models, columns: ["count"], rows: rows, stacked: false)
    }

    /// How many exemplars got each rating for the year and each half-year.
    private static func ratings(_ span: Set<Int>, graph: TrackedGraph, text: (String) -> String) -> Figure {
        var cells: [Rating: [[FigureItem]]] = [:]
        let scores = graph.scores
        for id in graph.collectiveOrder + graph.individualOrder {
            for year in scores[id] ?? [] where span.contains(year.year) {
                for (column, result) in [year.annual, year.halves[0], year.halves[1]].enumerated() {
                    guard let result else { continue }
                    let note = (span.count > 1 ? "\(year.year): " : "") + result.collective.vietnamese
                    cells[result.rating, default: [[], [], []]][column].append(exemplar(id, note))
                }
            }
        }
        let rows = Rating.allCases.map { rating in
            FigureRow(key: rating.rawValue, label: text("rating_\(rating.rawValue)"), cells: cells[rating] ?? [[], [], []])
        }
        return Figure(id: .ratings, columns: ["annual", "half1", "half2"], rows: rows, stacked: false)
    }

    /// Registrations for the span's years, before the deadline or after it.
    private static func registrations(_ span: Set<Int>, graph: TrackedGraph, text: (String) -> String) -> Figure {
        var onTime: [FigureItem] = [], late: [FigureItem] = []
        let exemplars = graph.exemplars, deadline = graph.site.registrationDeadline
        for id in graph.collectiveOrder + graph.individualOrder {
            guard let item = exemplars[id], let registered = item.registered?.value else { continue }
            let due = DomainRules.registrationDue(item, deadline: deadline)
            guard let due, span.contains(due.year) else { continue }
            let entry = exemplar(id, registered.vietnamese)
            if registered > due { late.append(entry) } else { onTime.append(entry) }
        }
        return Figure(id: .registrations, columns: ["count"], rows: [
            FigureRow(key: "on-time", label: text("figure_on_time"), cells: [onTime]),
            FigureRow(key: "late", label: text("figure_late"), cells: [late]),
        ], stacked: false)
    }

    private static func label(_ text: (String) -> String, _ key: String, or fallback: String) -> String {
        let value = text(key)
        return value == key ? fallback : value
    }
}
