import ExemplarCore
import Foundation
import Testing

/// "Who was honoured, for what, by which decision", read from the built pages and compared
/// with the content files, on the sample and on a site the theme has not seen.
@Suite struct VisitorHonoursTests {
    typealias Built = VisitorDataTests.Built

    /// A site with a person honoured twice with one award, and a commendation conference.
    static let unseen: [String: String] = [
        "individuals/le-van-tam.md": """
        ---
        name: Lê Văn Tâm
        unit: ldld-huyen-le-thuy
        position: Chủ tịch
        supervisor: A
        years: [2017, 2018, 2019]
        awards:
          - { award: bang-khen-tong-ldld, year: 2019, decision: "777/QĐ-TLĐ", date: 2019-08-01 }
          - { award: bang-khen-ldld-tinh, year: 2017, decision: "31/QĐ-LĐLĐ", date: 2017-12-01 }
          - { award: bang-khen-ldld-tinh, year: 2018, decision: "45/QĐ-LĐLĐ" }
        summary: Người đưa "mái ấm" về với đoàn viên vùng lũ.
        ---
        Anh Tâm.
        """,
        "events/bieu-duong-2019.md": """
        ---
        title: Hội nghị biểu dương điển hình năm 2019
        kind: commendation
        date: 2019-09-10
        host: ban-nu-cong
        participants: [le-van-tam, nguyen-thi-hoa, cdcs-truong-thpt-le-thuy]
        ---
        Hội nghị.
        """,
    ]

    static func sites() throws -> [Built] {
        var unseen = Self.unseen
        unseen["awards.yml"] = "- { id: bang-khen-cum, name: Bằng khen của Cụm thi đua, rank: 20, level: cụm thi đua, description: \"Tặng đơn vị dẫn đầu cụm.\" }\n"
        unseen["collectives/cum.md"] = "---\nname: Công đoàn Cụm Bắc\nunit: ldld-huyen-le-thuy\nleader: A\nawards: [{ award: bang-khen-cum, year: 2019, decision: \"9/QĐ-CTĐ\" }]\n---\nX\n"
        return [try VisitorDataTests.sample(), try VisitorDataTests.fixture(unseen).1]
    }

