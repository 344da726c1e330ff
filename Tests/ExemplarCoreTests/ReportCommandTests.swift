import Foundation
import Testing

/// `exemplar report` as a user runs it: the report of a year or half-year on standard output
/// or in a file, and nothing from content with errors.
@Suite struct ReportCommandTests {
    private func run(_ arguments: [String], in folder: URL) throws -> Executable.Run {
        try Executable.run(arguments, in: folder)
    }

    /// Monthly points of the basic site's collective in 2019.
    static let months: [Int: String] = [1: "91", 2: "88.5", 3: "90", 4: "92.25", 5: "89", 6: "93", 7: "70", 8: "75.5", 9: "80", 10: "82", 11: "79.75", 12: "85"]

    private func site(extra: [String: String] = [:]) throws -> SiteFixture {
        var files = SiteFixture.basic
        files["scores/2019/cdcs-truong-thpt-le-thuy.csv"] = "period,self,collective\n"
            + Self.months.keys.sorted().map { String(format: "2019-%02d,,", $0) + Self.months[$0]! }.joined(separator: "\n")
        files.merge(extra) { _, new in new }
        return try Executable.site(files)
    }

    private func average(_ months: ClosedRange<Int>) -> String {
        var mean = months.map { Decimal(string: Self.months[$0]!)! }.reduce(0, +) / Decimal(months.count)
        var rounded = Decimal()
        NSDecimalRound(&rounded, &mean, 2, .plain)
        return "\(rounded)"
    }

    @Test func csvListsTheYearsExemplarsWithAwardsAndRatings() throws {
        let site = try site()
        defer { site.remove() }
        let result = try run(["report", "--year", "2019", "--format", "csv"], in: site.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("\u{FEFF}no,id,name,kind,unit,unit_name,awards,result,rating,rating_name\r\n"))
        let lines = result.stdout.dropFirst().components(separatedBy: "\r\n").filter { !$0.isEmpty }.dropFirst().map(FigureTests.csvFields)
        #expect(lines.map { $0[1] } == ["cdcs-truong-thpt-le-thuy", "nguyen-thi-hoa"], "collectives first; both honoured in 2019")
        let annual = average(1...12)
        #expect(lines[0][6].contains("88/QĐ-LĐLĐ") && lines[0][6].contains("02/11/2019"))
        #expect(lines[0][7] == annual)
        #expect(lines[0][8] == (Decimal(string: annual)! >= 90 ? "excellent" : "good"))
        #expect(lines[1][7] == "" && lines[1][8] == "", "no sheet, no result")
    }

    @Test func halfYearJSONToAFile() throws {
        let site = try site()
        defer { site.remove() }
        let file = site.root.appendingPathComponent("bao-cao.json")
        let result = try run(["report", "--year", "2019", "--half", "1", "--format", "json", "--output", file.path], in: site.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        let rows = try #require(root["rows"] as? [[String: Any]])
        let first = try #require(rows.first)
        #expect((first["result"] as? NSNumber)?.decimalValue == Decimal(string: average(1...6)))
        #expect(first["rating"] as? String == (Decimal(string: average(1...6))! >= 90 ? "excellent" : "good"))
        #expect((first["awards"] as? [Any])?.isEmpty == true, "the award of November is not in the first half")
    }

    @Test func htmlIsThePrintablePageAndErrorsGiveNothing() throws {
        let site = try site()
        defer { site.remove() }
        let html = try run(["report", "--year", "2019"], in: site.root)
        #expect(html.status == 0)
        #expect(html.stdout.hasPrefix("<!DOCTYPE html>") && html.stdout.contains("Nguyễn Thị Hoa"))

        let broken = try self.site(extra: ["scores/2019/nguyen-thi-hoa.csv": "period,self,collective\n2019-W01,85,180\n"])
        defer { broken.remove() }
        let refused = try run(["report", "--year", "2019", "--format", "csv"], in: broken.root)
        #expect(refused.status == 1)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr.contains("content/scores/2019/nguyen-thi-hoa.csv:2:13"))
    }
}
