import ExemplarCore
import Foundation
import Testing

/// `exemplar import`: the Federation's Excel lists, saved as CSV, become profiles.
@Suite struct ImportTests {
    /// As Excel in Vietnam saves "CSV UTF-8": a byte-order mark, `;`, CRLF, quotes where needed.
    static let individuals = "\u{FEFF}" + [
        "STT;HỌ VÀ TÊN;Don vi;Chức vụ;Năm;Khen thưởng;Số quyết định;Ngày quyết định;Năm sinh",
        "1;Trần Văn Hùng;Ban Nữ công;Cán bộ nữ công;2019-2020;Bằng khen LĐLĐ tỉnh;\"12/QĐ-LĐLĐ\";20/12/2019;1980",
        "2;\"Lê Thị Lan\";LĐLĐ huyện Lệ Thủy;\"Chủ tịch; kiêm \"\"Trưởng ban\"\"\";2020;\"Bằng khen của Liên đoàn Lao động tỉnh năm 2019\nChiến sĩ thi đua cơ sở (2020)\";\"15/QĐ\n88/QĐ\";\"01/12/2019\n2020-11-02\";1985",
        "3;Phạm Văn Tí;ldld-huyen-le-thuy;;2020;;;;",
        "4;Võ Văn Năm;Ban Nữ công LĐLĐ tỉnh Quảng Bình;;2020;CSTĐ cơ sở;;;",
        "",
    ].joined(separator: "\r\n")

    private func write(_ text: String, to site: SiteFixture, name: String = "danh-sach.csv") throws {
        try Data(text.utf8).write(to: site.root.appendingPathComponent(name))
    }