    static func unescape(_ html: String) -> String {
        html.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Whether `text` names `decision` as a whole (03/QĐ is not inside 103/QĐ).
    static func mentions(_ text: String, _ decision: String) -> Bool {
        let pattern = "(?<![\\p{L}\\p{N}])" + NSRegularExpression.escapedPattern(for: decision) + "(?![\\p{L}\\p{N}])"
        return text.range(of: pattern, options: .regularExpression) != nil
    }

    /// Each card of an exemplar list page, keyed by the profile it links to, across pages.
    static func cards(of list: String, in built: Built) -> [String: String] {
        var found: [String: String] = [:]
        var page = 1
        while let html = built.page(list + (page > 1 ? "trang/\(page)/" : "") + "index.html") {
            for card in html.components(separatedBy: "<li class=\"card").dropFirst() {
                let text = card.components(separatedBy: "</li>")[0]
                if let link = VisitorDataTests.matches(#"class="card-title"><a href="([^"]+)""#, in: text).first {
                    found[link] = unescape(text)
                }
            }
            page += 1
        }
        return found
    }

    func profileURL(_ exemplar: Exemplar, _ built: Built) -> String {
        built.base + (exemplar.kind == .collective ? "tap-the/" : "ca-nhan/") + exemplar.id + "/"
    }

    @Test func anAwardPageGivesEachHolderTheYearAndDecisionOfThatAward() throws {
        for built in try Self.sites() {
            defer { built.remove() }
            let graph = built.graph
            var checked = 0, checkedDescriptions = 0
            for award in Set(graph.exemplars.values.flatMap { $0.awards.map(\.award.value) }) {
                let list = "khen-thuong/\(award)/"
                let cards = Self.cards(of: list, in: built)
                let page = try #require(built.page(list + "index.html"))
                // The award is described: its level in words and how many hold it.
                let holders = graph.exemplars.values.filter { $0.awards.contains { $0.award.value == award } }
                if try #require(graph.awards[award]).level != nil { #expect(page.contains("Cấp khen thưởng: "), "\(list) says its level") }
                checkedDescriptions += graph.awards[award]?.description == nil ? 0 : 1
                if let description = graph.awards[award]?.description { #expect(Self.unescape(page).contains(description), "\(list) describes it") }
                #expect(page.contains(": \(holders.count) điển hình"), "\(list) says how many hold it")
                for holder in holders {
                    let card = try #require(cards[profileURL(holder, built)], "\(list) lacks \(holder.id)")
                    let own = holder.awards.filter { $0.award.value == award }
                    for grant in own {
                        if let year = grant.year { #expect(card.contains("Năm \(year)"), "\(list) \(holder.id): \(year)") }
                        if let decision = grant.decision { #expect(card.contains(decision), "\(list) \(holder.id): \(decision)") }
                    }
                    // Decisions of the holder's other awards are not passed off as this one's.
                    for other in holder.awards where other.award.value != award {
                        if let decision = other.decision, !own.contains(where: { $0.decision == decision }) {
                            #expect(!Self.mentions(card, decision), "\(list) \(holder.id) shows \(decision) of \(other.award.value)")
                        }
                    }
                    // Cards carry the summary.
                    if let summary = holder.summary { #expect(card.contains(summary), "\(list) \(holder.id) summary") }
                    checked += 1
                }
            }
            #expect(checked > 2 && checkedDescriptions > 0)
        }
    }

    @Test func anAwardListsJSONCarriesTheGrantsForTheFilter() throws {
        var extra = Self.unseen
        for index in 0..<30 {
            extra["individuals/p\(index).md"] = """
            ---
            name: Trần Văn A\(index)
            unit: ban-nu-cong
            supervisor: A
            years: [2019]
            awards: [{ award: bang-khen-ldld-tinh, year: 2019, decision: "\(index + 500)/QĐ-LĐLĐ" }]
            ---
            X
            """
        }
        let (site, built) = try VisitorDataTests.fixture(extra)
        defer { site.remove() }
        let data = try #require(built.page("khen-thuong/bang-khen-ldld-tinh/danh-sach.json")?.data(using: .utf8))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let items = try #require(json["items"] as? [[String: Any]])
        let tam = try #require(items.first { $0["name"] as? String == "Lê Văn Tâm" })
        let grants = try #require(tam["grants"] as? [String])
        #expect(grants.count == 2 && grants[0].contains("31/QĐ-LĐLĐ") && grants[1].contains("45/QĐ-LĐLĐ"), "\(grants)")
        #expect(!grants.joined().contains("777/QĐ-TLĐ"))
        #expect(tam["summary"] as? String == "Người đưa \"mái ấm\" về với đoàn viên vùng lũ.")
    }

    @Test func aCommendationHasAnHonourTableWithJumpLinks() throws {
        for built in try Self.sites() {
            defer { built.remove() }
            let graph = built.graph
            let events = graph.events.values.filter { $0.kind == .commendation && !$0.participants.isEmpty }
            #expect(!events.isEmpty)
            for event in events {
                let html = try #require(built.page("su-kien/\(event.id)/index.html"))
                let start = try #require(html.range(of: "id=\"participants\""))
                let section = String(html[start.upperBound...]).components(separatedBy: "</section>")[0]
                #expect(!section.contains("<li class=\"card"), "\(event.id): stacked cards")
                // Jump links lead to the groups the table has.
                let jumps = VisitorDataTests.matches(##"<a href="#(honoured-[a-z]+)""##, in: section)
                #expect(!jumps.isEmpty)
                for anchor in jumps { #expect(section.contains("id=\"\(anchor)\""), "\(event.id): #\(anchor)") }
                let rows = section.components(separatedBy: "<tr id=\"").dropFirst()
                    .map { (String($0.prefix { $0 != "\"" }), Self.unescape($0.components(separatedBy: "</tr>")[0])) }
                #expect(Set(rows.map(\.0)) == Set(event.participants.map(\.value).filter { graph.exemplars[$0] != nil }))
                for (id, row) in rows {
                    let person = try #require(graph.exemplars[id])
                    #expect(row.contains(">\(person.name)</a>"))
                    #expect(row.contains(try #require(graph.units[person.unit.value]).name), "\(event.id) \(id): unit")
                    // The highest award received by the event's day, with its decision.
                    let received = person.awards.filter { grant in
                        if let date = grant.date { return date <= event.date }
                        return (grant.year ?? .max) <= event.date.year
                    }
                    let best = received.max { (graph.awards[$0.award.value]?.rank ?? 0, $0.year ?? 0) < (graph.awards[$1.award.value]?.rank ?? 0, $1.year ?? 0) }
                    if let best, let award = graph.awards[best.award.value] {
                        #expect(row.contains(award.name), "\(event.id) \(id): \(award.name)")
                        if let decision = best.decision { #expect(row.contains(decision), "\(event.id) \(id): \(decision)") }
                    }
                    let later = person.awards.filter { grant in !received.contains(grant) }
                    for grant in later { if let decision = grant.decision { #expect(!Self.mentions(row, decision), "\(event.id) \(id): later \(decision)") } }
                }
            }
        }
    }

    @Test func aProfilesAwardsReadInTimeOrder() throws {
        for built in try Self.sites() {
            defer { built.remove() }
            var checked = 0
            for exemplar in built.graph.exemplars.values where exemplar.awards.count > 1 {
                let html = try #require(built.page(String(profileURL(exemplar, built).dropFirst(built.base.count)) + "index.html"))
                let table = try #require(html.components(separatedBy: "<table class=\"awards\">").dropFirst().first)
                #expect(table.contains("<caption>"), "the table says its order")
                let years = VisitorDataTests.matches(#"</td><td>(\d{4})</td>"#, in: table.components(separatedBy: "</table>")[0]).compactMap(Int.init)
                #expect(years.count == exemplar.awards.filter { $0.year != nil }.count, "\(exemplar.id)")
                #expect(years == years.sorted(), "\(exemplar.id): \(years)")
                checked += 1
            }
            #expect(checked > 0)
        }
    }
}
