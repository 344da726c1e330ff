import ArgumentParser
import ExemplarCore
import Foundation

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Nhập danh sách từ bảng tính (CSV) thành hồ sơ, mỗi hàng một tệp.",
        discussion: """
        exemplar import danh-sach.csv --kind individual --dry-run   → xem trước, chưa ghi gì
        exemplar import danh-sach.csv --kind individual
        Cột được nhận theo tiêu đề (Họ và tên, Đơn vị, Chức vụ, Năm, Khen thưởng, Số quyết định …): docs/import.md.
        Có lỗi ở bất kỳ hàng nào thì không ghi tệp nào; tệp đã có không bao giờ bị ghi đè.
        """
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case individual, collective
    }

    @Argument(help: "Tệp CSV (Excel: Lưu thành → CSV UTF-8).")
    var file: String

    @Option(help: "individual (cá nhân) hoặc collective (tập thể).")
    var kind: Kind

    @Flag(name: .customLong("dry-run"), help: "In ra những tệp sẽ được ghi, không ghi gì.")
    var dryRun = false

    @Option(help: "Thư mục nội dung.")
    var content = "content"

    @Option(help: "Mã hoặc tên đơn vị cho các hàng không có cột hay ô \"Đơn vị\".")
    var unit: String?

    @Option(help: "Ngôn ngữ của thông báo và chú thích trong tệp: vi hoặc en (mặc định theo LANG).")
    var lang: ContentSchema.Language?

    func run() throws {
        let say = Say(language: InterfaceLanguage.resolve(lang))
        let contentURL = try ContentFolder.require(content, say: say)
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            say.fileProblem("\(file): lỗi: Không đọc được tệp", "\(file): error: Could not read the file", error)
            throw ExitCode.failure
        }
        let (loaded, _) = ContentLoader.load(from: contentURL, displayPath: content)
        let defaultUnit = try unit.map { try ContentFolder.unit($0, among: loaded.units, say: say).id }
        guard let itemKind = ContentSchema.ItemKind(rawValue: kind.rawValue) else { throw ExitCode.validationFailure }
        var importer = ProfileImport(kind: itemKind, display: file, content: loaded, contentURL: contentURL,
                                     defaultUnit: defaultUnit, language: say.language)
        try importer.read(data)
        DiagnosticPrinter(format: .text, language: say.language).print(importer.diagnostics)
        let errors = importer.diagnostics.errorCount, warnings = importer.diagnostics.warningCount
        let counts = say(" \(errors) lỗi, \(warnings) cảnh báo.", " \(Say.count(errors, "error")), \(Say.count(warnings, "warning")).")
        guard errors == 0 else {
            say.warn("Không ghi tệp nào; sửa các lỗi trên trong bảng tính (hoặc units.yml, awards.yml) rồi chạy lại." + counts,
                     "Nothing was written; fix the errors above in the spreadsheet (or units.yml, awards.yml) and run it again." + counts)
            throw ExitCode.failure
        }
        let folder = "\(content)/\(itemKind.folder)/"
        if dryRun {
            for item in importer.planned {
                say.print("==> \(content)/\(item.path) (dòng \(item.line)) <==", "==> \(content)/\(item.path) (line \(item.line)) <==")
                Terminal.output(item.text + "\n")
            }
            say.warn("Chạy thử: sẽ ghi \(importer.planned.count) tệp vào \(folder); chưa ghi gì." + (warnings > 0 ? counts : ""),
                     "Dry run: \(Say.count(importer.planned.count, "file")) would be written into \(folder); nothing was written." + (warnings > 0 ? counts : ""))
            return
        }
        let files = ItemFiles(content: contentURL)
        var written = 0
        for item in importer.planned {
            do {
                _ = try files.create(id: item.id, kind: itemKind, text: item.text)
                written += 1
            } catch {
                say.fileProblem("\(content)/\(item.path): lỗi: Không ghi được tệp", "\(content)/\(item.path): error: Could not write the file", error,
                                then: (" Đã ghi \(written) tệp trước đó.", " \(Say.count(written, "file")) \(written == 1 ? "was" : "were") written before it."))
                throw ExitCode.failure
            }
        }
        say.warn("Đã nhập \(written) hồ sơ từ \(file) vào \(folder)" + (warnings > 0 ? "." + counts : "."),
                 "Imported \(Say.count(written, "profile")) from \(file) into \(folder)" + (warnings > 0 ? "." + counts : "."))
    }
}
