import ExemplarCore
import Foundation
import Testing

/// Every address an author writes, in a body or in front matter, resolves on the built site.
@Suite struct LinkTests {
    private func built(_ extra: [String: String]) throws -> SiteFixture {
        var files = SiteFixture.basic
        files.merge(extra) { _, new in new }
        let site = try SiteFixture(files)
        let report = site.build()
        #expect(report.published, "\(report.diagnostics.filter { $0.severity == .error })")
        return site
    }

    @Test func siteLinkWithoutTrailingSlashGetsThePageAddress() throws {
        let site = try built(["pages/lien-ket.md": """
            ---
            title: Liên kết
            ---
            [Sổ tay](/mo-hinh/so-tay-nu-cong-dien-tu) · [Khen thưởng](/khen-thuong#dau) · [Tập thể](/tap-the/)
            """])
        defer { site.remove() }
        let page = try #require(site.page("lien-ket/index.html"))
        #expect(page.contains("href=\"/dien-hinh/mo-hinh/so-tay-nu-cong-dien-tu/\""))
        #expect(page.contains("href=\"/dien-hinh/khen-thuong/#dau\""))
        #expect(page.contains("href=\"/dien-hinh/tap-the/\""))
    }
}
