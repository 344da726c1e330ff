import ArgumentParser
import ExemplarCore
import Foundation

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Tạo tệp nội dung mới, hoặc một trang web mẫu để bắt đầu.",
        discussion: """
        exemplar new individual "Nguyễn Thị Hoa"     → content/individuals/nguyen-thi-hoa.md
        exemplar new collective "Công đoàn ngành Y tế"
        exemplar new model "Sổ tay nữ công điện tử"
        exemplar new event "Giao lưu điển hình tiên tiến 2025"
        exemplar new page "Giới thiệu"
        exemplar new site ten-thu-muc                → một trang web mẫu dựng được ngay
        Tệp đã có không bao giờ bị ghi đè: mã trùng được thêm số (-2, -3 …).
        """
    )

    @Argument(help: "collective | individual | model | event | page | site")
    var kind: String

    @Argument(help: "Tên đầy đủ, tiếng Việt có dấu; với `site`: thư mục sẽ tạo.")
    var name: String

    @Option(help: "Thư mục nội dung.")
    var content = "content"

    @Option(help: "Mã hoặc tên đơn vị (units.yml) cho tập thể, cá nhân, mô hình; mặc định: đơn vị đầu tiên.")
    var unit: String?

    @Option(help: "Ngôn ngữ của thông báo và chú thích trong tệp: vi hoặc en (mặc định theo LANG).")
    var lang: ContentSchema.Language?

    func validate() throws {
        let kinds = ContentSchema.ItemKind.allCases.map(\.rawValue) + ["site"]
        guard kinds.contains(kind) else {
            let guess = CatalogueMatcher(kinds.map { .init(id: $0, name: $0) }).closest(kind)?.id
            throw ValidationError(say("Không có loại `\(kind)`; dùng một trong: \(kinds.joined(separator: ", "))."
                                      + (guess.map { " Có phải bạn muốn viết `\($0)`?" } ?? ""),
                                      "There is no kind `\(kind)`; use one of: \(kinds.joined(separator: ", "))."
                                      + (guess.map { " Did you mean `\($0)`?" } ?? "")))
        }
        if name.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError(say("Cần một tên, ví dụ: exemplar new \(kind) \"Nguyễn Thị Hoa\".",
                                      "A name is needed, e.g. exemplar new \(kind) \"Nguyễn Thị Hoa\"."))
        }
    }

    var say: Say { Say(language: InterfaceLanguage.resolve(lang)) }

    func run() throws {
        if kind == "site" {
            try NewSite(folder: name, say: say).run()
            return
        }
        guard let kind = ContentSchema.ItemKind(rawValue: kind) else { throw ExitCode.validationFailure }
        let contentURL = try ContentFolder.require(content, say: say)
        let unitID = kind.keys.contains { $0.key == "unit" } ? try chooseUnit(contentURL) : nil
        var files = ItemFiles(content: contentURL)
        guard let id = try files.allocate(name: name, kind: kind) else {
            say.warn("lỗi: Tên \"\(name)\" không có chữ cái hay chữ số nào để làm tên tệp.",
                     "error: The name \"\(name)\" has no letter or digit to make a file name from.")
            throw ExitCode.failure
        }
        let item = NewItem(kind: kind, name: name, unit: unitID, today: .today(), language: say.language)
        let path = "\(content)/\(ItemFiles.relativePath(id: id, kind: kind))"
        do {
            _ = try files.create(id: id, kind: kind, text: item.text)
        } catch {
            say.fileProblem("\(path): lỗi: Không ghi được tệp", "\(path): error: Could not write the file", error)
            throw ExitCode.failure
        }
        let base = VietnameseText.slug(VietnameseText.nfc(name))
        if id != base {
            say.print("Mã `\(base)` đã có; tệp mới dùng mã `\(id)`.", "The id `\(base)` is taken; the new file uses `\(id)`.")
        }
        say.print("Đã tạo \(path). Mở tệp, điền các khoá còn trống rồi chạy `exemplar build`.",
                  "Created \(path). Open it, fill in the empty keys, then run `exemplar build`.")
    }

    /// `--unit` by id or name, else the first unit of units.yml; nil when there is none.
    private func chooseUnit(_ contentURL: URL) throws -> String? {
        let (loaded, _) = ContentLoader.load(from: contentURL, displayPath: content)
        let units = loaded.units
        guard let wanted = unit else {
            guard let first = units.first else {
                say.warn("cảnh báo: units.yml chưa có đơn vị nào; hãy điền `unit:` trong tệp mới.",
                         "warning: units.yml has no unit yet; fill in `unit:` in the new file.")
                return nil
            }
            say.print("Đơn vị: \(first.id) (\(first.name)), đơn vị đầu tiên trong units.yml; đổi `unit:` nếu cần, hoặc dùng --unit.",
                      "Unit: \(first.id) (\(first.name)), the first in units.yml; change `unit:` if needed, or use --unit.")
            return first.id
        }
        return try ContentFolder.unit(wanted, among: units, say: say).id
    }
}
