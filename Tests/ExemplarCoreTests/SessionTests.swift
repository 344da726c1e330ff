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
}
