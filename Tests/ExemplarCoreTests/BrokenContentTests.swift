import ExemplarCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Mistakes found by breaking copies of the sample site one at a time: each is reported
/// where the author has to look, and nothing outside the output folder is touched.
@Suite struct BrokenContentTests {
    private func check(_ files: [String: String]) throws -> [Diagnostic] {
        let site = try SiteFixture(files)
        defer { site.remove() }
        return Builder.build(site.options(write: false)).diagnostics
    }

    /// The line to delete is the repeated key, not the first one.
    @Test func duplicateKeyPointsAtTheRepeatedKey() throws {
        var files = SiteFixture.basic
        files["individuals/a.md"] = "---\nname: A\nunit: ban-nu-cong\nsupervisor: B\nunit: ban-nu-cong\n---\nX\n"
        files["units.yml"]! += "\n- id: ban-moi\n  name: Ban Mới\n  kind: department\n  name: Ban Mới 2\n"
        files["collectives/b.md"] = "---\nname: B\nunit: ban-nu-cong\nselection: { decision: \"1/QĐ\", date: 2018-03-01, date: 2018-03-02 }\n---\nX\n"
        let found = try check(files).filter { $0.code == "duplicate-key" }
        #expect(found.contains { $0.file == "content/individuals/a.md" && $0.line == 5 && $0.column == 1 && $0.message.contains("dòng 3") })
        #expect(found.contains { $0.file == "content/units.yml" && $0.line == 7 && $0.column == 3 && $0.message.contains("dòng 5") })
        #expect(found.contains { $0.file == "content/collectives/b.md" && $0.line == 4 && $0.column == 50 })
    }

    /// A linked `site.yml` or catalogue that leads outside is refused, not taken for absent:
    /// the site would otherwise be published with default settings or without its units.
    @Test func linkedTopLevelFilesAndMediaOutsideAreErrors() throws {
        let site = try SiteFixture(SiteFixture.basic)
        defer { site.remove() }
        let outside = site.root.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try "title: Khác\n".write(to: outside.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
        let fm = FileManager.default
        try fm.removeItem(at: site.content.appendingPathComponent("site.yml"))
        try fm.createSymbolicLink(atPath: site.content.appendingPathComponent("site.yml").path,
                                  withDestinationPath: outside.appendingPathComponent("site.yml").path)
        try fm.createSymbolicLink(atPath: site.content.appendingPathComponent("awards.yml").path,
                                  withDestinationPath: outside.appendingPathComponent("khong-co.yml").path)
        try fm.createSymbolicLink(atPath: site.content.appendingPathComponent("media").path, withDestinationPath: outside.path)
        let report = site.build()
        let unsafe = report.diagnostics.filter { $0.code == "unsafe-path" && $0.severity == .error }.map(\.file)
        #expect(Set(unsafe) == ["content/site.yml", "content/awards.yml", "content/media"])
        #expect(!report.diagnostics.contains { $0.code == "missing-site" })
        #expect(!report.published)
    }

    /// Building into an existing file would move it aside and delete it.
    @Test func outputThatIsAFileIsRefused() throws {
        let site = try SiteFixture(SiteFixture.basic)
        defer { site.remove() }
        let file = site.root.appendingPathComponent(".git")
        try "gitdir: /somewhere\n".write(to: file, atomically: true, encoding: .utf8)
        var options = site.options()
        options.output = file
        let report = Builder.build(options)
        #expect(!report.published)
        #expect(report.diagnostics.contains { $0.code == "unsafe-output" })
        #expect(try String(contentsOf: file, encoding: .utf8) == "gitdir: /somewhere\n")
    }

    /// One broken template is one error at its line, not one more per page that needs it.
    @Test func brokenTemplateIsReportedOnce() throws {
        let site = try SiteFixture(SiteFixture.basic)
        defer { site.remove() }
        let theme = site.root.appendingPathComponent("theme")
        try FileManager.default.copyItem(at: SiteFixture.repository.appendingPathComponent("theme"), to: theme)
        let template = theme.appendingPathComponent("templates/exemplar.mustache")
        let text = try String(contentsOf: template, encoding: .utf8)
        try ("{{#oops}}" + text).write(to: template, atomically: true, encoding: .utf8)
        var options = site.options()
        options.theme = theme
        let errors = Builder.build(options).diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.code) == ["template-syntax"])
        #expect(errors.first?.file.hasSuffix("templates/exemplar.mustache") == true)
    }

    /// YAML escapes let an author write characters XML 1.0 forbids; the feed must still parse.
    @Test func controlCharactersDoNotBreakTheFeed() throws {
        var files = SiteFixture.basic
        files["individuals/x.md"] = "---\nname: \"A\\x01B\\uFFFE <C>\"\nunit: ban-nu-cong\nsupervisor: A\nsummary: \"x\\vy\"\n---\nX\n"
        let site = try SiteFixture(files)
        defer { site.remove() }
        #expect(site.build().published)
        let feed = try #require(site.page("feed.xml"))
        let parser = XMLParser(data: Data(feed.utf8))
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
        #expect(feed.contains("<title>AB &lt;C&gt;</title>"))
    }

    /// In site.yml and catalogues there is no front matter to add the key to.
    @Test func missingKeyInACatalogueNamesTheEntry() throws {
        var files = SiteFixture.basic
        files["awards.yml"] = "- { id: giay-khen-moi, name: Giấy khen mới, rank: 7 }\n- { id: bang-khen-moi, name: Bằng khen mới }\n"
        let d = try #require(try check(files).first { $0.code == "missing-key" })
        #expect(d.file == "content/awards.yml" && d.line == 2)
        #expect(d.hint?.contains("dòng 2") == true && d.hint?.contains("thông tin đầu tệp") == false)
    }
}
