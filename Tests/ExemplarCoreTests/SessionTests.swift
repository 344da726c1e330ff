import ExemplarCore
import Foundation
import Testing

/// What a server reads from a kept session: the last good pages, and where static files come from.
@Suite struct SessionTests {
    @Test func brokenContentKeepsTheLastGoodPages() throws {
        let site = try SiteFixture(SiteFixture.basic)
        defer { site.remove() }
        let session = SiteSession(options: site.options(write: false))
        let first = session.build()
        #expect(first.succeeded)
        let page = try #require(session.pageFiles.first { $0.hasPrefix("ca-nhan/") && $0.split(separator: "/").count == 3 })
        let good = try #require(session.page(at: page))
        let id = String(page.dropFirst("ca-nhan/".count).dropLast("/index.html".count))
        let file = site.content.appendingPathComponent("individuals/\(id).md")
        let original = try String(contentsOf: file, encoding: .utf8)

        try Data(original.replacingOccurrences(of: "\nname: ", with: "\nname: [không đóng ").utf8).write(to: file)
        let broken = session.build(changes: [ChangedPath(file)])
        #expect(!broken.succeeded)
        #expect(session.page(at: page) == good, "a failed rebuild must leave the served pages as they were")

        try Data((original + "\nMột đoạn mới về thành tích.\n").utf8).write(to: file)
        let fixed = session.build(changes: [ChangedPath(file)])
        #expect(fixed.succeeded)
        #expect(fixed.renderedFiles.contains(page))
        #expect(fixed.changedFiles.contains(page))
        let updated = try #require(session.page(at: page))
        #expect(String(decoding: updated, as: UTF8.self).contains("Một đoạn mới về thành tích."))
        #expect(fixed.renderedFiles.count < session.pageFiles.count, "a body edit renders its own page, not the site")
    }

    /// An award page's summary (collectives, years) is one input made from all its holders:
    /// a holder's grant moved to another year changes it as a fresh build does.
    @Test func anAwardPageFollowsItsHoldersGrants() throws {
        let site = try SiteFixture(SiteFixture.basic)
        defer { site.remove() }
        let session = SiteSession(options: site.options(write: false))
        #expect(session.build().succeeded)
        let page = "khen-thuong/bang-khen-ldld-tinh/index.html"
        let before = try #require(session.page(at: page))
        let file = site.content.appendingPathComponent("collectives/cdcs-truong-thpt-le-thuy.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        let moved = text.replacingOccurrences(of: "year: 2019, decision: \"88/QĐ-LĐLĐ\", date: 2019-11-02",
                                              with: "year: 2020, decision: \"88/QĐ-LĐLĐ\", date: 2020-11-02")
        #expect(moved != text)
        try Data(moved.utf8).write(to: file)
        #expect(session.build(changes: [ChangedPath(file)]).succeeded)
        let fresh = SiteSession(options: site.options(write: false))
        #expect(fresh.build().succeeded)
        let after = try #require(session.page(at: page))
        #expect(after != before, "the grant's year shows on the award page")
        #expect(after == fresh.page(at: page))
    }

    /// The session keeps digests, not bytes: a published page edited by hand is made again
    /// rather than trusted, and a page kept unchanged is published without being rewritten.
    @Test func pageEditedInTheOutputIsMadeAgain() throws {
        let site = try SiteFixture(SiteFixture.basic)
        defer { site.remove() }
        let session = SiteSession(options: site.options())
        #expect(session.build().succeeded)
        let home = site.output.appendingPathComponent("index.html")
        let good = try Data(contentsOf: home)
        let profile = try #require(session.pageFiles.first { $0.hasPrefix("ca-nhan/") && $0.split(separator: "/").count == 3 })
        let sitemap = site.output.appendingPathComponent("sitemap.xml").path
        let kept = try FileManager.default.attributesOfItem(atPath: sitemap)[.systemFileNumber] as? Int

        try Data("sửa tay".utf8).write(to: home)
        let id = profile.dropFirst("ca-nhan/".count).dropLast("/index.html".count)
        let file = site.content.appendingPathComponent("individuals/\(id).md")
        try Data((try String(contentsOf: file, encoding: .utf8) + "\nThêm một đoạn.\n").utf8).write(to: file)
        let report = session.build(changes: [ChangedPath(file)])
        #expect(report.succeeded)
        #expect(try Data(contentsOf: home) == good, "the hand-edited page must be published as built")
        #expect(session.page(at: "index.html") == good)
        #expect(!report.renderedFiles.contains("sitemap.xml"))
        let after = try FileManager.default.attributesOfItem(atPath: sitemap)[.systemFileNumber] as? Int
        #expect(kept != nil && kept == after, "an unchanged page is linked into the new output, not written again")
    }

