import ExemplarCore
import Foundation
import Testing

/// Photos as an editor drops them from a phone: published upright, resized, without
/// metadata, from a cache on rebuilds; bad files reported and left out.
@Suite struct ImageTests {
    /// The sample's portrait: stored 4032×3024 with EXIF Orientation 6 (turn a quarter
    /// clockwise), GPS position and serial number; a red block in its stored top-left corner.
    static let phonePhoto = SiteFixture.repository.appendingPathComponent("content/media/nguyen-thi-hoa.jpg")
    static let smallPhoto = SiteFixture.repository.appendingPathComponent("content/media/bui-thi-hong-nhung.png")

    private func site(event photos: [String] = [], files: [String: Data] = [:]) throws -> SiteFixture {
        var content = SiteFixture.basic
        if let photo = photos.first {
            content["models/so-tay-nu-cong-dien-tu.md"] = content["models/so-tay-nu-cong-dien-tu.md"]! + "\n![Minh hoạ](../\(photo))\n"
        }
        content["individuals/nguyen-thi-hoa.md"] = content["individuals/nguyen-thi-hoa.md"]!
            .replacingOccurrences(of: "summary:", with: "photo: media/hoa.jpg\nphoto_alt: Chị Hoa tại hội trường\nsummary:")
        if !photos.isEmpty {
            let list = photos.map { "  - {file: \($0), alt: Ảnh \($0)}" }.joined(separator: "\n")
            content["events/giao-luu-nu-cong-2019.md"] = content["events/giao-luu-nu-cong-2019.md"]!
                .replacingOccurrences(of: "models: [so-tay-nu-cong-dien-tu]", with: "models: [so-tay-nu-cong-dien-tu]\nphotos:\n\(list)")
        }
        let site = try SiteFixture(content)
        try site.write("media/hoa.jpg", Data(contentsOf: Self.phonePhoto))
        for (path, data) in files { try site.write(path, data) }
        return site
    }

