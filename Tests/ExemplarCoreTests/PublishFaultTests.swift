import Foundation
import Testing

/// What `build` promises when publishing meets faults: signals at exact points of the swap,
/// a second build, a full disk, a link or a mount point as output, files swapped or edited
/// during the build. Each runs the real executable.
@Suite struct PublishFaultTests {
    private static let changedBody = "Chị Hoa cùng tập thể nhà trường chia sẻ cách làm mới."

    /// A site built once, then changed, so that the next build has something to publish.
    private func publishedSite() throws -> SiteFixture {
        let site = try SiteFixture(SiteFixture.basic)
        let first = try ExemplarProcess.run(SiteFixture.buildArguments(), in: site.root)
        #expect(first.status == 0, "\(first.stderr)")
        var hoa = try #require(SiteFixture.basic["individuals/nguyen-thi-hoa.md"])
        hoa = hoa.replacingOccurrences(of: "Chị Hoa cùng [tập thể nhà trường](../collectives/cdcs-truong-thpt-le-thuy.md) chia sẻ cách làm.",
                                       with: Self.changedBody)
        try site.write("individuals/nguyen-thi-hoa.md", hoa)
        return site
    }

    private func hoaPage(_ site: SiteFixture) -> String {
        String(decoding: site.published("ca-nhan/nguyen-thi-hoa/index.html") ?? Data(), as: UTF8.self)
    }

    @Test(arguments: [(SIGTERM, "before-swap"), (SIGINT, "before-swap"), (SIGTERM, "staging"), (SIGINT, "after-swap")])
    func stoppedBuildCleansUpAndExitsNonZero(signal: Int32, point: String) throws {
        let site = try publishedSite()
        defer { site.remove() }
        var build = try ExemplarProcess(SiteFixture.buildArguments(), in: site.root, environment: ["EXEMPLAR_TEST_PAUSE": point])
        let paused = build.waitForPause(point)
        #expect(paused)
        build.send(signal)
        let result = build.finish()
        #expect(result.status == 128 + signal, "\(result.stderr)")
        #expect(try site.leftovers().isEmpty)
        // Stopped before the swap: the old site; after it: the new one. Whole either way.
        let page = hoaPage(site)
        #expect(page.contains(Self.changedBody) == (point == "after-swap"))
        #expect(site.published("index.html") != nil)
    }

    @Test(arguments: ["staging", "before-swap", "after-swap"])
    func killedBuildLeavesAWholeSiteAndTheNextBuildCleansUp(point: String) throws {
        let site = try publishedSite()
        defer { site.remove() }
        var build = try ExemplarProcess(SiteFixture.buildArguments(), in: site.root, environment: ["EXEMPLAR_TEST_PAUSE": point])
        let paused = build.waitForPause(point)
        #expect(paused)
        build.send(SIGKILL)
        _ = build.finish()
        #expect(site.published("index.html") != nil, "the published folder vanished")
        #expect(hoaPage(site).contains(Self.changedBody) == (point == "after-swap"))
        #expect(try !site.leftovers().isEmpty)
        let next = try ExemplarProcess.run(SiteFixture.buildArguments(), in: site.root)
        #expect(next.status == 0, "\(next.stderr)")
        #expect(try site.leftovers().isEmpty)
        #expect(hoaPage(site).contains(Self.changedBody))
    }

    /// While builds publish again and again, the output is there at every instant.
    @Test func outputNeverVanishesDuringPublishing() throws {
        let site = try publishedSite()
        defer { site.remove() }
        let index = site.output.appendingPathComponent("index.html").path
        let watcher = Watcher(path: index)
        watcher.start()
        for round in 0..<4 {
            let result = try ExemplarProcess.run(SiteFixture.buildArguments(["--base-url", "http://host\(round).example/"]), in: site.root)
            #expect(result.status == 0, "\(result.stderr)")
        }
        #expect(watcher.stop() == 0, "index.html was missing during a swap")
    }

    @Test func secondBuildIntoTheSameOutputIsRefusedNamingTheFirst() throws {
        let site = try publishedSite()
        defer { site.remove() }
        var first = try ExemplarProcess(SiteFixture.buildArguments(), in: site.root, environment: ["EXEMPLAR_TEST_PAUSE": "before-swap"])
        let paused = first.waitForPause("before-swap")
        #expect(paused)
        let second = try ExemplarProcess.run(SiteFixture.buildArguments(["--base-url", "http://other.example/"]), in: site.root)
        #expect(second.status == 1)
        #expect(second.stderr.contains("đang được tiến trình \(first.process.processIdentifier)"), "\(second.stderr)")
        first.send(SIGTERM)
        _ = first.finish()
        let third = try ExemplarProcess.run(SiteFixture.buildArguments(), in: site.root)
        #expect(third.status == 0, "\(third.stderr)")
        #expect(!hoaPage(site).contains("other.example"))
    }

