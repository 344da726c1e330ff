import Foundation
import Testing

/// Progress and verbosity of `build` when its output goes to a pipe, as in CI.
@Suite struct ProgressTests {
    @Test func verboseShowsStagesPagesAndTimings() throws {
        let site = try Executable.site()
        defer { site.remove() }
        let result = try Executable.run(["build", "--verbose"], in: site.root)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stderr.split(separator: "\n").map(String.init)
        for stage in ["Đọc nội dung…", "Kiểm tra…", "Dựng trang…", "Ghi tệp…"] {
            #expect(lines.contains(stage), "\(stage)")
        }
        // Plain lines, no carriage returns or escape sequences, when not on a terminal.
        #expect(!result.stderr.contains("\r"))
        let pages = try #require(lines.last { $0.hasPrefix("Dựng trang: ") })
        let counts = pages.dropFirst("Dựng trang: ".count).split(separator: " ")[0].split(separator: "/")
        #expect(counts.count == 2 && counts[0] == counts[1] && Int(counts[0]) ?? 0 > 5, "\(pages)")
        #expect(lines.contains { $0.hasPrefix("  Dựng trang ") && $0.hasSuffix(" s") })
        #expect(lines.last?.hasPrefix("Đã dựng") == true)
    }

    @Test func quietPrintsOnlyProblems() throws {
        let site = try Executable.site()
        defer { site.remove() }
        let clean = try Executable.run(["build", "--quiet"], in: site.root)
        #expect(clean.status == 0)
        #expect(clean.stderr.isEmpty, "\(clean.stderr)")
        try site.write("individuals/a.md", "---\nname: A\nunit: khong-co\nsupervisor: B\n---\nX\n")
        let broken = try Executable.run(["build", "--quiet", "--lang", "en"], in: site.root)
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("error: `unit`: no unit has the id `khong-co`."))
        #expect(broken.stderr.contains("The site was not built"))
    }
}
