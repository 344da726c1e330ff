import Foundation

/// The values of a score sheet's cells: periods and points.
enum ScoresValues {
    /// `2019-W07` (an ISO week) or `2019-02` (a month), of the sheet's own year.
    static func period(_ text: String, at: SourceLocation, year: Int, bag: DiagnosticBag) -> Period? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let example = "`\(year)-W07` (tuần 7, cho cá nhân) hoặc `\(year)-02` (tháng 2, cho tập thể)"
        guard parts.count == 2, parts[0].count == 4, let periodYear = Int(parts[0]) else {
            bag.add(.error("score-period", "\"\(text)\" không phải một kỳ chấm điểm.", at: at, hint: "Viết kỳ dạng \(example)."))
            return nil
        }
        var rest = parts[1]
        let weekly = rest.first == "W" || rest.first == "w"
        if weekly { rest = rest.dropFirst() }
        guard (1...2).contains(rest.count), rest.allSatisfy(\.isASCII), let number = Int(rest) else {
            bag.add(.error("score-period", "\"\(text)\" không phải một kỳ chấm điểm.", at: at, hint: "Viết kỳ dạng \(example)."))
            return nil
        }
        let limit = weekly ? Period.weeks(in: periodYear) : 12
        guard (1...limit).contains(number) else {
            let what = weekly ? "Năm \(periodYear) có \(limit) tuần (theo ISO 8601)" : "Một năm có 12 tháng"
            bag.add(.error("score-period", "Kỳ \"\(text)\" không tồn tại: \(what).", at: at, hint: "Viết kỳ dạng \(example)."))
            return nil
        }
        guard periodYear == year else {
            bag.add(.error("score-period-year", "Kỳ \(text) thuộc năm \(periodYear), nhưng bảng điểm nằm trong thư mục scores/\(year)/.", at: at,
                           hint: "Mỗi năm một bảng điểm: chuyển dòng này sang scores/\(periodYear)/, hoặc sửa lại năm của kỳ."))
            return nil
        }
        return weekly ? .week(year: periodYear, week: number) : .month(year: periodYear, month: number)
    }

    /// Points 0–100 with at most two decimals, written `87.5`, or `87,5` when fields are
    /// separated by `;` (as Excel does where the decimal mark is a comma).
    static func points(_ text: String, column: String, separator: Character, at: SourceLocation, bag: DiagnosticBag) -> Points? {
        if text.hasPrefix("-"), points(String(text.dropFirst()), column: column, separator: separator, at: at, bag: DiagnosticBag()) != nil {
            bag.add(.error("score-range", "Điểm `\(column)` \(text) nhỏ hơn 0; thang điểm từ 0 đến 100.", at: at,
                           hint: "Kiểm tra lại điểm của kỳ này."))
            return nil
        }
        let marks: Set<Character> = separator == ";" ? [".", ","] : ["."]
        let split = text.split(omittingEmptySubsequences: false, whereSeparator: { marks.contains($0) })
        let digits = { (s: Substring) in !s.isEmpty && s.allSatisfy { $0.isASCII && $0.isNumber } }
        guard (1...2).contains(split.count), digits(split[0]), split.count == 1 || digits(split[1]) else {
            let decimal = separator == ";" ? "`87,5` hoặc `87.5`" : "`87.5`"
            bag.add(.error("score-value", "Điểm `\(column)` \"\(text)\" không phải là số.", at: at,
                           hint: "Điểm là số từ 0 đến 100, phần thập phân viết \(decimal)."))
            return nil
        }
        let fraction = split.count == 2 ? split[1] : ""
        guard fraction.count <= 2, split[0].count <= 3, let whole = Int(split[0]) else {
            bag.add(.error("score-value", "Điểm `\(column)` \"\(text)\" có quá nhiều chữ số; điểm ghi tối đa hai chữ số thập phân.", at: at,
                           hint: "Làm tròn điểm đến hai chữ số thập phân, ví dụ `87.25`."))
            return nil
        }
        let hundredths = whole * 100 + (Int(fraction.padding(toLength: 2, withPad: "0", startingAt: 0)) ?? 0)
        guard hundredths <= 10_000 else {
            bag.add(.error("score-range", "Điểm `\(column)` \(text) vượt quá 100; thang điểm từ 0 đến 100.", at: at,
                           hint: "Kiểm tra lại điểm của kỳ này."))
            return nil
        }
        return Points(hundredths: hundredths)
    }
}
