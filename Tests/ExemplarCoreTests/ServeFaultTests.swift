import Foundation
import Testing

/// `serve` publishes each rebuild in place, file by file. Killed at any point of that, it
/// leaves a whole site (the previous one, or the new one once renamed), and the next command
/// takes the output over and clears what the killed one left.
@Suite struct ServeFaultTests {
    private static let changedBody = "Chị Hoa cùng tập thể nhà trường chia sẻ cách làm mới."

    @Test(arguments: ["before-rename", "after-rename"])
    func killedServeLeavesAWholeSiteAndTheNextBuildCleansUp(point: String) throws {
        let site = try SiteFixture(SiteFixture.basic)
        defer { site.remove() }
        let port = try ServeFixture.freePort()
        var serve = try ExemplarProcess(["serve", "--theme", SiteFixture.themePath, "--port", String(port), "--output", "public"],
                                        in: site.root, environment: ["EXEMPLAR_TEST_PAUSE": point])
        // A server that never reaches the point is stopped, so the test fails instead of hanging.
        let pid = serve.process.processIdentifier
        DispatchQueue.global().asyncAfter(deadline: .now() + 90) { kill(pid, SIGKILL) }

        let ready = serve.waitFor("Xem thử tại")
        #expect(ready, "\(serve.stderr)")
        let before = try #require(site.published("ca-nhan/nguyen-thi-hoa/index.html"))
        let previousSite = try Self.tree(site.output)
        var hoa = try #require(SiteFixture.basic["individuals/nguyen-thi-hoa.md"])
        hoa = hoa.replacingOccurrences(of: "Chị Hoa cùng [tập thể nhà trường](../collectives/cdcs-truong-thpt-le-thuy.md) chia sẻ cách làm.",
                                       with: Self.changedBody)
        try site.write("individuals/nguyen-thi-hoa.md", hoa)
        let paused = serve.waitForPause(point)
        #expect(paused, "\(serve.stderr)")
        serve.send(SIGKILL)
        _ = serve.finish()

        // Every page is there, and the edited one is either as it was or wholly the new one.
        #expect(site.published("index.html") != nil, "the published folder lost its home page")
        let page = try #require(site.published("ca-nhan/nguyen-thi-hoa/index.html"))
        if point == "before-rename" {
            #expect(page == before)
        } else {
            #expect(String(decoding: page, as: UTF8.self).contains(Self.changedBody))
        }
        #expect(try !site.leftovers().isEmpty, "the staged files of the killed rebuild")
        // Not only that page: the whole folder is one site or the other, file for file.
        let fresh = try ExemplarProcess.run(
            SiteFixture.buildArguments(["--output", "fresh", "--base-url", "http://127.0.0.1:\(port)/"]), in: site.root)
        #expect(fresh.status == 0, "\(fresh.stderr)")
        let newSite = try Self.tree(site.root.appendingPathComponent("fresh"))
        #expect(try Self.tree(site.output) == (point == "before-rename" ? previousSite : newSite), "a site half old, half new")

        let next = try ExemplarProcess.run(SiteFixture.buildArguments(), in: site.root)
        #expect(next.status == 0, "\(next.stderr)")
        #expect(try site.leftovers().isEmpty)
        #expect(String(decoding: site.published("ca-nhan/nguyen-thi-hoa/index.html") ?? Data(), as: UTF8.self).contains(Self.changedBody))
    }

    /// Every file of a published folder by path, its marker aside.
    static func tree(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return files }
        while let relative = walker.nextObject() as? String {
            var isFolder: ObjCBool = false
            let path = folder.path + "/" + relative
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
                  relative != ".exemplar-output" else { continue }
            files[relative] = try Data(contentsOf: URL(fileURLWithPath: path))
        }
        return files
    }
}
