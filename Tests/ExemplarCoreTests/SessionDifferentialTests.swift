@testable import ExemplarCore
import Foundation
import Testing

/// The incremental engine against the clean build: random edits of every kind, and after
/// each one the session's rebuild must equal a fresh build byte for byte (pages, published
/// folder, diagnostics), having rendered at least every page whose bytes changed. The
/// session publishes as `exemplar serve` does: in place, file by file, after its first build,
/// and back to a whole new folder when its output was changed by hand (an edit of its own).
///
/// Reproducible: the seed is printed; `EXEMPLAR_SESSION_SEED=N` replays one,
/// `EXEMPLAR_SESSION_STEPS=N` runs more edits per site.
@Suite(.serialized) struct SessionDifferentialTests {
    static let steps = ProcessInfo.processInfo.environment["EXEMPLAR_SESSION_STEPS"].flatMap(Int.init) ?? 20
    static let seed = ProcessInfo.processInfo.environment["EXEMPLAR_SESSION_SEED"].flatMap(UInt64.init)
        ?? UInt64(Date().timeIntervalSince1970 * 1000) % 1_000_000

    @Test func sampleSite() throws {
        let lab = try EditLab(copying: SiteFixture.repository.appendingPathComponent("content"), seed: Self.seed)
        defer { lab.remove() }
        try lab.run(steps: Self.steps)
    }

    @Test func generatedCorpus() throws {
        let lab = try EditLab(generating: 60, seed: Self.seed &+ 1)
        defer { lab.remove() }
        try lab.run(steps: Self.steps)
    }

    /// Body edits, which leave every other page out of the rebuild, between hand edits of the
    /// output that the rebuild must still undo.
    @Test func bodyEditsAmongHandEdits() throws {
        let lab = try EditLab(generating: 30, seed: Self.seed &+ 2)
        defer { lab.remove() }
        try lab.run(steps: Self.steps, mostlyBodies: true)
    }
}

/// A copy of a content folder and of the default theme, edited at random.
private final class EditLab {
    let root: URL
    var content: URL { root.appendingPathComponent("content") }
    var theme: URL { root.appendingPathComponent("theme") }
    let seed: UInt64
    var random: SplitMix
    let files = FileManager.default
    /// Files taken away, to be put back later: deleted items and broken originals.
    var deleted: [(String, Data)] = []
    var broken: [(String, Data)] = []
    var counter = 0

    init(copying source: URL, seed: UInt64) throws {
        root = Self.scratch.appendingPathComponent("exemplar-session-\(UUID().uuidString)")
        self.seed = seed
        random = SplitMix(seed: seed)
        try files.createDirectory(at: root, withIntermediateDirectories: true)
        try files.copyItem(at: source, to: content)
        try files.copyItem(at: SiteFixture.repository.appendingPathComponent("theme"), to: theme)
    }

