import ExemplarCore
import Foundation
import Testing

/// The figures pages and their exports, checked against counts made here from the content
/// the test writes: a generated site of exemplars, awards, models and score sheets.
@Suite struct FigureTests {
    struct Person {
        var id: String, collective: Bool, unit: String, years: [Int], registered: String
        var awards: [(award: String, year: Int)]
        var points: Int?
    }

    static let units = ["ban-nu-cong", "ldld-huyen-le-thuy", "cdcs-truong-thpt-le-thuy"]
    static let levels = ["bang-khen-ldld-tinh": "province", "bang-khen-tong-ldld": "national", "giay-khen-cdcs": "grassroots"]

    /// Twelve exemplars with varied units, years, registrations, awards and results.
    static let people: [Person] = (0..<12).map { i in
        let awardIDs = Array(levels.keys).sorted()
        return Person(
            id: "dien-hinh-\(i)", collective: i % 3 == 0, unit: units[i % units.count],
            years: i % 4 == 0 ? [2018] : [2019, 2020],
            registered: i % 5 == 0 ? "2019-03-0\(1 + i % 7)" : "2019-01-1\(i % 9)",
            awards: [(awardIDs[i % 3], 2019), (awardIDs[(i + 1) % 3], 2018 + i % 3)],
            points: i % 2 == 0 ? nil : 40 + i * 5)
    }

    private func site() throws -> SiteFixture {
        var files = SiteFixture.basic
        for person in Self.people {
            let folder = person.collective ? "collectives" : "individuals"
            let awards = person.awards.map { "  - { award: \($0.award), year: \($0.year) }" }.joined(separator: "\n")
            files["\(folder)/\(person.id).md"] = """
            ---
            name: Điển hình số \(person.id.split(separator: "-").last ?? "")
            unit: \(person.unit)
            years: [\(person.years.map(String.init).joined(separator: ", "))]
            registered: \(person.registered)
            supervisor: Lê Văn Bình
            awards:
            \(awards)
            ---
            Thành tích.
            """
            if let points = person.points {
                let periods = person.collective ? (1...12).map { String(format: "2019-%02d", $0) } : (1...52).map { String(format: "2019-W%02d", $0) }
                files["scores/2019/\(person.id).csv"] = "period,self,collective\n" + periods.map { "\($0),,\(points)" }.joined(separator: "\n")
            }
        }
        return try SiteFixture(files)
    }

    /// Counts of the 2019 page, keyed `figure/row/column`, made from the people above and
    /// the two exemplars, one model and one adoption of the basic site.
    private func expected() -> [String: Int] {
        var counts: [String: Int] = [:]
        func add(_ key: String) { counts[key, default: 0] += 1 }
        for person in Self.people where person.years.contains(2019) {
            add("exemplars-by-unit/\(person.unit)/\(person.collective ? "collective" : "individual")")
        }
        add("exemplars-by-unit/cdcs-truong-thpt-le-thuy/collective")  // the basic site's collective
        add("exemplars-by-unit/ban-nu-cong/individual")  // and its individual
        for person in Self.people {
            for award in person.awards where award.year == 2019 { add("awards-by-level/\(Self.levels[award.award]!)/count") }
            if let points = person.points {
                let rating = points >= 90 ? "excellent" : points >= 70 ? "good" : points >= 50 ? "complete" : "incomplete"
                for column in ["annual", "half1", "half2"] { add("ratings/\(rating)/\(column)") }
            }
            // A registration is for the first honoured year not before it.
            let date = person.registered
            let year = person.years.filter { $0 >= 2019 }.min() ?? 2019
            if year == 2019 { add("registrations/\(date > "2019-02-10" ? "late" : "on-time")/count") }
        }
        add("awards-by-level/province/count")  // the basic collective's Bằng khen of 2019
        add("models/adoptions/count")  // Lệ Thủy adopted the handbook in 2019
        return counts
    }

