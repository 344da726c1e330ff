import ExemplarCore
import Foundation
import Testing

/// Mistakes editors make out of habit: each gets one message that says exactly what to write.
@Suite struct AuthorHabitTests {
    private func errors(_ files: [String: String]) throws -> [Diagnostic] {
        let site = try SiteFixture(files)
        defer { site.remove() }
        return Builder.build(site.options(write: false)).diagnostics.filter { $0.severity == .error }
    }

    private func withRegistered(_ value: String) -> [String: String] {
        var files = SiteFixture.basic
        let path = "individuals/nguyen-thi-hoa.md"
        files[path] = files[path]?.replacingOccurrences(of: "registered: 2018-02-05", with: "registered: \(value)")
        return files
    }

    /// Vietnamese write the day first; the hint gives the ISO spelling of that very day, and
    /// `05-03-2019` is a misspelt date, not a day missing from the calendar.
    @Test func dayFirstDateGetsItsISOSpelling() throws {
        for written in ["\"05/3/2019\"", "05-03-2019", "5.3.2019"] {
            let found = try errors(withRegistered(written))
            let d = try #require(found.first, "\(written)")
            #expect(found.count == 1)
            #expect(d.code == "wrong-type", "\(written)")
            #expect(d.hint?.contains("`registered: 2019-03-05`") == true, "\(written)")
        }
        #expect(try errors(withRegistered("2019-3-5")).isEmpty)
        #expect(try errors(withRegistered("2019-02-30")).map(\.code) == ["impossible-date"])
    }

    /// A unit refused for its id (`Ban-Tuyên-giáo`) exists: the files naming it by that spelling
    /// are not wrong on their own, the `bad-id` error is the one thing to fix.
    @Test func refusedUnitIdIsOneError() throws {
        var files = SiteFixture.basic
        files["units.yml"] = (files["units.yml"] ?? "") + "\n- { id: Ban-Tuyên-giáo, name: Ban Tuyên giáo, kind: department }\n"
        let path = "individuals/nguyen-thi-hoa.md"
        files[path] = files[path]?.replacingOccurrences(of: "unit: ban-nu-cong", with: "unit: Ban-Tuyên-giáo")
        let found = try errors(files)
        #expect(found.map(\.code) == ["bad-id"])
        #expect(found.first?.hint?.contains("ban-tuyen-giao") == true)
    }

    /// After a unit is renamed by adding words, the old id still points at the new one.
    @Test func renamedUnitIsSuggested() throws {
        var files = SiteFixture.basic
        files["units.yml"] = files["units.yml"]?.replacingOccurrences(of: "id: ban-nu-cong,", with: "id: ban-nu-cong-ldld-tinh,")
        let found = try errors(files).filter { $0.code == "unknown-reference" }
        #expect(!found.isEmpty)
        for d in found { #expect(d.hint?.contains("`ban-nu-cong-ldld-tinh`") == true, "\(d.file):\(d.line)") }
    }
}
