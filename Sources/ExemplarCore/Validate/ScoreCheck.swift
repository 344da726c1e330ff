/// What a score sheet cannot know alone: whose it is, whether its periods suit the exemplar
/// (weeks for an individual, months for a collective), whether the year was one they were
/// honoured in, and which periods are missing.
struct ScoreCheck {
    let content: Content
    /// Periods that have not begun yet are not missing.
    let today: CalendarDate

    func run() -> [Diagnostic] {
        let exemplars = Dictionary(content.exemplars.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let unloaded = content.unloaded.exemplars
        var out: [Diagnostic] = []
        for sheet in content.scores {
            guard let exemplar = exemplars[sheet.id] else {
                if !unloaded.contains(sheet.id) { out.append(unknown(sheet, among: exemplars.keys)) }
                continue
            }
            let weekly = exemplar.kind == .individual
            var wrongKind = false
            for row in sheet.rows where row.period.isWeek != weekly {
                wrongKind = true
                let (what, want) = weekly ? ("một tháng", "tuần, ví dụ `\(sheet.year)-W07`") : ("một tuần", "tháng, ví dụ `\(sheet.year)-02`")
                let who = weekly ? "cá nhân" : "tập thể"
                out.append(.error("score-period-kind", "Kỳ \(row.period.text) là \(what), nhưng \(exemplar.name) là \(who): \(who) được chấm điểm theo \(want).",
                                  at: row.at, hint: "Cá nhân chấm theo tuần (`YYYY-Www`), tập thể chấm theo tháng (`YYYY-MM`)."))
            }
            if !exemplar.years.isEmpty, !exemplar.years.contains(where: { $0.value == sheet.year }) {
                let list = exemplar.years.map { String($0.value) }.joined(separator: ", ")
                out.append(.warning("score-year", "Bảng điểm năm \(sheet.year), nhưng \(exemplar.name) chỉ là điển hình các năm \(list).",
                                    at: sheet.source, hint: "Thêm \(sheet.year) vào `years` trong \(exemplar.source.file), hoặc chuyển bảng điểm sang đúng năm."))
            }
            if !wrongKind, !sheet.hasRefusedLines, let gaps = gaps(sheet, weekly: weekly) { out.append(gaps) }
        }
        return out
    }

    private func unknown(_ sheet: ScoreSheet, among ids: some Sequence<String>) -> Diagnostic {
        let guess = Suggestion.closest(to: sheet.id, among: ids) ?? Suggestion.extended(sheet.id, among: ids)
        return .error("score-unknown-exemplar", "Bảng điểm \"\(sheet.id).csv\" không thuộc điển hình nào: không có tệp collectives/\(sheet.id).md hay individuals/\(sheet.id).md.",
                      at: sheet.source,
                      hint: guess.map { "Có phải bạn muốn đặt tên tệp là `\($0).csv`?" } ?? "Tên tệp bảng điểm là mã của điển hình (tên tệp hồ sơ, bỏ `.md`).")
    }

    /// One warning per sheet: how many periods that have begun have no line, and which.
    private func gaps(_ sheet: ScoreSheet, weekly: Bool) -> Diagnostic? {
        let missing = ScoreResults.missing(sheet, weekly: weekly, today: today)
        guard let first = missing.first else { return nil }
        let after = sheet.rows.first { $0.period > first }
        let at = after?.at ?? SourceLocation(file: sheet.source.file, line: sheet.lastLine, column: 1)
        let unit = weekly ? "tuần" : "tháng"
        return .warning("score-gaps", "Bảng điểm năm \(sheet.year) thiếu \(missing.count) \(unit): \(Self.ranges(missing)).", at: at,
                        hint: "Kết quả 6 tháng và cả năm chỉ tính trung bình các kỳ có điểm; bổ sung các kỳ còn thiếu nếu đã chấm.")
    }

    /// `2019-W05–W07, 2019-W20`: consecutive periods shown as one range.
    static func ranges(_ periods: [Period]) -> String {
        var parts: [String] = []
        var index = 0
        while index < periods.count {
            var end = index
            while end + 1 < periods.count, periods[end + 1].number == periods[end].number + 1 { end += 1 }
            let last = periods[end]
            let tail = last.isWeek ? "W\(last.number < 10 ? "0" : "")\(last.number)" : "\(last.number < 10 ? "0" : "")\(last.number)"
            parts.append(end == index ? periods[index].text : "\(periods[index].text)–\(tail)")
            index = end + 1
        }
        return parts.joined(separator: ", ")
    }
}
