import Foundation
import Testing

/// Content the file system makes hostile: folders that cannot be read, FIFOs, names that are
/// not UTF-8 or carry control characters, paths longer than the system allows, and bodies
/// built to make a stage slow. Each runs the real executable.
@Suite struct InputFaultTests {
    private func check(_ site: SiteFixture, unprivileged: Bool = false) throws -> ExemplarProcess.Finished {
        try ExemplarProcess.run(["check", "--theme", SiteFixture.themePath], in: site.root, unprivileged: unprivileged)
    }

    private func errorLines(_ stderr: String) -> [Substring] {
        stderr.split(separator: "\n").filter { $0.contains(": lỗi: ") }
    }

    /// A folder that cannot be listed is one error naming it and the cause; what points into
    /// it is not reported as missing on top.
    @Test(arguments: ["individuals", "collectives", "models", "pages", "media", "media/anh"])
    func unreadableFolderIsOneDiagnosticNamingItAndTheCause(folder: String) throws {
        var files = SiteFixture.basic
        files["individuals/nguyen-thi-hoa.md"] = files["individuals/nguyen-thi-hoa.md"]?
            .replacingOccurrences(of: "name: Nguyễn Thị Hoa\n", with: "name: Nguyễn Thị Hoa\nphoto: media/anh/hoa.jpg\n")
            .replacingOccurrences(of: "chia sẻ cách làm.", with: "chia sẻ [cách làm](../models/so-tay-nu-cong-dien-tu.md) và [đăng ký](../pages/dang-ky.md).")
        let site = try SiteFixture(files)
        defer { site.remove() }
        try site.write("media/anh/hoa.jpg", Data([0xFF, 0xD8]))
        let url = site.content.appendingPathComponent(folder)
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: url.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path) }
        let result = try check(site, unprivileged: true)
        #expect(result.status == 1)
        let errors = errorLines(result.stderr)
        #expect(errors.count == 1, "\(result.stderr)")
        #expect(errors.first?.contains("content/\(folder)") == true, "\(result.stderr)")
        #expect(errors.first?.contains("Permission denied") == true, "\(result.stderr)")
    }

    /// A body is read again when its page is rendered. A file deleted or edited in between is
    /// one error naming it, its body's line and the cause, and nothing is published.
    @Test(arguments: ["deleted", "edited"])
    func bodyGoneBeforeRenderingIsOneErrorWithItsCause(change: String) throws {
        let site = try SiteFixture(SiteFixture.basic)
        defer { site.remove() }
        var build = try ExemplarProcess(SiteFixture.buildArguments(), in: site.root, environment: ["EXEMPLAR_TEST_PAUSE": "staging"])
        let paused = build.waitForPause("staging")
        #expect(paused)
        let profile = "individuals/nguyen-thi-hoa.md"
        let url = site.content.appendingPathComponent(profile)
        if change == "deleted" {
            try FileManager.default.removeItem(at: url)
        } else {
            let text = try String(contentsOf: url, encoding: .utf8)
            try site.write(profile, text.replacingOccurrences(of: "\n---\n", with: "\ntags: [moi]\n---\n"))
        }
        build.resume()
        let result = build.finish()
        #expect(result.status == 1, "\(result.stderr)")
        let errors = errorLines(result.stderr)
        #expect(errors.count == 1, "\(result.stderr)")
        let error = try #require(errors.first)
        #expect(error.hasPrefix("content/\(profile):"), "\(error)")
        if change == "deleted" {
            #expect(error.contains("không tồn tại") && error.contains("No such file"), "\(error)")
        } else {
            #expect(error.contains("đã bị sửa"), "\(error)")
        }
        #expect(site.published("index.html") == nil)
    }

    @Test(arguments: ["individuals/ong.md", "media/ong.jpg", "units.yml"])
    func fifoIsRefusedNamingWhatItIs(path: String) throws {
        let site = try SiteFixture(SiteFixture.basic)
        defer { site.remove() }
        let url = site.content.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? FileManager.default.removeItem(at: url)
        #expect(mkfifo(url.path, 0o644) == 0)
        let result = try check(site)
        #expect(result.status == 1)
        #expect(result.stderr.contains("content/\(path)"), "\(result.stderr)")
        #expect(result.stderr.contains("FIFO"), "\(result.stderr)")
        #expect(!result.stderr.contains("permission"))
    }

    @Test(arguments: ["individuals", "media"])
    func nameThatIsNotUTF8IsReportedEscaped(folder: String) throws {
        let site = try SiteFixture(SiteFixture.basic)
        defer { site.remove() }
        let folderURL = site.content.appendingPathComponent(folder)
        try FileManager.default.createDirectory(at: folderURL, withIntermediateDirectories: true)
        let name: [UInt8] = Array("ho".utf8) + [0xFF, 0xFE] + Array("a.md".utf8)
        let path = Array(folderURL.path.utf8) + [0x2F] + name
        let descriptor = open(path.map { CChar(bitPattern: $0) } + [0], O_WRONLY | O_CREAT, 0o644)
        #expect(descriptor >= 0)
        close(descriptor)
        let result = try check(site)
        #expect(result.status == 1)
        #expect(result.stderr.contains("content/\(folder)/ho\\xFF\\xFEa.md"), "\(result.stderr)")
        #expect(result.stderr.contains("UTF-8"))
        #expect(errorLines(result.stderr).count == 1, "\(result.stderr)")
    }

    /// A name with a newline or an escape sequence cannot forge lines or colours.
    @Test func controlCharactersInNamesArePrintedEscaped() throws {
        let site = try SiteFixture(SiteFixture.basic)
        defer { site.remove() }
        try site.write("individuals/x\n\u{1B}[31mgiả: lỗi: y.txt", "không phải .md")
        let result = try check(site)
        #expect(!result.stderr.contains("\u{1B}"), "\(result.stderr)")
        #expect(result.stderr.contains("x\\n\\u{1B}[31mgiả: lỗi: y.txt"), "\(result.stderr)")
        #expect(!result.stderr.split(separator: "\n").contains { $0.hasPrefix("\u{1B}[31mgiả") || $0.hasPrefix("[31mgiả") })
    }

    @Test func pathLongerThanTheSystemAllowsIsReported() throws {
        let site = try SiteFixture(SiteFixture.basic)
        defer { site.remove() }
        // Built a step at a time: each mkdir is short, the whole path is not.
        var folder = site.content.appendingPathComponent("media").path
        #expect(mkdir(folder, 0o755) == 0)
        let step = String(repeating: "d", count: 200)
        var depth = 0
        var descriptor = open(folder, O_RDONLY | O_DIRECTORY)
        while folder.utf8.count < 4200 {
            #expect(mkdirat(descriptor, step, 0o755) == 0)
            let next = openat(descriptor, step, O_RDONLY | O_DIRECTORY)
            close(descriptor)
            descriptor = next
            folder += "/" + step
            depth += 1
        }
        let file = openat(descriptor, "anh.jpg", O_WRONLY | O_CREAT, 0o644)
        #expect(file >= 0)
        close(file)
        close(descriptor)
        let result = try check(site)
        #expect(result.status == 1)
        #expect(result.stderr.contains("content/media/dddd"), "\(result.stderr)")
        #expect(result.stderr.contains("File name too long"), "\(result.stderr)")
        #expect(errorLines(result.stderr).count == 1, "\(result.stderr)")
        // Removing the tree needs the same care: leave it to a relative walk.
        let remover = Process()
        remover.executableURL = URL(fileURLWithPath: "/bin/rm")
        remover.arguments = ["-rf", site.content.appendingPathComponent("media").path]
        try remover.run()
        remover.waitUntilExit()
    }

    /// 20,000 equal headings: ids stay unique and the build stays linear.
    @Test func manyEqualHeadingsStayLinear() throws {
        let site = try SiteFixture(SiteFixture.basic)
        defer { site.remove() }
        let count = 20_000
        let body = String(repeating: "## Kết quả\n\n", count: count) + "## Kết quả 2\n"
        try site.write("pages/lap-lai.md", "---\ntitle: Lặp lại\n---\n" + body)
        let start = Date()
        let result = try ExemplarProcess.run(SiteFixture.buildArguments(), in: site.root)
        let seconds = Date().timeIntervalSince(start)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(seconds < 20, "took \(seconds) s")
        let page = String(decoding: site.published("lap-lai/index.html") ?? Data(), as: UTF8.self)
        let ids = page.components(separatedBy: "id=\"ket-qua").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(ids.count == count + 1)
        #expect(Set(ids).count == ids.count, "heading ids repeat")
        #expect(ids.contains("-\(count)"))
    }
}
