/// An integer's decimal digits as `String(number)` writes them, without making that String:
/// numbers go by the thousand into pages and JSON files.
enum DecimalDigits {
    /// Calls `body` with the digits of `number`, after a `-` when it is negative; written
    /// from the last into room for the longest (`Int.min` has twenty).
    static func with<Result>(_ number: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var rest = number.magnitude
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            if number < 0 {
                start -= 1
                digits[start] = UInt8(ascii: "-")
            }
            return body(UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }
}
