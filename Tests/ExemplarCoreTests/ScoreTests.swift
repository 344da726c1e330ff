import ExemplarCore
import Foundation
import Testing

/// Score sheets through a real build: every mistake reported where it is, and the results a
/// reader sees computed here again from the sheet's own numbers.
@Suite struct ScoreTests {
    /// Builds the basic site with `sheets` added under `scores/`.
    private func build(_ sheets: [String: String], raw: [String: Data] = [:]) throws -> (SiteFixture, BuildReport) {
        var files = SiteFixture.basic
        for (path, text) in sheets { files["scores/" + path] = text }
        let site = try SiteFixture(files)
        for (path, data) in raw { try site.write("scores/" + path, data) }
        return (site, site.build())
    }

    private func brief(_ report: BuildReport) -> String {
        report.diagnostics.map { "\($0.file):\($0.line):\($0.column) \($0.code)" }.joined(separator: "; ")
    }

    private func find(_ report: BuildReport, _ code: String) -> [Diagnostic] {
        report.diagnostics.filter { $0.code == code }
    }

    @Test func eachMistakeIsReportedAtItsLineAndColumn() throws {
        let sheet = """
        period,self,collective
        2019-W01,85,88
        2019-W1x,80,82
        2019-W02,abc,82
        2019-W03,85,101
        2019-W02,85,90
        2018-W52,85,90
        2019-W60,85,90
        2019-W04,85,
        2019-W05,85,87.125
        2019-W06,85,87,5
        2019-W07,-3,80
        """
        let (site, report) = try build(["2019/nguyen-thi-hoa.csv": sheet])
        defer { site.remove() }
        #expect(!report.published)
        func at(_ code: String, _ line: Int, _ column: Int) {
            let hits = find(report, code).filter { $0.file == "content/scores/2019/nguyen-thi-hoa.csv" && $0.line == line }
            #expect(hits.contains { $0.column == column && $0.severity == .error }, "\(code) at \(line):\(column) in \(brief(report))")
        }
        at("score-period", 3, 1)
        at("score-value", 4, 10)
        at("score-range", 5, 13)
        at("score-duplicate", 6, 1)
        at("score-period-year", 7, 1)
        at("score-period", 8, 1)
        at("score-value", 9, 13)
        at("score-value", 10, 13)
        at("score-columns", 11, 16)
        at("score-range", 12, 10)
        #expect(find(report, "score-duplicate").first?.message.contains("dòng 4") == true, "the first line of the period, even though its points were wrong")
    }

    @Test func periodsMustSuitTheKindAndTheIDMustExist() throws {
        let (site, report) = try build([
            "2019/nguyen-thi-hoa.csv": "period,self,collective\n2019-W01,85,88\n2019-03,80,82\n",
            "2019/cdcs-truong-thpt-le-thuy.csv": "period,self,collective\n2019-01,85,88\n2019-W05,80,82\n",
            "2019/nguyen-thi-hao.csv": "period,self,collective\n2019-W01,85,88\n",
            "2016/nguyen-thi-hoa.csv": "period,self,collective\n2016-W01,85,88\n",
        ])
        defer { site.remove() }
        let kind = find(report, "score-period-kind")
        #expect(kind.contains { $0.file.hasSuffix("2019/nguyen-thi-hoa.csv") && $0.line == 3 && $0.column == 1 })
        #expect(kind.contains { $0.file.hasSuffix("2019/cdcs-truong-thpt-le-thuy.csv") && $0.line == 3 && $0.column == 1 })
        let unknown = try #require(find(report, "score-unknown-exemplar").first)
        #expect(unknown.file == "content/scores/2019/nguyen-thi-hao.csv")
        #expect(unknown.hint?.contains("nguyen-thi-hoa.csv") == true)
        let year = try #require(find(report, "score-year").first)
        #expect(year.severity == .warning && year.file == "content/scores/2016/nguyen-thi-hoa.csv")
    }

    @Test func gapsAreAWarningWithTheirCount() throws {
        var lines = ["period,self,collective"]
        for month in 1...12 where ![3, 4, 9].contains(month) { lines.append(String(format: "2019-%02d,80,80", month)) }
        let (site, report) = try build(["2019/cdcs-truong-thpt-le-thuy.csv": lines.joined(separator: "\n")])
        defer { site.remove() }
        #expect(report.published, "\(brief(report))")
        let gaps = try #require(find(report, "score-gaps").first)
        #expect(gaps.severity == .warning)
        #expect(gaps.message.contains("thiếu 3 tháng"))
        #expect(gaps.line == 4, "points at the first line after the first gap (2019-05)")
    }

