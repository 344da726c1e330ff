@testable import ExemplarCore
import Foundation
import Testing

@Suite struct TemplateTests {
    private func render(_ templates: [String: String], _ data: [TemplateKey: TemplateValue], name: String = "main") throws -> String? {
        var parsed: [String: Template] = [:]
        for (key, text) in templates { parsed[key] = try TemplateParser.parse(text, name: key) }
        return TemplateRenderer(templates: parsed).render(name, data: .object(data))
    }

    @Test func variablesAreEscapedUnlessTripleOrHTML() throws {
        let out = try render(["main": "{{a}}|{{{a}}}|{{&a}}|{{b}}|{{n}}"],
                             ["a": "<b class=\"x\">&'", "b": .html(Array("<p>ok</p>".utf8)), "n": 3])
        #expect(out == "&lt;b class=&quot;x&quot;&gt;&amp;&#39;|<b class=\"x\">&'|<b class=\"x\">&'|<p>ok</p>|3")
    }

    /// Ids a theme writes itself are kept from headings: fixed ones only, each up to its quote.
    @Test func literalIDsOfATemplate() {
        let text = "<a id=\"top\"><b id=\"{{x}}\"><c id=\"\"><đ id=\"main\" id=\"x"
        #expect(Theme.literalIDs(in: text) == ["top", "main"])
        #expect(Theme.literalIDs(in: "no ids") == [])
    }

    @Test func numbersAreWrittenAsSwiftWritesThem() throws {
        for number in [0, 7, 10, -1, -305, 2026, Int.max, Int.min] {
            #expect(try render(["main": "{{n}}"], ["n": .number(number)]) == String(number))
        }
    }

    @Test func sectionsListsAndInverted() throws {
        let out = try render(["main": "{{#items}}{{name}}{{^last()}}, {{/last()}}{{/items}}{{^items}}none{{/items}}|{{#empty}}x{{/empty}}{{^empty}}empty{{/empty}}|{{#o}}{{k}}{{top}}{{/o}}"],
                             ["items": [["name": "An"], ["name": "Bình"]], "empty": "", "o": ["k": "K"], "top": "T"])
        #expect(out == "An, Bình|empty|KT")
        #expect(try render(["main": "{{#items}}x{{/items}}{{^items}}none{{/items}}"], ["items": []]) == "none")
    }

    @Test func transformsAndDottedNames() throws {
        let out = try render(["main": "{{^empty(xs)}}{{count(xs)}}{{/empty(xs)}}{{#empty(ys)}}-{{/empty(ys)}}{{a.b.c}}{{#xs}}{{index()}}{{/xs}}"],
                             ["xs": [1, 2, 3], "a": ["b": ["c": "deep"]]])
        #expect(out == "3-deep012")
    }

    @Test func inheritanceAndPartials() throws {
        let templates = [
            "layout": "<main>{{$main}}default{{/main}}</main>{{>footer}}",
            "footer": "<footer>{{site}}</footer>",
            "main": "{{<layout}}{{$main}}<h1>{{title}}</h1>{{/main}}{{/layout}}",
        ]
        #expect(try render(templates, ["title": "Tiêu đề", "site": "S"]) == "<main><h1>Tiêu đề</h1></main><footer>S</footer>")
        #expect(try render(templates, ["site": "S"], name: "layout") == "<main>default</main><footer>S</footer>")
    }

    @Test func standaloneTagsLeaveNoBlankLines() throws {
        let out = try render(["main": "<ul>\n  {{#xs}}\n  <li>{{.}}</li>\n  {{/xs}}\n</ul>\n"], ["xs": ["a", "b"]])
        #expect(out == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
    }

    @Test func syntaxErrorsNameTheLine() {
        #expect(throws: TemplateParser.Failure.self) { try TemplateParser.parse("a\n{{#x}}\nb", name: "t") }
        do {
            _ = try TemplateParser.parse("line one\n{{#x}}\n{{/y}}", name: "t")
            Issue.record("mismatched close should fail")
        } catch {
            #expect(error.line == 3 && error.message.contains("{{/y}}"))
        }
        #expect(throws: TemplateParser.Failure.self) { try TemplateParser.parse("{{nope(x)}}", name: "t") }
        // Lines end in `\n` or `\r\n`; columns count characters, not bytes.
        #expect(throws: TemplateParser.Failure(message: "{{/y}} đóng một khối chưa mở", line: 3, column: 4)) {
            try TemplateParser.parse("Đồng ệ\r\nnội {{x}}\nab {{/y}}", name: "t")
        }
        #expect(throws: TemplateParser.Failure(message: "khối {{x}} chưa được đóng bằng {{/x}}", line: 2, column: 3)) {
            try TemplateParser.parse("{{! ghi chú }}\r\nệà{{#x}}", name: "t")
        }
    }

    /// Texts of every length, with the five characters anywhere (within or across the
    /// eight-byte words the escaper reads at once), come out as a plain replacement gives.
    @Test func escapingMatchesPlainReplacementAtEveryPosition() throws {
        let alphabet: [String] = ["a", " ", "ệ", "Đ", "&", "<", ">", "\"", "'", "1", "—", "/"]
        var state: UInt64 = 2016
        for length in 0..<40 {
            for _ in 0..<25 {
                var text = ""
                for _ in 0..<length {
                    state = state &* 6364136223846793005 &+ 1442695040888963407
                    text += alphabet[Int(state >> 33) % alphabet.count]
                }
                let expected = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                    .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
                    .replacingOccurrences(of: "'", with: "&#39;")
                #expect(try render(["main": "[{{x}}]"], ["x": .text(text)]) == "[\(expected)]")
            }
        }
    }

    @Test func themeReportsMissingPartialAtItsLine() throws {
        let site = try SiteFixture(SiteFixture.basic)
        defer { site.remove() }
        let theme = site.root.appendingPathComponent("theme")
        try FileManager.default.createDirectory(at: theme.appendingPathComponent("templates"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: theme.appendingPathComponent("strings"), withIntermediateDirectories: true)
        try "x: y\n".write(to: theme.appendingPathComponent("strings/vi.yml"), atomically: true, encoding: .utf8)
        try "<p>\n{{>khong-co}}\n</p>".write(to: theme.appendingPathComponent("templates/home.mustache"), atomically: true, encoding: .utf8)
        let (_, diagnostics) = Theme.load(from: theme, displayPath: "theme", language: "vi")
        #expect(diagnostics.contains { $0.code == "missing-partial" && $0.line == 2 && $0.file == "theme/templates/home.mustache" })
        #expect(diagnostics.contains { $0.code == "missing-template" && $0.file == "theme/templates/exemplar.mustache" })
    }
}
