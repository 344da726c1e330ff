@testable import ExemplarCore
import Foundation
import Testing

/// The watch that lets a kept session look for hand edits only where the output changed.
@Suite struct OutputWatchTests {
    #if os(Linux)
    @Test func namesWhatChangedUntilSettled() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("exemplar-watch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let page = root.appendingPathComponent("ca-nhan/a/index.html")
        try FileManager.default.createDirectory(at: page.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("trang".utf8).write(to: page)
        let watch = try #require(OutputWatch(root: root.path, folders: ["", "ca-nhan", "ca-nhan/a"]))
        #expect(watch.changes() == [])

        let handle = try FileHandle(forWritingTo: page)
        try handle.write(contentsOf: Data("sửa".utf8))
        try handle.close()
        try Data("lạ".utf8).write(to: root.appendingPathComponent("ca-nhan/la.html"))
        let seen = try #require(watch.changes())
        #expect(seen.contains("ca-nhan/a/index.html"))
        #expect(seen.contains("ca-nhan/la.html") && seen.contains("ca-nhan"), "an added file names its folder too")
        #expect(!seen.contains("ca-nhan/a"), "a file rewritten in place leaves its folder's entries as they were")

        try FileManager.default.removeItem(at: root.appendingPathComponent("ca-nhan/la.html"))
        watch.settle(seen)
        #expect(watch.changes() == ["ca-nhan/la.html", "ca-nhan"], "a change seen after the settled ones is kept")

        try FileManager.default.moveItem(at: root, to: root.appendingPathExtension("moved"))
        defer { try? FileManager.default.removeItem(at: root.appendingPathExtension("moved")) }
        #expect(watch.changes() == nil, "the output moved away: what it holds is not known")
    }

    /// A session trusts its published files between builds only while it watches them: a page
    /// rewritten by hand deep in the site is still found and published again as built.
    @Test func sessionWatchesItsOutput() throws {
        let site = try SiteFixture(SiteFixture.basic)
        defer { site.remove() }
        let session = SiteSession(options: site.options())
        #expect(session.build().succeeded)
        #expect(session.watchesOutput)
        let pages = session.pageFiles.filter { $0.hasSuffix("/index.html") && $0.split(separator: "/").count >= 3 }
        let profile = try #require(pages.first { $0.hasPrefix("ca-nhan/") })
        let other = try #require(pages.first { !$0.hasPrefix("ca-nhan/") })
        let url = site.output.appendingPathComponent(other)
        let good = try Data(contentsOf: url)
        let handle = try FileHandle(forWritingTo: url)
        try handle.write(contentsOf: Data("sửa tay".utf8))
        try handle.close()

        let id = profile.dropFirst("ca-nhan/".count).dropLast("/index.html".count)
        let file = site.content.appendingPathComponent("individuals/\(id).md")
        try Data((try String(contentsOf: file, encoding: .utf8) + "\nThêm một đoạn.\n").utf8).write(to: file)
        let report = session.build(changes: [ChangedPath(file)])
        #expect(report.publishedInPlace)
        #expect(try Data(contentsOf: url) == good, "\(other), edited by hand, must be published as built")
        #expect(session.watchesOutput)
    }
    #endif
}
