@testable import ExemplarCore
import Foundation
import Testing

/// Cards kept by `PartialMemo` must render exactly as they would afresh, on every page.
@Suite struct PartialMemoTests {
    private static let templates = [
        // A list page: cards with a block override; a unit page: cards with the default.
        "list": "{{#items}}{{<card}}{{$level}}2{{/level}}{{/card}}{{/items}}",
        "unit": "{{#items}}{{>card}}{{/items}}",
        "numbered": "{{#items}}{{>numbered-card}}{{/items}}",
        // `photo` and `note` are not in every item: Mustache then takes the page's.
        "card": "<h{{$level}}3{{/level}}>{{title}}</h{{$level}}3{{/level}}>{{t.more}}{{#photo}}<img src=\"{{photo}}\">{{/photo}}{{note}};",
        "numbered-card": "{{index()}}:{{title}};",
        // Two kinds of page filling their layout's `main` block, both showing a card that has no block.
        "frame": "<main>{{$main}}{{/main}}</main>",
        "page-a": "{{<frame}}{{$main}}A:{{#items}}{{>plain-card}}{{/items}}{{/main}}{{/frame}}",
        "page-b": "{{<frame}}{{$main}}B:{{#items}}{{>plain-card}}{{/items}}{{/main}}{{/frame}}",
        "plain-card": "{{title}};",
    ]

    private func parsed() throws -> TemplateRenderer {
        var parsed: [String: Template] = [:]
        for (key, text) in Self.templates { parsed[key] = try TemplateParser.parse(text, name: key) }
        return TemplateRenderer(templates: parsed)
    }

    @Test func keptCardsRenderAsFreshOnesOnEveryPage() throws {
        let renderer = try parsed()
        let strings: TemplateValue = ["more": "Xem thêm"]
        // Cards are records, as `Views.prepareCards` keeps them.
        let a = Self.record(["title": "Tập thể A"])
        let b = Self.record(["title": "Cá nhân B", "photo": "b.jpg", "note": "riêng"])
        let pages: [(String, [TemplateKey: TemplateValue])] = [
            ("list", ["t": strings, "items": [a, b]]),
            ("list", ["t": strings, "items": [b, a]]),
            ("unit", ["t": strings, "items": [a, b]]),
            // The page has a photo and a note of its own: item a, which has neither, shows them.
            ("unit", ["t": strings, "items": [a], "photo": "trang.jpg", "note": "của trang"]),
            ("list", ["t": ["more": "Khác"], "items": [a, b]]),
            ("list", ["t": strings, "items": [a, b]]),
            ("numbered", ["items": [a, b]]),
            ("numbered", ["items": [b, a]]),
        ]
        let memo = PartialMemo()
        for round in 1...3 {
            for (template, data) in pages {
                let fresh = renderer.render(template, data: .object(data))
                let kept = renderer.render(template, data: .object(data), memo: memo)
                #expect(kept == fresh, "round \(round), \(template): \(data)")
            }
        }
        #expect(try #require(renderer.render("unit", data: ["t": strings, "items": [a], "photo": "p.jpg"], memo: memo))
            == "<h3>Tập thể A</h3>Xem thêm<img src=\"p.jpg\">;")
        // Cards were kept and reused (the ones numbered by position were not).
        #expect(memo.kept > 0)
        let numbered = try #require(PartialMemo.key("numbered-card", a))
        #expect(memo.html(numbered, item: a, blocks: BlockFillings(), outside: { _ in nil }) == nil)
    }

    @Test func anEqualItemInOtherStorageIsRenderedAgain() throws {
        let renderer = try parsed()
        let memo = PartialMemo()
        for title in ["A", "A", "B", "B"] {
            let item = Self.record(["title": .text(title)])
            #expect(renderer.render("unit", data: ["items": [item, item]], memo: memo) == "<h3>\(title)</h3>;<h3>\(title)</h3>;")
        }
    }

    /// A page's own objects live for one page: keeping their partials would only hold memory.
    @Test func onlyRecordsAreKept() throws {
        let renderer = try parsed()
        let memo = PartialMemo()
        let item: TemplateValue = ["title": "A"]
        for _ in 1...3 {
            #expect(renderer.render("unit", data: ["items": [item, item]], memo: memo) == "<h3>A</h3>;<h3>A</h3>;")
        }
        #expect(memo.kept == 0)
        #expect(PartialMemo.key("card", item) == nil)
        let card = Self.record(["title": "A"])
        _ = renderer.render("unit", data: ["items": [card, card]], memo: memo)
        #expect(memo.kept == 1)
    }

    /// A card that shows no block is the same whatever blocks its page fills: kept once for all.
    @Test func blocksACardDoesNotShowMakeNoVariant() throws {
        let renderer = try parsed()
        let memo = PartialMemo()
        let card = Self.record(["title": "A"])
        for _ in 1...3 {
            #expect(renderer.render("page-a", data: ["items": [card, card]], memo: memo) == "<main>A:A;A;</main>")
            #expect(renderer.render("page-b", data: ["items": [card]], memo: memo) == "<main>B:A;</main>")
        }
        #expect(memo.kept == 1)
    }

    private static func record(_ fields: [TemplateKey: TemplateValue]) -> TemplateValue {
        .record(TemplateRecord(fields, layout: nil))
    }
}
