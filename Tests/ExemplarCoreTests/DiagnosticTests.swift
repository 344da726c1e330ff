import ExemplarCore
import Foundation
import Testing

/// Each editor mistake is reported at its file and line, and nothing is published.
@Suite struct DiagnosticTests {
    private func diagnostics(replacing path: String, with text: String) throws -> [Diagnostic] {
        var files = SiteFixture.basic
        files[path] = text
        let site = try SiteFixture(files)
        defer { site.remove() }
        return Builder.build(site.options(write: false)).diagnostics
    }

    private func find(_ diagnostics: [Diagnostic], _ code: String) -> Diagnostic? {
        diagnostics.first { $0.code == code }
    }

    @Test func yamlSyntaxErrorPointsAtTheFileLine() throws {
        let found = try diagnostics(replacing: "individuals/a.md", with: "---\nname: A\nunit: [ban-nu-cong\nsupervisor: B\n---\nX\n")
        let d = try #require(find(found, "yaml-syntax"))
        #expect(d.file == "content/individuals/a.md")
        #expect(d.line >= 3 && d.line <= 5)
        #expect(d.severity == .error)
    }

    @Test func unknownKeySuggestsTheRightOne() throws {
        let found = try diagnostics(replacing: "individuals/a.md", with: "---\nname: A\nunit: ban-nu-cong\nsuperviser: B\n---\nX\n")
        let d = try #require(find(found, "unknown-key"))
        #expect(d.line == 4 && d.column == 1 && d.severity == .warning)
        #expect(d.message.contains("superviser"))
        #expect(d.hint?.contains("supervisor") == true)
    }

    @Test func missingRequiredKeyAndWrongType() throws {
        let found = try diagnostics(replacing: "individuals/a.md", with: "---\nunit: ban-nu-cong\nyears: [2018, hai-nghin]\ndraft: maybe\n---\nX\n")
        #expect(found.contains { $0.code == "missing-key" && $0.message.contains("`name`") && $0.file == "content/individuals/a.md" })
        #expect(found.contains { $0.code == "wrong-type" && $0.line == 3 && $0.message.contains("hai-nghin") })
        #expect(found.contains { $0.code == "wrong-type" && $0.line == 4 })
    }

    @Test func impossibleDateIsNamed() throws {
        let found = try diagnostics(replacing: "individuals/a.md", with: "---\nname: A\nunit: ban-nu-cong\nsupervisor: B\nregistered: 2019-02-30\n---\nX\n")
        let d = try #require(find(found, "impossible-date"))
        #expect(d.line == 5 && d.column == 13)
        #expect(d.message.contains("2019-02-30"))
    }

    @Test func unknownReferencesSuggestTheClosestID() throws {
        let found = try diagnostics(replacing: "events/e.md", with: "---\ntitle: E\ndate: 2019-01-01\nhost: ban-nu-cng\nparticipants: [nguyen-thi-hoa, khong-ai]\n---\nX\n")
        let host = try #require(found.first { $0.code == "unknown-reference" && $0.line == 4 })
        #expect(host.hint?.contains("ban-nu-cong") == true)
        #expect(found.contains { $0.code == "unknown-reference" && $0.line == 5 && $0.message.contains("khong-ai") })
    }

    @Test func missingFrontMatterFenceAndEmptyBody() throws {
        var found = try diagnostics(replacing: "individuals/a.md", with: "name: A\n")
        #expect(find(found, "missing-front-matter")?.line == 1)
        found = try diagnostics(replacing: "individuals/a.md", with: "---\nname: A\nunit: ban-nu-cong\n")
        #expect(find(found, "unclosed-front-matter") != nil)
        found = try diagnostics(replacing: "individuals/a.md", with: "---\nname: A\nunit: ban-nu-cong\nsupervisor: B\n---\n\n")
        #expect(find(found, "empty-body")?.severity == .warning)
    }

