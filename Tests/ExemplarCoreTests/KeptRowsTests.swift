@testable import ExemplarCore
import Foundation
import Testing

/// Site-wide files a session makes again row by row (`PageRows`): after a unit is renamed,
/// exactly the rows that show the unit are made again (in the exemplars' export, an award
/// list's JSON, a report), and each joined file is the bytes a clean build writes.
@Suite struct KeptRowsTests {
    @Test func unitRenameRemakesTheRowsOfItsMembersOnly() throws {
        let site = try GeneratedSite(count: 160, seed: 11)
        defer { site.remove() }
        let session = SiteSession(options: site.options)
        let first = session.build()
        try #require(first.succeeded)
        let graph = try #require(first.graph)
        // A unit of a few members, and an award with a list of several pages (so with its JSON)
        // that some of them and some others hold.
        func award(sharedBy members: Set<String>) -> String? {
            graph.holdersOfAward.keys.sorted().first { id in
                let holders = Set(graph.holdersOfAward[id] ?? [])
                return holders.count > Planner.pageSize && !holders.isDisjoint(with: members) && !holders.isSubset(of: members)
            }
        }
        let unit = try #require(graph.units.keys.sorted().filter { members(of: $0, in: graph).count > 1 && award(sharedBy: members(of: $0, in: graph)) != nil }
            .min { (members(of: $0, in: graph).count, $0) < (members(of: $1, in: graph).count, $1) })
        let inUnit = members(of: unit, in: graph)
        let award = try #require(award(sharedBy: inUnit))

        try site.renameUnit(unit, to: "Công đoàn đổi tên lần \(site.seed)")
        let report = session.build(changes: [ChangedPath(site.units)])
        try #require(report.succeeded)

        let exports = try #require(report.rowsMade["api/exemplars.json"], "the exemplars' export was not made row by row")
        #expect(Set(exports) == inUnit)
        let awardList = "khen-thuong/\(award)/danh-sach.json"
        let holders = Set(graph.holdersOfAward[award] ?? [])
        #expect(Set(try #require(report.rowsMade[awardList])) == holders.intersection(inUnit))

        // Each report shows the unit on its members' lines; those of the year's report are made again.
        let year = try #require(graph.exemplarsOfYear.keys.sorted().first { !inUnit.isDisjoint(with: graph.exemplarsOfYear[$0] ?? []) })
        let reportPage = "so-lieu/\(year)/bao-cao/index.html"
        #expect(Set(try #require(report.rowsMade[reportPage])) == Set(graph.exemplarsOfYear[year] ?? []).intersection(inUnit))

        // A list's JSON is made of its members' cards, which show their unit: it is made again
        // exactly when the list holds a member of the renamed unit.
        let (plan, _) = Planner.plan(graph)
        let rendered = Set(report.renderedFiles)
        var listsSeen = (with: 0, without: 0)
        for page in plan.pages {
            guard case .listData(let listing) = page.route else { continue }
            let holdsMember = !inUnit.isDisjoint(with: graph.ids(of: listing))
            #expect(rendered.contains(page.outputFile) == holdsMember, "\(page.outputFile)")
            if holdsMember { listsSeen.with += 1 } else { listsSeen.without += 1 }
        }
        #expect(listsSeen.with > 0 && listsSeen.without > 0)

