#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Refuses output folders whose replacement would destroy something that is not a built site.
enum OutputGuard {
    /// `owned`: a kept session published into the folder and holds its lock, so the folder is
    /// a built site even when its marker is missing (removed by hand; the rebuild writes it again).
    static func check(output: URL, outputDisplay: String, content: URL, theme: URL, owned: Bool = false) -> [Diagnostic] {
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
        if isMountPoint(out) {
            return refuse("đó là điểm gắn kết (mount point) của một ổ đĩa; thư mục kết quả được thay bằng cách đổi tên, mà điểm gắn kết thì không đổi tên được",
                          hint: mountPointHint(out))
        }
        for sign in ["Package.swift", ".git"] where fileManager.fileExists(atPath: out + "/" + sign) {
            return refuse("đó là thư mục gốc của một dự án (có \(sign))")
        }
        var entries: [String] = []
        do {
            entries = try FileIO.names(in: out)
        } catch let error where error.code != ENOENT {
            return refuse("không đọc được thư mục này: \(error.cause)", hint: error.remedy ?? "Chọn thư mục khác bằng `--output`.")
        } catch {}
        if !owned, !entries.isEmpty, !entries.contains(OutputFolder.marker) {
            return refuse("thư mục đã có tệp không do Exemplar tạo ra",
                          hint: "Xoá hoặc đổi tên thư mục đó nếu không cần, hoặc chọn thư mục khác bằng `--output`.")
        }
        return []
    }

    static func mountPointHint(_ path: String) -> String {
        "Dựng vào một thư mục con bên trong ổ đĩa đó, ví dụ `--output \(path)/site`, rồi cho máy chủ web phục vụ thư mục con ấy (hoặc trỏ một liên kết tới nó)."
    }

    /// Whether a folder is where a file system is mounted: its device differs from its
    /// parent's, or the system's mount table lists it (a bind mount keeps the device).
    static func isMountPoint(_ path: String) -> Bool {
        var own = stat(), parent = stat()
        guard stat(path, &own) == 0, (own.st_mode & S_IFMT) == S_IFDIR else { return false }
        if path == "/" { return true }
        if stat((path as NSString).deletingLastPathComponent, &parent) == 0, parent.st_dev != own.st_dev { return true }
        return mountedFolders().contains(path)
    }

    /// Mount points from /proc/self/mountinfo (fifth field; spaces and the like are octal escapes).
    private static func mountedFolders() -> Set<String> {
        let data: Data
        do { data = try FileIO.readFile("/proc/self/mountinfo") } catch { return [] }
        var folders: Set<String> = []
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count > 4 else { continue }
            folders.insert(unescapeOctal(String(fields[4])))
        }
        return folders
    }

    private static func unescapeOctal(_ text: String) -> String {
        guard text.contains("\\") else { return text }
        var bytes: [UInt8] = []
        var rest = Array(text.utf8)[...]
        while let first = rest.first {
            if first == 0x5C, rest.count >= 4, let value = UInt8(String(decoding: rest.dropFirst().prefix(3), as: UTF8.self), radix: 8) {
                bytes.append(value)
                rest = rest.dropFirst(4)
            } else {
                bytes.append(first)
                rest = rest.dropFirst()
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func canonical(_ url: URL) -> String {
        let path = url.standardizedFileURL.resolvingSymlinksInPath().path
        return path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }
}
