import Foundation
import Testing

/// The `exemplar` command as a user runs it: output, exit codes, formats.
@Suite struct CommandLineTests {
    static var binary: URL? {
        let folder = Bundle.main.executableURL?.deletingLastPathComponent()
        let candidates = [folder?.appendingPathComponent("exemplar"),
                          SiteFixture.repository.appendingPathComponent(".build/debug/exemplar")]
        return candidates.compactMap { $0 }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// The executable in the default language, whatever the machine's locale.
    private func run(_ arguments: [String], in folder: URL) throws -> Executable.Run {
        try Executable.run(arguments, in: folder)
    }

    private func site(_ files: [String: String] = SiteFixture.basic) throws -> SiteFixture {
        try Executable.site(files)
    }

    @Test func buildWithDefaultsExitsZero() throws {
        let site = try site()
        defer { site.remove() }
        let result = try run(["build"], in: site.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("index.html").path))
    }

    @Test func errorsPrintLikeACompilerAndExitOne() throws {
        var files = SiteFixture.basic
        files["individuals/a.md"] = "---\nname: A\nunit: ban-nu-cng\nsupervisor: B\n---\nX\n"
        let site = try site(files)
        defer { site.remove() }
        let result = try run(["build"], in: site.root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("content/individuals/a.md:3:7: lỗi: `unit`: không có đơn vị nào mang mã `ban-nu-cng`."))
        #expect(result.stderr.contains("    unit: ban-nu-cng\n          ^"))
        #expect(result.stderr.contains("Có phải bạn muốn viết `ban-nu-cong`?"))
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test func checkWritesNothingAndJSONIsForMachines() throws {
        var files = SiteFixture.basic
        files["individuals/a.md"] = "---\nname: A\nunit: ban-nu-cong\nsuperviser: B\n---\nX\n"
        let site = try site(files)
        defer { site.remove() }
        let result = try run(["check", "--format", "json"], in: site.root)
        #expect(result.status == 0)
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(rows.contains { $0["code"] as? String == "unknown-key" && $0["line"] as? Int == 4 && $0["severity"] as? String == "warning" })
        let strict = try run(["check", "--strict"], in: site.root)
        #expect(strict.status == 1)
    }

    @Test func usageMistakesExitTwo() throws {
        let site = try site()
        defer { site.remove() }
        #expect(try run(["build", "--no-such-flag"], in: site.root).status == 2)
        #expect(try run(["check", "--format", "xml"], in: site.root).status == 2)
    }

    /// Two runs of the same content write the same bytes, even where names tie: each run
    /// hashes dictionaries differently, so only a total order keeps pages from being rewritten.
    @Test func sameContentSameBytes() throws {
        var files = SiteFixture.basic
        for number in 1...6 {
            files["individuals/tran-thi-lan-\(number).md"] = "---\nname: Trần Thị Lan\nunit: ban-nu-cong\nsupervisor: B\nsummary: Số \(number)\n---\nX\n"
        }
        let site = try site(files)
        defer { site.remove() }
        let pages = ["ca-nhan/index.html", "api/exemplars.json", "don-vi/ban-nu-cong/index.html"]
        var outputs: [[String?]] = []
        for _ in 1...2 {
            try? FileManager.default.removeItem(at: site.output)
            let result = try run(["build"], in: site.root)
            #expect(result.status == 0, "\(result.stderr)")
            outputs.append(pages.map { site.page($0) })
        }
        #expect(outputs[0].allSatisfy { $0 != nil })
        #expect(outputs[0] == outputs[1])
    }
    /// The summary's time is the build's wall-clock time: at most what the process took, and
    /// at least its stages that run one after another. Rendering and writing run on every
    /// core, so their summed stage times are no measure of how long the build took.
    @Test func summaryTimeIsWallClock() throws {
        var files = SiteFixture.basic
        for number in 1...40 {
            files["individuals/nguoi-\(number).md"] = "---\nname: Người \(number)\nunit: ban-nu-cong\nsupervisor: B\n---\nX\n"
        }
        let site = try site(files)
        defer { site.remove() }
        let started = Date()
        let result = try run(["build", "--timings"], in: site.root)
        let wall = Date().timeIntervalSince(started)
        #expect(result.status == 0, "\(result.stderr)")
        let said = try #require(result.stderr.firstMatch(of: /trong ([0-9.]+) giây/).flatMap { Double($0.1) })
        var stages: [String: Double] = [:]
        for match in result.stderr.matches(of: /timing ([a-z]+) ([0-9.]+)/) { stages[String(match.1)] = Double(match.2) }
        let serial = ["load", "validate", "link", "images", "plan"].compactMap { stages[$0] }
        #expect(serial.count == 5, "\(result.stderr)")
        #expect(said <= wall + 0.01)
        #expect(said + 0.01 >= serial.reduce(0, +))
    }
}
