import ExemplarCore
import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Browsing axes, pagination, sharing tags and the machine-readable outputs.
@Suite struct PublicSiteTests {
    private func built(_ extra: [String: String] = [:], today: String = "2020-01-01") throws -> SiteFixture {
        var files = SiteFixture.basic
        files.merge(extra) { _, new in new }
        let site = try SiteFixture(files)
        var options = site.options()
        options.today = try #require(CalendarDate(iso: today))
        let report = Builder.build(options)
        #expect(report.published, "\(report.diagnostics.filter { $0.severity == .error })")
        return site
    }

    @Test func browsingByYearFieldAwardAndPhase() throws {
        let site = try built()
        defer { site.remove() }
        let year = try #require(site.page("nam/2019/index.html"))
        #expect(year.contains("Nguyễn Thị Hoa") && year.contains("Công đoàn cơ sở Trường THPT Lệ Thủy"))
        let only2018 = try #require(site.page("nam/2018/index.html"))
        #expect(!only2018.contains("Trường THPT Lệ Thủy</a>"))
        #expect(try #require(site.page("mat-cong-tac/nu-cong/index.html")).contains("Nguyễn Thị Hoa"))
        #expect(try #require(site.page("mat-cong-tac/toan-dien/index.html")).contains("Trường THPT Lệ Thủy"))
        let awards = try #require(site.page("khen-thuong/index.html"))
        let national = try #require(awards.range(of: "Bằng khen Tổng LĐLĐ Việt Nam"))
        let provincial = try #require(awards.range(of: "Bằng khen LĐLĐ tỉnh"))
        #expect(national.lowerBound < provincial.lowerBound, "awards are listed highest rank first")
        #expect(try #require(site.page("khen-thuong/bang-khen-ldld-tinh/index.html")).contains("Nguyễn Thị Hoa"))
        #expect(try #require(site.page("giai-doan/index.html")).contains("Nguyễn Thị Hoa"))
    }