        let fresh = SiteSession(options: site.options, keepsPages: true)
        try #require(fresh.build().succeeded)
        for file in ["api/exemplars.json", awardList, reportPage] {
            let ours = try #require(session.page(at: file)), theirs = try #require(fresh.page(at: file))
            #expect(ours == theirs, "\(file) differs from a clean build's")
            #expect(String(decoding: ours, as: UTF8.self).contains("Công đoàn đổi tên lần \(site.seed)"))
        }
    }

    /// The figures of every year made in one pass, as a build that keeps nothing makes them,
    /// are those made year by year.
    @Test func figuresOfEveryYearAtOnceAreThoseOfEachYear() throws {
        let site = try GeneratedSite(count: 160, seed: 7)
        defer { site.remove() }
        let graph = try #require(SiteSession(options: site.options).build().graph)
        let years = Figures.years(graph)
        let text = { (key: String) in key }
        let together = Figures.compute(years: years, graph: TrackedGraph(base: graph), text: text)
        #expect(years.count > 1)
        for year in years {
            #expect(String(describing: together[year] ?? []) == String(describing: Figures.compute(year: year, graph: graph, text: text)))
        }
    }

    /// Figures are kept per year and figure: a renamed unit computes again only the figures
    /// that show units, a renamed award only the awards by level, and every figures page and
    /// export stays the bytes a clean build writes, back and forth.
    @Test func figuresAreComputedAgainOnlyWhenWhatTheyReadChanged() throws {
        let site = try GeneratedSite(count: 160, seed: 12)
        defer { site.remove() }
        let session = SiteSession(options: site.options)
        let first = session.build()
        try #require(first.succeeded)
        let graph = try #require(first.graph)
        let spans = ["phase"] + Figures.years(graph).map(String.init)
        #expect(Set(first.figuresMade) == Set(spans.flatMap { span in Figure.ID.allCases.map { "\(span)/\($0.rawValue)" } }))

        func expectSameAsCleanBuild(_ edit: String) throws {
            let fresh = SiteSession(options: site.options)
            try #require(fresh.build().succeeded)
            let ours = session.renderedPages(), theirs = fresh.renderedPages()
            let differing = Set(ours.keys).union(theirs.keys).filter { ours[$0] != theirs[$0] }.sorted()
            #expect(differing.isEmpty, "after \(edit), unlike a clean build: \(differing.prefix(5))")
        }
        func figuresMade(after edit: String, _ change: () throws -> URL) throws -> [String: Set<String>] {
            let report = session.build(changes: [ChangedPath(try change())])
            try #require(report.succeeded)
            try expectSameAsCleanBuild(edit)
            return Dictionary(grouping: report.figuresMade) { String($0.split(separator: "/")[1]) }.mapValues { Set($0.map { String($0.split(separator: "/")[0]) }) }
        }

        let units = try Data(contentsOf: site.units)
        let unit = try #require(graph.unitOrder.first { graph.exemplarsOfUnit[$0]?.isEmpty == false })
        let renamed = try figuresMade(after: "a unit renamed") {
            try site.renameUnit(unit, to: "Công đoàn đổi tên \(site.seed)")
            return site.units
        }
        // Every span counts the unit's members by unit; nothing else of a figure reads units but adoptions.
        #expect(renamed[Figure.ID.exemplarsByUnit.rawValue] == Set(spans))
        #expect(Set(renamed.keys).isSubset(of: [Figure.ID.exemplarsByUnit.rawValue, Figure.ID.models.rawValue]))

        let award = try #require(DefaultAwards.all.first { !(graph.holdersOfAward[$0.id] ?? []).isEmpty })
        let awardsMade = try figuresMade(after: "an award renamed") {
            let url = site.content.appendingPathComponent("awards.yml")
            try Data("- { id: \(award.id), name: \"\(award.name) mới\", rank: \(award.rank) }\n".utf8).write(to: url)
            return url
        }
        #expect(Set(awardsMade.keys) == [Figure.ID.awardsByLevel.rawValue])

        let back = try figuresMade(after: "the unit's name put back") {
            try units.write(to: site.units)
            return site.units
        }
        #expect(back[Figure.ID.exemplarsByUnit.rawValue] == Set(spans))
        #expect(back[Figure.ID.awardsByLevel.rawValue] == nil)
    }

    private func members(of unit: String, in graph: SiteGraph) -> Set<String> {
        Set(graph.exemplars.values.filter { $0.unit.value == unit }.map(\.id))
    }
}

/// A corpus from bench/generate_corpus.py with the default theme, built without writing.
private struct GeneratedSite {
    let root: URL
    let seed: Int
    var content: URL { root.appendingPathComponent("content") }
    var units: URL { content.appendingPathComponent("units.yml") }

    init(count: Int, seed: Int) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("exemplar-rows-\(UUID().uuidString)")
        self.seed = seed
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", SiteFixture.repository.appendingPathComponent("bench/generate_corpus.py").path,
                            String(count), content.path, "--seed", String(seed)]
        python.standardOutput = FileHandle.nullDevice
        try python.run()
        python.waitUntilExit()
        try #require(python.terminationStatus == 0, "bench/generate_corpus.py failed")
    }

    var options: BuildOptions {
        var options = BuildOptions(content: content.path, theme: SiteFixture.repository.appendingPathComponent("theme").path,
                                   output: root.appendingPathComponent("public").path)
        options.writeOutput = false
        options.today = CalendarDate(year: 2024, month: 6, day: 1)
        return options
    }

    /// Sets the `name:` of unit `id` in units.yml.
    func renameUnit(_ id: String, to name: String) throws {
        var lines = try String(contentsOf: units, encoding: .utf8).components(separatedBy: "\n")
        let at = try #require(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "- id: \(id)" })
        let nameLine = try #require(lines[(at + 1)...].firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix("name:") })
        lines[nameLine] = "  name: \"\(name)\""
        try Data(lines.joined(separator: "\n").utf8).write(to: units)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}
