import ExemplarCore
import Foundation
import Testing

/// Replication at a glance: each model's spread by year (a chart and its table), and a models
/// catalogue that shows the field and filters by field, kind and unit.
@Suite struct VisitorModelsTests {
    typealias Built = VisitorDataTests.Built

    /// A model taken up over three years, one unit without a year.
    static let spreading = """
    ---
    title: Tổ tư vấn pháp luật lưu động
    kind: model
    unit: ldld-huyen-le-thuy
    year: 2017
    fields: [nu-cong]
    adopted_by:
      - { unit: ban-nu-cong, year: 2019, note: Áp dụng cho khối cơ quan }
      - { unit: cdcs-truong-thpt-le-thuy, year: 2018 }
      - { unit: ban-to-chuc, year: 2019 }
      - { unit: ban-kiem-tra }
    ---
    Tổ đi đến từng công đoàn cơ sở.
    """

    static let units = SiteFixture.basic["units.yml", default: ""] + """

    - { id: ban-to-chuc, name: Ban Tổ chức, kind: department }
    - { id: ban-kiem-tra, name: Ban Kiểm tra, kind: department }
    """

    @Test func aModelPageShowsWhereAndWhenItSpread() throws {
        let (site, unseen) = try VisitorDataTests.fixture(["models/to-tu-van.md": Self.spreading, "units.yml": Self.units])
        defer { site.remove() }
        let sample = try VisitorDataTests.sample()
        defer { sample.remove() }
        var checked = 0
        for built in [sample, unseen] {
            for item in built.graph.initiatives.values where !item.adoptedBy.isEmpty {
                let html = try #require(built.page("mo-hinh/\(item.id)/index.html"))
                let figure = try #require(html.components(separatedBy: "<figure class=\"spread\">").dropFirst().first)
                let chart = figure.components(separatedBy: "</figure>")[0]
                #expect(chart.contains("<svg") && chart.contains("<figcaption>"), "\(item.id)")
                let table = try #require(figure.components(separatedBy: "<table class=\"spread-table\">").dropFirst().first)
                let rows = table.components(separatedBy: "</table>")[0].components(separatedBy: "<tr>").dropFirst().dropFirst()
                // Expected from the content: years in order, units without a year last.
                let years = Array(Set(item.adoptedBy.compactMap(\.year))).sorted()
                let groups = years.map { year in item.adoptedBy.filter { $0.year == year } }
                    + (item.adoptedBy.contains { $0.year == nil } ? [item.adoptedBy.filter { $0.year == nil }] : [])
                #expect(rows.count == groups.count, "\(item.id): \(rows.count) rows")
                #expect(chart.components(separatedBy: "<rect class=\"k0\"").count - 1 == groups.count, "\(item.id): one bar a year")
                var total = 0
                for (row, group) in zip(rows, groups) {
                    total += group.count
                    if let year = group.first?.year { #expect(row.hasPrefix("<th scope=\"row\">\(year)</th>"), "\(item.id): \(row.prefix(40))") }
                    for adoption in group {
                        let name = try #require(built.graph.units[adoption.unit.value]).name
                        #expect(row.contains(name), "\(item.id): \(name) in \(row.prefix(60))")
                        if let note = adoption.note { #expect(row.contains(note)) }
                    }
                    #expect(row.contains("<td>\(group.count)</td><td>\(total)</td>"), "\(item.id): counts in \(row)")
                }
                checked += 1
            }
        }
        #expect(checked > 2)
        let page = try #require(unseen.page("mo-hinh/to-tu-van/index.html"))
        #expect(page.contains("Chưa rõ năm"), "adoptions without a year have their own row")
    }

    @Test func theCatalogueShowsTheFieldAndFiltersByFieldKindAndUnitOverEveryPage() throws {
        var files: [String: String] = ["units.yml": Self.units]
        for index in 0..<30 {
            let unit = index < 20 ? "ban-nu-cong" : "cdcs-truong-thpt-le-thuy"
            let kind = index % 3 == 0 ? "initiative" : "model"
            let fields = index == 29 ? "[to-chuc]" : "[nu-cong]"
            files["models/m\(index).md"] = "---\ntitle: Mô hình số \(index)\nkind: \(kind)\nunit: \(unit)\nfields: \(fields)\n---\nX\n"
        }
        let (site, built) = try VisitorDataTests.fixture(files)
        defer { site.remove() }
        let first = try #require(built.page("mo-hinh/index.html"))
        #expect(built.page("mo-hinh/trang/2/index.html") != nil, "the catalogue has a second page")
        // Choices that narrow the list, labelled in words.
        let options = try #require(try FilterOptions.of(first, output: built.output, base: built.base))
        #expect(first.contains("<select name=\"kind\">") && options.contains("kind", value: "initiative", label: "Sáng kiến"))
        #expect(options.contains("field", value: "to-chuc", label: "Tổ chức"), "the field of a model on page 2 is offered")
        #expect(options.values("unit").contains("cdcs-truong-thpt-le-thuy"))
        #expect(options.values("unit").contains("ldld-huyen-le-thuy"), "a unit above matches the models below it")
        // Cards show the field.
        let cards = first.components(separatedBy: "<li class=\"card\"").dropFirst()
        #expect(cards.count == Planner.pageSize)
        for card in cards { #expect(card.contains("Nữ công") || card.contains("Tổ chức")) }
        // The whole catalogue, for the filter.
        let source = try #require(VisitorDataTests.matches(#"data-source="([^"]+)""#, in: first).first)
        let data = try #require(built.page(String(source.dropFirst(built.base.count)))?.data(using: .utf8))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let items = try #require(json["items"] as? [[String: Any]])
        #expect(Set(items.compactMap { $0["url"] as? String }) == Set(built.graph.initiatives.keys.map { built.base + "mo-hinh/\($0)/" }))
        for item in items {
            let id = try #require((item["url"] as? String)?.split(separator: "/").last.map(String.init))
            let model = try #require(built.graph.initiatives[id])
            let match = try #require(item["match"] as? [String: Any])
            #expect(match["kind"] as? String == model.kind.rawValue)
            #expect(match["field"] as? String ?? "" == model.fields.map(\.value).joined(separator: " "))
            #expect((match["unit"] as? String)?.split(separator: " ").first.map(String.init) == model.unit.value)
        }
    }
}
