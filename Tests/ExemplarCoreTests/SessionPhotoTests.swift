@testable import ExemplarCore
import Foundation
import Testing

/// A photo replaced under the same name: the pages that show it are rendered again, with its
/// new sizes, and no other page is.
@Suite(.serialized) struct SessionPhotoTests {
    @Test func replacedPortraitRendersOnlyThePagesShowingIt() throws {
        let lab = try SampleLab()
        defer { lab.remove() }
        let session = SiteSession(options: lab.options)
        #expect(session.build().succeeded)
        let before = try lab.tree("public")

        // A person's portrait becomes a large landscape photo: other sizes, other proportions.
        let portrait = lab.content.appendingPathComponent("media/truong-thi-hoa.png")
        try Data(contentsOf: lab.content.appendingPathComponent("media/bieu-duong-2020-1.jpg")).write(to: portrait)
        let report = session.build(changes: [ChangedPath(portrait)])
        #expect(report.succeeded)

        let fresh = try lab.freshTree()
        let pages = try lab.tree("public")
        #expect(pages == fresh, "the session differs from a fresh build: \(Set(pages.keys).union(fresh.keys).filter { pages[$0] != fresh[$0] }.sorted().prefix(5))")
        let rendered = Set(report.renderedFiles)
        // Pages, not the photo's own files or the output's marker.
        let changed = Set(fresh.keys.filter { before[$0] != fresh[$0] && !$0.hasPrefix("media/") && !$0.hasPrefix(".") })
        #expect(changed.contains("ca-nhan/truong-thi-hoa/index.html"))
        #expect(changed.isSubset(of: rendered), "changed but not rendered: \(changed.subtracting(rendered).sorted())")
        // Every page that shows the photo names its files, and is rendered again. Pages are
        // made from whole cards: one that shows her card (with or without its photo) may be
        // rendered too, but no page that does not show her at all.
        func showingText(_ text: String) -> Set<String> {
            Set(fresh.filter { !$0.key.hasPrefix("media/") && String(decoding: $0.value, as: UTF8.self).contains(text) }.keys)
        }
        let showing = showingText("media/truong-thi-hoa.")
        let naming = showingText("ca-nhan/truong-thi-hoa/")
        #expect(showing.isSubset(of: rendered), "showing the photo but not rendered: \(showing.subtracting(rendered).sorted())")
        #expect(rendered.isSubset(of: naming), "rendered without showing her: \(rendered.subtracting(naming).sorted())")
        #expect(rendered.count < fresh.count / 4)
    }

    @Test func bodyPhotoGetsItsSizesBackWhenFixed() throws {
        let lab = try SampleLab()
        defer { lab.remove() }
        let session = SiteSession(options: lab.options)
        #expect(session.build().succeeded)
        let page = "mo-hinh/so-tay-nu-cong-dien-tu/index.html"
        let photo = lab.content.appendingPathComponent("media/so-tay-nu-cong-tren-dien-thoai.jpg")
        let original = try Data(contentsOf: photo)
        #expect(session.page(at: page).map { String(decoding: $0, as: UTF8.self).contains("srcset=") } == true)

        // Not a picture any more: the body shows it without sizes (and a diagnostic says why).
        try Data("không phải ảnh".utf8).write(to: photo)
        let broken = session.build(changes: [ChangedPath(photo)])
        #expect(broken.renderedFiles.contains(page))
        #expect(try lab.tree("public") == lab.freshTree())

        // Fixed: the body gets its sizes again, although it read no sizes the last time.
        try original.write(to: photo)
        let fixed = session.build(changes: [ChangedPath(photo)])
        #expect(fixed.renderedFiles.contains(page))
        let fresh = try lab.freshTree()
        #expect(try lab.tree("public") == fresh)
        #expect(fresh[page].map { String(decoding: $0, as: UTF8.self).contains("so-tay-nu-cong-tren-dien-thoai.") } == true)
    }
}

/// A copy of the sample site's content and theme, built into its own folder (photos into its own cache).
struct SampleLab {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("exemplar-photo-\(UUID().uuidString)")
    var content: URL { root.appendingPathComponent("content") }

    init() throws {
        let files = FileManager.default
        try files.createDirectory(at: root, withIntermediateDirectories: true)
        try files.copyItem(at: SiteFixture.repository.appendingPathComponent("content"), to: content)
        try files.copyItem(at: SiteFixture.repository.appendingPathComponent("theme"), to: root.appendingPathComponent("theme"))
    }

    var options: BuildOptions {
        var options = BuildOptions(content: content.path, theme: root.appendingPathComponent("theme").path,
                                   output: root.appendingPathComponent("public").path)
        options.contentDisplay = "content"
        options.today = CalendarDate(year: 2024, month: 6, day: 1)
        return options
    }

    /// The output folder of a fresh build of the content as it is now.
    func freshTree() throws -> [String: Data] {
        var options = self.options
        options.output = root.appendingPathComponent("fresh")
        _ = SiteSession(options: options).build()
        return try tree("fresh")
    }

    /// Every file of an output folder by relative path.
    func tree(_ name: String) throws -> [String: Data] {
        try Self.tree(at: root.appendingPathComponent(name))
    }

    /// Every file below `folder` by relative path.
    static func tree(at folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for case let relative as String in FileManager.default.enumerator(atPath: folder.path) ?? FileManager.DirectoryEnumerator() {
            var isFolder: ObjCBool = false
            let path = folder.path + "/" + relative
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
                result[relative] = try Data(contentsOf: URL(fileURLWithPath: path))
            }
        }
        return result
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}
