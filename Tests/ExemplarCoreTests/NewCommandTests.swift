import ExemplarCore
import Foundation
import Testing

/// `exemplar new KIND "Tên"`: the file lands where the loader reads it, under the slug of the
/// name, never over another file, and the site builds with it.
@Suite struct NewCommandTests {
    @Test func eachKindIsCreatedAndBuilds() throws {
        let site = try Executable.site()
        defer { site.remove() }
        let names: [(String, String, String, String)] = [
            ("individual", "Đặng Xuân Tuấn", "individuals/dang-xuan-tuan.md", "ca-nhan/dang-xuan-tuan/index.html"),
            ("collective", "Công đoàn ngành Y tế", "collectives/cong-doan-nganh-y-te.md", "tap-the/cong-doan-nganh-y-te/index.html"),
            ("model", "Mái ấm Công đoàn", "models/mai-am-cong-doan.md", "mo-hinh/mai-am-cong-doan/index.html"),
            ("event", "Giao lưu điển hình: Đồng Hới", "events/giao-luu-dien-hinh-dong-hoi.md", "su-kien/giao-luu-dien-hinh-dong-hoi/index.html"),
            ("page", "Hướng dẫn đăng ký", "pages/huong-dan-dang-ky.md", "huong-dan-dang-ky/index.html"),
        ]
        for (kind, name, file, _) in names {
            let result = try Executable.run(["new", kind, name], in: site.root)
            #expect(result.status == 0, "\(kind): \(result.stderr)")
            #expect(result.stdout.contains("content/\(file)"))
            #expect(FileManager.default.fileExists(atPath: site.content.appendingPathComponent(file).path), "\(file)")
        }
        let build = try Executable.run(["build"], in: site.root)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(!build.stderr.contains("lỗi:"), "\(build.stderr)")
        for (_, name, _, page) in names {
            #expect(site.page(page)?.contains(name) == true, "\(page)")
        }
    }

    @Test func everyKeyOfTheKindIsWrittenWithAComment() throws {
        let site = try Executable.site()
        defer { site.remove() }
        for kind in ContentSchema.ItemKind.allCases {
            let result = try Executable.run(["new", kind.rawValue, "Tên \(kind.rawValue)"], in: site.root)
            #expect(result.status == 0, "\(result.stderr)")
            let text = try String(contentsOf: site.content.appendingPathComponent("\(kind.folder)/ten-\(kind.rawValue).md"),
                                  encoding: .utf8)
            let lines = text.split(separator: "\n").map(String.init)
            for spec in kind.keys {
                let line = try #require(lines.first { $0.hasPrefix("\(spec.key):") }, "\(kind): \(spec.key)")
                #expect(line.contains("# \(spec.help.vi)"), "\(line)")
            }
        }
    }

    @Test func todaysDateWhereOneFits() throws {
        let site = try Executable.site()
        defer { site.remove() }
        _ = try Executable.run(["new", "event", "Hội nghị"], in: site.root)
        let text = try String(contentsOf: site.content.appendingPathComponent("events/hoi-nghi.md"), encoding: .utf8)
        let today = CalendarDate.today()
        #expect(text.contains("\ndate: \(today.iso) "))
    }

    @Test func aTakenIdGetsANumberAndNothingIsOverwritten() throws {
        let site = try Executable.site()
        defer { site.remove() }
        let existing = site.content.appendingPathComponent("individuals/nguyen-thi-hoa.md")
        let before = try Data(contentsOf: existing)
        let first = try Executable.run(["new", "individual", "Nguyễn Thị Hoa"], in: site.root)
        #expect(first.status == 0)
        #expect(first.stdout.contains("individuals/nguyen-thi-hoa-2.md"))
        let second = try Executable.run(["new", "individual", "NGUYỄN THỊ HOA"], in: site.root)
        #expect(second.stdout.contains("individuals/nguyen-thi-hoa-3.md"))
        // Collectives and individuals share one set of ids.
        let collective = try Executable.run(["new", "collective", "Nguyễn Thị Hoa"], in: site.root)
        #expect(collective.stdout.contains("collectives/nguyen-thi-hoa-4.md"))
        // A page may not take a name the builder uses at the site's root.
        let page = try Executable.run(["new", "page", "Tập thể"], in: site.root)
        #expect(page.stdout.contains("pages/tap-the-2.md"))
        #expect(try Data(contentsOf: existing) == before)
        let build = try Executable.run(["build"], in: site.root)
        #expect(build.status == 0, "\(build.stderr)")
    }

    @Test func unitByNameOrId() throws {
        let site = try Executable.site()
        defer { site.remove() }
        let byName = try Executable.run(["new", "individual", "Lê Văn A", "--unit", "ldld huyen le thuy"], in: site.root)
        #expect(byName.status == 0, "\(byName.stderr)")
        let text = try String(contentsOf: site.content.appendingPathComponent("individuals/le-van-a.md"), encoding: .utf8)
        #expect(text.contains("\nunit: ldld-huyen-le-thuy "))
        let wrong = try Executable.run(["new", "individual", "Lê Văn B", "--unit", "Ban Nữ côn"], in: site.root)
        #expect(wrong.status != 0)
        #expect(wrong.stderr.contains("ban-nu-cong"))
        #expect(!FileManager.default.fileExists(atPath: site.content.appendingPathComponent("individuals/le-van-b.md").path))
    }

    @Test func mistakesAreExplained() throws {
        let site = try Executable.site()
        defer { site.remove() }
        let kind = try Executable.run(["new", "indivdual", "A"], in: site.root)
        #expect(kind.status == 2)
        #expect(kind.stderr.contains("`individual`"))
        let symbols = try Executable.run(["new", "page", "!!!"], in: site.root)
        #expect(symbols.status == 1)
        let nowhere = try Executable.run(["new", "page", "A", "--content", "khong-co"], in: site.root)
        #expect(nowhere.status == 1)
        #expect(nowhere.stderr.contains("khong-co"))
    }

    @Test func englishComments() throws {
        let site = try Executable.site()
        defer { site.remove() }
        let result = try Executable.run(["new", "model", "Sổ tay"], in: site.root, environment: ["LANG": "en_GB.UTF-8"])
        #expect(result.stdout.contains("Created content/models/so-tay.md"))
        let text = try String(contentsOf: site.content.appendingPathComponent("models/so-tay.md"), encoding: .utf8)
        #expect(text.contains("# name of the model or initiative (required)"))
        let vietnamese = try Executable.run(["new", "model", "Sổ tay", "--lang", "vi"], in: site.root, environment: ["LANG": "en_GB.UTF-8"])
        #expect(vietnamese.stdout.contains("Đã tạo content/models/so-tay-2.md"))
    }
}
