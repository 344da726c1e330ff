@testable import ExemplarCore
import Foundation
import Testing

/// "Today" is worked out without Foundation's calendar: it must name the same day as that
/// calendar in Vietnam's time zone, at day boundaries and across leap years and centuries.
@Suite struct TodayTests {
    @Test func theDayInVietnamIsTheCalendarsDay() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "Asia/Ho_Chi_Minh"))
        // Every 7 hours and 13 minutes from 1976 to 2104, plus the seconds around local midnight.
        var instants = Array(stride(from: 189_302_400, to: 4_260_000_000, by: 26_000))
        for midnight in stride(from: 946_659_600, to: 1_100_000_000, by: 86400 * 97) {
            instants += [midnight - 1, midnight, midnight + 1]
        }
        for seconds in instants {
            let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(seconds)))
            let expected = CalendarDate(year: try #require(parts.year), month: try #require(parts.month), day: try #require(parts.day))
            #expect(CalendarDate.inVietnam(secondsSince1970: seconds) == expected, "\(seconds)")
        }
    }

    @Test func daysCountFromTheFirstOfJanuary1970() {
        #expect(CalendarDate.fromDaysSince1970(0) == CalendarDate(year: 1970, month: 1, day: 1))
        #expect(CalendarDate.fromDaysSince1970(-1) == CalendarDate(year: 1969, month: 12, day: 31))
        #expect(CalendarDate.fromDaysSince1970(11_016) == CalendarDate(year: 2000, month: 2, day: 29))
        #expect(CalendarDate.fromDaysSince1970(-719_468) == CalendarDate(year: 0, month: 3, day: 1))
    }
}
