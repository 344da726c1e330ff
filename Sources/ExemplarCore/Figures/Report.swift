/// The report a unit attaches to its annual or 6-month review: the exemplars of the year with
/// their unit, the awards of the period with their decisions, and the result and rating.
public struct ReportRow: Sendable {
    public struct Award: Sendable {
        public var name: String
        public var decision: String?
        public var date: CalendarDate?
    }

    public var id: String
    public var name: String
    public var kind: Exemplar.Kind
    public var unit: String
    public var unitName: String
    public var awards: [Award]
    /// The collective's average for the year or the half-year; nil without a score sheet.
    public var result: Points?
    public var rating: Rating?
}

public enum Report {
    /// Exemplars honoured in `year`, collectives first, in display order. For a half-year
    /// (`half` 1 or 2) the awards are those dated in its months, and the result is the half's.
    public static func rows(year: Int, half: Int?, graph: SiteGraph) -> [ReportRow] {
        let tracked = TrackedGraph(base: graph)
        return (graph.exemplarsOfYear[year] ?? []).compactMap { row($0, year: year, half: half, graph: tracked) }
    }

    /// The row of exemplar `id`; nil when the site has no such exemplar. What it reads of the
    /// graph is noted when `graph` notes reads: the report page keeps rows between builds.
    static func row(_ id: String, year: Int, half: Int?, graph: TrackedGraph) -> ReportRow? {
        guard let exemplar = graph.exemplars[id] else { return nil }
        let awards = graph.rankedAwards(of: exemplar) { grant in
            guard grant.year == year else { return false }
            guard let half else { return true }
            return grant.date.map { ($0.month <= 6 ? 1 : 2) == half } ?? false
        }.map { grant, award in ReportRow.Award(name: award.name, decision: grant.decision, date: grant.date) }
        let scores = graph.scores[id]?.first { $0.year == year }
        let result: ScoreResult?
        if let half, let scores { result = scores.halves[half - 1] } else { result = scores?.annual }
        return ReportRow(id: id, name: exemplar.name, kind: exemplar.kind, unit: exemplar.unit.value,
                         unitName: graph.units[exemplar.unit.value]?.name ?? exemplar.unit.value,
                         awards: awards, result: result?.collective, rating: result?.rating)
    }
}