    private func text(_ site: SiteFixture, _ path: String) throws -> String {
        try String(contentsOf: site.content.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func oneProfilePerRowThatBuilds() throws {
        let site = try Executable.site()
        defer { site.remove() }
        try write(Self.individuals, to: site)
        let result = try Executable.run(["import", "danh-sach.csv", "--kind", "individual"], in: site.root)
        #expect(result.status == 0, "\(result.stderr)")
        let hung = try text(site, "individuals/tran-van-hung.md")
        #expect(hung.contains("\nunit: ban-nu-cong "))
        #expect(hung.contains("\nyears: [2019, 2020] "))
        #expect(hung.contains("{ award: bang-khen-ldld-tinh, year: 2019, decision: \"12/QĐ-LĐLĐ\", date: 2019-12-20 }"))
        #expect(hung.contains("  nam_sinh: 1980"))
        let lan = try text(site, "individuals/le-thi-lan.md")
        let (loaded, _) = ContentLoader.load(from: site.content, displayPath: "content")
        #expect(loaded.exemplars.first { $0.id == "le-thi-lan" }?.position == "Chủ tịch; kiêm \"Trưởng ban\"")
        #expect(lan.contains("{ award: bang-khen-ldld-tinh, year: 2019, decision: \"15/QĐ\", date: 2019-12-01 }"))
        #expect(lan.contains("{ award: chien-si-thi-dua-co-so, year: 2020, decision: \"88/QĐ\", date: 2020-11-02 }"))
        #expect(try text(site, "individuals/pham-van-ti.md").contains("\nunit: ldld-huyen-le-thuy "))
        // A name that only starts like a unit's is taken, and said so.
        let nam = try text(site, "individuals/vo-van-nam.md")
        #expect(nam.contains("\nunit: ban-nu-cong "))
        #expect(nam.contains("{ award: chien-si-thi-dua-co-so }"))
        #expect(result.stderr.contains("danh-sach.csv:8:14: cảnh báo:"), "\(result.stderr)")
        #expect(result.stderr.contains("[loose-match]"))
        // An unrecognised column is named, and its values are kept.
        #expect(result.stderr.contains("danh-sach.csv:1:"))
        #expect(result.stderr.contains("Năm sinh"))

        let build = try Executable.run(["build"], in: site.root)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(site.page("ca-nhan/le-thi-lan/index.html")?.contains("Chiến sĩ thi đua cơ sở") == true)
        #expect(site.page("ca-nhan/tran-van-hung/index.html")?.contains("Ban Nữ công") == true)
    }

    @Test func dryRunWritesNothing() throws {
        let site = try Executable.site()
        defer { site.remove() }
        try write(Self.individuals, to: site)
        let result = try Executable.run(["import", "danh-sach.csv", "--kind", "individual", "--dry-run"], in: site.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("content/individuals/tran-van-hung.md"))
        #expect(result.stdout.contains("name: Lê Thị Lan"))
        #expect(!FileManager.default.fileExists(atPath: site.content.appendingPathComponent("individuals/tran-van-hung.md").path))
    }

    @Test func anUnmatchedUnitNamesRowAndColumnAndNothingIsWritten() throws {
        let site = try Executable.site()
        defer { site.remove() }
        try write("Họ và tên,Đơn vị,Khen thưởng\nNguyễn Văn Một,Ban Nữ công,\nHoàng Văn Nam,Ban Nu congg,Bằng khen LĐLĐ tỉnh\nĐỗ Thị Ba,Ban Nữ công,Bằng khen Tỉnh ủy\n", to: site)
        let result = try Executable.run(["import", "danh-sach.csv", "--kind", "individual"], in: site.root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("danh-sach.csv:3:15: lỗi:"), "\(result.stderr)")
        #expect(result.stderr.contains("cột B \"Đơn vị\""))
        #expect(result.stderr.contains("`ban-nu-cong`"))
        #expect(result.stderr.contains("danh-sach.csv:4:"))
        #expect(result.stderr.contains("cột C \"Khen thưởng\""))
        let written = try FileManager.default.contentsOfDirectory(atPath: site.content.appendingPathComponent("individuals").path)
        #expect(written == ["nguyen-thi-hoa.md"])
    }

    @Test func nothingIsOverwrittenAndARepeatedImportAddsNothing() throws {
        let site = try Executable.site()
        defer { site.remove() }
        let existing = site.content.appendingPathComponent("individuals/nguyen-thi-hoa.md")
        let before = try Data(contentsOf: existing)
        try write("Họ và tên,Đơn vị\nNguyễn Thị Hoa,Ban Nữ công\nNguyễn Thị Hoa,LĐLĐ huyện Lệ Thủy\n", to: site)
        let first = try Executable.run(["import", "danh-sach.csv", "--kind", "individual"], in: site.root)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("already-imported"))
        #expect(try Data(contentsOf: existing) == before)
        #expect(try text(site, "individuals/nguyen-thi-hoa-2.md").contains("\nunit: ldld-huyen-le-thuy "))
        let again = try Executable.run(["import", "danh-sach.csv", "--kind", "individual"], in: site.root)
        #expect(again.status == 0)
        #expect(!FileManager.default.fileExists(atPath: site.content.appendingPathComponent("individuals/nguyen-thi-hoa-3.md").path))
    }

    @Test func collectivesWithCommasAndLineBreaksInCells() throws {
        let site = try Executable.site()
        defer { site.remove() }
        let csv = "Tên tập thể,Đơn vị (trực thuộc),Người đứng đầu,Loại điển hình,Mặt công tác,Năm,Thành tích\n"
            + "\"Công đoàn Trường THPT Lệ Thủy, khối 1\",CĐCS Trường THPT Lệ Thủy,Trần Văn Nam,Từng mặt công tác,Nữ công,\"2019, 2020\",\"Dòng một.\n\nDòng hai, có dấu phẩy.\"\n"
        try write(csv, to: site, name: "tap the.csv")
        let result = try Executable.run(["import", "tap the.csv", "--kind", "collective"], in: site.root)
        #expect(result.status == 0, "\(result.stderr)")
        let text = try text(site, "collectives/cong-doan-truong-thpt-le-thuy-khoi-1.md")
        #expect(text.contains("\nname: Công đoàn Trường THPT Lệ Thủy, khối 1 "))
        #expect(text.contains("\nunit: cdcs-truong-thpt-le-thuy "))
        #expect(text.contains("\nleader: Trần Văn Nam "))
        #expect(text.contains("\nscope: field "))
        #expect(text.contains("\nfields: [nu-cong] "))
        #expect(text.hasSuffix("---\nDòng một.\n\nDòng hai, có dấu phẩy.\n"))
    }

    @Test func aFileInAnOldCodePageIsRefusedWithAdvice() throws {
        let site = try Executable.site()
        defer { site.remove() }
        // "Tên" in Windows-1258: not UTF-8.
        try Data([0x54, 0xEA, 0x6E, 0x0A, 0x41, 0x0A]).write(to: site.root.appendingPathComponent("cu.csv"))
        let result = try Executable.run(["import", "cu.csv", "--kind", "individual"], in: site.root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("cu.csv:1: lỗi:"))
        #expect(result.stderr.contains("CSV UTF-8"))
    }

    /// docs/import.md lists the headings; each is recognised as the column it is listed for.
    @Test func theDocumentedHeadingsAreTheRecognisedOnes() throws {
        let docs = try String(contentsOf: SiteFixture.repository.appendingPathComponent("docs/import.md"), encoding: .utf8)
        var checked = 0
        for line in docs.split(separator: "\n") where line.hasPrefix("| ") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 2, let column = ImportColumn(rawValue: cells[0]) else { continue }
            let headings = cells[1].components(separatedBy: ", ")
            #expect(Set(headings.map(VietnameseText.slug)) == Set(column.headings), "\(column)")
            for heading in headings {
                #expect(ImportColumn.recognise(heading) == column, "\(heading)")
                checked += 1
            }
        }
        #expect(checked > 60)
        #expect(ImportColumn.recognise("Số quyết định khen thưởng") == .decision)
        #expect(ImportColumn.recognise("Năm sinh") == nil)
    }
}
