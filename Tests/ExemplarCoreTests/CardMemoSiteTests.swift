@testable import ExemplarCore
import Foundation
import Testing

/// Every page of a whole site, rendered with cards kept across pages (`PartialMemo`), must
/// be byte for byte the page rendered with every card made afresh.
@Suite struct CardMemoSiteTests {
    @Test func sampleSite() throws {
        try compare(content: SiteFixture.repository.appendingPathComponent("content"))
    }

    @Test func generatedCorpus() throws {
        let corpus = FileManager.default.temporaryDirectory.appendingPathComponent("exemplar-memo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: corpus) }
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", SiteFixture.repository.appendingPathComponent("bench/generate_corpus.py").path,
                            "120", corpus.path, "--seed", "7"]
        python.standardOutput = FileHandle.nullDevice
        try python.run()
        python.waitUntilExit()
        try #require(python.terminationStatus == 0, "bench/generate_corpus.py failed")
        try compare(content: corpus)
    }

    private func compare(content: URL) throws {
        var options = BuildOptions(content: content.path, theme: SiteFixture.repository.appendingPathComponent("theme").path,
                                   output: FileManager.default.temporaryDirectory.appendingPathComponent("unused").path)
        options.writeOutput = false
        let graph = try #require(Builder.build(options).graph)
        let (loaded, _) = Theme.load(from: SiteFixture.repository.appendingPathComponent("theme"), displayPath: "theme",
                                     language: graph.site.language)
        let theme = try #require(loaded)
        let (plan, _) = Planner.plan(graph)
        let kept = PageRenderer(graph: graph, plan: plan, theme: theme, today: options.today)
        let fresh = PageRenderer(graph: graph, plan: plan, theme: theme, today: options.today, memoisesCards: false)
        let pages = plan.pages.filter { $0.route != .searchIndex }
        var cardsSeen = 0
        // Twice: the first round keeps cards from their second use, the second reuses them everywhere.
        for round in 1...2 {
            for page in pages {
                let a = kept.render(page).text, b = fresh.render(page).text
                #expect(a == b, "round \(round): /\(page.path)")
                cardsSeen += (a ?? "").components(separatedBy: "class=\"card").count - 1
            }
        }
        #expect(cardsSeen > 0)
        #expect(try #require(kept.partials).kept > 0)
    }
}
