import Foundation
import Testing

/// `exemplar new site DIR` and the default theme: a new user's first minutes.
@Suite struct NewSiteTests {
    private func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("exemplar-new-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func aNewSiteBuildsAtOnceWithNoWarning() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let created = try Executable.run(["new", "site", "trang-moi"], in: parent)
        #expect(created.status == 0, "\(created.stderr)")
        let site = parent.appendingPathComponent("trang-moi")
        for path in ["content/site.yml", "content/units.yml", "content/criteria.yml", "theme/templates/layout.mustache"] {
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(path).path), "\(path)")
        }
        for kind in ["collectives", "individuals", "models", "events", "pages"] {
            let files = try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("content/\(kind)").path)
            #expect(files.filter { $0.hasSuffix(".md") }.count == 1, "\(kind)")
        }
        let build = try Executable.run(["build", "--strict"], in: site)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(!build.stderr.contains("cảnh báo:"), "\(build.stderr)")
        let home = try String(contentsOf: site.appendingPathComponent("public/index.html"), encoding: .utf8)
        #expect(home.contains("Nguyễn Thị Mai"))

        // Inside the new site, `new` writes into its content folder.
        let added = try Executable.run(["new", "event", "Hội nghị biểu dương"], in: site)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("content/events/hoi-nghi-bieu-duong.md").path))
        let rebuilt = try Executable.run(["build", "--strict"], in: site)
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
    }

    @Test func theThemeIsACopyOfTheDefault() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        _ = try Executable.run(["new", "site", "s"], in: parent)
        let repository = SiteFixture.repository.appendingPathComponent("theme")
        let copy = parent.appendingPathComponent("s/theme")
        let walker = try #require(FileManager.default.enumerator(atPath: repository.path))
        var count = 0
        for case let path as String in walker where !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: repository.appendingPathComponent(path).path, isDirectory: &isFolder)
            if isFolder.boolValue { continue }
            count += 1
            #expect(FileManager.default.contents(atPath: copy.appendingPathComponent(path).path)
                    == FileManager.default.contents(atPath: repository.appendingPathComponent(path).path), "\(path)")
        }
        #expect(count > 10)
    }

    @Test func nothingIsOverwritten() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let folder = parent.appendingPathComponent("co-san")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("giữ nguyên".utf8).write(to: folder.appendingPathComponent("ghi-chu.txt"))
        let result = try Executable.run(["new", "site", "co-san"], in: parent)
        #expect(result.status == 1)
        #expect(result.stderr.contains("co-san"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["ghi-chu.txt"])
    }

    /// A site with only `content/` is built with the default theme.
    @Test func aSiteWithoutATheme() throws {
        let site = try SiteFixture(SiteFixture.basic)
        defer { site.remove() }
        let build = try Executable.run(["build"], in: site.root)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(site.page("ca-nhan/nguyen-thi-hoa/index.html")?.contains("Nguyễn Thị Hoa") == true)
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("assets/style.css").path))
    }

    /// Installed as `PREFIX/bin/exemplar` with `PREFIX/share/exemplar/theme`, that theme is the default.
    @Test func theInstalledThemeBesideTheExecutable() throws {
        let prefix = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: prefix) }
        let binary = try #require(CommandLineTests.binary)
        try FileManager.default.createDirectory(at: prefix.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: prefix.appendingPathComponent("share/exemplar"), withIntermediateDirectories: true)
        let installed = prefix.appendingPathComponent("bin/exemplar")
        try FileManager.default.copyItem(at: binary, to: installed)
        let theme = prefix.appendingPathComponent("share/exemplar/theme")
        try FileManager.default.copyItem(at: SiteFixture.repository.appendingPathComponent("theme"), to: theme)
        let css = theme.appendingPathComponent("assets/style.css")
        try (try Data(contentsOf: css) + Data("\n.installed-theme-marker { color: red }\n".utf8)).write(to: css)

        let site = try SiteFixture(SiteFixture.basic)
        defer { site.remove() }
        let process = Process()
        process.executableURL = installed
        process.arguments = ["build"]
        process.currentDirectoryURL = site.root
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(site.page("assets/style.css")?.contains("installed-theme-marker") == true)
    }
}
