@testable import ExemplarCore
import Foundation
import Testing

/// What the disk and the system say reads as English in English: the causes and remedies of
/// every system error, and a real build meeting a full disk or a busy output folder.
@Suite struct EnglishFaultTests {
    private static let vietnameseLetters = Set("ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")

    private static func vietnamese(_ text: String) -> Bool {
        text.lowercased().contains { vietnameseLetters.contains($0) }
    }

    /// The lines a person reads about the failure (the diagnostic, its hint, the summary)
    /// are all there and all English.
    private static func expectEnglishFailure(_ stderr: String) {
        let lines = stderr.split(separator: "\n").map(String.init).filter {
            $0.contains("error:") || $0.contains("hint:") || $0.contains("not built")
        }
        #expect(lines.count >= 3, "\(stderr)")
        for line in lines { #expect(!vietnamese(line), "\(line)") }
    }

    @Test func everySystemCauseAndRemedyIsTranslated() {
        for code in Int32(1)..<Int32(134) {
            let error = SystemError(code: code)
            let cause = MessageCatalogue.fragment(error.cause)
            #expect(!Self.vietnamese(cause), "errno \(code): \(cause)")
            if let remedy = error.remedy {
                let english = MessageCatalogue.english(hint: remedy, code: "output")
                #expect(english.map { !Self.vietnamese($0) } == true, "errno \(code): \(remedy)")
            }
        }
    }

    /// Every message publishing can fail with, as written in `Write/`, has an English form:
    /// read from the source, so a new one without a translation fails here, not in front of
    /// an English reader with a full disk.
    @Test func everyPublishingMessageIsInTheCatalogue() throws {
        let folder = SiteFixture.repository.appendingPathComponent("Sources/ExemplarCore/Write")
        let literal = try NSRegularExpression(pattern: #"(?:io|Failure)\(\s*"((?:[^"\\]|\\.)+)""#)
        let value = try NSRegularExpression(pattern: #"\\\((?:[^()]|\([^()]*\))*\)"#)
        var messages: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".swift") {
            let source = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for match in literal.matches(in: source, range: NSRange(source.startIndex..., in: source)) {
                guard let range = Range(match.range(at: 1), in: source) else { continue }
                let text = String(source[range])
                messages.append(value.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "a/b"))
            }
        }
        #expect(messages.count >= 15, "\(messages)")
        let cause = SystemError(code: ENOSPC).cause
        for message in messages {
            let english = MessageCatalogue.english(message: "\(message): \(cause).", code: "output")
                ?? MessageCatalogue.english(message: "\(message).", code: "output")
            #expect(english.map { !Self.vietnamese($0) } == true, "\(message)")
        }
    }

    @Test func aFullDiskReadsInEnglish() throws {
        let site = try SiteFixture(SiteFixture.basic)
        defer { site.remove() }
        guard let disk = SmallDisk(at: site.root.appendingPathComponent("disk"), size: "2m") else { return }
        defer { disk.unmount() }
        try site.write("media/lon.bin", Data(repeating: 7, count: 3 << 20))
        try site.write("pages/tai-lieu.md", "---\ntitle: Tài liệu\n---\n[Tệp](../media/lon.bin)\n")
        let output = disk.folder.appendingPathComponent("public").path
        let result = try ExemplarProcess.run(SiteFixture.buildArguments(["--output", output, "--lang", "en"]), in: site.root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("the disk is full (no space or no inodes left) (No space left on device)"), "\(result.stderr)")
        #expect(result.stderr.contains("hint: Free some disk space"), "\(result.stderr)")
        Self.expectEnglishFailure(result.stderr)
    }

    @Test func aBusyOutputReadsInEnglish() throws {
        let site = try SiteFixture(SiteFixture.basic)
        defer { site.remove() }
        var first = try ExemplarProcess(SiteFixture.buildArguments(), in: site.root, environment: ["EXEMPLAR_TEST_PAUSE": "before-swap"])
        let paused = first.waitForPause("before-swap")
        #expect(paused)
        let second = try ExemplarProcess.run(SiteFixture.buildArguments(["--lang", "en"]), in: site.root)
        first.send(SIGTERM)
        _ = first.finish()
        #expect(second.status == 1)
        #expect(second.stderr.contains("is being built or served by process \(first.process.processIdentifier)"), "\(second.stderr)")
        #expect(second.stderr.contains("(`kill \(first.process.processIdentifier)`)"), "\(second.stderr)")
        Self.expectEnglishFailure(second.stderr)
    }

    /// `report`, `import` and `new` name the system's cause in the reader's language, not
    /// Foundation's English-only "The operation could not be completed".
    @Test func commandsNameTheCauseOfAFileErrorInTheReadersLanguage() throws {
        let site = try Executable.site()
        defer { site.remove() }
        let runs: [([String], String, String)] = [
            (["report", "--year", "2019", "--output", "khong-co/bao-cao.md"],
             "Không ghi được khong-co/bao-cao.md: không tồn tại (No such file or directory).",
             "Could not write khong-co/bao-cao.md: it does not exist (No such file or directory)."),
            (["import", "khong-co.csv", "--kind", "individual"],
             "khong-co.csv: lỗi: Không đọc được tệp: không tồn tại (No such file or directory).",
             "khong-co.csv: error: Could not read the file: it does not exist (No such file or directory)."),
        ]
        for (arguments, vietnamese, english) in runs {
            let vi = try Executable.run(arguments + ["--lang", "vi"], in: site.root)
            #expect(vi.status != 0)
            #expect(vi.stderr.contains(vietnamese), "\(vi.stderr)")
            let en = try Executable.run(arguments + ["--lang", "en"], in: site.root)
            #expect(en.stderr.contains(english), "\(en.stderr)")
            #expect(!en.stderr.contains("could not be completed"), "\(en.stderr)")
        }
    }
}