    @Test func longListsArePaginatedAndSortedByGivenName() throws {
        var extra: [String: String] = [:]
        let given = ["An", "Ánh", "Ân", "Bình", "Chi", "Dũng", "Đức", "Em", "Giang", "Hà", "Hải", "Hạnh", "Hoa", "Hùng",
                     "Khánh", "Lan", "Linh", "Mai", "Minh", "Nam", "Ngọc", "Oanh", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Uyên", "Vân", "Yến"]
        for (index, name) in given.enumerated() {
            extra["individuals/p\(index).md"] = "---\nname: Trần Văn \(name)\nunit: ban-nu-cong\nsupervisor: A\nyears: [2019]\n---\nX\n"
        }
        let site = try built(extra)
        defer { site.remove() }
        let first = try #require(site.page("ca-nhan/index.html"))
        let second = try #require(site.page("ca-nhan/trang/2/index.html"))
        #expect(site.page("ca-nhan/trang/3/index.html") == nil)
        #expect(first.contains("href=\"/dien-hinh/ca-nhan/trang/2/\" rel=\"next\""))
        #expect(second.contains("rel=\"prev\""))
        let an = try #require(first.range(of: "Trần Văn An<"))
        let anh = try #require(first.range(of: "Trần Văn Ánh<"))
        let an2 = try #require(first.range(of: "Trần Văn Ân<"))
        let dung = try #require(first.range(of: "Trần Văn Dũng<"))
        let duc = try #require(first.range(of: "Trần Văn Đức<"))
        #expect(an.lowerBound < anh.lowerBound && anh.lowerBound < an2.lowerBound && dung.lowerBound < duc.lowerBound)
        #expect(second.contains("Trần Văn Yến"))
        // The unit's own page previews its exemplars and links to their paginated list.
        let unit = try #require(site.page("don-vi/ban-nu-cong/index.html"))
        #expect(unit.contains("href=\"/dien-hinh/don-vi/ban-nu-cong/dien-hinh/\""))
        #expect(site.page("don-vi/ban-nu-cong/dien-hinh/trang/2/index.html") != nil)
        // The filter form is there, hidden until the script shows it.
        #expect(first.contains("<form class=\"filters\" data-filter-for=\"list\" data-choices=\"/dien-hinh/ca-nhan/bo-loc.json\" data-source="))
        #expect(first.contains(" hidden>\n  <fieldset>"))
        #expect(first.contains("data-unit=\"ban-nu-cong\""))
    }

    @Test func eventsSplitIntoComingAndPast() throws {
        let site = try built(today: "2019-10-01")
        defer { site.remove() }
        let events = try #require(site.page("su-kien/index.html"))
        let coming = try #require(events.range(of: "id=\"upcoming\""))
        let event = try #require(events.range(of: "Giao lưu điển hình tiên tiến công tác nữ công năm 2019"))
        #expect(coming.lowerBound < event.lowerBound)
        let later = try built(today: "2019-12-01")
        defer { later.remove() }
        #expect(try #require(later.page("su-kien/index.html")).contains("id=\"upcoming\"") == false)
    }

    @Test func sharingTagsUseAbsoluteURLs() throws {
        var extra = SiteFixture.basic
        extra["individuals/nguyen-thi-hoa.md"] = extra["individuals/nguyen-thi-hoa.md"]!.replacingOccurrences(of: "summary:", with: "photo: media/hoa.png\nsummary:")
        let site = try SiteFixture(extra)
        defer { site.remove() }
        // A 600 px wide picture: its largest published size is its own width.
        try site.write("media/hoa.png", Data(contentsOf: SiteFixture.repository.appendingPathComponent("content/media/bui-thi-hong-nhung.png")))
        #expect(Builder.build(site.options()).published)
        let page = try #require(site.page("ca-nhan/nguyen-thi-hoa/index.html"))
        #expect(page.contains("<meta property=\"og:title\" content=\"Nguyễn Thị Hoa\">"))
        #expect(page.contains("<meta property=\"og:image\" content=\"https://ldld.example.vn/dien-hinh/media/hoa.600w.jpg\">"))
        #expect(page.contains("<link rel=\"canonical\" href=\"https://ldld.example.vn/dien-hinh/ca-nhan/nguyen-thi-hoa/\">"))
        #expect(page.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"))
    }

    @Test func feedAndSitemapAreWellFormedXML() throws {
        let site = try built(["individuals/xml.md": "---\nname: \"A & B <C>\"\nunit: ban-nu-cong\nsupervisor: A\nsummary: \"x < y & z\"\n---\nX\n"])
        defer { site.remove() }
        for file in ["feed.xml", "sitemap.xml"] {
            let data = try #require(site.page(file)).data(using: .utf8) ?? Data()
            let parser = XMLParser(data: data)
            #expect(parser.parse(), "\(file): \(String(describing: parser.parserError))")
        }
        let feed = try #require(site.page("feed.xml"))
        #expect(feed.contains("<title>A &amp; B &lt;C&gt;</title>"))
        let sitemap = try #require(site.page("sitemap.xml"))
        #expect(sitemap.contains("<loc>https://ldld.example.vn/dien-hinh/ca-nhan/nguyen-thi-hoa/</loc>"))
        #expect(!sitemap.contains("404.html"))
        #expect(try #require(site.page("robots.txt")).contains("Sitemap: https://ldld.example.vn/dien-hinh/sitemap.xml"))
    }

    @Test func jsonExportsDecode() throws {
        let site = try built()
        defer { site.remove() }
        let data = try #require(site.page("api/exemplars.json")?.data(using: .utf8))
        let rows = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        let hoa = try #require(rows.first { $0["id"] as? String == "nguyen-thi-hoa" })
        #expect(hoa["url"] as? String == "https://ldld.example.vn/dien-hinh/ca-nhan/nguyen-thi-hoa/")
        #expect((hoa["awards"] as? [[String: Any]])?.first?["award"] as? String == "bang-khen-tong-ldld")
        let models = try #require(site.page("api/models.json")?.data(using: .utf8))
        let modelRows = try #require(try JSONSerialization.jsonObject(with: models) as? [[String: Any]])
        #expect((modelRows.first?["adopted_by"] as? [[String: Any]])?.count == 1)
    }

    /// A site with only a title gives a feed without an empty subtitle.
    @Test func feedLeavesOutAnEmptySubtitle() throws {
        let site = try built(["site.yml": "title: T\nbase_url: https://ldld.example.vn/\n"])
        defer { site.remove() }
        let feed = try #require(site.page("feed.xml"))
        #expect(!feed.contains("<subtitle"))
        #expect(XMLParser(data: Data(feed.utf8)).parse())
    }

    /// Quotes, backslashes, control characters and markup in values survive the exports exactly.
    @Test func jsonExportsCarryAnyTextExactly() throws {
        let summary = "Nói \"không\" với C:\\tmp\t</script>\u{1}\u{2028}đ"
        let yaml = "\"Nói \\\"không\\\" với C:\\\\tmp\\t</script>\\x01\\u2028đ\""
        let site = try built(["individuals/b.md": "---\nname: B\nunit: ban-nu-cong\nsupervisor: C\nsummary: \(yaml)\n---\nX\n"])
        defer { site.remove() }
        let data = try #require(site.page("api/exemplars.json")?.data(using: .utf8))
        let rows = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(rows.first { $0["id"] as? String == "b" }?["summary"] as? String == summary)
    }

    @Test func commendationConferenceLinksEveryoneHonoured() throws {
        let site = try built(["events/bieu-duong.md": "---\ntitle: Hội nghị biểu dương\nkind: commendation\ndate: 2020-09-25\nparticipants: [nguyen-thi-hoa]\n---\nBáo cáo.\n"])
        defer { site.remove() }
        let page = try #require(site.page("su-kien/bieu-duong/index.html"))
        #expect(page.contains("href=\"/dien-hinh/giai-doan/\""))
    }
}
