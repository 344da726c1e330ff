@testable import ExemplarCore
import Testing

/// Page dates written digit by digit must read exactly as the calendar's own texts.
@Suite struct DateDigitsTests {
    @Test func everyDayOfSeveralCenturiesReadsAsTheCalendarWritesIt() {
        for year in [1, 999, 1000, 1975, 2016, 2024, 9999, 10_000, -5] {
            for month in [0, 1, 2, 3, 9, 10, 12, 99, 100] {
                for day in [0, 1, 6, 9, 10, 31, 99, 100] {
                    let date = CalendarDate(year: year, month: month, day: day)
                    #expect(DateDigits.iso(date) == date.iso, "\(year)-\(month)-\(day)")
                    #expect(DateDigits.vietnamese(date) == date.vietnamese, "\(year)-\(month)-\(day)")
                }
            }
        }
    }
}
