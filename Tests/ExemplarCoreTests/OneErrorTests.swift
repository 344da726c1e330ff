import ExemplarCore
import Foundation
import Testing

/// One mistake, one message: what the author must fix is not buried under consequences.
@Suite struct OneErrorTests {
    private func errors(_ files: [String: String]) throws -> [Diagnostic] {
        let site = try SiteFixture(files)
        defer { site.remove() }
        return Builder.build(site.options(write: false)).diagnostics.filter { $0.severity == .error }
    }

    /// A syntax error leaves site.yml unread, not without a title.
    @Test func siteSyntaxErrorIsTheOnlyError() throws {
        var files = SiteFixture.basic
        files["site.yml"] = "title: Điển hình\nbase_url: [https://ldld.example.vn/\n"
        let found = try errors(files)
        #expect(found.map(\.code) == ["yaml-syntax"])
        #expect(found.first?.file == "content/site.yml")
    }

    /// Collectives and individuals have separate criteria: one id in both lists is no clash,
    /// the same id twice in one list is.
    @Test func criteriaIdsAreUniquePerKind() throws {
        var files = SiteFixture.basic
        files["criteria.yml"] = "collective:\n  - { id: doan-ket, text: A }\nindividual:\n  - { id: doan-ket, text: B }\n"
        #expect(try errors(files).isEmpty)
        files["criteria.yml"] = "individual:\n  - { id: doan-ket, text: A }\n  - { id: doan-ket, text: B }\n"
        let found = try errors(files)
        #expect(found.map(\.code) == ["duplicate-id"])
        #expect(found.first?.line == 3)
    }

    /// An empty site.yml still needs its title.
    @Test func emptySiteStillNeedsATitle() throws {
        var files = SiteFixture.basic
        files["site.yml"] = "\n"
        #expect(try errors(files).map(\.code) == ["missing-key"])
    }

    /// Quotes, spaces and angle brackets would be copied into every link of the site.
    @Test func baseURLMustBeAnAddressOrAPath() throws {
        for bad in ["'\"https://ldld.example.vn/\"'", "https://ldld.example.vn/dien hinh/", "\"https://ldld.example.vn/<x>/\"",
                    "//ldld.example.vn/", "ldld.example.vn", "https:///dien-hinh/", "/dien hinh/"] {
            var files = SiteFixture.basic
            files["site.yml"] = "title: T\nbase_url: \(bad)\n"
            let found = try errors(files)
            let d = try #require(found.first { $0.code == "bad-base-url" }, "\(bad)")
            #expect(found.count == 1)
            #expect(d.line == 2 && d.file == "content/site.yml")
            #expect(d.hint?.contains("https://ldld.example.vn/dien-hinh/") == true)
        }
        for good in ["https://ldld.example.vn/dien-hinh", "http://localhost:8000/", "\"https://ldld.example.vn/dien-hinh/\"", "/dien-hinh/", "/"] {
            var files = SiteFixture.basic
            files["site.yml"] = "title: T\nbase_url: \(good)\n"
            #expect(try errors(files).isEmpty, "\(good)")
        }
        #expect(BaseURL.problem("https://ldld.example.vn/dien hinh/")?.contains("dấu cách") == true)
    }

    /// `pages/media.md` would be written among the photos.
    @Test func pagesCannotTakeTheBuildersRootFolders() throws {
        for id in ["media", "api", "assets", "tap-the"] {
            var files = SiteFixture.basic
            files["pages/\(id).md"] = "---\ntitle: Trang\n---\nX\n"
            let found = try errors(files)
            #expect(found.count == 1, "\(id): \(found)")
            let d = try #require(found.first)
            #expect(d.code == "url-collision" && d.file == "content/pages/\(id).md")
            #expect(d.message.contains("`media`") && d.message.contains("`api`") && d.message.contains("`assets`") && d.message.contains("`tap-the`"))
        }
    }

    /// Every page template extends `layout`: its absence is one error, not one per template.
    @Test func missingLayoutIsOneError() throws {
        let site = try SiteFixture(SiteFixture.basic)
        defer { site.remove() }
        let theme = site.root.appendingPathComponent("theme")
        try FileManager.default.copyItem(at: SiteFixture.repository.appendingPathComponent("theme"), to: theme)
        try FileManager.default.removeItem(at: theme.appendingPathComponent("templates/layout.mustache"))
        var options = site.options(write: false)
        options.theme = theme
        options.themeDisplay = "theme"
        let found = Builder.build(options).diagnostics.filter { $0.severity == .error }
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.code == "missing-partial" && found.first?.message.contains("layout.mustache") == true)
    }
}
