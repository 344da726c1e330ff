/// An exemplar's results for one year: its periods, the two half-years and the year.
public struct ScoreYear: Sendable {
    public var year: Int
    public var weekly: Bool
    /// In period order.
    public var rows: [ScoreRow]
    /// First and second half-year; nil when the half has no scored period.
    public var halves: [ScoreResult?]
    public var annual: ScoreResult?
    public var source: SourceLocation
}

/// The average of the scored periods of a half-year or a year, and its rating.
public struct ScoreResult: Sendable {
    /// The collective's review: the result the rating comes from.
    public var collective: Points
    /// The exemplar's own assessment, shown beside it; nil when no period has one.
    public var selfPoints: Points?
    public var scored: Int
    /// Periods that have begun but have no line in the sheet.
    public var missing: Int
    public var rating: Rating
}

/// The four ratings of the plan, best first.
public enum Rating: String, Sendable, CaseIterable {
    case excellent, good, complete, incomplete

    /// From the average, rounded to two decimals, and the site's thresholds.
    static func of(_ points: Points, thresholds: SiteConfig.ScoreThresholds) -> Rating {
        switch points.hundredths {
        case (thresholds.excellent * 100)...: return .excellent
        case (thresholds.good * 100)...: return .good
        case (thresholds.complete * 100)...: return .complete
        default: return .incomplete
        }
    }
}

/// Results from score sheets: the average of the periods that have a line, by half-year and
/// year. A period without a line is left out of the average, not counted as zero; how many
/// are missing is kept beside the result.
public enum ScoreResults {
    /// Results by exemplar id, years in order; sheets of exemplars not in the graph (drafts,
    /// unknown ids) are left out.
    public static func compute(_ sheets: [ScoreSheet], graph: SiteGraph, today: CalendarDate) -> IDTable<[ScoreYear]> {
        var results = IDTable<[ScoreYear]>()
        for sheet in sheets {
            guard let exemplar = graph.exemplars[sheet.id] else { continue }
            let weekly = exemplar.kind == .individual
            let rows = sheet.rows.filter { $0.period.isWeek == weekly }
            let missing = missing(sheet, weekly: weekly, today: today)
            let thresholds = graph.site.scoreThresholds
            let halves = [1, 2].map { half in
                result(rows.filter { $0.period.half == half }, missing: missing.count { $0.half == half }, thresholds: thresholds)
            }
            results[sheet.id, default: []].append(ScoreYear(
                year: sheet.year, weekly: weekly, rows: rows, halves: halves,
                annual: result(rows, missing: missing.count, thresholds: thresholds), source: sheet.source))
        }
        return results.mapValues { $0.sorted { $0.year < $1.year } }
    }

    static func result(_ rows: [ScoreRow], missing: Int, thresholds: SiteConfig.ScoreThresholds) -> ScoreResult? {
        guard let collective = Points.average(rows.map(\.collective)) else { return nil }
        return ScoreResult(collective: collective, selfPoints: Points.average(rows.compactMap(\.selfPoints)),
                           scored: rows.count, missing: missing, rating: Rating.of(collective, thresholds: thresholds))
    }

    /// Periods of the sheet's year that have begun by `today` and have no line.
    static func missing(_ sheet: ScoreSheet, weekly: Bool, today: CalendarDate) -> [Period] {
        let present = Set(sheet.rows.map(\.period))
        return Period.begun(in: sheet.year, weekly: weekly, today: today).filter { !present.contains($0) }
    }
}
