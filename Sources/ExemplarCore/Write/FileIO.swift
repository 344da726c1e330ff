#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Plain POSIX file calls for the hot path of writing thousands of pages:
/// Foundation's file APIs stat and allocate far more than a static site needs.
enum FileIO {
    /// Creates `path`'s parent folders as needed; concurrent callers may race harmlessly.
    static func makeParents(of path: String) -> Bool {
        guard let slash = path.lastIndex(of: "/") else { return true }
        return makeFolder(String(path[..<slash]))
    }

    static func makeFolder(_ path: String) -> Bool {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return true }
        guard errno == ENOENT, makeParents(of: path) else { return false }
        return mkdir(path, 0o755) == 0 || errno == EEXIST
    }

    static func write(_ data: Data, to path: String) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return data.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 { if errno == EINTR { continue }; return false }
                offset += written
            }
            return true
        }
    }

    enum Comparison { case same, different, absent }

    /// How the file at `path` compares with `data`; a size check first keeps it cheap.
    static func compare(_ path: String, _ data: Data) -> Comparison {
        var info = stat()
        guard stat(path, &info) == 0 else { return .absent }
        guard Int(info.st_size) == data.count, let existing = FileManager.default.contents(atPath: path) else { return .different }
        return existing == data ? .same : .different
    }

    static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    static func describeError() -> String { String(cString: strerror(errno)) }
}