    @Test func duplicateIDsAndURLCollisions() throws {
        var files = SiteFixture.basic
        files["collectives/nguyen-thi-hoa.md"] = "---\nname: Trùng\nunit: ban-nu-cong\n---\nX\n"
        files["pages/tap-the.md"] = "---\ntitle: Trùng địa chỉ\n---\nX\n"
        let site = try SiteFixture(files)
        defer { site.remove() }
        let found = Builder.build(site.options(write: false)).diagnostics
        #expect(found.contains { $0.code == "duplicate-id" && $0.message.contains("nguyen-thi-hoa") })
        #expect(found.contains { $0.code == "url-collision" && $0.file == "content/pages/tap-the.md" })
    }

    @Test func nonUTF8FileIsAnErrorWithItsLine() throws {
        let site = try SiteFixture(SiteFixture.basic)
        defer { site.remove() }
        try site.write("individuals/latin1.md", Data("---\nname: A\nunit: ban-nu-cong\nsupervisor: Tr".utf8) + Data([0xE2, 0x6E]) + Data("\n---\nX\n".utf8))
        let d = try #require(Builder.build(site.options(write: false)).diagnostics.first { $0.code == "not-utf8" })
        #expect(d.file == "content/individuals/latin1.md" && d.line == 4)
    }

    @Test func brokenBodyLinkAndMissingMedia() throws {
        let found = try diagnostics(replacing: "individuals/a.md",
                                    with: "---\nname: A\nunit: ban-nu-cong\nsupervisor: B\nphoto: media/khong-co.jpg\n---\nDòng một.\n\nXem [mô hình](../models/khong-co.md).\n")
        #expect(found.contains { $0.code == "missing-media" && $0.line == 5 })
        #expect(found.contains { $0.code == "broken-link" && $0.line == 9 })
    }

    @Test func mediaPathsCannotLeaveTheContentFolder() throws {
        let found = try diagnostics(replacing: "individuals/a.md", with: "---\nname: A\nunit: ban-nu-cong\nsupervisor: B\nphoto: ../../etc/passwd\n---\nX\n")
        #expect(find(found, "unsafe-path")?.line == 5)
    }

    @Test func domainRulesWarn() throws {
        var files = SiteFixture.basic
        files["collectives/moi.md"] = "---\nname: Tập thể mới\nunit: ban-nu-cong\nyears: [2019]\nregistered: 2019-02-15\nawards:\n  - { award: giay-khen-cdcs, year: 2021 }\n---\nX\n"
        files["individuals/khong-theo-doi.md"] = "---\nname: Không Theo Dõi\nunit: ban-nu-cong\n---\nX\n"
        files["units.yml"]! += "\n- { id: ldld-huyen-le-thuy-2, name: LĐLĐ huyện Lệ Thuỷ, kind: district }\n"
        let site = try SiteFixture(files)
        defer { site.remove() }
        let found = Builder.build(site.options(write: false)).diagnostics
        #expect(found.contains { $0.code == "late-registration" && $0.line == 5 && $0.severity == .warning })
        #expect(found.contains { $0.code == "collective-criterion" && $0.file == "content/collectives/moi.md" })
        #expect(found.contains { $0.code == "award-year" && $0.file == "content/collectives/moi.md" })
        #expect(found.contains { $0.code == "missing-supervisor" && $0.file == "content/individuals/khong-theo-doi.md" })
        #expect(found.contains { $0.code == "lookalike-name" && $0.file == "content/units.yml" })
    }

