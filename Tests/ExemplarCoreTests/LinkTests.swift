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

    @Test func headingsCarryTheIdsFragmentLinksName() throws {
        let site = try built([
            "pages/cach-lam.md": "---\ntitle: Cách làm\n---\n## Kết quả\n\nA\n\n## Kết quả\n\nB\n\n## Khen thưởng `2019`\n",
            "individuals/nguyen-thi-hoa.md": SiteFixture.basic["individuals/nguyen-thi-hoa.md"]!
                + "\n\n## Awards\n\nXem [kết quả](../pages/cach-lam.md#ket-qua).\n",
        ])
        defer { site.remove() }
        let page = try #require(site.page("cach-lam/index.html"))
        #expect(page.contains("<h2 id=\"ket-qua\">Kết quả</h2>"))
        #expect(page.contains("<h2 id=\"ket-qua-2\">Kết quả</h2>"), "a repeated heading gets its own id")
        #expect(page.contains("<h2 id=\"khen-thuong-2019\">Khen thưởng <code>2019</code></h2>"))
        let profile = try #require(site.page("ca-nhan/nguyen-thi-hoa/index.html"))
        #expect(profile.contains("href=\"/dien-hinh/cach-lam/#ket-qua\""))
        // The theme's own `id="awards"` section stays the only one with that id.
        #expect(profile.components(separatedBy: "id=\"awards\"").count == 2)
        #expect(profile.contains("<h2 id=\"awards-2\">Awards</h2>"))
    }

    @Test func mediaFileNamesAreEncodedInAddresses() throws {
        var files = SiteFixture.basic
        files["models/so-tay-nu-cong-dien-tu.md"] = SiteFixture.basic["models/so-tay-nu-cong-dien-tu.md"]!
            .replacingOccurrences(of: "adopted_by:", with: "attachments: [\"media/tai lieu/Báo cáo #1.pdf\"]\nadopted_by:")
        let site = try SiteFixture(files)
        defer { site.remove() }
        try site.write("media/tai lieu/Báo cáo #1.pdf", Data("%PDF-1.4\n".utf8))
        let report = site.build()
        #expect(report.published, "\(report.diagnostics)")
        let page = try #require(site.page("mo-hinh/so-tay-nu-cong-dien-tu/index.html"))
        #expect(page.contains("href=\"/dien-hinh/media/tai%20lieu/B%C3%A1o%20c%C3%A1o%20%231.pdf\""))
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("media/tai lieu/Báo cáo #1.pdf").path))
    }

    /// A `#fragment` must name an id of its target: a heading of that body or one the theme
    /// writes. One that does not is a warning at the link, with the nearest id suggested.
    @Test func fragmentsThatMatchNoIdAreReported() throws {
        var files = SiteFixture.basic
        files["pages/cach-lam.md"] = "---\ntitle: Cách làm\n---\n## Kết quả\n\nA\n"
        files["individuals/nguyen-thi-hoa.md"] = SiteFixture.basic["individuals/nguyen-thi-hoa.md"]! + """


            ## Thành tích

            Xem [kết quả](../pages/cach-lam.md#ket-qua), [sai](../pages/cach-lam.md#ket-qa),
            [đầu trang](../pages/cach-lam.md#main), [thành tích](#thanh-tich), [khen](#awards),
            [lỗi](#thanh-tch) và [không có](../pages/cach-lam.md#khong-co-gi-het).

            | Mục | Liên kết |
            | --- | --- |
            | A | [ô](#thanh-tich-x) |
            """
        let site = try SiteFixture(files)
        defer { site.remove() }
        let report = site.build()
        #expect(report.published, "a broken anchor is a warning: the page still opens")
        let found = report.diagnostics.filter { $0.code == "broken-anchor" }
        #expect(found.count == 4, "\(found)")
        #expect(found.allSatisfy { $0.severity == .warning && $0.file == "content/individuals/nguyen-thi-hoa.md" })
        let crossPage = try #require(found.first { $0.message.contains("#ket-qa") })
        #expect(crossPage.line == 22 && crossPage.column == 50)
        #expect(crossPage.hint?.contains("../pages/cach-lam.md#ket-qua") == true)
        let samePage = try #require(found.first { $0.message.contains("#thanh-tch") })
        #expect(samePage.line == 24 && samePage.hint?.contains("#thanh-tich") == true)
        #expect(found.contains { $0.message.contains("#khong-co-gi-het") && $0.hint?.contains("## Kết quả") == true })
        #expect(found.contains { $0.message.contains("#thanh-tich-x") && $0.line == 28 })
    }
}
