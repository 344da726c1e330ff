import ExemplarCore
import Foundation
import Testing

/// Diagnostics in English: every message and hint of a site broken in many ways is in the
/// catalogue, and the command line prints them with `--lang en` or an English locale.
@Suite struct EnglishMessagesTests {
    static let broken: [String: String] = {
        var files = SiteFixture.basic
        files["site.yml"] = """
        title: Điển hình
        base_url: ftp://ldld.example.vn
        language: fr
        phase: { name: "2020–2016", from: 2020, to: 2016 }
        registration_deadline: "13-40"
        score_thresholds: { excellent: 200 }
        colour: red
        """
        files["units.yml"] = """
        - { id: ban-nu-cong, name: Ban Nữ công, kind: department }
        - { id: ban-nu-cong, name: Ban Nữ công hai, kind: department }
        - { id: Ban X, name: Ban X, kind: department }
        - { id: ban-y, name: Ban Y }
        - { id: vong-a, name: Vòng A, kind: district, parent: vong-b }
        - { id: vong-b, name: Vòng B, kind: district, parent: vong-a }
        - { id: huyen-tuyen-hoa, name: LĐLĐ huyện Tuyên Hóa, kind: district }
        - { id: huyen-tuyen-hoa-2, name: LĐLĐ huyện Tuyên Hoá, kind: district }
        - { id: ldld-huyen-le-thuy, name: LĐLĐ huyện Lệ Thủy, kind: district }
        - { id: cdcs-truong-thpt-le-thuy, name: Công đoàn cơ sở Trường THPT Lệ Thủy, kind: grassroots, parent: ldld-huyen-le-thuy }
        """
        files["awards.yml"] = "- { id: giay-khen-moi, name: Giấy khen mới }\n"
        files["unit.yml"] = "- x\n"
        files["individuals/a.md"] = """
        ---
        name: A
        unit: ban-nu-cng
        colour: red
        registered: 05/3/2019
        selection: { date: 2019-02-30 }
        years: [1800, 2019]
        photo: media/x.png
        scope: feld
        leader: B
        draft: maybe
        fields: { a: b }
        awards:
          - { award: bang-khen-ldld-tinh, year: 2021, date: 2019-12-01 }
        ---
        Xem [x](../models/khong-co.md), [y](/ca-nhan/khong-co/) và ![](../media/y.png) <b>x</b> [z](javascript:alert(1)).
        [Hoa](../individuals/nguyen-thi-hoa.md#khong-co)

        | a | b |
        """
        files["individuals/b.md"] = "---\nname: B\nname: C\nunit: ban-nu-cong\n---\nX\n"
        files["individuals/c.md"] = "---\nname: [B\n---\nX\n"
        files["individuals/d.md"] = "Không có phần thông tin.\n"
        files["individuals/Thử-Nghiệm.md"] = "---\nname: T\nunit: ban-nu-cong\nsupervisor: S\n---\nX\n"
        files["individuals/cdcs-truong-thpt-le-thuy.md"] = "---\nname: T\nunit: ban-nu-cong\nsupervisor: S\n---\nX\n"
        files["individuals/e.md"] = "---\nunit: ban-nu-cong\nsupervisor: S\nyears: 20x\n---\nX\n"
        files["collectives/f.md"] = "---\nname: F\nunit: ban-nu-cong\nposition: P\nscope: field\nyears: [2019]\nregistered: 2019-02-20\n---\n"
        files["events/g.md"] = "---\ntitle: G\ndate: 2019-10-18\nend_date: 2019-10-01\nparticipants: [khong-co]\n---\n"
        files["models/h.md"] = "---\ntitle: H\nunit: ban-nu-cong\nattachments: [../x.pdf]\nowners: [khong-co]\n---\n"
        files["pages/media.md"] = "---\ntitle: M\nmenu: 5000\n---\nX\n"
        files["pages/i.md"] = "---\ntitle: I\n"
        files["scores/2019/nguyen-thi-hoa.csv"] = "period,self,colective\n"
        files["scores/2020/nguyen-thi-hoa.csv"] = "period,self,collective\n2020-W01,90,80,5\n2020-W01,90,80\n2020-W99,90,80\n2019-W03,90,80\n2020-W04,abc,80\n2020-W05,120,80\n2020-W06,-5,80\n2020-W07,80.123,80\n2020-W08,80,\nxyz,1,1\n2020-02,80,80\n"
        files["scores/2020/khong-co.csv"] = "period,self,collective\n2020-01,80,80\n"
        files["scores/2017/nguyen-thi-hoa.csv"] = "period,self,collective\n2017-W01,80,80\n"
        files["scores/2019/e.csv"] = ""
        return files
    }()

    @Test func everyMessageOfABrokenSiteIsInTheCatalogue() throws {
        let site = try SiteFixture(Self.broken)
        defer { site.remove() }
        try site.write("individuals/j.md", Data([0x2D, 0x2D, 0x2D, 0x0A, 0xFF, 0xFE, 0x0A]))
        let report = Builder.build(site.options(write: false))
        let codes = Set(report.diagnostics.map(\.code))
        #expect(codes.count >= 30, "\(codes.sorted())")
        for code in ["unknown-reference", "yaml-syntax", "missing-key", "broken-link", "score-header", "score-range", "score-period"] {
            #expect(codes.contains(code), "\(code)")
        }
        for diagnostic in report.diagnostics {
            let english = MessageCatalogue.english(message: diagnostic.message, code: diagnostic.code)
            #expect(english != nil, "[\(diagnostic.code)] \(diagnostic.message)")
            if let hint = diagnostic.hint {
                #expect(MessageCatalogue.english(hint: hint, code: diagnostic.code) != nil, "[\(diagnostic.code)] hint: \(hint)")
            }
        }
    }