    @Test func awardsBeforeTheFirstYearAreTheRecordNotASlip() throws {
        // The plan selects collectives that already hold a Bằng khen: the award that satisfies
        // `collective-criterion` is from before `years`, and must not draw `award-year` instead.
        let found = try diagnostics(replacing: "collectives/moi.md", with: """
            ---
            name: Tập thể mới
            unit: ban-nu-cong
            years: [2018, 2020]
            awards:
              - { award: bang-khen-ldld-tinh, year: 2017, decision: "190/QĐ-LĐLĐ", date: 2017-12-20 }
              - { award: giay-khen-cdcs, year: 2019 }
            ---
            X
            """)
        #expect(!found.contains { $0.code == "collective-criterion" })
        #expect(found.filter { $0.code == "award-year" }.map(\.line) == [7], "only the 2019 award, between honoured years")
    }

    @Test func outputCannotReplaceTheContentFolder() throws {
        let site = try SiteFixture(SiteFixture.basic)
        defer { site.remove() }
        var options = site.options()
        options.output = site.root
        let report = Builder.build(options)
        #expect(!report.published)
        #expect(report.diagnostics.contains { $0.code == "unsafe-output" })
        #expect(FileManager.default.fileExists(atPath: site.content.appendingPathComponent("site.yml").path))
    }

    @Test func registrationInDecemberIsForTheNextYear() throws {
        let found = try diagnostics(replacing: "individuals/a.md",
                                    with: "---\nname: A\nunit: ban-nu-cong\nsupervisor: B\nregistered: 2018-12-05\nyears: [2019]\n---\nX\n")
        #expect(!found.contains { $0.code == "late-registration" })
        let late = try diagnostics(replacing: "individuals/a.md",
                                   with: "---\nname: A\nunit: ban-nu-cong\nsupervisor: B\nregistered: 2019-03-05\nyears: [2019]\n---\nX\n")
        #expect(late.contains { $0.code == "late-registration" && $0.line == 5 })
    }

    @Test func pipeTextThatIsNoTableAndEmptyEventBodiesAreFlagged() throws {
        // Without its `| --- |` row the text is no table, and would show as written.
        let table = try diagnostics(replacing: "pages/bang.md", with: "---\ntitle: Bảng\n---\nMở đầu.\n\n| a | b |\n| 1 | 2 |\n")
        #expect(table.contains { $0.code == "table-syntax" && $0.line == 6 })
        let event = try diagnostics(replacing: "events/trong.md", with: "---\ntitle: Trống\ndate: 2019-01-01\n---\n")
        #expect(event.contains { $0.code == "empty-body" && $0.file == "content/events/trong.md" })
    }

    /// An event from the build day on has no report yet; a past one should have it.
    @Test func onlyPastEventsNeedAReport() throws {
        var files = SiteFixture.basic
        files["events/sap-toi.md"] = "---\ntitle: Sắp tới\ndate: 2020-03-01\n---\n"
        files["events/hom-nay.md"] = "---\ntitle: Hôm nay\ndate: 2020-01-01\n---\n"
        files["events/da-qua.md"] = "---\ntitle: Đã qua\ndate: 2019-12-31\n---\n"
        let site = try SiteFixture(files)
        defer { site.remove() }
        var options = site.options(write: false)
        options.today = try #require(CalendarDate(iso: "2020-01-01"))
        let empty = Builder.build(options).diagnostics.filter { $0.code == "empty-body" }
        #expect(empty.count == 1)
        let past = try #require(empty.first)
        #expect(past.file == "content/events/da-qua.md" && past.severity == .warning)
        #expect(past.message.contains("31/12/2019"))
        #expect(past.hint?.contains("chia sẻ") == true)
    }

    /// A table's cells are checked on their own; the paragraph they came from is not checked again.
    @Test func aLinkInATableCellIsReportedOnce() throws {
        let found = try diagnostics(replacing: "pages/bang.md",
                                    with: "---\ntitle: Bảng\n---\n| Mục | Liên kết |\n| --- | --- |\n| A | [ô](../models/khong-co.md) |\n")
        #expect(found.filter { $0.code == "broken-link" }.map(\.line) == [6])
    }