    @Test func yearPageAndExportsCountWhatTheContentHolds() throws {
        let site = try site()
        defer { site.remove() }
        let report = site.build()
        #expect(report.published, "\(report.diagnostics.filter { $0.severity == .error }.map(\.message))")

        // The CSV, read as a spreadsheet would: BOM, header, one number per line.
        let data = try #require(FileManager.default.contents(atPath: site.output.appendingPathComponent("so-lieu/2019/so-lieu.csv").path))
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
        let lines = String(decoding: data.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let header = lines[0].split(separator: ",").map(String.init)
        #expect(header == ["scope", "figure", "figure_name", "row", "row_name", "column", "column_name", "count"])
        var published: [String: Int] = [:]
        for line in lines.dropFirst() {
            let fields = Self.csvFields(line)
            #expect(fields.count == 8, "\(line)")
            if let count = Int(fields[7]), count > 0 { published["\(fields[1])/\(fields[3])/\(fields[5])"] = count }
        }
        #expect(published == expected(), "\(published.sorted { $0.key < $1.key }) vs \(expected().sorted { $0.key < $1.key })")

        // The JSON holds the same numbers, each with as many items.
        let json = try #require(FileManager.default.contents(atPath: site.output.appendingPathComponent("so-lieu/2019/so-lieu.json").path))
        let root = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        var fromJSON: [String: Int] = [:]
        for figure in root["figures"] as? [[String: Any]] ?? [] {
            for row in figure["rows"] as? [[String: Any]] ?? [] {
                let counts = row["counts"] as? [String: Int] ?? [:], items = row["items"] as? [String: [Any]] ?? [:]
                for (column, count) in counts where count > 0 {
                    fromJSON["\(figure["id"] ?? "")/\(row["key"] ?? "")/\(column)"] = count
                    #expect(items[column]?.count == count)
                }
            }
        }
        #expect(fromJSON == expected())

        // On the page every number links to a list of exactly that many items.
        let page = try #require(site.page("so-lieu/2019/index.html"))
        for (count, anchor) in links(in: page) {
            let list = try #require(section(page, anchor), "#\(anchor)")
            #expect(list.components(separatedBy: "<li>").count - 1 == count, "#\(anchor)")
        }
        #expect(links(in: page).map(\.0).reduce(0, +) == expected().values.reduce(0, +))
        let home = try #require(site.page("index.html"))
        #expect(home.contains("href=\"/dien-hinh/so-lieu/\""))
    }

    @Test func thePhaseCountsEachExemplarOnce() throws {
        let site = try site()
        defer { site.remove() }
        #expect(site.build().published)
        let data = try #require(FileManager.default.contents(atPath: site.output.appendingPathComponent("so-lieu/so-lieu.csv").path))
        var published: [String: Int] = [:]
        for line in String(decoding: data.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n").dropFirst() where !line.isEmpty {
            let fields = Self.csvFields(line)
            if fields[1] == "exemplars-by-unit", let count = Int(fields[7]), count > 0 { published["\(fields[3])/\(fields[5])"] = count }
        }
        var expected: [String: Int] = ["cdcs-truong-thpt-le-thuy/collective": 1, "ban-nu-cong/individual": 1]
        for person in Self.people where person.years.contains(where: (2016...2020).contains) {
            expected["\(person.unit)/\(person.collective ? "collective" : "individual")", default: 0] += 1
        }
        #expect(published == expected)
    }

    /// The fields of a CSV line (RFC 4180: quotes around fields holding commas, `""` for a quote).
    static func csvFields(_ line: String) -> [String] {
        var fields: [String] = [], current = "", quoted = false
        var characters = line.makeIterator()
        while let c = characters.next() {
            switch (c, quoted) {
            case ("\"", true):
                if let next = characters.next() {
                    if next == "\"" { current.append("\"") } else { quoted = false; if next == "," { fields.append(current); current = "" } else { current.append(next) } }
                } else { quoted = false }
            case ("\"", false): quoted = true
            case (",", false): fields.append(current); current = ""
            default: current.append(c)
            }
        }
        fields.append(current)
        return fields
    }

    /// `<a href="#f1-2-1">3</a>` in the tables.
    private func links(in page: String) -> [(Int, String)] {
        page.components(separatedBy: "<td><a href=\"#").dropFirst().compactMap { rest in
            let parts = rest.split(separator: "\"", maxSplits: 1)
            guard parts.count == 2, let close = parts[1].firstIndex(of: "<") else { return nil }
            return Int(parts[1][parts[1].index(after: parts[1].startIndex)..<close]).map { ($0, String(parts[0])) }
        }
    }

    private func section(_ page: String, _ anchor: String) -> String? {
        guard let start = page.range(of: "id=\"\(anchor)\"") else { return nil }
        let rest = page[start.upperBound...]
        return rest.range(of: "</ul>").map { String(rest[..<$0.lowerBound]) }
    }
}