    @Test func theCommandLineSpeaksEnglishWhenAsked() throws {
        var files = SiteFixture.basic
        files["individuals/a.md"] = "---\nname: A\nunit: ban-nu-cng\nsupervisor: B\n---\nX\n"
        let site = try Executable.site(files)
        defer { site.remove() }
        let english = try Executable.run(["build", "--lang", "en"], in: site.root)
        #expect(english.status == 1)
        #expect(english.stderr.contains("content/individuals/a.md:3:7: error: `unit`: no unit has the id `ban-nu-cng`. [unknown-reference]"))
        #expect(english.stderr.contains("hint: Did you mean `ban-nu-cong`?"))
        #expect(english.stderr.contains("The site was not built"))
        let locale = try Executable.run(["check"], in: site.root, environment: ["LANG": "en_US.UTF-8"])
        #expect(locale.stderr.contains("error: `unit`: no unit has the id"))
        let vietnamese = try Executable.run(["check", "--lang", "vi"], in: site.root, environment: ["LANG": "en_US.UTF-8"])
        #expect(vietnamese.stderr.contains("lỗi: `unit`: không có đơn vị nào mang mã `ban-nu-cng`."))
        let json = try Executable.run(["check", "--format", "json", "--lang", "en"], in: site.root)
        #expect(json.stdout.contains("no unit has the id"))
    }

    /// English nouns after a count take the plural unless the count is one.
    @Test func aCountOfOneTakesTheSingularInEnglish() throws {
        func sheet(_ periods: [String]) -> String {
            (["period,self,collective"] + periods.map { "\($0),80,80" }).joined(separator: "\n") + "\n"
        }
        var files = SiteFixture.basic
        files["scores/2020/nguyen-thi-hoa.csv"] = sheet((1...53).filter { $0 != 10 }.map { String(format: "2020-W%02d", $0) })
        files["scores/2020/cdcs-truong-thpt-le-thuy.csv"] = sheet((1...12).filter { ![2, 3, 9].contains($0) }.map { String(format: "2020-%02d", $0) })
        let site = try Executable.site(files)
        defer { site.remove() }
        let run = try Executable.run(["check", "--lang", "en"], in: site.root)
        #expect(run.stderr.contains("The 2020 sheet lacks 1 week: 2020-W10."), "\(run.stderr)")
        #expect(run.stderr.contains("The 2020 sheet lacks 3 months: 2020-02–03, 2020-09."), "\(run.stderr)")
        #expect(run.stderr.contains("0 errors, 2 warnings."), "\(run.stderr)")
        files["scores/2020/cdcs-truong-thpt-le-thuy.csv"] = nil
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/scores/2020/cdcs-truong-thpt-le-thuy.csv"))
        let one = try Executable.run(["check", "--lang", "en"], in: site.root)
        #expect(one.stderr.contains("0 errors, 1 warning."), "\(one.stderr)")
        #expect(MessageCatalogue.choosePlurals("{0} {0?file|files}, {1?|s}", [0: "1", 1: "12"]) == "{0} file, s")
        #expect(MessageCatalogue.choosePlurals("{0} other {0?file|files}", [0: "2"]) == "{0} other files")
    }

    /// An English site counts "1 item" and "2 items"; the Vietnamese noun has one form.
    @Test func anEnglishSiteCountsInTheSingularForOne() throws {
        var files = SiteFixture.basic
        files["site.yml"] = (files["site.yml"] ?? "") + "\nlanguage: en\n"
        let site = try SiteFixture(files)
        defer { site.remove() }
        #expect(site.build().published)
        let collectives = try #require(site.page("tap-the/index.html"))
        #expect(collectives.contains("<p class=\"count\">1 item</p>"), "\(collectives)")
        let models = try #require(site.page("mo-hinh/index.html"))
        #expect(models.contains("1 unit adopted it"), "\(models)")
        #expect(!models.contains("1 units"))
        try site.write("individuals/tran-van-nam.md", "---\nname: Trần Văn Nam\nunit: ban-nu-cong\nyears: [2019]\nsupervisor: Lê Văn Bình\n---\nX\n")
        #expect(site.build().published)
        let individuals = try #require(site.page("ca-nhan/index.html"))
        #expect(individuals.contains("<p class=\"count\">2 items</p>"), "\(individuals)")
    }

    /// `language: en` gives English dates on the pages; Vietnamese ones stay day/month/year.
    @Test func datesOnPagesFollowTheSiteLanguage() throws {
        var files = SiteFixture.basic
        let site = try SiteFixture(files)
        defer { site.remove() }
        #expect(site.build().published)
        #expect(site.page("ca-nhan/nguyen-thi-hoa/index.html")?.contains(">01/3/2018</time>") == true)
        files["site.yml"] = (files["site.yml"] ?? "") + "\nlanguage: en\n"
        try site.write("site.yml", files["site.yml"] ?? "")
        #expect(site.build().published)
        let page = try #require(site.page("ca-nhan/nguyen-thi-hoa/index.html"))
        #expect(page.contains(">1 March 2018</time>"))
        #expect(page.contains(">20 December 2018</time>"))
        #expect(!page.contains(">01/3/2018</time>"))
    }
}
