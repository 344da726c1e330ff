@testable import ExemplarCore
import Foundation
import Testing

/// Site-wide files a session makes again row by row (`PageRows`): after a unit is renamed,
/// exactly the rows that show the unit are made again (in the exemplars' export, an award
/// list's JSON, a report), and each joined file is the bytes a clean build writes.
@Suite struct KeptRowsTests {
    @Test func unitRenameRemakesTheRowsOfItsMembersOnly() throws {
        let site = try GeneratedSite(count: 80, seed: 11)
        defer { site.remove() }
        let session = SiteSession(options: site.options)
        let first = session.build()
        try #require(first.succeeded)
        let graph = try #require(first.graph)
        // The unit with the most members, and an award some of them and some others hold.
        let unit = try #require(graph.units.keys.sorted().max { (members(of: $0, in: graph).count, $1) < (members(of: $1, in: graph).count, $0) })
        let inUnit = members(of: unit, in: graph)
        try #require(inUnit.count > 1 && inUnit.count < graph.exemplars.count)
        let award = try #require(graph.holdersOfAward.keys.sorted().first { id in
            let holders = Set(graph.holdersOfAward[id] ?? [])
            return !holders.isDisjoint(with: inUnit) && !holders.isSubset(of: inUnit)
        })

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

        let fresh = SiteSession(options: site.options, keepsPages: true)
        try #require(fresh.build().succeeded)
        for file in ["api/exemplars.json", awardList, reportPage] {
            let ours = try #require(session.page(at: file)), theirs = try #require(fresh.page(at: file))
            #expect(ours == theirs, "\(file) differs from a clean build's")
            #expect(String(decoding: ours, as: UTF8.self).contains("Công đoàn đổi tên lần \(site.seed)"))
        }
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