    /// Collective points for every week of 2019, with self points; a gap in week 30.
    private func weeklySheet(separator: String = ",", comma: Bool = false) -> (text: String, rows: [(week: Int, own: Decimal, collective: Decimal)]) {
        var rows: [(Int, Decimal, Decimal)] = []
        var lines = ["period\(separator)self\(separator)collective"]
        for week in 1...52 where week != 30 {
            let collective = Decimal(55 + (week * 37) % 41) + Decimal(week % 4) * Decimal(string: "0.25")!
            let own = collective + Decimal(week % 3)
            rows.append((week, own, collective))
            func text(_ d: Decimal) -> String { comma ? "\(d)".replacingOccurrences(of: ".", with: ",") : "\(d)" }
            lines.append(String(format: "2019-W%02d", week) + separator + text(own) + separator + text(collective))
        }
        return (lines.joined(separator: "\n") + "\n", rows)
    }

    private func expected(_ values: [Decimal]) -> String {
        var mean = values.reduce(0, +) / Decimal(values.count)
        var rounded = Decimal()
        NSDecimalRound(&rounded, &mean, 2, .plain)
        return "\(rounded)".replacingOccurrences(of: ".", with: ",")
    }

    private func rating(_ text: String) -> String {
        let value = Double(text.replacingOccurrences(of: ",", with: ".")) ?? 0
        if value >= 90 { return "Hoàn thành xuất sắc nhiệm vụ" }
        if value >= 70 { return "Hoàn thành tốt nhiệm vụ" }
        if value >= 50 { return "Hoàn thành nhiệm vụ" }
        return "Không hoàn thành nhiệm vụ"
    }

    private func checkResults(_ page: String, rows: [(week: Int, own: Decimal, collective: Decimal)]) {
        let first = rows.filter { $0.week <= 26 }, second = rows.filter { $0.week > 26 }
        for part in [first, second, rows] {
            let collective = expected(part.map(\.collective)), own = expected(part.map(\.own))
            #expect(page.contains("\(collective) <small>(tự chấm \(own))</small><br>\(rating(collective))"), "\(collective) / \(own)")
        }
    }

    @Test func averagesAndRatingsReachTheProfile() throws {
        let (text, rows) = weeklySheet()
        let (site, report) = try build(["2019/nguyen-thi-hoa.csv": text])
        defer { site.remove() }
        #expect(report.published, "\(brief(report))")
        let page = try #require(site.page("ca-nhan/nguyen-thi-hoa/index.html"))
        checkResults(page, rows: rows)
        #expect(page.contains("<svg"))
        #expect(page.contains("1 kỳ thiếu điểm"), "the second half lacks week 30")
        let details = try #require(site.page("ca-nhan/nguyen-thi-hoa/ket-qua/index.html"))
        for row in rows.prefix(5) {
            #expect(details.contains("<tr><th scope=\"row\">\(row.week)</th><td>\("\(row.collective)".replacingOccurrences(of: ".", with: ","))</td>"))
        }
        let other = try #require(site.page("tap-the/cdcs-truong-thpt-le-thuy/index.html"))
        #expect(!other.contains("class=\"scores\""), "no sheet, no section")
        #expect(site.page("tap-the/cdcs-truong-thpt-le-thuy/ket-qua/index.html") == nil)
    }

    @Test func aSheetSavedByExcelReadsTheSame() throws {
        let (text, rows) = weeklySheet(separator: ";", comma: true)
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        let (site, report) = try build([:], raw: ["2019/nguyen-thi-hoa.csv": data])
        defer { site.remove() }
        #expect(report.published, "\(brief(report))")
        checkResults(try #require(site.page("ca-nhan/nguyen-thi-hoa/index.html")), rows: rows)
    }

    @Test func thresholdsComeFromTheSite() throws {
        var files = SiteFixture.basic
        files["site.yml"]! += "\nscore_thresholds: { excellent: 95, good: 85, complete: 80 }\n"
        files["scores/2019/cdcs-truong-thpt-le-thuy.csv"] = "period,self,collective\n" + (1...12).map { String(format: "2019-%02d,,84", $0) }.joined(separator: "\n")
        let site = try SiteFixture(files)
        defer { site.remove() }
        let report = site.build()
        #expect(report.published, "\(brief(report))")
        let page = try #require(site.page("tap-the/cdcs-truong-thpt-le-thuy/index.html"))
        #expect(page.contains("84<br>Hoàn thành nhiệm vụ"))
    }

    @Test func thresholdsMustGoDown() throws {
        var files = SiteFixture.basic
        files["site.yml"]! += "\nscore_thresholds: { excellent: 70, good: 90, complete: 50 }\n"
        let site = try SiteFixture(files)
        defer { site.remove() }
        let report = site.build()
        let error = try #require(report.diagnostics.first { $0.code == "bad-thresholds" })
        #expect(error.file == "content/site.yml" && error.line == 5)
        #expect(!report.published)
    }
}
