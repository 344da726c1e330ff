import ExemplarCore
import Foundation
import Testing

/// A session publishing in place swaps each changed file with its new version and keeps the
/// old one beside the output, to write the next version over it: an edit made again and
/// again creates no files. An old file someone still reads is never written over.
@Suite struct InPlaceSpareTests {
    private static let page = "ca-nhan/nguyen-thi-hoa/index.html"

    private func inode(_ url: URL) throws -> UInt64 {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        return try #require(attributes[.systemFileNumber] as? UInt64)
    }

    /// Writes the profile's body anew and rebuilds, naming the file.
    private func edit(_ site: SiteFixture, _ session: SiteSession, _ text: String) throws {
        let path = "individuals/nguyen-thi-hoa.md"
        let original = try #require(SiteFixture.basic[path])
        try site.write(path, original + "\n\(text)\n")
        let report = session.build(changes: [ChangedPath(site.content.appendingPathComponent(path))])
        try #require(report.succeeded)
        #expect(report.publishedInPlace)
        #expect(site.page(Self.page)?.contains(text) == true)
    }

    @Test func aPageChangedAgainIsWrittenOverItsOldFile() throws {
        let site = try SiteFixture(SiteFixture.basic)
        defer { site.remove() }
        let session = SiteSession(options: site.options())
        #expect(session.build().succeeded)
        let published = site.output.appendingPathComponent(Self.page)
        let first = try inode(published)
        try edit(site, session, "Lần sửa thứ nhất.")
        let second = try inode(published)
        #expect(second != first, "the new page is swapped in as another file")
        try edit(site, session, "Lần sửa thứ hai.")
        #expect(try inode(published) == first, "the file the first edit swapped out is written over and swapped back")
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent(".public.staging-\(getpid())").path))
    }

    @Test func anOldPageStillReadIsNotWrittenOver() throws {
        let site = try SiteFixture(SiteFixture.basic)
        defer { site.remove() }
        let session = SiteSession(options: site.options())
        #expect(session.build().succeeded)
        let published = site.output.appendingPathComponent(Self.page)
        let before = try Data(contentsOf: published)
        let first = try inode(published)
        // A reader that opened the page before the edits, as the server does for a slow client.
        let reader = try FileHandle(forReadingFrom: published)
        defer { try? reader.close() }
        try edit(site, session, "Lần sửa thứ nhất.")
        try edit(site, session, "Lần sửa thứ hai.")
        #expect(try inode(published) != first, "a file still open elsewhere is not written over")
        #expect(try reader.readToEnd() == before, "the reader still gets the whole page it opened")
    }
}
