import ExemplarCore
import Foundation
import Testing

/// The unit choice of a list's filter stays short however many units the site has: every page
/// of the list carries it, so thousands of grassroots unions would make each page hundreds of
/// kilobytes. A list over many units offers the units at the top of the tree, each of which
/// matches the exemplars below it; a list over few still offers every unit.
@Suite struct ListFilterScaleTests {
    static let districts = ["ldld-huyen-quang-ninh", "ldld-huyen-bo-trach", "ldld-thi-xa-ba-don"]
    static let perDistrict = 25

    static func site() throws -> SiteFixture {
        var files = SiteFixture.basic
        var units = files["units.yml"] ?? ""
        for (number, district) in districts.enumerated() {
            units += "\n- { id: \(district), name: LĐLĐ số \(number + 1), kind: district }"
            for school in 1...perDistrict {
                let id = "cdcs-\(district)-\(school)"
                units += "\n- { id: \(id), name: Công đoàn cơ sở \(school) thuộc \(number + 1), kind: grassroots, parent: \(district) }"
                // The first two of each district also hold an award, for a list over few units.
                let award = school <= 2 ? "\nawards:\n  - { award: bang-khen-tong-ldld, year: 2019, decision: \"\(school)/QĐ\", date: 2019-06-01 }" : ""
                files["individuals/nguoi-\(district)-\(school).md"] = """
                ---
                name: Người \(school) của \(number + 1)
                unit: \(id)
                position: Giáo viên
                scope: field
                years: [2019]\(award)
                summary: Điển hình của đơn vị.
                ---
                Nội dung.
                """
            }
        }
        files["units.yml"] = units
        return try SiteFixture(files)
    }

    private static func unitChoices(_ page: String, in site: SiteFixture) throws -> [String] {
        try FilterOptions.of(page, output: site.output, base: "/dien-hinh/")?.values("unit") ?? []
    }

    @Test func aListOverManyUnitsOffersTheUnitsAtTheTop() throws {
        let site = try Self.site()
        defer { site.remove() }
        let report = site.build()
        #expect(report.published, "\(report.diagnostics)")
        for path in ["nam/2019/index.html", "nam/2019/trang/2/index.html"] {
            let page = try #require(site.page(path))
            let choices = try Self.unitChoices(page, in: site)
            #expect(Set(Self.districts).isSubset(of: choices), "\(path): \(choices)")
            #expect(!choices.contains { $0.hasPrefix("cdcs-ldld") }, "\(path): \(choices)")
            #expect(choices.count < 10, "\(path): \(choices)")
        }
        // A district chosen finds the exemplars of the unions below it: their cards carry it.
        let first = try #require(site.page("nam/2019/index.html"))
        let cards = first.components(separatedBy: "data-unit=\"").dropFirst().compactMap { $0.split(separator: "\"").first }
        let grassroots = cards.filter { $0.hasPrefix("cdcs-ldld") }
        #expect(!grassroots.isEmpty)
        #expect(grassroots.allSatisfy { card in Self.districts.contains { card.hasSuffix(" " + $0) } }, "\(grassroots)")
    }

    @Test func aListOverFewUnitsOffersEveryUnit() throws {
        let site = try Self.site()
        defer { site.remove() }
        #expect(site.build().published)
        let page = try #require(site.page("khen-thuong/bang-khen-tong-ldld/index.html"))
        let choices = try Self.unitChoices(page, in: site)
        for district in Self.districts {
            #expect(choices.contains(district), "\(choices)")
            #expect(choices.contains("cdcs-\(district)-1") && choices.contains("cdcs-\(district)-2"), "\(choices)")
        }
    }
}
