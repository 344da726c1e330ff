/// A date's texts on pages, written digit by digit: a page shows dozens of dates and a
/// year's report thousands, and joining strings for each cost more than the rest of its line.
/// Each gives the same text as `CalendarDate.iso` and `.vietnamese`.
enum DateDigits {
    /// `2016-09-06`.
    static func iso(_ date: CalendarDate) -> String {
        guard (1000...9999).contains(date.year), (0...99).contains(date.month), (0...99).contains(date.day) else { return date.iso }
        return String(unsafeUninitializedCapacity: 10) { out in
            var at = write(date.year, width: 4, into: out, at: 0)
            out[at] = UInt8(ascii: "-")
            at = write(date.month, width: 2, into: out, at: at + 1)
            out[at] = UInt8(ascii: "-")
            return write(date.day, width: 2, into: out, at: at + 1)
        }
    }

    /// `06/9/2016`: day below 10 and months 1–2 zero-padded.
    static func vietnamese(_ date: CalendarDate) -> String {
        guard (1000...9999).contains(date.year), (0...99).contains(date.month), (0...99).contains(date.day) else { return date.vietnamese }
        return String(unsafeUninitializedCapacity: 10) { out in
            var at = write(date.day, width: 2, into: out, at: 0)
            out[at] = UInt8(ascii: "/")
            at = write(date.month, width: date.month < 3 ? 2 : date.month < 10 ? 1 : 2, into: out, at: at + 1)
            out[at] = UInt8(ascii: "/")
            return write(date.year, width: 4, into: out, at: at + 1)
        }
    }

    /// Writes `number` (0 ≤ number < 10^width) with `width` digits; returns the index after them.
    private static func write(_ number: Int, width: Int, into out: UnsafeMutableBufferPointer<UInt8>, at start: Int) -> Int {
        var rest = number
        for index in stride(from: start + width - 1, through: start, by: -1) {
            out[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
        return start + width
    }
}
