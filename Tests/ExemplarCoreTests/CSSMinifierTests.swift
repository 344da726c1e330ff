@testable import ExemplarCore
import Foundation
import Testing

@Suite struct CSSMinifierTests {
    private func minify(_ css: String) -> String {
        String(decoding: CSSMinifier.minify(Data(css.utf8)), as: UTF8.self)
    }

    @Test func dropsCommentsAndLayoutWhitespace() {
        #expect(minify("/* head */\n.a  .b ,\n.c {\n  color: red;\n  margin: 0 auto;\n}\n") == ".a .b,.c{color: red;margin: 0 auto;}\n")
        #expect(minify("@media (max-width: 40rem) {\n  .x { top: calc(1rem + 2px); }\n}") == "@media (max-width: 40rem){.x{top: calc(1rem + 2px);}}\n")
    }

    @Test func keepsStringsAsTheyAre() {
        #expect(minify(".q::before { content: \"a  /* b */ ; c\"; }") == ".q::before{content: \"a  /* b */ ; c\";}\n")
        #expect(minify(".e::after { content: '\\'  x'; }") == ".e::after{content: '\\'  x';}\n")
    }

    @Test func theThemeStylesheetIsPublishedSmallerWithEveryRule() throws {
        let site = try SiteFixture(SiteFixture.basic)
        defer { site.remove() }
        _ = site.build()
        let source = try String(contentsOf: SiteFixture.repository.appendingPathComponent("theme/assets/style.css"), encoding: .utf8)
        let published = try #require(site.page("assets/style.css"))
        #expect(published.utf8.count < source.utf8.count)
        #expect(!published.contains("/*"))
        // Same rules: the count of each structural character is unchanged outside comments.
        let withoutComments = source.replacingOccurrences(of: #"/\*[\s\S]*?\*/"#, with: "", options: .regularExpression)
        for character in ["{", "}", ";", ":", "(", ")"] {
            #expect(published.components(separatedBy: character).count == withoutComments.components(separatedBy: character).count)
        }
    }
}