    /// A published page edited in place while a build runs is not passed off as rendered.
    @Test func pageEditedByHandDuringTheBuildIsNotPublishedAsRendered() throws {
        let site = try publishedSite()
        defer { site.remove() }
        let collective = site.output.appendingPathComponent("tap-the/cdcs-truong-thpt-le-thuy/index.html")
        let rendered = try Data(contentsOf: collective)
        var build = try ExemplarProcess(SiteFixture.buildArguments(), in: site.root, environment: ["EXEMPLAR_TEST_PAUSE": "before-swap"])
        let paused = build.waitForPause("before-swap")
        #expect(paused)
        let handle = try FileHandle(forWritingTo: collective)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("<!-- sửa tay -->".utf8))
        try handle.close()
        build.resume()
        let result = build.finish()
        let published = try Data(contentsOf: collective)
        #expect(try site.leftovers().isEmpty)
        let again = try ExemplarProcess.run(SiteFixture.buildArguments(), in: site.root)
        #expect(again.status == 0, "\(again.stderr)")
        let final = try Data(contentsOf: collective)
        #expect(final != rendered + Data("<!-- sửa tay -->".utf8))
        // Either the build refused, or it published what it rendered: never the edit.
        if result.status == 0 {
            #expect(published == final)
        } else {
            #expect(result.stderr.contains("bị sửa trong lúc đang dựng"), "\(result.stderr)")
        }
    }

    /// A media file swapped for a link to a secret after it was listed is refused.
    /// Files published as they are (attachments); photos are read once, before the output.
    @Test func mediaSwappedForALinkDuringTheBuildIsNotPublished() throws {
        var files = SiteFixture.basic
        files["models/so-tay-nu-cong-dien-tu.md"] = files["models/so-tay-nu-cong-dien-tu.md"]?
            .replacingOccurrences(of: "year: 2018\n", with: "year: 2018\nattachments: [media/hoa.pdf]\n")
        let site = try SiteFixture(files)
        defer { site.remove() }
        try site.write("media/hoa.pdf", Data("%PDF-1.4\n".utf8))
        let secret = site.root.appendingPathComponent("secret.txt")
        try Data("mật khẩu".utf8).write(to: secret)
        var build = try ExemplarProcess(SiteFixture.buildArguments(), in: site.root, environment: ["EXEMPLAR_TEST_PAUSE": "staging"])
        let paused = build.waitForPause("staging")
        #expect(paused)
        let photo = site.content.appendingPathComponent("media/hoa.pdf")
        try FileManager.default.removeItem(at: photo)
        try FileManager.default.createSymbolicLink(at: photo, withDestinationURL: secret)
        build.resume()
        let result = build.finish()
        #expect(result.status == 1)
        #expect(result.stderr.contains("media/hoa.pdf"), "\(result.stderr)")
        #expect(result.stderr.contains("liên kết"), "\(result.stderr)")
        #expect(site.published("media/hoa.pdf") == nil)
    }

    @Test func fullDiskIsOneDiagnosticWithItsRealCause() throws {
        let site = try SiteFixture(SiteFixture.basic)
        defer { site.remove() }
        guard let disk = SmallDisk(at: site.root.appendingPathComponent("disk"), size: "2m") else { return }
        defer { disk.unmount() }
        let output = disk.folder.appendingPathComponent("public").path
        let first = try ExemplarProcess.run(SiteFixture.buildArguments(["--output", output]), in: site.root)
        #expect(first.status == 0, "\(first.stderr)")
        let before = try Data(contentsOf: disk.folder.appendingPathComponent("public/index.html"))
        // Media larger than what is left: the disk fills while copying.
        try site.write("media/lon.bin", Data(repeating: 7, count: 3 << 20))
        try site.write("pages/tai-lieu.md", "---\ntitle: Tài liệu\n---\n[Tệp](../media/lon.bin)\n")
        let full = try ExemplarProcess.run(SiteFixture.buildArguments(["--output", output]), in: site.root)
        #expect(full.status == 1)
        #expect(full.stderr.contains("ổ đĩa đã đầy"), "\(full.stderr)")
        #expect(!full.stderr.contains("File exists"))
        #expect(full.stderr.components(separatedBy: "ổ đĩa đã đầy").count == 2, "one cause, one diagnostic:\n\(full.stderr)")
        #expect(try Data(contentsOf: disk.folder.appendingPathComponent("public/index.html")) == before)
        let names = try FileManager.default.contentsOfDirectory(atPath: disk.folder.path)
        #expect(names.allSatisfy { $0 == "public" || $0 == ".public.lock" }, "\(names)")
    }

    @Test func noInodesLeftIsReportedAsAFullDisk() throws {
        let site = try SiteFixture(SiteFixture.basic)
        defer { site.remove() }
        guard let disk = SmallDisk(at: site.root.appendingPathComponent("disk"), size: "8m", inodes: 40) else { return }
        defer { disk.unmount() }
        let output = disk.folder.appendingPathComponent("public").path
        let result = try ExemplarProcess.run(SiteFixture.buildArguments(["--output", output]), in: site.root)
        #expect(result.status == 1)
        #expect(result.stderr.components(separatedBy: "ổ đĩa đã đầy").count == 2, "one cause, one diagnostic:\n\(result.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: disk.folder.path)
        #expect(names.allSatisfy { $0 == ".public.lock" }, "\(names)")
    }

    @Test func outputInFoldersNotYetThereIsCreated() throws {
        let site = try SiteFixture(SiteFixture.basic)
        defer { site.remove() }
        let result = try ExemplarProcess.run(SiteFixture.buildArguments(["--output", "a/b/public"]), in: site.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("a/b/public/index.html").path))
    }

    /// `public -> /srv/www`: the site goes into the link's target and the link stays.
    @Test func outputThatIsALinkIsPublishedIntoItsTarget() throws {
        let site = try SiteFixture(SiteFixture.basic)
        defer { site.remove() }
        let www = site.root.appendingPathComponent("srv/www")
        try FileManager.default.createDirectory(at: www, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: site.output, withDestinationURL: www)
        for _ in 0..<2 {
            let result = try ExemplarProcess.run(SiteFixture.buildArguments(), in: site.root)
            #expect(result.status == 0, "\(result.stderr)")
        }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: site.output.path) == www.path)
        #expect(FileManager.default.fileExists(atPath: www.appendingPathComponent("index.html").path))
        let beside = try FileManager.default.contentsOfDirectory(atPath: www.deletingLastPathComponent().path)
        #expect(beside.allSatisfy { $0 == "www" || $0 == ".www.lock" }, "\(beside)")
    }

    @Test func outputThatIsAMountPointIsRefusedWithAFix() throws {
        let site = try SiteFixture(SiteFixture.basic)
        defer { site.remove() }
        guard let disk = SmallDisk(at: site.output, size: "4m") else { return }
        defer { disk.unmount() }
        let result = try ExemplarProcess.run(SiteFixture.buildArguments(), in: site.root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("điểm gắn kết"), "\(result.stderr)")
        #expect(result.stderr.contains("--output \(site.output.path)/site"), "\(result.stderr)")
        #expect(!result.stderr.contains("NSCocoaErrorDomain"))
        let inside = try ExemplarProcess.run(SiteFixture.buildArguments(["--output", "public/site"]), in: site.root)
        #expect(inside.status == 0, "\(inside.stderr)")
    }

    @Test(arguments: ["2>/dev/full", "2>&-", "--format json >/dev/full", "--format json >&-", "2>&1 | true", "--format json | true"])
    func unwritableStreamsNeverCrashAndTheExitCodeTellsTheTruth(redirect: String) throws {
        let site = try SiteFixture(SiteFixture.basic)
        defer { site.remove() }
        let status = site.root.appendingPathComponent("status")
        let parts = redirect.components(separatedBy: " | ")
        // The pipe's reader exits at once; with SIGPIPE ignored, as a supervisor may leave it,
        // writes fail with EPIPE instead of killing the process.
        let shell = "trap '' PIPE; { \"$EXEMPLAR\" build --theme '\(SiteFixture.themePath)' \(parts[0]); echo $? > '\(status.path)'; }"
            + (parts.count > 1 ? " | \(parts[1])" : "")
        for expected in ["0", "1"] {
            if expected == "1" { try site.write("individuals/sai.md", "---\nname: Sai\nunit: khong-co\n---\n") }
            let result = try ExemplarProcess.run([], in: site.root, shell: shell)
            #expect(result.status == 0)
            let code = try String(contentsOf: status, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(code == expected, "\(redirect): \(result.stderr)")
        }
        #expect(site.published("index.html") != nil)
    }
}

/// Counts how often a path is missing, checked as often as possible until stopped.
private final class Watcher: @unchecked Sendable {
    private let path: String
    private let lock = NSLock()
    private var running = true
    private var missing = 0
    private let done = DispatchSemaphore(value: 0)

    init(path: String) { self.path = path }

    func start() {
        Thread {
            while self.isRunning {
                if access(self.path, F_OK) != 0 { self.lock.withLock { self.missing += 1 } }
            }
            self.done.signal()
        }.start()
    }

    private var isRunning: Bool { lock.withLock { running } }

    func stop() -> Int {
        lock.withLock { running = false }
        done.wait()
        return lock.withLock { missing }
    }
}
