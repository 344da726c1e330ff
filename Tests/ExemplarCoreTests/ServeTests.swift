import Foundation
import Testing

/// `exemplar serve` as a user runs it: a real process on a free port, real HTTP requests,
/// real edits of a copy of the sample content, compared with a fresh `exemplar build`.
@Suite(.serialized) struct ServeTests {
    static let scriptTag = Array("<script src=\"/__exemplar/live.js\"></script>".utf8)

    /// The body without the reload script the server adds to pages.
    static func withoutScript(_ body: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var index = 0
        while index < body.count {
            if body[index] == scriptTag[0], body.count - index >= scriptTag.count,
               body[index..<index + scriptTag.count].elementsEqual(scriptTag) {
                index += scriptTag.count
                continue
            }
            out.append(body[index])
            index += 1
        }
        return out
    }

    /// Files of a fresh build that the server does not serve with the same bytes (and the
    /// same status), and files that lack the script or carry it where they should not.
    static func differences(_ serve: ServeFixture) throws -> [String] {
        let fresh = try serve.freshBuild()
        defer { try? FileManager.default.removeItem(at: fresh) }
        var problems: [String] = []
        guard let walker = FileManager.default.enumerator(atPath: fresh.path) else { return ["no fresh build"] }
        var count = 0
        while let relative = walker.nextObject() as? String {
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: fresh.path + "/" + relative, isDirectory: &isFolder)
            if !exists || isFolder.boolValue || relative.hasPrefix(".") { continue }
            count += 1
            let expected = try [UInt8](Data(contentsOf: fresh.appendingPathComponent(relative)))
            if String(decoding: expected, as: UTF8.self).contains("__exemplar") { problems.append("\(relative): build output has the script") }
            var path = relative.hasSuffix("index.html") ? String(relative.dropLast("index.html".count)) : relative
            path = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
            let response = try serve.get("/" + path)
            if response.status != 200 { problems.append("\(relative): status \(response.status)") }
            if relative.hasSuffix(".html") {
                if !response.text.contains("<script src=\"/__exemplar/live.js\"></script></body>") {
                    problems.append("\(relative): no reload script")
                }
                if withoutScript(response.body) != expected { problems.append("\(relative): other bytes") }
            } else if response.body != expected {
                problems.append("\(relative): other bytes")
            }
        }
        if count < 100 { problems.append("only \(count) files in the fresh build") }
        return problems
    }

    static let profile = "individuals/bui-thi-hong-nhung.md"
    static let profileURL = "/ca-nhan/bui-thi-hong-nhung/"

    @Test func servedSiteEqualsAFreshBuildBeforeAndAfterAnEdit() throws {
        let serve = try ServeFixture()
        defer { serve.stop() }
        let events = try EventListener(port: serve.port)
        defer { events.close() }
        #expect(events.wait(for: "state", after: 0) != nil)
        #expect(try Self.differences(serve) == [])
        let etag = try serve.get(Self.profileURL).header("etag")

        let original = try serve.read(Self.profile)
        try serve.write(Self.profile, original.replacingOccurrences(of: "name: Bùi Thị Hồng Nhung", with: "name: Bùi Thị Hồng Nhung Mới"))
        let event = try #require(events.wait(for: "build", after: 0), "\(serve.terminal)")
        #expect(event.data.contains("\"failed\":false"))
        let page = try serve.get(Self.profileURL)
        #expect(page.text.contains("Bùi Thị Hồng Nhung Mới"))
        #expect(page.header("etag") != etag)
        #expect(try Self.differences(serve) == [])

        // More kinds of edit, each followed by the whole site against a fresh build.
        let edits: [(String, () throws -> Void)] = [
            ("unit renamed", {
                let units = try serve.read("units.yml")
                try serve.write("units.yml", units.replacingOccurrences(of: "name: Ban Nữ công", with: "name: Ban Nữ công và Gia đình"))
            }),
            ("person moved", {
                let text = try serve.read(Self.profile)
                try serve.write(Self.profile, text.replacingOccurrences(of: "unit: cong-doan-cac-khu-cong-nghiep-tinh", with: "unit: ban-nu-cong"))
            }),
            ("template edited", {
                let layout = serve.root.appendingPathComponent("theme/templates/layout.mustache")
                let text = try String(contentsOf: layout, encoding: .utf8)
                try Data(text.replacingOccurrences(of: "<footer class=\"site-footer\">", with: "<footer class=\"site-footer\" data-ban=\"moi\">").utf8).write(to: layout)
            }),
            ("file added", {
                try serve.write("individuals/nguyen-van-moi.md", "---\nname: Nguyễn Văn Mới\nunit: ban-nu-cong\nsupervisor: Lê Thị Thu Trang\n---\nMột hồ sơ mới.\n")
            }),
            ("file removed", {
                try FileManager.default.removeItem(at: serve.content.appendingPathComponent("individuals/nguyen-van-moi.md"))
            }),
        ]
        for (number, (name, edit)) in edits.enumerated() {
            try edit()
            let built = events.wait(for: "build", after: number + 1)
            #expect(built?.data.contains("\"failed\":false") == true, "\(name): \(built?.data ?? "no event")")
            #expect(try Self.differences(serve) == [], "\(name)")
        }
    }

    @Test func brokenContentKeepsTheLastGoodPagesAndFixingClearsTheErrors() throws {
        let serve = try ServeFixture()
        defer { serve.stop() }
        let events = try EventListener(port: serve.port)
        defer { events.close() }
        _ = events.wait(for: "state", after: 0)
        let before = try serve.get(Self.profileURL)
        let original = try serve.read(Self.profile)

        // A save may reach the watcher as more than one change (truncated, then written), so
        // each step waits for the rebuilds to settle and reads the last one.
        try serve.write(Self.profile, original.replacingOccurrences(of: "\nname:", with: "\nnam:"))
        _ = events.wait(for: "build", after: 0)
        let broken = try #require(events.last(afterSettling: "build"))
        let state = try #require(try JSONSerialization.jsonObject(with: Data(broken.data.utf8)) as? [String: Any])
        #expect(state["failed"] as? Bool == true)
        let diagnostics = try #require(state["diagnostics"] as? [[String: Any]])
        let missing = try #require(diagnostics.first { $0["code"] as? String == "missing-key" })
        #expect(missing["file"] as? String == "content/" + Self.profile)
        #expect(missing["line"] as? Int == 2)
        #expect((missing["message"] as? String)?.contains("name") == true)
        #expect(missing["hint"] is String)
        #expect(serve.printed("content/\(Self.profile):2:1: lỗi:"), "\(serve.terminal)")
        // The last good page is still served, and a page opened now learns of the errors.
        #expect(try serve.get(Self.profileURL).body == before.body)
        let late = try EventListener(port: serve.port)
        defer { late.close() }
        #expect(late.wait(for: "state", after: 0)?.data.contains("\"failed\":true") == true)

        let builds = events.count(of: "build")
        try serve.write(Self.profile, original)
        _ = events.wait(for: "build", after: builds)
        let fixed = try #require(events.last(afterSettling: "build"))
        #expect(fixed.data.contains("\"failed\":false") && fixed.data.contains("\"diagnostics\":[]"))
        #expect(try Self.differences(serve) == [])
    }

    /// A rebuild prints the diagnostics a save brought, not every warning of the site again.
    @Test func aRebuildPrintsOnlyNewDiagnostics() throws {
        let serve = try ServeFixture()
        defer { serve.stop() }
        let events = try EventListener(port: serve.port)
        defer { events.close() }
        _ = events.wait(for: "state", after: 0)
        let original = try serve.read(Self.profile)
        try serve.write(Self.profile, original + "\n[thử](javascript:alert(1))\n")
        _ = events.wait(for: "build", after: 0)
        let builds = events.settle()
        #expect(serve.printed("[unsafe-link]"), "\(serve.terminal)")

        let other = "individuals/cao-thi-yen.md"
        try serve.write(other, try serve.read(other) + "\nMột đoạn nữa.\n")
        _ = events.wait(for: "build", after: builds)
        _ = events.settle()
        #expect(serve.printed("như lần dựng trước, không in lại."), "\(serve.terminal)")
        #expect(serve.terminal.components(separatedBy: "[unsafe-link]").count == 2, "printed once: \(serve.terminal)")
    }

    @Test func httpAnswersAsAStaticHostWould() throws {
        let serve = try ServeFixture()
        defer { serve.stop() }
        let fresh = try serve.freshBuild()
        for target in [Self.profileURL, "/assets/style.css", "/feed.xml"] {
            let get = try serve.get(target), head = try serve.get(target, method: "HEAD")
            #expect(head.status == 200 && head.body.isEmpty)
            #expect(head.header("content-length") == String(get.body.count))
            #expect(head.header("etag") == get.header("etag") && get.header("etag") != nil)
            #expect(get.header("cache-control") == "no-cache")
            let again = try serve.get(target, headers: ["If-None-Match": get.header("etag") ?? ""])
            #expect(again.status == 304 && again.body.isEmpty)
        }
        #expect(try serve.get(Self.profileURL).header("content-type") == "text/html; charset=utf-8")
        #expect(try serve.get("/assets/style.css").header("content-type") == "text/css; charset=utf-8")
        #expect(try serve.get("/api/exemplars.json").header("content-type") == "application/json")
        #expect(try serve.get("/assets/icon.svg").header("content-type") == "image/svg+xml")

        let missing = try serve.get("/khong-co-trang-nay/")
        #expect(missing.status == 404)
        #expect(Self.withoutScript(missing.body) == [UInt8](try Data(contentsOf: fresh.appendingPathComponent("404.html"))))
        #expect(try serve.get("/khong-co-trang-nay/", method: "HEAD").status == 404)

        let folder = try serve.get("/ca-nhan?trang=2")
        #expect(folder.status == 301 && folder.header("location") == "/ca-nhan/?trang=2")
        #expect(try serve.get("/", method: "POST").status == 405)
    }

    @Test func aBasePathGivenOnTheCommandLineIsKept() throws {
        let port = try ServeFixture.freePort()
        let serve = try ServeFixture(port: port, extraArguments: ["--base-url", "http://127.0.0.1:\(port)/dien-hinh/"])
        defer { serve.stop() }
        let root = try serve.get("/")
        #expect(root.status == 302 && root.header("location") == "/dien-hinh/")
        let home = try serve.get("/dien-hinh/")
        #expect(home.status == 200 && home.text.contains("href=\"/dien-hinh/ca-nhan/\""))
        #expect(try serve.get("/ca-nhan/").status == 404)
        #expect(try serve.get("/dien-hinh" + Self.profileURL).status == 200)
    }

    @Test func nothingOutsideTheSiteIsEverServed() throws {
        let serve = try ServeFixture()
        defer { serve.stop() }
        let marker = "bí-mật-\(UUID().uuidString)"
        try Data(marker.utf8).write(to: serve.root.appendingPathComponent("secret.txt"))
        try FileManager.default.createSymbolicLink(atPath: serve.output.path + "/leak.txt", withDestinationPath: serve.root.path + "/secret.txt")
        try FileManager.default.createSymbolicLink(atPath: serve.output.path + "/leak-dir", withDestinationPath: "..")
        let attempts = [
            "/../secret.txt", "/../../../../../etc/passwd", "/%2e%2e/secret.txt", "/%2E%2E/%2E%2E/etc/passwd",
            "/%252e%252e/secret.txt", "/%252E%252E%252Fsecret.txt", "/..%2fsecret.txt", "/..%2Fsecret.txt",
            "/..%5csecret.txt", "/..\\secret.txt", "/%2e%2e%2fsecret.txt", "/.%2e/secret.txt",
            "/assets/../../secret.txt", "/assets/%2e%2e/%2e%2e/secret.txt", "/%c0%ae%c0%ae/secret.txt",
            "/leak.txt", "/leak-dir/secret.txt", "/leak-dir/", "/leak-dir", "//etc/passwd", "/a%00/../secret.txt",
        ]
        for target in attempts {
            let response = try serve.get(target)
            #expect([400, 404].contains(response.status), "\(target): \(response.status)")
            #expect(!response.text.contains(marker) && !response.text.contains("root:x:0:0"), "\(target)")
        }
        #expect(try serve.get(Self.profileURL).status == 200)
    }

    @Test func aPortInUseIsReportedInVietnamese() throws {
        let holder = try Listener()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("exemplar-port-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = ["serve", "--port", String(holder.port)]
        process.currentDirectoryURL = folder
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(message.contains("Cổng \(holder.port) trên 127.0.0.1 đang được một chương trình khác dùng"), "\(message)")
    }

    /// New folders are watched, editors' temporary files are not edits, a burst of saves is one build.
    @Test(arguments: [false, true]) func watchingFollowsTheFolders(polling: Bool) throws {
        let serve = try ServeFixture(extraArguments: polling ? ["--poll"] : [])
        defer { serve.stop() }
        let events = try EventListener(port: serve.port)
        defer { events.close() }
        _ = events.wait(for: "state", after: 0)
        let theme = serve.root.appendingPathComponent("theme/assets")

        try Data("swap".utf8).write(to: serve.content.appendingPathComponent("individuals/.bui-thi-hong-nhung.md.swp"))
        try Data("backup".utf8).write(to: serve.content.appendingPathComponent("individuals/bui-thi-hong-nhung.md~"))
        #expect(events.wait(for: "build", after: 0, timeout: 1.5) == nil)

        // inotify sees the new folders (a build of nothing new); scanning sees only files.
        try FileManager.default.createDirectory(at: theme.appendingPathComponent("moi/sau"), withIntermediateDirectories: true)
        _ = events.wait(for: "build", after: 0, timeout: polling ? 1 : 60)
        let settled = events.settle(quiet: 2)
        try Data(".moi-them { color: red }".utf8).write(to: theme.appendingPathComponent("moi/sau/them.css"))
        var served = ""
        // Assets may be minified: the rule's name is what must arrive.
        for next in settled..<settled + 3 where !served.contains(".moi-them") {
            guard events.wait(for: "build", after: next) != nil else { break }
            served = try serve.get("/assets/moi/sau/them.css").text
        }
        #expect(served.contains(".moi-them"))

        let original = try serve.read(Self.profile)
        let builds = events.settle(quiet: 2)
        for number in 1...5 {
            try serve.write(Self.profile, original + "\nLần lưu \(number).\n")
            // Apart, but well inside the watcher's 15 ms quiet period even when a loaded
            // machine oversleeps by several milliseconds.
            Thread.sleep(forTimeInterval: 0.002)
        }
        #expect(events.wait(for: "build", after: builds) != nil)
        // The burst is coalesced: at most two builds for five saves, even when a loaded
        // machine stretches the gaps between them past the quiet period.
        _ = events.wait(for: "build", after: builds + 1, timeout: 1.5)
        #expect(events.wait(for: "build", after: builds + 2, timeout: 1.5) == nil)
        #expect(try serve.get(Self.profileURL).text.contains("Lần lưu 5."))
    }
}
