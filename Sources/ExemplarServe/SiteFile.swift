#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// One file of the published site, opened once: everything sent comes from this descriptor,
/// so a rebuild that swaps the folder meanwhile cannot mix two versions of a page.
final class SiteFile: @unchecked Sendable {
    let descriptor: Int32
    let size: Int
    /// Changes whenever the file is replaced: a rebuild writes a new file (new inode) for
    /// every page whose bytes changed and links the unchanged ones.
    let etag: String

    private init(descriptor: Int32, size: Int, etag: String) {
        self.descriptor = descriptor
        self.size = size
        self.etag = etag
    }

    deinit { close(descriptor) }

    enum Lookup {
        case file(SiteFile)
        case folder
        case missing
        /// The output folder is being swapped for a newer build: ask again in a moment.
        case swapping
    }

    /// Opens `segments` below `root`, refusing anything whose real path is not inside the
    /// real path of `root` (a symbolic link inside the output pointing elsewhere).
    static func open(_ segments: [String], in root: String) -> Lookup {
        guard let realRoot = realPath(root) else { return .swapping }
        let path = ([root] + segments).joined(separator: "/")
        let descriptor = openReadOnly(path)
        guard descriptor >= 0 else { return .missing }
        var info = stat()
        guard fstat(descriptor, &info) == 0, let real = realPath(ofDescriptor: descriptor, fallback: path) else {
            close(descriptor)
            return .missing
        }
        guard real == realRoot || real.hasPrefix(realRoot + "/") else {
            close(descriptor)
            // Opened in the previous build's folder just as a build swapped it out
            // (it is then named `.NAME.staging-PID`, `.NAME.old-PID` or `.NAME.spare-PID` beside the output).
            let folder = URL(fileURLWithPath: realRoot)
            let sibling = folder.deletingLastPathComponent().path + "/.\(folder.lastPathComponent)."
            let retired = ["staging-", "old-", "spare-"].contains { real.hasPrefix(sibling + $0) }
            return retired ? .swapping : .missing
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            close(descriptor)
            return .folder
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            return .missing
        }
        let etag = "\"\(String(info.st_ino, radix: 16))-\(String(info.st_size, radix: 16))-\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)\""
        return .file(SiteFile(descriptor: descriptor, size: Int(info.st_size), etag: etag))
    }

    /// Reads the whole file from the descriptor (for pages, which get the reload script).
    func readAll() -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: size)
        var done = 0
        while done < size {
            let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + done, size - done, off_t(done)) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return nil }
            done += count
        }
        return bytes
    }

    /// Reads up to `count` bytes at `offset`; empty at the end of the file, nil on failure.
    func read(at offset: Int, count: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        while true {
            let got = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress!, count, off_t(offset)) }
            if got < 0, errno == EINTR { continue }
            guard got >= 0 else { return nil }
            return Array(bytes.prefix(got))
        }
    }

    private static func openReadOnly(_ path: String) -> Int32 {
        #if canImport(Glibc)
        Glibc.open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        #else
        Darwin.open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        #endif
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The real path of what the descriptor opened; /proc names it exactly on Linux.
    private static func realPath(ofDescriptor descriptor: Int32, fallback: String) -> String? {
        #if os(Linux)
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/fd/\(descriptor)", &buffer, Int(PATH_MAX))
        if length > 0 {
            return String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        #endif
        return realPath(fallback)
    }
}
