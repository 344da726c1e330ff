import ExemplarCore
import Foundation
import Testing

@Suite struct BuildTests {
    @Test func buildsEveryPageAtItsCleanURL() throws {
        let site = try SiteFixture(SiteFixture.basic)
        defer { site.remove() }
        let report = site.build()
        #expect(report.published, "\(report.diagnostics)")
        #expect(!report.diagnostics.hasErrors)
        for path in ["index.html", "tap-the/index.html", "ca-nhan/index.html", "mo-hinh/index.html",
                     "su-kien/index.html", "don-vi/index.html", "404.html",
                     "ca-nhan/nguyen-thi-hoa/index.html", "tap-the/cdcs-truong-thpt-le-thuy/index.html",
                     "mo-hinh/so-tay-nu-cong-dien-tu/index.html", "su-kien/giao-luu-nu-cong-2019/index.html",
                     "don-vi/ban-nu-cong/index.html", "dang-ky/index.html", "assets/style.css"] {
            #expect(site.page(path) != nil, "missing \(path)")
        }
    }

    @Test func profileShowsItsFactsAndLinksBothWays() throws {
        let site = try SiteFixture(SiteFixture.basic)
        defer { site.remove() }
        _ = site.build()
        let profile = try #require(site.page("ca-nhan/nguyen-thi-hoa/index.html"))
        #expect(profile.contains("<h1>Nguyễn Thị Hoa</h1>"))
        #expect(profile.contains("Phó Trưởng ban"))
        #expect(profile.contains("href=\"/dien-hinh/don-vi/ban-nu-cong/\""))
        #expect(profile.contains("15/QĐ-LĐLĐ"))
        #expect(profile.contains("01/3/2018"))
        #expect(profile.contains("Lê Văn Bình, Phó Chủ tịch"))
        // Awards in rank order: the national certificate before the provincial one.
        let national = try #require(profile.range(of: "Bằng khen Tổng LĐLĐ Việt Nam"))
        let provincial = try #require(profile.range(of: "Bằng khen LĐLĐ tỉnh"))
        #expect(national.lowerBound < provincial.lowerBound)
        #expect(profile.contains("href=\"/dien-hinh/mo-hinh/so-tay-nu-cong-dien-tu/\""))
        #expect(profile.contains("href=\"/dien-hinh/su-kien/giao-luu-nu-cong-2019/\""))
        // The body's link to another content file became that page's URL.
        #expect(profile.contains("href=\"/dien-hinh/tap-the/cdcs-truong-thpt-le-thuy/\""))

        let model = try #require(site.page("mo-hinh/so-tay-nu-cong-dien-tu/index.html"))
        #expect(model.contains("href=\"/dien-hinh/ca-nhan/nguyen-thi-hoa/\""))
        #expect(model.contains("LĐLĐ huyện Lệ Thủy"))
        #expect(model.contains("Áp dụng cho 45 công đoàn cơ sở"))

        let event = try #require(site.page("su-kien/giao-luu-nu-cong-2019/index.html"))
        #expect(event.contains("18/10/2019"))
        #expect(event.contains("href=\"/dien-hinh/tap-the/cdcs-truong-thpt-le-thuy/\""))

        // A district's page lists the exemplars of the unions below it.
        let district = try #require(site.page("don-vi/ldld-huyen-le-thuy/index.html"))
        #expect(district.contains("Công đoàn cơ sở Trường THPT Lệ Thủy"))
        #expect(district.contains("Sổ tay nữ công điện tử"))
    }

    @Test func metadataAndBodiesAreEscaped() throws {
        var files = SiteFixture.basic
        files["individuals/x-ss.md"] = """
        ---
        name: "<script>alert(1)</script> Lê \\"Văn\\" An"
        unit: ban-nu-cong
        supervisor: Trần Văn Nam
        summary: "a & b <b>"
        ---
        Xin chào <script>alert(2)</script> và [bấm](javascript:alert(3)).

        <div onclick="x()">khối</div>
        """
        let site = try SiteFixture(files)
        defer { site.remove() }
        let report = site.build()
        #expect(report.published)
        let page = try #require(site.page("ca-nhan/x-ss/index.html"))
        #expect(!page.contains("<script>"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; Lê &quot;Văn&quot; An"))
        #expect(page.contains("a &amp; b &lt;b&gt;"))
        #expect(!page.contains("javascript:"))
        #expect(!page.contains("onclick"))
        #expect(report.diagnostics.contains { $0.code == "raw-html" && $0.file == "content/individuals/x-ss.md" && $0.line == 7 })
        #expect(report.diagnostics.contains { $0.code == "unsafe-link" })
    }

    @Test func draftsStayOutUnlessAsked() throws {
        var files = SiteFixture.basic
        files["individuals/ban-nhap.md"] = "---\nname: Bản Nháp\nunit: ban-nu-cong\nsupervisor: A\ndraft: true\n---\nĐang viết.\n"
        let site = try SiteFixture(files)
        defer { site.remove() }
        _ = site.build()
        #expect(site.page("ca-nhan/ban-nhap/index.html") == nil)
        #expect(site.page("ca-nhan/index.html")?.contains("Bản Nháp") == false)
        _ = site.build(drafts: true)
        #expect(site.page("ca-nhan/ban-nhap/index.html") != nil)
    }