    convenience init(generating count: Int, seed: UInt64) throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("exemplar-corpus-\(UUID().uuidString)")
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", SiteFixture.repository.appendingPathComponent("bench/generate_corpus.py").path,
                            String(count), scratch.path, "--seed", String(seed % 10_000)]
        python.standardOutput = FileHandle.nullDevice
        try python.run()
        python.waitUntilExit()
        try #require(python.terminationStatus == 0, "bench/generate_corpus.py failed")
        try self.init(copying: scratch, seed: seed)
        try? FileManager.default.removeItem(at: scratch)
    }

    func remove() { try? files.removeItem(at: root) }

    /// Memory-backed when the machine has it: each publish flushes the file system it is on,
    /// and dozens of them on a busy disk would make the test slow, not more thorough.
    static var scratch: URL {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: "/dev/shm", isDirectory: &isFolder), isFolder.boolValue,
           FileManager.default.isWritableFile(atPath: "/dev/shm") {
            return URL(fileURLWithPath: "/dev/shm")
        }
        return FileManager.default.temporaryDirectory
    }

    func options(output: String) -> BuildOptions {
        var options = BuildOptions(content: content.path, theme: theme.path, output: root.appendingPathComponent(output).path)
        options.contentDisplay = "content"
        options.themeDisplay = "theme"
        options.today = CalendarDate(year: 2024, month: 6, day: 1)
        return options
    }

    /// `mostlyBodies`: body edits and hand edits of the output only.
    func run(steps: Int, mostlyBodies: Bool = false) throws {
        // Each test derives its lab's seed from the run's, so the run's is what replays it.
        print("SessionDifferentialTests: seed \(seed) (EXEMPLAR_SESSION_SEED=\(SessionDifferentialTests.seed) replays it), \(steps) edits on \(content.lastPathComponent)")
        let session = SiteSession(options: options(output: "session"))
        var sessionReport = session.build()
        var fresh = SiteSession(options: options(output: "fresh"))
        var freshReport = fresh.build()
        try compare(session, sessionReport, fresh, freshReport, edit: "first build", rendered: nil, before: [:])
        var renderedCounts: [Int] = []
        /// Whether the session's output was changed by hand since its last publish.
        var tampered = false
        var hasPublished = sessionReport.published
        defer {
            let sorted = renderedCounts.sorted()
            print("SessionDifferentialTests: pages rendered again per edit: median \(sorted.isEmpty ? 0 : sorted[sorted.count / 2]), "
                  + "max \(sorted.last ?? 0), of \(fresh.renderedPages().count)")
        }
        for step in 1...steps {
            // Only over a published site: a build with errors leaves the output as it is, hand edits included.
            let tamper = sessionReport.published && random.next() % (mostlyBodies ? 3 : 8) == 0
            let (edit, touched) = tamper ? try tamperWithOutput() : mostlyBodies ? try editBody() ?? ("nothing", []) : try applyRandomEdit()
            if touched.isEmpty { tampered = true }
            let explicit = random.next() % 2 == 0
            let before = fresh.renderedPages()
            sessionReport = session.build(changes: explicit ? touched.map { ChangedPath($0) } : nil)
            fresh = SiteSession(options: options(output: "fresh"))
            freshReport = fresh.build()
            let label = "seed \(seed), edit \(step): \(edit)\(explicit ? " (changes named)" : "")"
            try compare(session, sessionReport, fresh, freshReport, edit: label, rendered: Set(sessionReport.renderedFiles), before: before)
            renderedCounts.append(sessionReport.renderedFiles.count)
            // In place unless the output was changed by hand, or everything was rendered again.
            if sessionReport.published, hasPublished, !tampered, Set(sessionReport.renderedFiles).count < fresh.renderedPages().count {
                try #require(sessionReport.publishedInPlace, "not published in place after \(label)")
            }
            if sessionReport.published {
                hasPublished = true
                tampered = false
            }
        }
    }

    /// Fails with the seed and the edit when the session and the fresh build differ.
    func compare(_ session: SiteSession, _ report: BuildReport, _ fresh: SiteSession, _ freshReport: BuildReport,
                 edit: String, rendered: Set<String>?, before: [String: PageDigest]) throws {
        let ours = report.diagnostics.map { "\($0)" }.sorted()
        let theirs = freshReport.diagnostics.map { "\($0)" }.sorted()
        try #require(ours == theirs, "diagnostics differ after \(edit): \(Set(ours).symmetricDifference(theirs).sorted())")
        try #require(report.published == freshReport.published, "published differs after \(edit)")
        let pages = session.renderedPages(), freshPages = fresh.renderedPages()
        let differing = Set(pages.keys).union(freshPages.keys).filter { pages[$0] != freshPages[$0] }.sorted()
        try #require(differing.isEmpty, "pages differ from a fresh build after \(edit): \(differing.prefix(10))")
        if let rendered {
            let changed = freshPages.keys.filter { before[$0] != freshPages[$0] }
            let missed = changed.filter { !rendered.contains($0) }.sorted()
            try #require(missed.isEmpty, "pages changed but not rendered again after \(edit): \(missed.prefix(10))")
        }
        let ourTree = try tree("session"), freshTree = try tree("fresh")
        let treeDiff = Set(ourTree.keys).union(freshTree.keys).filter { ourTree[$0] != freshTree[$0] }.sorted()
        try #require(treeDiff.isEmpty, "published folders differ after \(edit): \(treeDiff.prefix(10))")
        if report.succeeded {
            for file in freshPages.keys.sorted() where session.page(at: file) != freshTree[file] {
                Issue.record("page(at: \(file)) is not the built page after \(edit)")
                break
            }
        }
    }

    /// Every file of an output folder by relative path, and every folder (`a/b/`, no bytes).
    func tree(_ name: String) throws -> [String: Data] {
        let folder = root.appendingPathComponent(name)
        var result: [String: Data] = [:]
        guard let walker = files.enumerator(atPath: folder.path) else { return [:] }
        for case let relative as String in walker {
            var isDirectory: ObjCBool = false
            let path = folder.path + "/" + relative
            guard files.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                result[relative + "/"] = Data()
            } else {
                result[relative] = try Data(contentsOf: URL(fileURLWithPath: path))
            }
        }
        return result
    }

    // MARK: - Edits

    typealias Edit = () throws -> (String, [URL])?

    func applyRandomEdit() throws -> (String, [URL]) {
        let edits: [Edit] = [
            editBody, editBody, changeName, changeName, moveToUnit, moveToUnit, renameUnit, renameAward,
            deleteItem, addItem, renameItem, breakFile, fixFile, fixFile, editTemplate, editStrings, changeBaseURL,
            changeYears, changeSummary, toggleDraft, changeEventDate, changeMedia, touchUnknownFile, editMenuPage,
            editScores, editScores,
        ]
        for _ in 0..<20 {
            let edit = edits[Int(random.next() % UInt64(edits.count))]
            if let done = try edit() { return done }
        }
        return try editBody() ?? ("nothing", [])
    }

    func items(_ folders: [String] = ContentLoader.itemFolders) -> [URL] {
        folders.flatMap { folder in
            ((try? files.contentsOfDirectory(atPath: content.appendingPathComponent(folder).path)) ?? [])
                .filter { $0.hasSuffix(".md") }.sorted().map { content.appendingPathComponent(folder).appendingPathComponent($0) }
        }
    }

    func pick<T>(_ values: [T]) -> T? {
        values.isEmpty ? nil : values[Int(random.next() % UInt64(values.count))]
    }

    func next() -> Int {
        counter += 1
        return counter
    }

    func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }
    func write(_ url: URL, _ text: String) throws { try Data(text.utf8).write(to: url) }

    /// Replaces (or adds) the front matter line `key: …` of an item file.
    func setField(_ url: URL, _ key: String, _ value: String) throws {
        var lines = try read(url).components(separatedBy: "\n")
        guard lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") else { return }
        if let index = lines[1..<end].firstIndex(where: { $0.hasPrefix(key + ":") }) {
            lines[index] = "\(key): \(value)"
        } else {
            lines.insert("\(key): \(value)", at: end)
        }
        try write(url, lines.joined(separator: "\n"))
    }

    func unitIDs() throws -> [String] {
        try read(content.appendingPathComponent("units.yml")).components(separatedBy: "\n").compactMap { line in
            guard let range = line.range(of: "id: ") else { return nil }
            let rest = line[range.upperBound...]
            return String(rest.prefix { $0 != "," && $0 != " " && $0 != "}" })
        }
    }

    static let names = ["Nguyễn Văn An", "Trần Thị Bích", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em", "Võ Thị Giang",
                        "Đặng Văn Hải", "Bùi Thị Yến", "Công đoàn cơ sở Trường Tiểu học Số 1", "Ánh Dương"]

    func editBody() throws -> (String, [URL])? {
        guard let url = pick(items()) else { return nil }
        try write(url, try read(url) + "\nĐoạn viết thêm số \(next()), có [một liên kết](../pages/gioi-thieu.md).\n")
        return ("body of \(url.lastPathComponent)", [url])
    }

    func changeName() throws -> (String, [URL])? {
        guard let url = pick(items(["collectives", "individuals"])), let name = pick(Self.names) else { return nil }
        try setField(url, "name", "\(name) \(next())")
        return ("name of \(url.lastPathComponent)", [url])
    }

    func moveToUnit() throws -> (String, [URL])? {
        guard let url = pick(items(["collectives", "individuals", "models"])) else { return nil }
        let unit = random.next() % 10 == 0 ? "don-vi-khong-co" : (pick(try unitIDs()) ?? "x")
        try setField(url, "unit", unit)
        return ("\(url.lastPathComponent) moved to unit \(unit)", [url])
    }

    func renameUnit() throws -> (String, [URL])? {
        let url = content.appendingPathComponent("units.yml")
        var lines = try read(url).components(separatedBy: "\n")
        let named = lines.indices.filter { lines[$0].trimmingCharacters(in: .whitespaces).hasPrefix("name:") }
        guard let index = pick(named) else { return nil }
        let indent = lines[index].prefix { $0 == " " }
        lines[index] = "\(indent)name: \"Đơn vị đổi tên \(next())\""
        try write(url, lines.joined(separator: "\n"))
        return ("unit renamed in units.yml", [url])
    }

    func renameAward() throws -> (String, [URL])? {
        guard let award = pick(DefaultAwards.all) else { return nil }
        let url = content.appendingPathComponent("awards.yml")
        let old = (try? read(url)) ?? ""
        let rank = random.next() % 2 == 0 ? award.rank : Int(random.next() % 60)
        let line = "- { id: \(award.id), name: \"\(award.name) mới \(next())\", rank: \(rank) }"
        let kept = old.components(separatedBy: "\n").filter { !$0.contains("id: \(award.id),") && !$0.isEmpty }
        try write(url, (kept + [line]).joined(separator: "\n") + "\n")
        return ("award \(award.id) renamed to rank \(rank)", [url])
    }

    func deleteItem() throws -> (String, [URL])? {
        guard let url = pick(items()) else { return nil }
        deleted.append((relative(url), try Data(contentsOf: url)))
        try files.removeItem(at: url)
        return ("deleted \(relative(url))", [url])
    }

    func addItem() throws -> (String, [URL])? {
        if !deleted.isEmpty, random.next() % 2 == 0 {
            let (path, data) = deleted.removeLast()
            let url = content.appendingPathComponent(path)
            guard !files.fileExists(atPath: url.path) else { return nil }
            try data.write(to: url)
            return ("restored \(path)", [url])
        }
        guard let source = pick(items(["collectives", "individuals"])) else { return nil }
        let url = source.deletingLastPathComponent().appendingPathComponent("moi-\(next()).md")
        try files.copyItem(at: source, to: url)
        try setField(url, "name", "\(pick(Self.names) ?? "Tên") \(next())")
        return ("added \(relative(url)) from \(source.lastPathComponent)", [url])
    }

    func renameItem() throws -> (String, [URL])? {
        guard let url = pick(items()) else { return nil }
        let target = url.deletingLastPathComponent().appendingPathComponent("doi-ten-\(next()).md")
        try files.moveItem(at: url, to: target)
        return ("renamed \(relative(url)) to \(target.lastPathComponent)", [url, target])
    }

    func breakFile() throws -> (String, [URL])? {
        let candidates = items() + ["units.yml", "site.yml"].map { content.appendingPathComponent($0) }
        guard let url = pick(candidates.filter { files.fileExists(atPath: $0.path) }),
              !broken.contains(where: { $0.0 == relative(url) }) else { return nil }
        let data = try Data(contentsOf: url)
        broken.append((relative(url), data))
        let text = try read(url)
        let damaged = url.pathExtension == "yml" ? text + "\n  : [không đóng\n" : text.replacingOccurrences(of: "\nname: ", with: "\nname: [không đóng ")
        try write(url, damaged)
        return ("broke \(relative(url))", [url])
    }

    func fixFile() throws -> (String, [URL])? {
        guard !broken.isEmpty else { return nil }
        let (path, data) = broken.removeFirst()
        let url = content.appendingPathComponent(path)
        try data.write(to: url)
        return ("fixed \(path)", [url])
    }

    func editTemplate() throws -> (String, [URL])? {
        let folder = theme.appendingPathComponent("templates")
        let names = try files.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }.sorted()
        guard let name = pick(names) else { return nil }
        let url = folder.appendingPathComponent(name)
        try write(url, try read(url) + "<!-- sửa \(next()) -->\n")
        return ("template \(name)", [url])
    }

    func editStrings() throws -> (String, [URL])? {
        let url = theme.appendingPathComponent("strings/vi.yml")
        var lines = try read(url).components(separatedBy: "\n")
        let plain = lines.indices.filter { index in
            let parts = lines[index].split(separator: ":", maxSplits: 1)
            return parts.count == 2 && !parts[1].trimmingCharacters(in: .whitespaces).hasPrefix("\"")
                && !parts[1].trimmingCharacters(in: .whitespaces).isEmpty && !lines[index].hasPrefix("#")
        }
        guard let index = pick(plain) else { return nil }
        lines[index] += " \(next())"
        try write(url, lines.joined(separator: "\n"))
        return ("interface string \(lines[index].prefix(30))", [url])
    }

    func changeBaseURL() throws -> (String, [URL])? {
        let url = content.appendingPathComponent("site.yml")
        guard let base = pick(["https://ldld.example.vn/dien-hinh/", "http://localhost:8000/", "/", "https://x.example/a/b/"]) else { return nil }
        var lines = try read(url).components(separatedBy: "\n")
        if let index = lines.firstIndex(where: { $0.hasPrefix("base_url:") }) { lines[index] = "base_url: \(base)" } else { lines.append("base_url: \(base)") }
        try write(url, lines.joined(separator: "\n"))
        return ("base_url \(base)", [url])
    }

    func changeYears() throws -> (String, [URL])? {
        guard let url = pick(items(["collectives", "individuals"])), let years = pick(["[2019]", "[2016, 2017]", "[2018, 2019, 2020]", "[2020]"]) else { return nil }
        try setField(url, "years", years)
        return ("years \(years) of \(url.lastPathComponent)", [url])
    }

    func changeSummary() throws -> (String, [URL])? {
        guard let url = pick(items(["collectives", "individuals", "models", "events"])) else { return nil }
        try setField(url, "summary", "\"Tóm tắt mới \(next())\"")
        return ("summary of \(url.lastPathComponent)", [url])
    }

    func toggleDraft() throws -> (String, [URL])? {
        guard let url = pick(items()) else { return nil }
        let text = try read(url)
        if text.contains("\ndraft: true") {
            try write(url, text.replacingOccurrences(of: "\ndraft: true", with: ""))
        } else {
            try setField(url, "draft", "true")
        }
        return ("draft toggled on \(url.lastPathComponent)", [url])
    }

    func changeEventDate() throws -> (String, [URL])? {
        guard let url = pick(items(["events"])) else { return nil }
        let date = "20\(17 + random.next() % 9)-0\(1 + random.next() % 9)-1\(random.next() % 9)"
        try setField(url, "date", date)
        return ("event \(url.lastPathComponent) on \(date)", [url])
    }

    func changeMedia() throws -> (String, [URL])? {
        let media = content.appendingPathComponent("media")
        let existing = ((try? files.contentsOfDirectory(atPath: media.path)) ?? []).sorted()
        if let name = pick(existing), random.next() % 2 == 0 {
            let url = media.appendingPathComponent(name)
            if random.next() % 2 == 0 {
                try files.removeItem(at: url)
                return ("media \(name) deleted", [url])
            }
            // Another picture (other sizes, or a picture again after junk), or not a picture at all.
            if let other = pick(existing.filter { $0 != name && ImageKind.isImageName($0) }), random.next() % 2 == 0 {
                try Data(contentsOf: media.appendingPathComponent(other)).write(to: url)
                return ("media \(name) replaced by a copy of \(other)", [url])
            }
            try Data("ảnh mới \(next())".utf8).write(to: url)
            return ("media \(name) replaced", [url])
        }
        try files.createDirectory(at: media, withIntermediateDirectories: true)
        let url = media.appendingPathComponent("moi-\(next()).png")
        try Data("ảnh".utf8).write(to: url)
        return ("media \(url.lastPathComponent) added", [url])
    }

    func touchUnknownFile() throws -> (String, [URL])? {
        let url = content.appendingPathComponent(random.next() % 2 == 0 ? "ghi-chu.txt" : "individuals/ghi-chu.txt")
        if files.fileExists(atPath: url.path) { try files.removeItem(at: url) } else { try write(url, "ghi chú") }
        return ("unknown file \(relative(url))", [url])
    }

    func editMenuPage() throws -> (String, [URL])? {
        guard let url = pick(items(["pages"])) else { return nil }
        try setField(url, "title", "\"Trang \(next())\"")
        if random.next() % 3 == 0 { try setField(url, "menu", String(random.next() % 5)) }
        return ("title of page \(url.lastPathComponent)", [url])
    }

    /// A score sheet: a changed mark, a dropped line, or a sheet copied to another exemplar.
    func editScores() throws -> (String, [URL])? {
        let scores = content.appendingPathComponent("scores")
        let sheets = (files.enumerator(atPath: scores.path)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".csv") }.sorted()
        guard let sheet = pick(sheets) else { return nil }
        let url = scores.appendingPathComponent(sheet)
        var lines = try read(url).components(separatedBy: "\n")
        switch random.next() % 3 {
        case 0:
            guard lines.count > 2 else { return nil }
            lines.remove(at: 1 + Int(random.next() % UInt64(lines.count - 2)))
            try write(url, lines.joined(separator: "\n"))
            return ("line dropped from scores/\(sheet)", [url])
        case 1:
            guard lines.count > 2 else { return nil }
            let index = 1 + Int(random.next() % UInt64(lines.count - 2))
            var cells = lines[index].components(separatedBy: ",")
            cells[cells.count - 1] = String(40 + random.next() % 60)
            lines[index] = cells.joined(separator: ",")
            try write(url, lines.joined(separator: "\n"))
            return ("mark changed in scores/\(sheet)", [url])
        default:
            guard let target = pick(items(["collectives", "individuals"])) else { return nil }
            let copy = url.deletingLastPathComponent().appendingPathComponent(target.deletingPathExtension().lastPathComponent + ".csv")
            // The sheet's own exemplar: removing the copy would remove the sheet.
            guard copy.path != url.path else { return nil }
            if files.fileExists(atPath: copy.path) { try files.removeItem(at: copy) }
            try files.copyItem(at: url, to: copy)
            return ("scores/\(sheet) copied for \(target.lastPathComponent)", [copy])
        }
    }

    /// A change made by hand in the session's output folder, which the next rebuild must undo:
    /// a page rewritten in place, a file removed or replaced, a file or folder added.
    func tamperWithOutput() throws -> (String, [URL]) {
        let output = root.appendingPathComponent("session")
        let published = try tree("session").keys.filter { !$0.hasSuffix("/") }.sorted()
        guard let file = pick(published) else { return ("nothing", []) }
        let url = output.appendingPathComponent(file)
        switch random.next() % 5 {
        case 0:
            let handle = try FileHandle(forWritingTo: url)
            try handle.write(contentsOf: Data("sửa tay".utf8))
            try handle.close()
            return ("output \(file) overwritten in place", [])
        case 1:
            try files.removeItem(at: url)
            return ("output \(file) removed", [])
        case 2:
            let other = url.deletingLastPathComponent().appendingPathComponent(".thay-\(next())")
            try Data("khác".utf8).write(to: other)
            try #require(rename(other.path, url.path) == 0, "cannot replace \(file)")
            return ("output \(file) replaced by another file", [])
        case 3:
            let stray = url.deletingLastPathComponent().appendingPathComponent("la-\(next()).html")
            try Data("lạ".utf8).write(to: stray)
            return ("output \(stray.lastPathComponent) added", [])
        default:
            let folder = output.appendingPathComponent("thu-muc-la-\(next())/con")
            try files.createDirectory(at: folder, withIntermediateDirectories: true)
            return ("output folder \(folder.lastPathComponent) added", [])
        }
    }

    func relative(_ url: URL) -> String {
        String(url.standardizedFileURL.path.dropFirst(content.standardizedFileURL.path.count + 1))
    }
}

/// A small seeded generator: the same seed gives the same edits on every machine.
struct SplitMix: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
