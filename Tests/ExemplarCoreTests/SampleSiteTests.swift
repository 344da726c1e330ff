import ExemplarCore
import Foundation
import Testing

/// The bundled sample site builds cleanly, every content file has its page, and every
/// internal link and asset in the output resolves.
@Suite struct SampleSiteTests {
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("exemplar-sample-\(UUID().uuidString)")

    private func buildSample() throws -> BuildReport {
        let repository = SiteFixture.repository
        var options = BuildOptions(content: repository.appendingPathComponent("content").path,
                                   theme: repository.appendingPathComponent("theme").path, output: output.path)
        options.contentDisplay = "content"
        return Builder.build(options)
    }

    @Test func sampleBuildsWithoutErrors() throws {
        defer { try? FileManager.default.removeItem(at: output) }
        let report = try buildSample()
        #expect(report.published, "\(report.diagnostics.filter { $0.severity == .error })")
        // The sample keeps deliberate warnings only: a late registration and two score
        // sheets with missing periods.
        #expect(report.diagnostics.map(\.code).sorted() == ["late-registration", "score-gaps", "score-gaps"])
    }

    @Test func everyContentFileHasItsPage() throws {
        defer { try? FileManager.default.removeItem(at: output) }
        let report = try buildSample()
        let graph = try #require(report.graph)
        let content = SiteFixture.repository.appendingPathComponent("content")
        let sections = ["collectives": "tap-the", "individuals": "ca-nhan", "models": "mo-hinh", "events": "su-kien", "pages": ""]
        var checked = 0
        for (folder, section) in sections {
            for name in try FileManager.default.contentsOfDirectory(atPath: content.appendingPathComponent(folder).path) where name.hasSuffix(".md") {
                let id = String(name.dropLast(3))
                let isDraft = graph.exemplars[id] == nil && graph.initiatives[id] == nil && graph.events[id] == nil && graph.pages[id] == nil
                let path = (section.isEmpty ? "" : section + "/") + id + "/index.html"
                let exists = FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path)
                #expect(exists != isDraft, "\(folder)/\(name) → \(path)")
                checked += 1
            }
        }
        #expect(checked >= 40)
    }

    @Test func everyInternalLinkResolves() throws {
        defer { try? FileManager.default.removeItem(at: output) }
        let report = try buildSample()
        let base = try #require(report.graph?.site.basePath)
        let broken = try LinkCrawler(root: output, basePath: base).brokenLinks()
        #expect(broken.isEmpty, "\(broken.prefix(20))")
    }
}

/// An independent check of the output: reads every HTML file and follows its
/// `href` and `src` attributes that stay on the site.
struct LinkCrawler {
    let root: URL
    let basePath: String

    func brokenLinks() throws -> [String] {
        var broken: [String] = []
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".html") } ?? []
        for file in files {
            let html = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            for target in Self.links(in: html) {
                guard let path = localPath(target, from: file) else { continue }
                if !FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) {
                    broken.append("\(file): \(target)")
                }
            }
        }
        return broken
    }

    static func links(in html: String) -> [String] {
        var found: [String] = []
        for attribute in ["href=\"", "src=\""] {
            var rest = html[...]
            while let start = rest.range(of: attribute) {
                rest = rest[start.upperBound...]
                guard let end = rest.firstIndex(of: "\"") else { break }
                found.append(String(rest[..<end]))
                rest = rest[end...]
            }
        }
        return found
    }

    /// The output file a link leads to, or nil for links that leave the site.
    private func localPath(_ link: String, from file: String) -> String? {
        var link = link
        if let hash = link.firstIndex(of: "#") { link = String(link[..<hash]) }
        if link.isEmpty || link.contains("://") || link.hasPrefix("mailto:") || link.hasPrefix("tel:") { return nil }
        guard link.hasPrefix(basePath) else { return "OUTSIDE-BASE" + link }
        var path = String(link.dropFirst(basePath.count)).removingPercentEncoding ?? link
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        return path
    }
}
