import ArgumentParser
import ExemplarCore
import Foundation

/// `exemplar new site DIR`: a site that builds at once, with its own copy of the default theme.
struct NewSite {
    let folder: String
    let say: Say

    func run() throws {
        let root = URL(fileURLWithPath: folder)
        let fileManager = FileManager()
        var isFolder: ObjCBool = false
        if fileManager.fileExists(atPath: root.path, isDirectory: &isFolder) {
            let entries = isFolder.boolValue ? try fileManager.contentsOfDirectory(atPath: root.path) : ["?"]
            guard entries.isEmpty else {
                say.warn("lỗi: \"\(folder)\" đã có và không trống; chọn một thư mục mới để không ghi đè gì.",
                         "error: \"\(folder)\" exists and is not empty; choose a new folder so nothing is overwritten.")
                throw ExitCode.failure
            }
        }
        guard let theme = DefaultTheme.folder() else {
            say.warn("lỗi: Không tìm thấy giao diện mặc định cạnh chương trình (share/exemplar/theme). Cài lại bằng scripts/install.sh.",
                     "error: The default theme is not beside the program (share/exemplar/theme). Reinstall with scripts/install.sh.")
            throw ExitCode.failure
        }
        let starter = StarterSite(today: .today(), language: say.language)
        do {
            for (path, text) in starter.files {
                let url = root.appendingPathComponent(path)
                try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url, options: .withoutOverwriting)
            }
            try fileManager.createDirectory(at: root.appendingPathComponent("content/media"), withIntermediateDirectories: true)
            try DefaultTheme.copy(theme, to: root.appendingPathComponent("theme"))
        } catch {
            say.fileProblem("lỗi: Không ghi được trang mới vào \"\(folder)\"", "error: Could not write the new site into \"\(folder)\"", error)
            throw ExitCode.failure
        }
        say.print("""
            Đã tạo trang web mẫu trong \(folder)/: content/ (nội dung) và theme/ (giao diện). Tiếp theo:
              cd \(folder)
              exemplar build                                   # dựng vào public/
              exemplar new individual "Họ và tên"             # thêm một hồ sơ
            """, """
            Created a starter site in \(folder)/: content/ (the content) and theme/ (the theme). Next:
              cd \(folder)
              exemplar build                                   # builds into public/
              exemplar new individual "Full Name"             # adds a profile
            """)
    }
}
