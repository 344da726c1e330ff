import ExemplarCore
import Foundation
import Testing

/// A list's filter options live in one choices file per list (`bo-loc.json`), not in each of
/// its pages: a page names only the units and awards its cards show, and renaming a unit
/// changes the choices file, not every page of every list that offers it.
@Suite struct ListChoicesTests {
    /// Three districts of 25 grassroots unions each, one person in each union, all of 2019;
    /// the first two of each district hold a Bằng khen Tổng LĐLĐ (ListFilterScaleTests.site).
    static let districts = ListFilterScaleTests.districts
    static let districtNames = (1...districts.count).map { "LĐLĐ số \($0)" }
    static let award = "Bằng khen Tổng LĐLĐ Việt Nam"

    /// The people shown on a page, by the number of their union and of its district.
    private static func people(on page: String) -> [(school: Int, district: Int)] {
        VisitorDataTests.matches(#"Người ([0-9]+ của [0-9]+)<"#, in: page).compactMap { name in
            let parts = name.components(separatedBy: " của ").compactMap { Int($0) }
            return parts.count == 2 ? (parts[0], parts[1]) : nil
        }
    }

    @Test func aListPageNamesOnlyWhatItsCardsShowAndTheChoicesFileHoldsTheRest() throws {
        let site = try ListFilterScaleTests.site()
        defer { site.remove() }
        let run = try Executable.run(["build", "--content", site.content.path, "--output", site.output.path,
                                      "--theme", SiteFixture.repository.appendingPathComponent("theme").path], in: site.root)
        #expect(run.status == 0, "\(run.stderr)")
        var pages = ["nam/2019/index.html"]
        for page in 2...4 { pages.append("nam/2019/trang/\(page)/index.html") }
        var files: Set<String> = []
        for path in pages {
            let page = try #require(site.page(path), "\(path)")
            let people = Self.people(on: page)
            #expect(!people.isEmpty, "\(path)")
            // Grassroots cards name their own union, never the district above it.
            for name in Self.districtNames {
                #expect(!page.contains(name), "\(path) names \(name), which no card shows")
            }
            for district in 1...Self.districts.count {
                for school in 1...ListFilterScaleTests.perDistrict {
                    let union = "Công đoàn cơ sở \(school) thuộc \(district)<"
                    let shown = people.contains { $0 == (school, district) }
                    #expect(page.contains(union) == shown, "\(path): \(union) shown \(shown)")
                }
            }
            // Its holders: the first two of each district, and the basic site's Nguyễn Thị Hoa.
            let holders = people.contains { $0.school <= 2 } || page.contains(">Nguyễn Thị Hoa<")
            #expect(page.contains(Self.award) == holders, "\(path): the award is named only on a holder's card")
            // The form is there, with its selects, for the script to fill.
            #expect(page.contains("<select name=\"unit\">") && page.contains("<select name=\"award\">"))
            let options = try #require(try FilterOptions.of(page, output: site.output, base: "/dien-hinh/"), "\(path)")
            files.insert(options.file)
            for (number, district) in Self.districts.enumerated() {
                #expect(options.contains("unit", value: district, label: Self.districtNames[number]), "\(options.selects)")
            }
            #expect(options.contains("award", value: "bang-khen-tong-ldld", label: Self.award))
        }
        #expect(files == ["nam/2019/bo-loc.json"], "one choices file serves every page of the list")
        // A list on one page has its choices file too.
        let award = try #require(site.page("khen-thuong/bang-khen-tong-ldld/index.html"))
        #expect(!award.contains("trang/2/"))
        let options = try #require(try FilterOptions.of(award, output: site.output, base: "/dien-hinh/"))
        #expect(options.file == "khen-thuong/bang-khen-tong-ldld/bo-loc.json")
        let holderUnions = Self.districts.flatMap { district in (1...2).map { "cdcs-\(district)-\($0)" } }
        #expect(Set(Self.districts + holderUnions).isSubset(of: options.values("unit")), "\(options.selects)")
    }

    /// A renamed district is a new label in the choices files; the list pages, which do not
    /// show it, are not rendered again, and what the session serves is what a fresh build gives.
    @Test func aRenamedUnitRendersTheChoicesFilesNotTheListPages() throws {
        let site = try ListFilterScaleTests.site()
        defer { site.remove() }
        let session = SiteSession(options: site.options(write: false))
        #expect(session.build().succeeded)
        let units = site.content.appendingPathComponent("units.yml")
        let text = try String(contentsOf: units, encoding: .utf8)
        let renamed = text.replacingOccurrences(of: "name: LĐLĐ số 3,", with: "name: LĐLĐ thị xã Ba Đồn,")
        #expect(renamed != text)
        try Data(renamed.utf8).write(to: units)
        let report = session.build(changes: [ChangedPath(units)])
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(report.changedFiles.contains("nam/2019/bo-loc.json"))
        #expect(report.changedFiles.contains("khen-thuong/bang-khen-tong-ldld/bo-loc.json"))
        let lists = report.renderedFiles.filter { $0.hasPrefix("nam/2019/") && $0.hasSuffix(".html") }
        #expect(lists.isEmpty, "\(lists)")
        let choices = String(decoding: try #require(session.page(at: "nam/2019/bo-loc.json")), as: UTF8.self)
        #expect(choices.contains("\"LĐLĐ thị xã Ba Đồn\"") && !choices.contains("LĐLĐ số 3"))

        let fresh = SiteSession(options: site.options(write: false))
        #expect(fresh.build().succeeded)
        #expect(fresh.pageFiles == session.pageFiles)
        for file in fresh.pageFiles { #expect(session.page(at: file) == fresh.page(at: file), "\(file)") }
    }
}
