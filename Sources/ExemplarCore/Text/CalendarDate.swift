import Foundation

/// A day on the calendar, as authors write it (`2018-03-01`), with no time zone.
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `YYYY-MM-DD`; nil when the text has another shape or names a day that does not exist.
    public init?(iso text: String) {
        // Read from the bytes: splitting the text and counting its characters cost more than
        // the rest of reading a profile's dates.
        var rest = Substring(text).utf8
        guard let year = Self.part(&rest, last: false), year.length == 4,
              let month = Self.part(&rest, last: false), (1...2).contains(month.length),
              let day = Self.part(&rest, last: true), (1...2).contains(day.length),
              CalendarDate.isValid(year: year.value, month: month.value, day: day.value)
        else { return nil }
        self.init(year: year.value, month: month.value, day: day.value)
    }

    /// The number `rest` starts with, up to a `-` (the end, for the last part), as `Int` reads
    /// it: an optional `+` and ASCII digits, the `+` counted in its length. `rest` is left
    /// after the `-`.
    private static func part(_ rest: inout Substring.UTF8View, last: Bool) -> (value: Int, length: Int)? {
        let end = rest.firstIndex(of: UInt8(ascii: "-")) ?? rest.endIndex
        guard (end == rest.endIndex) == last else { return nil }
        let field = rest[..<end]
        rest = last ? rest[end...] : rest[rest.index(after: end)...]
        let digits = field.first == UInt8(ascii: "+") ? field.dropFirst() : field
        // Four digits at most: a longer part is no date, and its number could overflow.
        guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return (digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }, field.count)
    }

    /// Reads the day-first way dates are written in Vietnam (`05/3/2019`, `5.3.2019`,
    /// `05-03-2019`), only to tell the author the `YYYY-MM-DD` spelling of what they meant.
    static func dayFirst(_ text: String) -> CalendarDate? {
        let parts = text.split(whereSeparator: { "/.-".contains($0) }).map(String.init)
        guard parts.count == 3, parts[2].count == 4, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]),
              isValid(year: year, month: month, day: day)
        else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// Whether `text` looks like a date at all (so a bad one is "impossible", not "malformed").
    static func hasDateShape(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }

    public static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        return day <= daysIn(month: month, year: year)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// `2018-03-01`, for machines (feeds, `<time datetime>`).
    /// Dates are written on every page and in every export: joined from their numbers' digits,
    /// which costs a fraction of a string interpolation.
    public var iso: String {
        String(year) + "-" + Self.padded(month, below: 10) + "-" + Self.padded(day, below: 10)
    }

    /// Vietnamese style: `06/9/2016`, `01/3/2018`; day below 10 and months 1–2 zero-padded.
    public var vietnamese: String {
        Self.padded(day, below: 10) + "/" + Self.padded(month, below: 3) + "/" + String(year)
    }

    /// `number` with a `0` in front when it is below `limit`.
    private static func padded(_ number: Int, below limit: Int) -> String {
        number < limit ? "0" + String(number) : String(number)
    }

    public var description: String { iso }

    /// Today in Vietnam's time zone, where the Federation's events take place.
    public static func today() -> CalendarDate {
        inVietnam(secondsSince1970: Int(time(nil)))
    }

    /// The day in Vietnam at an instant. Vietnam keeps UTC+7 all year (no summer time since
    /// 1975), so the day is plain arithmetic; Foundation's calendar and time zone database
    /// cost milliseconds of every build's start.
    static func inVietnam(secondsSince1970 seconds: Int) -> CalendarDate {
        let local = seconds + 7 * 3600
        let days = local >= 0 ? local / 86400 : (local - 86399) / 86400
        return fromDaysSince1970(days)
    }

    /// The date `days` after 1970-01-01 in the proleptic Gregorian calendar. Counted in
    /// 400-year eras from 0000-03-01, so that the leap day ends each era's year.
    static func fromDaysSince1970(_ days: Int) -> CalendarDate {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return CalendarDate(year: year, month: month, day: day)
    }
}
