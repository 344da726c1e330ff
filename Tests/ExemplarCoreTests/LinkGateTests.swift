import Foundation
import Testing

/// The links gate (scripts/quality/links.py) on a small built site: it must let a link to the
/// organisation's own pages outside the base path leave the site, and still catch a dead one inside.
@Suite struct LinkGateTests {
    static let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }

    private func gate(body: String) throws -> (status: Int32, output: String) {
        var files = SiteFixture.basic
        files["pages/lien-he.md"] = "---\ntitle: Liên hệ\n---\n\(body)\n"
        let site = try SiteFixture(files)
        defer { site.remove() }
        let report = site.build()
        #expect(report.published, "\(report.diagnostics)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.python))
        process.arguments = [SiteFixture.repository.appendingPathComponent("scripts/quality/links.py").path, site.output.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    @Test(.enabled(if: python != nil)) func sameHostOutsideTheBasePathIsExternal() throws {
        // base_url is https://ldld.example.vn/dien-hinh/: the Federation's home page is another site.
        let clean = try gate(body: "[Trang chủ Liên đoàn](https://ldld.example.vn/) · [Văn bản](https://ldld.example.vn/van-ban/)")
        #expect(clean.status == 0, "\(clean.output)")
        let dead = try gate(body: "[Trang chủ Liên đoàn](https://ldld.example.vn/) · [Mất](https://ldld.example.vn/dien-hinh/khong-co/)")
        #expect(dead.status != 0)
        #expect(dead.output.contains("lien-he/index.html") && dead.output.contains("/dien-hinh/khong-co/"), "\(dead.output)")
    }
}
