import ExemplarCore
import Foundation
import Testing

/// What a visitor reads is right and complete: every list shows what it counts, no internal
/// code reaches the page, the filter sees the whole list, coming events are not "attended",
/// and every page and figure leads somewhere.
@Suite struct VisitorDataTests {
    /// The sample site (or a fixture), built with the default theme into a fresh folder.
    struct Built {
        let output: URL
        let graph: SiteGraph
        var base: String { graph.site.basePath }

        func page(_ path: String) -> String? {
            try? String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
        }

        var htmlFiles: [String] {
            (FileManager.default.enumerator(atPath: output.path)?.compactMap { $0 as? String } ?? [])
                .filter { $0.hasSuffix(".html") }.sorted()
        }

        func remove() { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
    }

    /// Builds a copy of the sample content, after `edit` changed it (a file name → its new text).
    static func sample(today: String = "2021-06-01", edit: [String: (String) -> String] = [:]) throws -> Built {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("exemplar-visitor-\(UUID().uuidString)")
        let content = root.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: SiteFixture.repository.appendingPathComponent("content"), to: content)
        for (file, change) in edit {
            let url = content.appendingPathComponent(file)
            let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
            try change(text).write(to: url, atomically: true, encoding: .utf8)
        }
        return try build(content: content, output: root.appendingPathComponent("public"), today: today)
    }