    @Test func staticFilesPointAtTheirSources() throws {
        let site = try SiteFixture(SiteFixture.basic)
        defer { site.remove() }
        let session = SiteSession(options: site.options(write: false))
        #expect(session.build().succeeded)
        let style = try #require(session.staticSource(at: "assets/style.css"))
        #expect(FileManager.default.fileExists(atPath: style.path))
        #expect(session.staticSource(at: "assets") == nil)
        #expect(session.staticSource(at: "index.html") == nil)
    }

    /// The basic site with a copy of the default theme of its own, to edit, and its layout template.
    private static func siteWithOwnTheme() throws -> (SiteFixture, BuildOptions, URL) {
        let site = try SiteFixture(SiteFixture.basic)
        let theme = site.root.appendingPathComponent("theme")
        try FileManager.default.copyItem(at: SiteFixture.repository.appendingPathComponent("theme"), to: theme)
        var options = site.options()
        options.theme = theme
        return (site, options, theme.appendingPathComponent("templates/layout.mustache"))
    }

    /// A template edit renders the whole site into the spare copy of the site two builds old,
    /// writing over its files: pages that grew and pages that shrank must be exactly as a
    /// clean build makes them, with nothing of the longer old files left at their end.
    @Test func wholeSiteRebuildsOverTheSpareEqualCleanBuilds() throws {
        let (site, options, layout) = try Self.siteWithOwnTheme()
        defer { site.remove() }
        let session = SiteSession(options: options)
        #expect(session.build().succeeded)
        let original = try String(contentsOf: layout, encoding: .utf8)
        let long = "<!-- " + String(repeating: "một chú thích dài ", count: 300) + "-->"
        // Long, short, long, short: each rebuild writes over the site two builds old.
        for (step, extra) in [long, "", long, "<!-- 1 -->", ""].enumerated() {
            try Data(original.replacingOccurrences(of: "<footer", with: extra + "<footer").utf8).write(to: layout)
            let report = session.build(changes: [ChangedPath(layout)])
            #expect(report.succeeded)
            var clean = options
            clean.output = site.root.appendingPathComponent("clean-\(step)")
            #expect(Builder.build(clean).succeeded)
            let built = try SampleLab.tree(at: site.output), expected = try SampleLab.tree(at: clean.output)
            #expect(built.keys.sorted() == expected.keys.sorted(), "step \(step): the same files")
            let differing = expected.keys.filter { built[$0] != expected[$0] }.sorted()
            #expect(differing.isEmpty, "step \(step): files differing from a clean build: \(differing.prefix(5))")
        }
    }

    /// A visitor's download that opened a page before two template edits still gets that whole
    /// page: the second edit writes over the site two builds old, but not over a file still open.
    @Test func aPageStillReadIsNotWrittenOverBySpareRebuilds() throws {
        let (site, options, layout) = try Self.siteWithOwnTheme()
        defer { site.remove() }
        let session = SiteSession(options: options)
        #expect(session.build().succeeded)
        let page = site.output.appendingPathComponent("ca-nhan/nguyen-thi-hoa/index.html")
        let before = try Data(contentsOf: page)
        let reader = try FileHandle(forReadingFrom: page)
        defer { try? reader.close() }
        let original = try String(contentsOf: layout, encoding: .utf8)
        for mark in ["<!-- lần sửa thứ nhất -->", "<!-- lần sửa thứ hai -->"] {
            try Data(original.replacingOccurrences(of: "<footer", with: mark + "<footer").utf8).write(to: layout)
            #expect(session.build(changes: [ChangedPath(layout)]).succeeded)
            #expect(site.page("ca-nhan/nguyen-thi-hoa/index.html")?.contains(mark) == true)
        }
        #expect(try reader.readToEnd() == before, "the reader gets the whole page it opened")
    }

    /// The output's marker removed by hand: the folder is still the session's own (it holds its
    /// lock), so the next rebuild publishes as a fresh build would and writes the marker again.
    @Test func markerRemovedByHandIsWrittenAgain() throws {
        let site = try SiteFixture(SiteFixture.basic)
        defer { site.remove() }
        let session = SiteSession(options: site.options())
        #expect(session.build().succeeded)
        let marker = site.output.appendingPathComponent(".exemplar-output")
        try FileManager.default.removeItem(at: marker)
        let report = session.build()
        #expect(report.diagnostics.filter { $0.code == "unsafe-output" }.isEmpty, "\(report.diagnostics)")
        #expect(report.succeeded)
        #expect(FileManager.default.fileExists(atPath: marker.path))
    }
}
