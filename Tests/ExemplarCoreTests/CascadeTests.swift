import ExemplarCore
import Foundation
import Testing

/// A file that exists but failed to load is reported once, at its own error: the files that
/// name it are not told it does not exist.
@Suite struct CascadeTests {
    private func errors(_ files: [String: String]) throws -> [Diagnostic] {
        let site = try SiteFixture(files)
        defer { site.remove() }
        return Builder.build(site.options(write: false)).diagnostics.filter { $0.severity == .error }
    }

    /// nguyen-thi-hoa is named by the model's `owners`, the event's `participants`, and a body link;
    /// the model by her `models` and the event's `models`; the collective by her body link and the event.
    @Test func brokenItemFilesDoNotCascade() throws {
        let broken: [(String, String, String)] = [
            ("individuals/nguyen-thi-hoa.md", "---\nname: Nguyễn Thị Hoa\nunit: [ban-nu-cong\n---\nX\n", "yaml-syntax"),
            ("individuals/nguyen-thi-hoa.md", "name: Nguyễn Thị Hoa\n", "missing-front-matter"),
            ("individuals/nguyen-thi-hoa.md", "---\nunit: ban-nu-cong\n---\nX\n", "missing-key"),
            ("models/so-tay-nu-cong-dien-tu.md", "---\ntitle: Sổ tay\nunit: ban-nu-cong\ntitle: Lại\n---\nX\n", "duplicate-key"),
            ("collectives/cdcs-truong-thpt-le-thuy.md", "---\nname: [\n---\nX\n", "yaml-syntax"),
        ]
        for (path, text, code) in broken {
            var files = SiteFixture.basic
            files[path] = text
            files["pages/lien-ket.md"] = "---\ntitle: Liên kết\n---\n[Chị Hoa](../individuals/nguyen-thi-hoa.md), [sổ tay](../models/so-tay-nu-cong-dien-tu.md).\n"
            let found = try errors(files)
            #expect(found.map(\.code) == [code], "\(path): \(found.map { "\($0.file):\($0.line) \($0.code) \($0.message)" })")
            #expect(found.first?.file == "content/" + path)
        }
    }

    /// A broken units.yml loses every unit; its error is the one to fix, not each `unit:`.
    @Test func brokenCataloguesDoNotCascade() throws {
        // References only the site's own catalogue could hold, for the catalogues that extend a default.
        let hoa = SiteFixture.basic["individuals/nguyen-thi-hoa.md"]!
        let own = [
            "fields.yml": hoa.replacingOccurrences(of: "fields: [nu-cong]", with: "fields: [nu-cong, linh-vuc-rieng]"),
            "criteria.yml": hoa.replacingOccurrences(of: "criteria: [hoan-thanh-xuat-sac]", with: "criteria: [hoan-thanh-xuat-sac, tieu-chi-rieng]"),
            "awards.yml": hoa.replacingOccurrences(of: "  - { award: bang-khen-ldld-tinh, year: 2018",
                                                   with: "  - { award: khen-rieng, year: 2017 }\n  - { award: bang-khen-ldld-tinh, year: 2018"),
        ]
        let broken: [(String, String, String)] = [
            ("units.yml", "- { id: ban-nu-cong, name: Ban Nữ công, kind: department\n", "yaml-syntax"),
            ("units.yml", "- id: ban-nu-cong\n  name: Ban Nữ công\n  kind: department\n  name: Lại\n", "duplicate-key"),
            ("units.yml", "ban-nu-cong: Ban Nữ công\n", "wrong-type"),
            ("fields.yml", "- { id: linh-vuc-rieng, name: [Riêng }\n", "yaml-syntax"),
            ("awards.yml", "- { id: khen-rieng, name: Khen riêng, rank: 5\n", "yaml-syntax"),
            ("criteria.yml", "individual:\n  - { id: tieu-chi-rieng, text: X }\n  - { id: y, text: Y }\n  x\n", "yaml-syntax"),
        ]
        for (path, text, code) in broken {
            var files = SiteFixture.basic
            files[path] = text
            if let hoa = own[path] { files["individuals/nguyen-thi-hoa.md"] = hoa }
            let found = try errors(files)
            #expect(found.map(\.code) == [code], "\(path): \(found.map { "\($0.file):\($0.line) \($0.code) \($0.message)" })")
            #expect(found.first?.file == "content/" + path)
        }
        // The same references with a readable catalogue are errors: the test does test something.
        for (path, hoa) in own {
            var files = SiteFixture.basic
            files["individuals/nguyen-thi-hoa.md"] = hoa
            #expect(try errors(files).map(\.code) == ["unknown-reference"], "\(path)")
        }
    }

    /// A unit entry without its `kind` is left out; `unit: ban-nu-cong` elsewhere is not a second error.
    @Test func brokenCatalogueEntryDoesNotCascade() throws {
        var files = SiteFixture.basic
        files["units.yml"] = files["units.yml"]!.replacingOccurrences(of: ", kind: department", with: "")
        let found = try errors(files)
        #expect(found.map(\.code) == ["missing-key"], "\(found)")
        #expect(found.first?.file == "content/units.yml" && found.first?.line == 1)
    }

    /// A reference to a file that really is not there is still an error.
    @Test func referencesToAbsentFilesAreStillErrors() throws {
        var files = SiteFixture.basic
        files["units.yml"] = "- { id: ban-nu-cong, name: Ban Nữ công, kind: [department }\n"
        files["pages/lien-ket.md"] = "---\ntitle: Liên kết\n---\n[Không có](../individuals/khong-co.md)\n"
        files["events/e.md"] = "---\ntitle: E\ndate: 2019-01-01\nparticipants: [khong-ai]\n---\nX\n"
        let codes = try errors(files).map(\.code).sorted()
        #expect(codes == ["broken-link", "unknown-reference", "yaml-syntax"])
    }
}
