/// One score sheet, `scores/<year>/<exemplar-id>.csv`: the points an exemplar got for each
/// period of a year, self-assessed and reviewed by the collective.
public struct ScoreSheet: Sendable, Hashable {
    /// The exemplar the sheet belongs to: the file name without `.csv`.
    public var id: String
    /// The folder's year.
    public var year: Int
    public var rows: [ScoreRow]
    /// The file, line 1.
    public var source: SourceLocation
    /// The last line of the file, where a warning about missing periods at the end points.
    public var lastLine: Int
    /// Whether some line was refused: its period is not missing, only wrongly written, so
    /// no gaps are reported on top of its error.
    public var hasRefusedLines = false
}

/// One line of a sheet.
public struct ScoreRow: Sendable, Hashable {
    public var period: Period
    /// The exemplar's own assessment; a sheet may leave it empty.
    public var selfPoints: Points?
    /// The collective's review: the result.
    public var collective: Points
    public var at: SourceLocation
}

/// Points from 0 to 100 with at most two decimals, kept as hundredths so sums and averages
/// are exact and every reader of the sheet gets the same result.
public struct Points: Sendable, Hashable, Comparable {
    public var hundredths: Int

    public init(hundredths: Int) { self.hundredths = hundredths }

    public static func < (lhs: Points, rhs: Points) -> Bool { lhs.hundredths < rhs.hundredths }

    /// The average rounded half up to two decimals.
    static func average(_ values: [Points]) -> Points? {
        guard !values.isEmpty else { return nil }
        let sum = values.reduce(0) { $0 + $1.hundredths }
        return Points(hundredths: (2 * sum + values.count) / (2 * values.count))
    }

    /// `87.5`, `90`, `66.67`: for machines (CSV, JSON, SVG).
    public var plain: String {
        let whole = hundredths / 100, rest = hundredths % 100
        if rest == 0 { return "\(whole)" }
        return rest % 10 == 0 ? "\(whole).\(rest / 10)" : "\(whole).\(rest < 10 ? "0" : "")\(rest)"
    }

    /// `87,5`: the Vietnamese decimal comma.
    public var vietnamese: String { plain.replacingOccurrences(of: ".", with: ",") }
}

/// A scoring period: an ISO week (individuals) or a month (collectives).
public enum Period: Sendable, Hashable, Comparable {
    case week(year: Int, week: Int)
    case month(year: Int, month: Int)

    public var year: Int {
        switch self {
        case .week(let year, _), .month(let year, _): return year
        }
    }

    /// The week or month number within the year.
    public var number: Int {
        switch self {
        case .week(_, let n), .month(_, let n): return n
        }
    }

    public var isWeek: Bool {
        if case .week = self { return true }
        return false
    }

    /// 1 or 2. Weeks 1–26 and months 1–6 make the first half-year.
    public var half: Int { number <= (isWeek ? 26 : 6) ? 1 : 2 }

    /// `2019-W07`, `2019-02`.
    public var text: String {
        let n = number < 10 ? "0\(number)" : "\(number)"
        return isWeek ? "\(year)-W\(n)" : "\(year)-\(n)"
    }

    public static func < (lhs: Period, rhs: Period) -> Bool {
        (lhs.year, lhs.isWeek ? 1 : 0, lhs.number) < (rhs.year, rhs.isWeek ? 1 : 0, rhs.number)
    }

    /// How many ISO weeks a year has: 53 when it starts on a Thursday, or on a Wednesday in a leap year.
    public static func weeks(in year: Int) -> Int {
        let jan1 = weekday(year: year, month: 1, day: 1)
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        return jan1 == 4 || (leap && jan1 == 3) ? 53 : 52
    }

    /// The ISO week holding a day: (week-numbering year, week).
    public static func isoWeek(of date: CalendarDate) -> (year: Int, week: Int) {
        let ordinal = dayOfYear(date)
        let weekday = weekday(year: date.year, month: date.month, day: date.day)
        let week = (ordinal - weekday + 10) / 7
        if week < 1 { return (date.year - 1, weeks(in: date.year - 1)) }
        if week > weeks(in: date.year) { return (date.year + 1, 1) }
        return (date.year, week)
    }

    /// 1 = Monday … 7 = Sunday (Sakamoto's method).
    static func weekday(year: Int, month: Int, day: Int) -> Int {
        let offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let y = month < 3 ? year - 1 : year
        let sunday0 = (y + y / 4 - y / 100 + y / 400 + offsets[month - 1] + day) % 7
        return sunday0 == 0 ? 7 : sunday0
    }

    static func dayOfYear(_ date: CalendarDate) -> Int {
        (1..<date.month).reduce(date.day) { $0 + CalendarDate.daysIn(month: $1, year: date.year) }
    }

    /// Every period of a year of the given kind, in order.
    static func all(in year: Int, weekly: Bool) -> [Period] {
        weekly ? (1...weeks(in: year)).map { .week(year: year, week: $0) } : (1...12).map { .month(year: year, month: $0) }
    }

    /// The periods of a year that have begun on `today`: a sheet of the current year is not
    /// missing the weeks still to come.
    static func begun(in year: Int, weekly: Bool, today: CalendarDate) -> [Period] {
        if year < today.year - 1 || (year < today.year && !weekly) { return all(in: year, weekly: weekly) }
        if weekly {
            let now = isoWeek(of: today)
            return all(in: year, weekly: true).filter { ($0.year, $0.number) <= (now.year, now.week) }
        }
        return year > today.year ? [] : (1...today.month).map { .month(year: year, month: $0) }
    }
}
