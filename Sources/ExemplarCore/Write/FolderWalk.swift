#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Everything below a folder, without following links, and with every problem on the way:
/// a folder that cannot be listed is reported, not silently taken for an empty one.
struct FolderWalk {
    enum Entry: Equatable {
        /// A regular file, as a path relative to the walked folder.
        case file(String)
        /// A symbolic link (never followed).
        case link(String)
        /// Something that is neither a file, a folder nor a link: a FIFO, a socket, a device.
        case other(String, kind: String)
        /// A folder (or the walked folder itself, as "") that could not be listed or entered.
        case unreadable(String, SystemError)
        /// A name that is not UTF-8, in the folder given, escaped for printing.
        case badName(folder: String, escaped: String)
    }

    /// With `skipHidden`, names starting with `.` are left out, folders and all.
    static func walk(_ root: String, skipHidden: Bool) -> [Entry] {
        var entries: [Entry] = []
        walk(root, relative: "", skipHidden: skipHidden, into: &entries)
        return entries
    }

    private static func walk(_ root: String, relative: String, skipHidden: Bool, into entries: inout [Entry]) {
        let folder = relative.isEmpty ? root : root + "/" + relative
        let raw: [[UInt8]]
        do {
            raw = try FileIO.rawNames(in: folder)
        } catch {
            entries.append(.unreadable(relative, error))
            return
        }
        var names: [String] = []
        for bytes in raw {
            guard let name = String(validating: bytes, as: UTF8.self) else {
                if !(skipHidden && bytes.first == 0x2E) {
                    entries.append(.badName(folder: relative, escaped: PrintableName.escape(bytes)))
                }
                continue
            }
            if skipHidden, name.hasPrefix(".") { continue }
            names.append(name)
        }
        for name in names.sorted() {
            let path = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard lstat(root + "/" + path, &info) == 0 else {
                entries.append(.unreadable(path, .current()))
                continue
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: walk(root, relative: path, skipHidden: skipHidden, into: &entries)
            case S_IFREG: entries.append(.file(path))
            case S_IFLNK: entries.append(.link(path))
            default: entries.append(.other(path, kind: FileIO.kind(info.st_mode)))
            }
        }
    }
}

/// File names as a terminal can show them safely: bytes that are not UTF-8 become `\xFF`,
/// and control characters (newlines, escape sequences) become `\n`, `\u{1B}` and the like.
public enum PrintableName {
    public static func escape(_ bytes: [UInt8]) -> String {
        var text = ""
        var rest = bytes[...]
        while !rest.isEmpty {
            // The longest valid prefix is kept as text; the first bad byte is spelled out.
            var end = rest.endIndex
            while end > rest.startIndex, String(validating: rest[rest.startIndex..<end], as: UTF8.self) == nil {
                end -= 1
            }
            if end > rest.startIndex {
                text += escape(String(decoding: rest[rest.startIndex..<end], as: UTF8.self))
                rest = rest[end...]
            } else {
                text += "\\x" + String(rest.first!, radix: 16, uppercase: true).leftPadded(to: 2)
                rest = rest.dropFirst()
            }
        }
        return text
    }

    /// Control characters spelled out; everything else as it is.
    public static func escape(_ text: String, keepingTabs: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\t" where keepingTabs: out += "\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where isControl(scalar): out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        // C0 and C1 controls, and the bidirectional overrides that can disguise a name.
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
            || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

extension FolderWalk {
    /// The diagnostic for a problem met on the walk of `folder` (its display path);
    /// `skipped` says what becomes of the entry. Nil for a plain file.
    static func diagnostics(_ entry: Entry, folder: String, code: String, skipped: String) -> [Diagnostic] {
        func at(_ relative: String) -> String { relative.isEmpty ? folder : folder + "/" + PrintableName.escape(relative) }
        switch entry {
        case .file:
            return []
        case .unreadable(let path, let error):
            return [Diagnostic(.error, code, "Không đọc được \(at(path)): \(error.cause); mọi tệp trong đó \(skipped).",
                               file: at(path), hint: error.remedy)]
        case .link(let path):
            return [Diagnostic(.error, "unsafe-path", "\"\(at(path))\" là liên kết (symlink) \(skipped): Exemplar không chép tệp qua liên kết.",
                               file: at(path), hint: "Chép tệp thật vào chỗ của liên kết.")]
        case .other(let path, let kind):
            return [Diagnostic(.error, code, "\"\(at(path))\" là \(kind), không phải tệp thường, \(skipped).",
                               file: at(path), hint: "Thay bằng tệp thật hoặc xoá nó đi.")]
        case .badName(folder: let path, escaped: let escaped):
            let name = at(path.isEmpty ? escaped : path + "/" + escaped)
            return [Diagnostic(.error, "file-name", "Tên \"\(name)\" không phải UTF-8 nên \(skipped).",
                               file: name, hint: "Đổi tên tệp, chỉ dùng chữ UTF-8 (ví dụ `mv` với tên mới).")]
        }
    }
}
