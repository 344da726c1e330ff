import Foundation
import Testing

/// `serve` killed while it publishes a rebuild in place, at the points where the changed files
/// are staged (`before-rename`) and renamed into the site (`after-rename`): the output holds
/// the whole previous site or the whole new one, and the next build cleans up after it.
@Suite struct ServeFaultTests {
    @Test(arguments: ["before-rename", "after-rename"])
    func killedWhilePublishingInPlace(point: String) throws {
        let site = try SiteFixture(SiteFixture.basic)
        defer { site.remove() }
        let port = try ServeFixture.freePort()
        let base = "http://127.0.0.1:\(port)/"
        var serve = try ExemplarProcess(["serve", "--theme", SiteFixture.themePath, "--port", String(port), "--output", "public"],
                                        in: site.root, environment: ["EXEMPLAR_TEST_PAUSE": point])
        let deadline = Date().addingTimeInterval(120)
        while (try? HTTP.request("GET", "/__exemplar/live.js", port: port))?.status != 200 {
            try #require(Date() < deadline && serve.process.isRunning, "serve did not start")
            Thread.sleep(forTimeInterval: 0.1)
        }
        let previous = try Self.tree(site.output)
        let hoa = try #require(SiteFixture.basic["individuals/nguyen-thi-hoa.md"])
        try site.write("individuals/nguyen-thi-hoa.md", hoa + "\nMột đoạn viết thêm trong lúc xem thử.\n")
        let paused = serve.waitForPause(point)
        try #require(paused, "\(serve.stderr)")
        serve.send(SIGKILL)
        _ = serve.finish()

        let fresh = site.root.appendingPathComponent("fresh")
        let built = try ExemplarProcess.run(SiteFixture.buildArguments(["--output", "fresh", "--base-url", base]), in: site.root)
        try #require(built.status == 0, "\(built.stderr)")
        let next = try Self.tree(fresh)
        #expect(previous != next, "the edit changes the site")
        let published = try Self.tree(site.output)
        #expect(published == (point == "before-rename" ? previous : next), "neither the whole old site nor the whole new one")
        #expect(try !site.leftovers().isEmpty, "the killed publish left its staging folder")

        let again = try ExemplarProcess.run(SiteFixture.buildArguments(["--base-url", base]), in: site.root)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try site.leftovers().isEmpty)
        #expect(try Self.tree(site.output) == next)
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