    private func published(_ site: SiteFixture, matching prefix: String) throws -> [URL] {
        let folder = site.output.appendingPathComponent("media")
        return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasPrefix(prefix) }.sorted { $0.path < $1.path }
    }

    @Test func aRotatedPhonePhotoIsPublishedUprightWithoutMetadata() throws {
        let site = try site()
        defer { site.remove() }
        let report = site.build()
        #expect(report.published, "\(report.diagnostics)")
        let files = try published(site, matching: "hoa.")
        #expect(files.count >= 7)
        for file in files {
            let data = try Data(contentsOf: file)
            #expect(Picture.metadata(in: data).isEmpty, "\(file.lastPathComponent): \(Picture.metadata(in: data))")
            #expect(!data.contains(Data("R58T40".utf8)), "\(file.lastPathComponent) holds the camera's serial number")
        }
        // Upright: taller than wide, and the stored top-left corner is now top-right.
        let largest = site.output.appendingPathComponent("media/hoa.1280w.jpg")
        let size = try #require(Picture.jpegSize(try Data(contentsOf: largest)))
        #expect(size.height > size.width)
        let topRight = try Picture.pixel(largest, x: size.width - 8, y: 8)
        let topLeft = try Picture.pixel(largest, x: 8, y: 8)
        #expect(topRight[0] > 180 && topRight[1] < 80, "top right is \(topRight)")
        #expect(!(topLeft[0] > 180 && topLeft[1] < 80), "top left is \(topLeft)")
        // The original with its GPS position is not published; a stripped copy takes its name.
        let copy = try Data(contentsOf: site.output.appendingPathComponent("media/hoa.jpg"))
        #expect(copy != (try Data(contentsOf: Self.phonePhoto)))
        #expect(Picture.metadata(in: copy).isEmpty)
    }

    @Test func pagesOfferSizesAndNeverEnlarge() throws {
        let site = try site(event: ["media/nho.png"], files: ["media/nho.png": try Data(contentsOf: Self.smallPhoto)])
        defer { site.remove() }
        #expect(site.build().published)
        let source = try #require(Picture.pngSize(try Data(contentsOf: Self.smallPhoto)))
        for file in try published(site, matching: "nho.") where file.pathExtension == "jpg" {
            let size = try #require(Picture.jpegSize(try Data(contentsOf: file)))
            #expect(size.width <= source.width && size.height <= source.height, "\(file.lastPathComponent) is \(size)")
        }
        let event = try #require(site.page("su-kien/giao-luu-nu-cong-2019/index.html"))
        let gallery = try #require(Picture.imgTags(in: event).first { $0.contains("nho.") })
        #expect(gallery.contains("loading=\"lazy\"") && gallery.contains("alt=\"Ảnh media/nho.png\""))
        #expect(gallery.contains("width=\"\(source.width)\"") && gallery.contains("height=\"\(source.height)\""))
        for width in Picture.srcsetWidths(gallery) { #expect(width <= source.width) }
        // A photo in a body gets its sizes too.
        let model = try #require(site.page("mo-hinh/so-tay-nu-cong-dien-tu/index.html"))
        let illustration = try #require(Picture.imgTags(in: model).first { $0.contains("nho.") })
        #expect(illustration.contains("srcset=") && illustration.contains("width=\"\(source.width)\"") && illustration.contains("loading=\"lazy\""))
        // The profile photo is at the top of its page: it loads at once, cut as a portrait.
        let profile = try #require(site.page("ca-nhan/nguyen-thi-hoa/index.html"))
        let portrait = try #require(Picture.imgTags(in: profile).first { $0.contains("profile-photo") })
        #expect(!portrait.contains("loading=\"lazy\"") && portrait.contains("srcset=") && portrait.contains("alt=\"Chị Hoa tại hội trường\""))
        #expect(profile.contains("<source type=\"image/webp\""))
        let width = try #require(Picture.attribute("width", in: portrait)), height = try #require(Picture.attribute("height", in: portrait))
        #expect(height * 3 == width * 4 || abs(height * 3 - width * 4) <= 4, "portrait is \(width)×\(height)")
    }

    /// A photo shown small (a card, a profile's corner) offers a size near what it shows: at
    /// device pixel ratio 1 a browser never has to download more than twice the width it needs.
    @Test func smallPicturesOfferASmallSize() throws {
        let built = try VisitorDataTests.sample()
        defer { built.remove() }
        var checked = 0
        for path in built.htmlFiles {
            let page = try #require(built.page(path))
            for tag in Picture.imgTags(in: page) {
                // `sizes` in pixels only: a thumbnail whose shown width the theme fixes.
                guard let sizes = Picture.text("sizes", in: tag), !sizes.contains("vw"), !sizes.contains("%") else { continue }
                let shown = sizes.components(separatedBy: CharacterSet(charactersIn: " ,")).compactMap { word in
                    word.hasSuffix("px") ? Int(word.dropLast(2)) : nil
                }
                guard let smallest = Picture.srcsetWidths(tag).min(), let widest = shown.max() else { continue }
                #expect(smallest <= 2 * widest, "\(path): \(tag) is shown at most \(widest) px wide but its smallest size is \(smallest) px")
                checked += 1
            }
        }
        #expect(checked > 10)
    }

    @Test func badPicturesAreReportedAndLeftOut() throws {
        let truncated = try Data(contentsOf: Self.phonePhoto).prefix(60_000)
        let site = try site(event: ["media/chu.jpg", "media/cut.jpg", "media/dong.gif", "media/bom.png"], files: [
            "media/chu.jpg": Data("Đây là văn bản, không phải ảnh.\n".utf8),
            "media/cut.jpg": Data(truncated),
            "media/dong.gif": Data("GIF89a\u{1}\u{0}\u{1}\u{0}\u{0}\u{0}\u{0};".utf8),
            "media/bom.png": Picture.pngHeader(width: 60_000, height: 60_000),
        ])
        defer { site.remove() }
        let report = site.build()
        #expect(report.published)
        let found = Set(report.diagnostics.map { "\($0.file) \($0.code)" })
        for expected in ["content/media/chu.jpg not-an-image", "content/media/cut.jpg damaged-image",
                         "content/media/dong.gif unsupported-image", "content/media/bom.png image-too-large"] {
            #expect(found.contains(expected), "\(expected) not in \(found)")
        }
        for diagnostic in report.diagnostics where diagnostic.file.hasPrefix("content/media/") {
            #expect(MessageCatalogue.english(message: diagnostic.message, code: diagnostic.code) != nil, "\(diagnostic.message)")
            #expect(diagnostic.hint.flatMap { MessageCatalogue.english(hint: $0, code: diagnostic.code) } != nil, "\(diagnostic.hint ?? "")")
        }
        let event = try #require(site.page("su-kien/giao-luu-nu-cong-2019/index.html"))
        for name in ["chu", "cut", "dong", "bom"] {
            #expect(try published(site, matching: name + ".").isEmpty)
            #expect(!event.contains("media/\(name)."))
        }
    }

    @Test func aPhotoReferencedButMissingIsAnError() throws {
        let site = try site(event: ["media/khong-co.jpg"])
        defer { site.remove() }
        let report = site.build()
        #expect(!report.published)
        #expect(report.diagnostics.contains { $0.code == "missing-media" && $0.file == "content/events/giao-luu-nu-cong-2019.md" })
    }

    @Test func aPhotoWithoutDescriptionIsAWarning() throws {
        var content = SiteFixture.basic
        content["events/giao-luu-nu-cong-2019.md"] = content["events/giao-luu-nu-cong-2019.md"]!
            .replacingOccurrences(of: "models: [so-tay-nu-cong-dien-tu]", with: "models: [so-tay-nu-cong-dien-tu]\nphotos: [media/a.png]")
        let site = try SiteFixture(content)
        defer { site.remove() }
        try site.write("media/a.png", Data(contentsOf: Self.smallPhoto))
        let report = site.build()
        #expect(report.published)
        let warning = try #require(report.diagnostics.first { $0.code == "photo-alt" })
        #expect(warning.file == "content/events/giao-luu-nu-cong-2019.md" && warning.line > 0)
        #expect(MessageCatalogue.english(message: warning.message, code: warning.code) != nil)
        #expect(warning.hint.flatMap { MessageCatalogue.english(hint: $0, code: warning.code) } != nil)
    }

    @Test func aRebuildTakesEveryPictureFromTheCache() throws {
        let site = try site(event: ["media/nho.png"], files: ["media/nho.png": try Data(contentsOf: Self.smallPhoto)])
        defer { site.remove() }
        let first = site.build()
        #expect(first.imagesProcessed == 2 && first.imagesReused == 0)
        // The command a user runs says what it did.
        let run = try Executable.run(["build", "--content", site.content.path, "--theme", SiteFixture.repository.appendingPathComponent("theme").path,
                                  "--output", site.output.path], in: site.root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect((run.stdout + run.stderr).contains("Ảnh: 0 xử lý, 2 lấy từ bộ đệm"))
        // Touched but unchanged: still nothing to do. Changed: that photo only.
        try site.write("media/nho.png", Data(contentsOf: Self.smallPhoto))
        #expect(site.build().imagesProcessed == 0)
        try site.write("media/nho.png", Data(contentsOf: SiteFixture.repository.appendingPathComponent("content/media/dinh-thi-thu.png")))
        let changed = site.build()
        #expect(changed.imagesProcessed == 1 && changed.imagesReused == 1)
        // The old sizes of the changed photo are pruned from the cache.
        let cache = site.root.appendingPathComponent(".exemplar-cache/images")
        let entries = try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { !$0.hasSuffix(".tsv") }
        #expect(entries.count == 3, "\(entries)")
    }

    /// Another build sharing the cache (`serve` beside `build`) may be writing an entry under a
    /// hidden name: the prune leaves it. One left by a build interrupted long ago goes.
    @Test func entriesBeingWrittenByAnotherBuildAreNotPruned() throws {
        let site = try site()
        defer { site.remove() }
        #expect(site.build().published)
        let cache = site.root.appendingPathComponent(".exemplar-cache/images")
        let writing = cache.appendingPathComponent(".dang-ghi.4242-17")
        let abandoned = cache.appendingPathComponent(".bo-do.4242-18")
        for folder in [writing, abandoned] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("ảnh".utf8).write(to: folder.appendingPathComponent("a.webp"))
        }
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-2 * 3_600)],
                                              ofItemAtPath: abandoned.path)
        let report = site.build()
        #expect(report.diagnostics.allSatisfy { $0.code != "image-cache" }, "\(report.diagnostics)")
        #expect(FileManager.default.fileExists(atPath: writing.appendingPathComponent("a.webp").path))
        #expect(!FileManager.default.fileExists(atPath: abandoned.path))
    }

    /// A cache index the disk refuses costs the next build time, never the site: the photos
    /// are published, the build says why the next one will read every photo again.
    @Test func aCacheIndexThatCannotBeWrittenIsAWarning() throws {
        let site = try site()
        defer { site.remove() }
        let index = site.root.appendingPathComponent(".exemplar-cache/images/sources.tsv")
        try FileManager.default.createDirectory(at: index, withIntermediateDirectories: true)
        let report = site.build()
        #expect(report.published)
        #expect(report.imagesProcessed == 1)
        let warnings = report.diagnostics.filter { $0.code == "image-cache" }
        #expect(warnings.count == 1 && warnings.allSatisfy { $0.severity == .warning }, "\(report.diagnostics)")
        #expect(warnings.first?.message.contains("lần dựng sau sẽ đọc lại mọi ảnh") == true, "\(warnings)")
        #expect(!(try published(site, matching: "hoa.")).isEmpty)
        // Fixed: the next build keeps the index again, and the one after reads no photo.
        try FileManager.default.removeItem(at: index)
        #expect(site.build().diagnostics.allSatisfy { $0.code != "image-cache" })
        #expect(site.build().imagesProcessed == 0)
    }

    @Test func attachmentsKeepTheirBytesAndShowTheirSize() throws {
        var content = SiteFixture.basic
        content["models/so-tay-nu-cong-dien-tu.md"] = content["models/so-tay-nu-cong-dien-tu.md"]!
            .replacingOccurrences(of: "year: 2018", with: "year: 2018\nattachments: [media/bang-khen.jpg]")
        let site = try SiteFixture(content)
        defer { site.remove() }
        let original = try Data(contentsOf: Self.phonePhoto)
        try site.write("media/bang-khen.jpg", original)
        #expect(site.build().published)
        #expect(try Data(contentsOf: site.output.appendingPathComponent("media/bang-khen.jpg")) == original)
        let page = try #require(site.page("mo-hinh/so-tay-nu-cong-dien-tu/index.html"))
        let kilobytes = (original.count + 1023) / 1024
        #expect(page.contains("(JPG, \(kilobytes) KB)"), "the file's type and size")
        #expect(Picture.imgTags(in: page).contains { $0.contains("bang-khen.320w.jpg") })
    }
}

