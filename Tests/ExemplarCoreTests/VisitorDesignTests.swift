import ExemplarCore
import Foundation
import Testing

/// How the site presents who it shows and who publishes it, on the sample and on content it
/// has not seen.
@Suite struct VisitorDesignTests {
    typealias Built = VisitorDataTests.Built

    /// The sample and a small fixture with another organisation.
    static func sites() throws -> [Built] {
        let fixture = try VisitorDataTests.fixture([
            "site.yml": """
            title: Gương sáng lao động
            organisation: Công đoàn ngành Xây dựng tỉnh Hà Giang
            base_url: https://cd.example.vn/
            """,
        ]).1
        return [try VisitorDataTests.sample(), fixture]
    }

    @Test func theFooterSaysWhoPublishesTheSiteNotWhichToolBuiltIt() throws {
        for built in try Self.sites() {
            defer { built.remove() }
            let organisation = built.graph.site.organisation
            for file in built.htmlFiles {
                let html = try #require(built.page(file))
                let footer = try #require(html.range(of: "<footer class=\"site-footer\">")).upperBound
                let text = VisitorDataTests.visibleText(String(html[footer...]))
                #expect(text.contains("do \(organisation) công bố"), "\(file): \(text)")
                #expect(!text.contains("Exemplar"), "\(file) names the tool")
            }
        }
    }

    @Test func theMenuGroupsSeveralFreePagesUnderOneEntryAndOpensFromAButton() throws {
        for built in try Self.sites() {
            defer { built.remove() }
            let pages = built.graph.menuPages.compactMap { id in built.graph.pages[id].map { (id, $0.title) } }
            for file in built.htmlFiles where file != "404.html" {
                let html = try #require(built.page(file))
                let nav = try #require(html.components(separatedBy: "<nav class=\"site-nav\"").dropFirst().first).components(separatedBy: "</nav>")[0]
                #expect(nav.contains("<details class=\"wrap nav-menu\">\n    <summary>Danh mục</summary>"), "\(file): a menu button")
                for (id, title) in pages { #expect(nav.contains(">\(title)</a>"), "\(file): \(id)") }
                let more = nav.components(separatedBy: "<li class=\"nav-more\">").dropFirst().first
                #expect((more != nil) == (pages.count > 1), "\(file): free pages grouped only when several")
                if let more { for (_, title) in pages { #expect(more.contains(">\(title)</a>")) } }
            }
        }
    }

    @Test func theHomePageDoesNotRepeatTheHeader() throws {
        for built in try Self.sites() {
            defer { built.remove() }
            let home = try #require(built.page("index.html"))
            let main = try #require(home.components(separatedBy: "<main id=\"main\"").dropFirst().first).components(separatedBy: "</main>")[0]
            let heading = try #require(VisitorDataTests.matches(#"<h1[^>]*>([^<]+)</h1>"#, in: main).first)
            #expect(heading != built.graph.site.title && !main.contains(">\(built.graph.site.organisation)<"), "\(heading)")
            // The figures open the page, inside its first section.
            let hero = main.components(separatedBy: "</section>")[0]
            #expect(hero.contains("<h1") && hero.contains("class=\"figures\""))
        }
    }

    @Test func collectivesAreShownWithAUnitEmblemNotAPersonsSilhouette() throws {
        for built in try Self.sites() {
            defer { built.remove() }
            var cards = 0
            for file in built.htmlFiles {
                let html = try #require(built.page(file))
                for card in html.components(separatedBy: "<li class=\"card").dropFirst() {
                    guard let link = VisitorDataTests.matches(#"class="card-title"><a href="([^"]+)""#, in: card).first else { continue }
                    let collective = link.hasPrefix(built.base + "tap-the/")
                    let person = link.hasPrefix(built.base + "ca-nhan/")
                    guard collective || person else { continue }
                    cards += 1
                    #expect(card.hasPrefix(" card-collective\"") == collective, "\(file): \(link)")
                }
            }
            #expect(cards > 0)
        }
        // The stylesheet draws a collective without a photo as an emblem, not the silhouette.
        let css = try String(contentsOf: SiteFixture.repository.appendingPathComponent("theme/assets/style.css"), encoding: .utf8)
        let rule = try #require(css.components(separatedBy: "\n").first { $0.hasPrefix(".card-collective .no-photo") })
        #expect(rule.contains("url(\"data:image/svg+xml") && !rule.contains("radial-gradient"))
    }
}
