import ExemplarCore
import Foundation
import Testing

/// Contact and trust: the Federation's address, phone and email in every footer and where a
/// visitor is told to get in touch; attachments with a title, type and size; event photos with
/// their captions, leading to a larger size.
@Suite struct VisitorContactTests {
    static let site = """
    title: Điển hình tiên tiến
    organisation: Liên đoàn Lao động tỉnh Hà Tĩnh
    base_url: https://ldld.example.vn/
    contact:
      address: "Số 9 Phan Đình Phùng, thành phố Hà Tĩnh"
      phone: "+84 239 385 5123"
      email: lienhe@ldld-hatinh.example.vn
    """

    @Test func theFooterGivesTheFederationsAddressPhoneAndEmailOnEveryPage() throws {
        let (fixture, unseen) = try VisitorDataTests.fixture(["site.yml": Self.site])
        defer { fixture.remove() }
        let sample = try VisitorDataTests.sample()
        defer { sample.remove() }
        for built in [unseen, sample] {
            let contact = built.graph.site.contact
            let phone = try #require(contact.phone), email = try #require(contact.email), address = try #require(contact.address)
            let dial = (phone.hasPrefix("+") ? "+" : "") + phone.filter(\.isNumber)
            for file in built.htmlFiles {
                let html = try #require(built.page(file))
                let footer = String(try #require(html.components(separatedBy: "<footer class=\"site-footer\">").dropFirst().first))
                #expect(footer.contains(address), "\(file)")
                #expect(footer.contains("<a href=\"tel:\(dial)\">\(phone)</a>"), "\(file)")
                #expect(footer.contains("<a href=\"mailto:\(email)\">\(email)</a>"), "\(file)")
            }
        }
    }

    @Test func aModelSaysWhomToContactAndFallsBackOnTheFederation() throws {
        let own = "---\ntitle: Mô hình riêng\nkind: model\nunit: ban-nu-cong\ncontact: \"Chị Hoa, 0912 345 678\"\n---\nX\n"
        let (fixture, built) = try VisitorDataTests.fixture(["site.yml": Self.site, "models/rieng.md": own])
        defer { fixture.remove() }
        let mine = try #require(built.page("mo-hinh/rieng/index.html"))
        let section = try #require(mine.components(separatedBy: "id=\"contact\"").dropFirst().first).components(separatedBy: "</section>")[0]
        #expect(section.contains("Chị Hoa, 0912 345 678") && !section.contains("385 5123"))
        let other = try #require(built.page("mo-hinh/so-tay-nu-cong-dien-tu/index.html"))
        let fallback = try #require(other.components(separatedBy: "id=\"contact\"").dropFirst().first).components(separatedBy: "</section>")[0]
        #expect(fallback.contains("Liên đoàn Lao động tỉnh Hà Tĩnh") && fallback.contains("tel:+842393855123"))
        // Nobody to reach: no empty section.
        let (bare, none) = try VisitorDataTests.fixture([:])
        defer { bare.remove() }
        #expect(try #require(none.page("mo-hinh/so-tay-nu-cong-dien-tu/index.html")).contains("id=\"contact\"") == false)
    }

    @Test func aWrongPhoneOrEmailIsReportedWithItsLineAndLeftOut() throws {
        let wrong = Self.site.replacingOccurrences(of: "\"+84 239 385 5123\"", with: "\"gọi tổng đài\"")
            .replacingOccurrences(of: "lienhe@ldld-hatinh.example.vn", with: "lienhe@ldld")
        let fixture = try SiteFixture(SiteFixture.basic.merging(["site.yml": wrong]) { _, new in new })
        defer { fixture.remove() }
        let report = fixture.build()
        let lines = wrong.components(separatedBy: "\n")
        for (code, key) in [("bad-phone", "phone:"), ("bad-email", "email:")] {
            let found = try #require(report.diagnostics.first { $0.code == code }, "\(code)")
            #expect(found.severity == .error)
            #expect(found.file.hasSuffix("site.yml"))
            #expect(found.line == (lines.firstIndex { $0.contains(key) } ?? -1) + 1, "\(code) names its line")
            #expect(found.hint?.isEmpty == false)
        }
    }

    @Test func attachmentsAndPhotosSayWhatTheyAre() throws {
        let sample = try VisitorDataTests.sample()
        defer { sample.remove() }
        for item in sample.graph.initiatives.values where !item.attachments.isEmpty {
            let html = try #require(sample.page("mo-hinh/\(item.id)/index.html"))
            let files = try #require(html.components(separatedBy: "<ul class=\"files\">").dropFirst().first).components(separatedBy: "</ul>")[0]
            for file in item.attachments {
                let name = try #require(file.value.split(separator: "/").last.map(String.init))
                let entry = try #require(files.components(separatedBy: "<li>").first { $0.contains("/\(name)\"") }, "\(item.id): \(name)")
                let title = item.attachmentTitles[file.value] ?? name
                #expect(VisitorHonoursTests.unescape(entry).contains("\(title)</a>"), "\(item.id): title of \(name)")
                let type = try #require(name.split(separator: ".").last).uppercased()
                #expect(entry.contains("(\(type), ") && entry.contains(" KB)") || entry.contains(" B)"), "\(item.id): \(entry)")
            }
        }
        var captions = 0
        for event in sample.graph.events.values where !event.photos.isEmpty {
            let html = try #require(sample.page("su-kien/\(event.id)/index.html"))
            let gallery = try #require(html.components(separatedBy: "<ul class=\"gallery\">").dropFirst().first).components(separatedBy: "</ul>")[0]
            let figures = gallery.components(separatedBy: "<figure>").dropFirst()
            #expect(figures.count == event.photos.count)
            for (figure, photo) in zip(figures, event.photos) {
                // The link leads to a published, larger image.
                let link = try #require(VisitorDataTests.matches(#"^<a href="([^"]+)""#, in: figure).first)
                let published = sample.output.appendingPathComponent(String(link.dropFirst(sample.base.count)))
                #expect(FileManager.default.fileExists(atPath: published.path), "\(event.id): \(link)")
                if let caption = event.photoCaptions[photo.value] ?? event.photoAlts[photo.value] {
                    #expect(VisitorHonoursTests.unescape(figure).contains("<figcaption>\(caption)</figcaption>"), "\(event.id)")
                    captions += 1
                }
            }
        }
        #expect(captions > 0 && sample.graph.events.values.contains { !$0.photoCaptions.isEmpty })
    }
}