    @Test func failedBuildKeepsThePreviousSite() throws {
        let site = try SiteFixture(SiteFixture.basic)
        defer { site.remove() }
        #expect(site.build().published)
        let before = try #require(site.page("ca-nhan/nguyen-thi-hoa/index.html"))
        try site.write("individuals/nguyen-thi-hoa.md", "---\nname: Nguyễn Thị Hoa\nunit: khong-co\n---\nSửa.\n")
        let report = site.build()
        #expect(!report.published)
        #expect(report.diagnostics.contains { $0.code == "unknown-reference" && $0.line == 3 })
        #expect(site.page("ca-nhan/nguyen-thi-hoa/index.html") == before)
        // The lock file stays: removing it while another build waits on it would let two builds in.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path)
            .filter { $0.hasPrefix(".") && $0 != ".public.lock" }
        #expect(leftovers.isEmpty, "staging folders left behind: \(leftovers)")
    }

    @Test func subPathAndRootBaseURLs() throws {
        var files = SiteFixture.basic
        files["site.yml"] = "title: Thử\nbase_url: https://example.vn/\n"
        let site = try SiteFixture(files)
        defer { site.remove() }
        _ = site.build()
        let home = try #require(site.page("index.html"))
        #expect(home.contains("href=\"/ca-nhan/nguyen-thi-hoa/\""))
        #expect(home.contains("<link rel=\"canonical\" href=\"https://example.vn/\">"))
    }

    @Test func unchangedRebuildKeepsFiles() throws {
        let site = try SiteFixture(SiteFixture.basic)
        defer { site.remove() }
        #expect(site.build().outputChanged)
        let path = site.output.appendingPathComponent("ca-nhan/nguyen-thi-hoa/index.html").path
        let first = try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int
        _ = site.build()
        let folder = try FileManager.default.attributesOfItem(atPath: site.output.path)[.systemFileNumber] as? Int
        let second = site.build()
        #expect(second.published && !second.outputChanged && second.filesChanged == 0)
        let after = try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int
        #expect(first != nil && first == after)
        // Nothing changed, so not even the folder was replaced.
        #expect(try FileManager.default.attributesOfItem(atPath: site.output.path)[.systemFileNumber] as? Int == folder)
        // One edit: only that page, the pages listing it and the search index files holding
        // its words are new bytes.
        try site.write("pages/dang-ky.md", "---\ntitle: Đăng ký điển hình\nmenu: 1\n---\nNội dung mới.\n")
        let index = site.output.appendingPathComponent("tim-kiem/i")
        func indexFiles() -> [String: Data] {
            let files = FileManager.default.enumerator(atPath: index.path)?.compactMap { $0 as? String } ?? []
            return Dictionary(uniqueKeysWithValues: files.map { ($0, (try? Data(contentsOf: index.appendingPathComponent($0))) ?? Data()) })
        }
        let before = indexFiles()
        let third = site.build()
        let indexChanged = indexFiles().filter { before[$0.key] != $0.value }.count
        #expect(indexChanged > 0)
        #expect(third.outputChanged && third.filesChanged == 1 + indexChanged)
        // The folder was replaced, but unchanged pages are the same files as before.
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int == first)
        #expect(site.page("dang-ky/index.html")?.contains("Nội dung mới.") == true)
        #expect(third.filesRemoved == 0)
        // A deleted page is counted as removed, and its file is gone.
        try FileManager.default.removeItem(at: site.content.appendingPathComponent("pages/dang-ky.md"))
        let fourth = site.build()
        #expect(fourth.published && fourth.filesRemoved == 1)
        #expect(site.page("dang-ky/index.html") == nil)
    }
}

@Suite struct BodyTests {
    @Test func bodyTopHeadingsBecomeSections() throws {
        var files = SiteFixture.basic
        files["pages/h.md"] = "---\ntitle: Trang\n---\n# Phần một\n\n### Chi tiết\n"
        let site = try SiteFixture(files)
        defer { site.remove() }
        #expect(site.build().published)
        let page = try #require(site.page("h/index.html"))
        #expect(page.contains("<h2 id=\"phan-mot\">Phần một</h2>"))
        #expect(page.contains("<h3 id=\"chi-tiet\">Chi tiết</h3>"))
    }

    @Test func pipeTablesBecomeTables() throws {
        var files = SiteFixture.basic
        files["pages/bang.md"] = """
            ---
            title: Bảng điểm
            ---
            | Năm | Xếp loại | Điểm |
            |:----|:--------:|-----:|
            | 2019 | [Chị Hoa](../individuals/nguyen-thi-hoa.md) \\| *xuất sắc* | 95 |
            | 2020 | a < b |

            | Không | có hàng gạch |
            | 1 | 2 |
            """
        let site = try SiteFixture(files)
        defer { site.remove() }
        let report = site.build()
        #expect(report.published)
        #expect(report.diagnostics.filter { $0.code == "table-syntax" }.map(\.line) == [9], "only the text without a `---` row")
        let page = try #require(site.page("bang/index.html"))
        #expect(page.contains("<tr><th scope=\"col\" style=\"text-align: left\">Năm</th><th scope=\"col\" style=\"text-align: center\">Xếp loại</th><th scope=\"col\" style=\"text-align: right\">Điểm</th></tr>"))
        #expect(page.contains("<td style=\"text-align: center\"><a href=\"/dien-hinh/ca-nhan/nguyen-thi-hoa/\">Chị Hoa</a> | <em>xuất sắc</em></td>"))
        #expect(page.contains("<tr><td style=\"text-align: left\">2020</td><td style=\"text-align: center\">a &lt; b</td><td style=\"text-align: right\"></td></tr>"),
                "a short row is padded to the header's width")
        #expect(page.contains("<p>| Không | có hàng gạch |"))
    }
}