/// Reading published pictures without Exemplar's own code.
enum Picture {
    /// Names of the metadata a JPEG or WebP file carries: APPn segments other than JFIF,
    /// comments; EXIF, XMP and ICC chunks.
    static func metadata(in data: Data) -> [String] {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xD8]) {
            var found: [String] = []
            var index = 2
            while index + 4 <= bytes.count, bytes[index] == 0xFF {
                let marker = bytes[index + 1]
                if marker == 0xDA { break }
                let length = Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
                if (0xE1...0xEF).contains(marker) || marker == 0xFE { found.append(String(format: "segment %02X", marker)) }
                index += 2 + length
            }
            return found
        }
        if bytes.count > 12, String(decoding: bytes[8..<12], as: UTF8.self) == "WEBP" {
            var found: [String] = []
            var index = 12
            while index + 8 <= bytes.count {
                let name = String(decoding: bytes[index..<index + 4], as: UTF8.self)
                let size = Int(bytes[index + 4]) | Int(bytes[index + 5]) << 8 | Int(bytes[index + 6]) << 16 | Int(bytes[index + 7]) << 24
                if ["EXIF", "XMP ", "ICCP"].contains(name) { found.append(name) }
                index += 8 + size + size % 2
            }
            return found
        }
        return ["not JPEG or WebP"]
    }

    static func jpegSize(_ data: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](data)
        var index = 2
        while index + 9 <= bytes.count, bytes[index] == 0xFF {
            let marker = bytes[index + 1]
            if (0xC0...0xC3).contains(marker) {
                return (Int(bytes[index + 7]) << 8 | Int(bytes[index + 8]), Int(bytes[index + 5]) << 8 | Int(bytes[index + 6]))
            }
            index += 2 + (Int(bytes[index + 2]) << 8 | Int(bytes[index + 3]))
        }
        return nil
    }

    static func pngSize(_ data: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24 else { return nil }
        func word(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (word(16), word(20))
    }

    /// A PNG whose header claims a huge picture, with a valid checksum, and almost no data.
    static func pngHeader(width: UInt32, height: UInt32) -> Data {
        func chunk(_ name: String, _ payload: [UInt8]) -> [UInt8] {
            let body = Array(name.utf8) + payload
            var crc: UInt32 = 0xFFFF_FFFF
            for byte in body {
                crc ^= UInt32(byte)
                for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
            }
            return bigEndian(UInt32(payload.count)) + body + bigEndian(~crc)
        }
        func bigEndian(_ value: UInt32) -> [UInt8] { [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> $0) } }
        let header = bigEndian(width) + bigEndian(height) + [8, 2, 0, 0, 0]
        return Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", header)
                    + chunk("IDAT", [0x78, 0x9C, 0x03, 0x00]) + chunk("IEND", []))
    }

    /// A pixel's values, read by libvips' command line.
    static func pixel(_ file: URL, x: Int, y: Int) throws -> [Double] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["vips", "getpoint", file.path, String(x), String(y)]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text.split(whereSeparator: \.isWhitespace).compactMap { Double($0) }
    }

    static func imgTags(in html: String) -> [String] {
        html.components(separatedBy: "<img ").dropFirst().map { String($0.prefix { $0 != ">" }) }
    }

    static func attribute(_ name: String, in tag: String) -> Int? {
        text(name, in: tag).flatMap { Int($0) }
    }

    static func text(_ name: String, in tag: String) -> String? {
        guard let start = tag.range(of: " \(name)=\"") else { return nil }
        return String(tag[start.upperBound...].prefix { $0 != "\"" })
    }

    static func srcsetWidths(_ tag: String) -> [Int] {
        tag.components(separatedBy: " ").compactMap { word in
            word.hasSuffix("w,") || word.hasSuffix("w\"") || word.hasSuffix("w") ? Int(word.drop { !$0.isNumber }.prefix { $0.isNumber }) : nil
        }
    }
}