    static func build(content: URL, output: URL, today: String) throws -> Built {
        var options = BuildOptions(content: content.path, theme: SiteFixture.repository.appendingPathComponent("theme").path,
                                   output: output.path)
        options.contentDisplay = "content"
        options.today = try #require(CalendarDate(iso: today))
        let report = Builder.build(options)
        #expect(report.published, "\(report.diagnostics.filter { $0.severity == .error })")
        return Built(output: output, graph: try #require(report.graph))
    }

    static func fixture(_ extra: [String: String], today: String = "2020-01-01") throws -> (SiteFixture, Built) {
        var files = SiteFixture.basic
        files.merge(extra) { _, new in new }
        let site = try SiteFixture(files)
        return (site, try build(content: site.content, output: site.output, today: today))
    }

    // MARK: - Lists

    /// The exemplar cards of a list, following its pages, in order.
    static func cards(of list: String, in built: Built) -> [String] {
        var found: [String] = []
        var page = 1
        while let html = built.page(list + (page > 1 ? "trang/\(page)/" : "") + "index.html") {
            found += matches(#"<li class="card[^"]*"[^>]*>\s*(?:<[^>]*>\s*)*?<h[23] class="card-title"><a href="([^"]+)""#, in: html)
            page += 1
        }
        return found
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    @Test func everyListShowsEveryItemItCounts() throws {
        let built = try Self.sample()
        defer { built.remove() }
        let graph = built.graph
        let people = graph.exemplars.values
        func urls(_ chosen: [Exemplar]) -> Set<String> {
            Set(chosen.map { built.base + ($0.kind == .collective ? "tap-the/" : "ca-nhan/") + $0.id + "/" })
        }
        // Expected members read from the items themselves, not from the site's indexes.
        var expected: [String: Set<String>] = [
            "tap-the/": urls(people.filter { $0.kind == .collective }),
            "ca-nhan/": urls(people.filter { $0.kind == .individual }),
        ]
        if let phase = graph.site.phase {
            expected["giai-doan/"] = urls(people.filter { $0.years.contains { phase.contains($0.value) } })
        }
        for year in Set(people.flatMap { $0.years.map(\.value) }) {
            expected["nam/\(year)/"] = urls(people.filter { $0.years.contains { $0.value == year } })
        }
        for award in Set(people.flatMap { $0.awards.map(\.award.value) }) {
            expected["khen-thuong/\(award)/"] = urls(people.filter { $0.awards.contains { $0.award.value == award } })
        }
        #expect(expected["giai-doan/"]?.count ?? 0 > Planner.pageSize, "the sample's phase list has a second page")
        for (list, members) in expected {
            let shown = Self.cards(of: list, in: built)
            #expect(Set(shown) == members, "\(list): \(members.subtracting(shown)) missing, \(Set(shown).subtracting(members)) extra")
            #expect(shown.count == Set(shown).count, "\(list) shows an item twice")
            let first = try #require(built.page(list + "index.html"))
            #expect(first.contains("<p class=\"count\">\(members.count) "), "\(list) counts \(members.count)")
        }
        // Models: every one, across pages.
        let models = Set(graph.initiatives.keys.map { built.base + "mo-hinh/\($0)/" })
        var shownModels: [String] = []
        var page = 1
        while let html = built.page("mo-hinh/" + (page > 1 ? "trang/\(page)/" : "") + "index.html") {
            shownModels += Self.matches(#"class="card-title"><a href="([^"]+)""#, in: html)
            page += 1
        }
        #expect(Set(shownModels) == models)
    }

    // MARK: - Internal codes

    /// The text a reader sees: the title, text between tags, alt texts; no scripts, no URLs.
    static func visibleText(_ html: String) -> String {
        var text = html
        for pattern in [#"<script[\s\S]*?</script>"#, #"<style[\s\S]*?</style>"#, #"<head>[\s\S]*?<title>"#, #"</title>[\s\S]*?</head>"#] {
            text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        let alts = matches(#"alt="([^"]*)""#, in: text).joined(separator: " ")
        text = text.replacingOccurrences(of: #"<[^>]*>"#, with: " ", options: .regularExpression) + " " + alts
        return text.replacingOccurrences(of: #"https?://\S+"#, with: " ", options: .regularExpression)
    }

    /// Every code a catalogue or an item kind is written with in the content files.
    static func codes(_ graph: SiteGraph) -> Set<String> {
        var codes = Set(Unit.Kind.allCases.map(\.rawValue) + Exemplar.Kind.allCases.map(\.rawValue)
                        + Exemplar.Scope.allCases.map(\.rawValue) + Initiative.Kind.allCases.map(\.rawValue)
                        + Event.Kind.allCases.map(\.rawValue))
        codes.formUnion(graph.awards.values.compactMap(\.level))
        // Ids with a hyphen cannot be ordinary words of either language.
        let ids = Array(graph.units.keys) + Array(graph.awards.keys) + Array(graph.fields.keys) + Array(graph.criteria.keys)
        codes.formUnion(ids.filter { $0.contains("-") })
        return codes
    }

    static func leaks(in built: Built, allowing words: Set<String>) -> [String] {
        let codes = Self.codes(built.graph).subtracting(words)
        var found: [String] = []
        for file in built.htmlFiles {
            guard let html = built.page(file) else { continue }
            let text = visibleText(html)
            for code in codes {
                let pattern = "(?<![\\p{L}\\p{N}-])" + NSRegularExpression.escapedPattern(for: code) + "(?![\\p{L}\\p{N}-])"
                if text.range(of: pattern, options: .regularExpression) != nil { found.append("\(file): \(code)") }
            }
        }
        return found
    }

    @Test func noInternalCodeReachesAVisitorInEitherLanguage() throws {
        let vietnamese = try Self.sample()
        defer { vietnamese.remove() }
        #expect(vietnamese.htmlFiles.count > 50)
        let vi = Self.leaks(in: vietnamese, allowing: [])
        #expect(vi.isEmpty, "\(vi.prefix(20))")

        let english = try Self.sample(edit: ["site.yml": { $0.replacingOccurrences(of: "language: vi", with: "language: en") }])
        defer { english.remove() }
        #expect(english.page("index.html")?.contains("lang=\"en\"") == true)
        // An English interface may use a code's word in its own sentences ("unit").
        let strings = try String(contentsOf: SiteFixture.repository.appendingPathComponent("theme/strings/en.yml"), encoding: .utf8)
        let words = Set(strings.split(whereSeparator: { !$0.isLetter && $0 != "-" }).map(String.init))
        let en = Self.leaks(in: english, allowing: words)
        #expect(en.isEmpty, "\(en.prefix(20))")
    }

    // MARK: - Filter

    @Test func filterSeesTheWholeListAndOffersOnlyUsefulChoices() throws {
        var extra: [String: String] = [
            "units.yml": SiteFixture.basic["units.yml", default: ""] + "\n- { id: ban-to-chuc, name: Ban Tổ chức, kind: department }\n",
        ]
        for index in 0..<30 {
            // The last person (given name sorts last) is the only one of Ban Tổ chức, so on page 2.
            let unit = index == 29 ? "ban-to-chuc" : "ban-nu-cong"
            let name = index == 29 ? "Trần Văn Yến" : "Trần Văn A\(index)"
            extra["individuals/p\(index).md"] = "---\nname: \(name)\nunit: \(unit)\nsupervisor: A\nyears: [2019]\n---\nX\n"
        }
        let (site, built) = try Self.fixture(extra)
        defer { site.remove() }
        let first = try #require(built.page("ca-nhan/index.html"))
        #expect(!first.contains("Trần Văn Yến"), "the only member of Ban Tổ chức is on page 2")
        let options = try #require(try FilterOptions.of(first, output: built.output, base: built.base))
        #expect(options.contains("unit", value: "ban-to-chuc", label: "Ban Tổ chức"), "its unit is offered on page 1")
        let source = try #require(Self.matches(#"data-source="([^"]+)""#, in: first).first)
        let path = String(source.dropFirst(built.base.count))
        let data = try #require(built.page(path)?.data(using: .utf8))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let items = try #require(json["items"] as? [[String: Any]])
        #expect(items.count == built.graph.individualOrder.count)
        let yen = try #require(items.first { $0["name"] as? String == "Trần Văn Yến" })
        #expect((yen["match"] as? [String: Any])?["unit"] as? String == "ban-to-chuc")
        #expect(yen["url"] as? String == built.base + "ca-nhan/p29/")
        // The same file serves every page of the list; a one-page list needs none.
        let second = try #require(built.page("ca-nhan/trang/2/index.html"))
        #expect(second.contains("data-source=\"\(source)\""))
        #expect(try FilterOptions.of(second, output: built.output, base: built.base)?.file == options.file)
        #expect(built.page("tap-the/danh-sach.json") == nil)
        // No filter on the list's own axis, nor a choice every item has.
        let year = try #require(built.page("nam/2019/index.html"))
        #expect(!year.contains("select name=\"year\""))
        #expect(year.contains("select name=\"unit\""))
        let yearOptions = try #require(try FilterOptions.of(year, output: built.output, base: built.base))
        #expect(yearOptions.selects["year"] == nil && !yearOptions.values("unit").isEmpty)
        let award = try #require(built.page("khen-thuong/bang-khen-ldld-tinh/index.html"))
        #expect(!award.contains("select name=\"award\""))
        #expect(try FilterOptions.of(award, output: built.output, base: built.base)?.selects["award"] == nil)
    }

    // MARK: - Events and links

    @Test func aComingEventIsNotListedAsAttended() throws {
        let coming = """
        ---
        title: Giao lưu điển hình năm 2030
        kind: exchange
        date: 2030-09-25
        end_date: 2030-09-25
        host: ban-nu-cong
        participants: [nguyen-thi-hoa]
        models: [so-tay-nu-cong-dien-tu]
        ---
        """
        let (site, built) = try Self.fixture(["events/giao-luu-2030.md": coming], today: "2026-11-30")
        defer { site.remove() }
        let profile = try #require(built.page("ca-nhan/nguyen-thi-hoa/index.html"))
        let attended = try #require(profile.range(of: "id=\"events\""))
        let upcoming = try #require(profile.range(of: "id=\"coming-events\""))
        let event = try #require(profile.range(of: "Giao lưu điển hình năm 2030"))
        #expect(upcoming.lowerBound < event.lowerBound && event.lowerBound < attended.lowerBound,
                "the coming event is in its own section, not among those attended")
        #expect(profile.contains("<time datetime=\"2026-11-30\">30/11/2026</time>"), "the page says the day it was decided")
        let model = try #require(built.page("mo-hinh/so-tay-nu-cong-dien-tu/index.html"))
        let presented = try #require(model.range(of: "id=\"events\""))
        let toCome = try #require(model.range(of: "Giao lưu điển hình năm 2030"))
        #expect(toCome.lowerBound < presented.lowerBound)
        // A one-day event shows one date.
        let page = try #require(built.page("su-kien/giao-luu-2030/index.html"))
        #expect(!page.contains("25/9/2030</time> – <time"))
        #expect(!(try #require(built.page("su-kien/index.html"))).contains("25/9/2030</time> – "))
    }

    @Test func aDroppedScriptLinkLeavesItsTextAlone() throws {
        let body = "---\ntitle: Liên hệ\n---\nXem [bảng điểm](javascript:alert(1)) và ![ảnh](javascript:x) tại đây.\n"
        let (site, built) = try Self.fixture(["pages/lien-he.md": body])
        defer { site.remove() }
        let page = try #require(built.page("lien-he/index.html"))
        #expect(page.contains("Xem bảng điểm và ảnh tại đây."))
        #expect(!page.contains("href=\"\"") && !page.contains("src=\"\""))
    }

    @Test func everyPageIsReachableAndEveryFigureLinksToWhatItCounts() throws {
        let built = try Self.sample()
        defer { built.remove() }
        // Follow links from the home page; every HTML page must be found.
        var seen: Set<String> = ["index.html"]
        var queue = ["index.html"]
        while let file = queue.popLast() {
            guard let html = built.page(file) else { continue }
            // Links, and the search form's address in the header.
            let targets = LinkCrawler.links(in: html) + Self.matches(#"<form[^>]*action="([^"]+)""#, in: html)
            for link in targets where link.hasPrefix(built.base) {
                var path = String(link.dropFirst(built.base.count))
                if let hash = path.firstIndex(of: "#") { path = String(path[..<hash]) }
                if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
                path = path.removingPercentEncoding ?? path
                if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
                guard path.hasSuffix(".html"), seen.insert(path).inserted else { continue }
                queue.append(path)
            }
        }
        let unreachable = Set(built.htmlFiles).subtracting(seen).subtracting(["404.html"])
        #expect(unreachable.isEmpty, "\(unreachable.sorted())")
        // A unit's page always has something to show.
        for file in built.htmlFiles where file.hasPrefix("don-vi/") && file != "don-vi/index.html" {
            #expect(built.page(file)?.contains(">Chưa có mục nào.<") == false, "\(file) is empty")
        }
        // The adopters figure leads to a section listing exactly the units that adopted a model.
        let home = try #require(built.page("index.html"))
        let figure = try #require(Self.matches(#"<a href="([^"]+)"><strong>\d+</strong> đơn vị đã nhân rộng"#, in: home).first)
        let count = try #require(Self.matches(#"<strong>(\d+)</strong> đơn vị đã nhân rộng"#, in: home).first.flatMap { Int($0) })
        let (target, anchor) = try #require(figure.split(separator: "#").count == 2 ? (String(figure.split(separator: "#")[0]), String(figure.split(separator: "#")[1])) : nil)
        let overview = try #require(built.page(String(target.dropFirst(built.base.count)) + "index.html"))
        let start = try #require(overview.range(of: "id=\"\(anchor)\""))
        let section = String(overview[start.upperBound...].prefix { _ in true }).components(separatedBy: "</section>")[0]
        let listed = Set(Self.matches(#"<tr><td><a href="[^"]*/don-vi/([^/"]+)/">"#, in: section))
        let adopters = Set(built.graph.initiatives.values.flatMap { $0.adoptedBy.map(\.unit.value) })
        #expect(listed == adopters && count == adopters.count, "\(listed.symmetricDifference(adopters))")
    }
}