    @Test func dataLinksAreRemoved() throws {
        var files = SiteFixture.basic
        files["pages/x.md"] = "---\ntitle: X\n---\n[a](data:text/html;base64,PHNjcmlwdD4=) ![b](data:image/png;base64,AAAA)\n"
        let site = try SiteFixture(files)
        defer { site.remove() }
        #expect(site.build().published)
        let page = try #require(site.page("x/index.html"))
        #expect(!page.contains("data:"))
    }
}

@Suite struct PathSafetyTests {
    /// Catalogue ids become folders of the site: one that climbs out must never be written.
    @Test func catalogueIDsMustBeSlugs() throws {
        var files = SiteFixture.basic
        files["units.yml"]! += "\n- { id: ../../../tmp/pwn, name: Thoát ra, kind: district }\n- { id: \"x\\\" onclick=y\", name: Dấu nháy, kind: district }\n"
        files["awards.yml"] = "- { id: Bằng Khen Mới, name: Bằng khen mới, rank: 33 }\n"
        let site = try SiteFixture(files)
        defer { site.remove() }
        let report = site.build()
        let bad = report.diagnostics.filter { $0.code == "bad-id" }
        #expect(bad.count == 3)
        #expect(bad.contains { $0.file == "content/awards.yml" && $0.hint == "Dùng `id: bang-khen-moi`." })
        #expect(!report.published)
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("tmp/pwn").path))
    }

    /// The same unit typed once in NFD (as macOS editors save it) is still the same name.
    @Test func unitNamesEqualAfterNormalisationAreFlagged() throws {
        var files = SiteFixture.basic
        files["units.yml"]! += "\n- { id: ban-nu-cong-2, name: \("Ban Nữ công".decomposedStringWithCanonicalMapping), kind: department }\n"
        let site = try SiteFixture(files)
        defer { site.remove() }
        let found = Builder.build(site.options(write: false)).diagnostics
        #expect(found.contains { $0.code == "lookalike-name" && $0.message.contains("trùng với") })
    }

    @Test func linksOutOfTheContentFolderAreRefused() throws {
        let site = try SiteFixture(SiteFixture.basic)
        defer { site.remove() }
        let outside = site.root.appendingPathComponent("secret.md")
        try "---\nname: Bí mật\nunit: ban-nu-cong\n---\nmật khẩu\n".write(to: outside, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: site.content.appendingPathComponent("individuals/lien-ket.md").path,
                                                   withDestinationPath: outside.path)
        try FileManager.default.createDirectory(at: site.content.appendingPathComponent("media"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: site.content.appendingPathComponent("media/bi-mat.md").path,
                                                   withDestinationPath: outside.path)
        let report = site.build()
        #expect(report.diagnostics.contains { $0.code == "unsafe-path" && $0.file == "content/individuals/lien-ket.md" })
        #expect(report.diagnostics.contains { $0.code == "unsafe-path" && $0.file == "content/media/bi-mat.md" })
        #expect(!report.published)
        #expect(site.page("ca-nhan/lien-ket/index.html") == nil)
    }
}

@Suite struct LineEndTests {
    /// Old Mac line ends and Unicode line separators count as lines, as editors and YAML count them.
    @Test func loneCarriageReturnsCountAsLines() throws {
        let (_, found) = ContentLoader.readItem(bytes: Data("---\rname: A\runit: [x\r---\rBody\r".utf8), folder: "individuals", id: "a")
        let d = try #require(found.first { $0.code == "yaml-syntax" })
        #expect(d.line >= 3 && d.line <= 4)
        let (item, clean) = ContentLoader.readItem(bytes: Data("---\u{2028}name: A\r\nunit: u\u{2029}---\nBody\n".utf8), folder: "individuals", id: "a")
        #expect(clean.allSatisfy { $0.severity == .warning })
        guard case .exemplar(let exemplar)? = item else { Issue.record("no item"); return }
        #expect(exemplar.unit.at.line == 3 && exemplar.body.firstLine == 5)
    }
}
