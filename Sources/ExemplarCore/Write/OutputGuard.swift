import Foundation

/// Refuses output folders whose replacement would destroy something that is not a built site.
enum OutputGuard {
    static func check(output: URL, outputDisplay: String, content: URL, theme: URL) -> [Diagnostic] {
        let out = canonical(output)
        func refuse(_ reason: String, hint: String = "Chọn thư mục khác bằng `--output`, ví dụ `--output public`.") -> [Diagnostic] {
            [Diagnostic(.error, "unsafe-output", "Không thể dùng \"\(outputDisplay)\" làm thư mục kết quả: \(reason).",
                        file: outputDisplay, hint: hint)]
        }
        if out == "/" { return refuse("đó là thư mục gốc của máy") }
        if out == canonical(FileManager().homeDirectoryForCurrentUser) { return refuse("đó là thư mục nhà của người dùng") }
        for (folder, name) in [(canonical(content), "thư mục nội dung"), (canonical(theme), "thư mục giao diện")] {
            if out == folder || folder.hasPrefix(out + "/") { return refuse("việc thay thư mục này sẽ xoá \(name)") }
            if out.hasPrefix(folder + "/") { return refuse("nó nằm trong \(name)") }
        }
        let fileManager = FileManager()
        // Replacing the output moves whatever is there aside and deletes it: a file given by
        // mistake (`--output README.md`, or a worktree's `.git` file) would be lost.
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: out, isDirectory: &isDirectory), !isDirectory.boolValue {
            return refuse("đó là một tệp có sẵn, không phải thư mục (dựng vào đó sẽ xoá tệp này)",
                          hint: "Chỉ `--output` tới một thư mục, ví dụ `--output public`.")
        }
        for sign in ["Package.swift", ".git"] where fileManager.fileExists(atPath: out + "/" + sign) {
            return refuse("đó là thư mục gốc của một dự án (có \(sign))")
        }
        if let entries = try? fileManager.contentsOfDirectory(atPath: out), !entries.isEmpty,
           !entries.contains(OutputFolder.marker) {
            return refuse("thư mục đã có tệp không do Exemplar tạo ra",
                          hint: "Xoá hoặc đổi tên thư mục đó nếu không cần, hoặc chọn thư mục khác bằng `--output`.")
        }
        return []
    }

    private static func canonical(_ url: URL) -> String {
        let path = url.standardizedFileURL.resolvingSymlinksInPath().path
        return path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }
}
