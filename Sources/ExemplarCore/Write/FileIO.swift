#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Plain POSIX file calls for the hot path of writing thousands of pages: Foundation's file
/// APIs stat and allocate far more than a static site needs, and lose errno on the way.
/// Every failure carries the errno of the call that failed.
enum FileIO {
    /// Creates `path`'s parent folders as needed; concurrent callers may race harmlessly.
    static func makeParents(of path: String) throws(SystemError) {
        guard let slash = path.lastIndex(of: "/") else { return }
        try makeFolder(String(path[..<slash]))
    }

    static func makeFolder(_ path: String) throws(SystemError) {
        if mkdir(path, 0o755) == 0 { return }
        let error = SystemError.current()
        if error.code == EEXIST { return }
        guard error.code == ENOENT else { throw error }
        try makeParents(of: path)
        if mkdir(path, 0o755) == 0 { return }
        let again = SystemError.current()
        if again.code != EEXIST { throw again }
    }

    static func write(_ data: some ContiguousBytes, to path: String) throws(SystemError) {
        try write(data, to: path, makingParents: false)
    }

    /// With `makingParents`, missing parent folders are made when the file cannot be created
    /// for want of them: most files go into a folder that exists already, and trying the file
    /// first saves a `mkdir` call per file. `toDisk`: start writing it to the disk at once,
    /// for a flush before publishing (`BuildOptions.durable`).
    static func write(_ data: some ContiguousBytes, to path: String, makingParents: Bool, toDisk: Bool = true) throws(SystemError) {
        let flags = O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW
        var descriptor = open(path, flags, 0o644)
        if descriptor < 0, makingParents, errno == ENOENT {
            try makeParents(of: path)
            descriptor = open(path, flags, 0o644)
        }
        guard descriptor >= 0 else { throw .current() }
        defer { close(descriptor) }
        try writeAll(data, to: descriptor)
        if toDisk { LinuxCalls.startWriting(descriptor) }
    }

    /// Writes `data` over the file at `path`, keeping its inode and blocks, when it is a regular
    /// file no other name links to and no one else has open (a write lease tells): false, and
    /// nothing written, otherwise (none there, a folder or link, shared, or still being read).
    static func overwriteIfUnshared(_ data: some ContiguousBytes, at path: String, toDisk: Bool) throws(SystemError) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_nlink == 1,
              LinuxCalls.openNowhereElse(descriptor) else { return false }
        try overwrite(data, descriptor: descriptor, size: Int(info.st_size), toDisk: toDisk)
        return true
    }

    /// Writes `data` over an open file of `size` bytes, keeping the blocks it needs: shortened
    /// first when it is longer (so no page past the new end is read back), then written from
    /// the start. Emptying it first (`O_TRUNC`) would free every block, and wait for those
    /// still being written to disk, to allocate them again moments later.
    static func overwrite(_ data: some ContiguousBytes, descriptor: Int32, size: Int, toDisk: Bool) throws(SystemError) {
        let count = data.withUnsafeBytes(\.count)
        if size > count, ftruncate(descriptor, off_t(count)) != 0 { throw .current() }
        try writeAll(data, to: descriptor)
        if toDisk { LinuxCalls.startWriting(descriptor) }
    }

    static func writeAll(_ data: some ContiguousBytes, to descriptor: Int32) throws(SystemError) {
        let failure = data.withUnsafeBytes { buffer -> SystemError? in
            guard let base = buffer.baseAddress else { return nil }
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    let error = SystemError.current()
                    if error.code == EINTR { continue }
                    return error
                }
                offset += written
            }
            return nil
        }
        if let failure { throw failure }
    }

    /// Reads a whole regular file from an open descriptor. Anything else (a FIFO, a device,
    /// a folder) is refused before reading: reading a FIFO would wait forever.
    static func readRegular(_ descriptor: Int32) throws(ReadFailure) -> Data {
        var stamp: SourceStamp?
        return try readRegular(descriptor, stamp: &stamp)
    }

    /// `readRegular`, giving the file's stamp as it was opened.
    static func readRegular(_ descriptor: Int32, stamp: inout SourceStamp?) throws(ReadFailure) -> Data {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .system(.current()) }
        stamp = SourceStamp(info)
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .notRegular(kind(info.st_mode)) }
        // Room for one byte more than the file holds, so the read that meets its end needs no
        // more; not zero-filled first, as `Data(count:)` would be (every input is read whole).
        var capacity = Int(info.st_size) + 1
        guard var buffer = malloc(capacity) else { throw .system(SystemError(code: ENOMEM)) }
        var length = 0
        while true {
            if length == capacity {
                // The file grew while it was read.
                capacity += max(4096, capacity / 2)
                guard let larger = realloc(buffer, capacity) else {
                    free(buffer)
                    throw .system(SystemError(code: ENOMEM))
                }
                buffer = larger
            }
            let count = read(descriptor, buffer + length, capacity - length)
            if count < 0 {
                let error = SystemError.current()
                if error.code == EINTR { continue }
                free(buffer)
                throw .system(error)
            }
            if count == 0 { break }
            length += count
            // A read that fell short once the file's size is reached met the end: asking again
            // only to be told so would cost a call per file.
            if length < capacity, length >= Int(info.st_size) { break }
        }
        return Data(bytesNoCopy: buffer, count: length, deallocator: .free)
    }

    enum ReadFailure: Error {
        case system(SystemError)
        /// Not a regular file: what it is instead, in words.
        case notRegular(String)
    }

    /// Opens and reads a regular file; with `noFollow` a symbolic link is refused.
    static func readFile(_ path: String, noFollow: Bool = false) throws(ReadFailure) -> Data {
        var stamp: SourceStamp?
        return try readFile(path, noFollow: noFollow, stamp: &stamp)
    }

    /// `readFile`, giving the file's stamp as it was opened.
    static func readFile(_ path: String, noFollow: Bool = false, stamp: inout SourceStamp?) throws(ReadFailure) -> Data {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | (noFollow ? O_NOFOLLOW : 0))
        guard descriptor >= 0 else { throw .system(.current()) }
        defer { close(descriptor) }
        return try readRegular(descriptor, stamp: &stamp)
    }

    /// Reads `relative` below the folder `root` without following any link on the way:
    /// each folder is opened with O_NOFOLLOW from the one before, and what was opened at the
    /// end is checked with fstat. A file swapped for a link after it was listed is refused.
    static func readBelow(_ root: String, _ relative: String) throws(ReadFailure) -> Data {
        var folder = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { throw .system(.current()) }
        let parts = relative.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        for (index, part) in parts.enumerated() {
            let last = index == parts.count - 1
            let flags = O_RDONLY | O_CLOEXEC | O_NOFOLLOW | (last ? O_NONBLOCK : O_DIRECTORY)
            let next = openat(folder, part, flags)
            let error = SystemError.current()
            close(folder)
            guard next >= 0 else {
                throw error.code == ELOOP || error.code == ENOTDIR ? .notRegular("liên kết (symlink)") : .system(error)
            }
            folder = next
        }
        defer { close(folder) }
        return try readRegular(folder)
    }

    static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: return "thư mục"
        case S_IFIFO: return "ống FIFO"
        case S_IFSOCK: return "socket"
        case S_IFCHR, S_IFBLK: return "tệp thiết bị"
        case S_IFLNK: return "liên kết (symlink)"
        default: return "không phải tệp thường"
        }
    }

    enum Comparison { case same, different, absent }

    /// How the file at `path` compares with `data`; a size check first keeps it cheap.
    /// A file that cannot be read counts as different: it is then written anew.
    static func compare(_ path: String, _ data: some ContiguousBytes) -> Comparison {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .absent }
        guard (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == data.withUnsafeBytes(\.count) else { return .different }
        do {
            let found = try readFile(path, noFollow: true)
            return found.withUnsafeBytes { found in data.withUnsafeBytes { sameBytes(found, $0) } } ? .same : .different
        } catch {
            return .different
        }
    }

    static func sameBytes(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        guard a.count == b.count else { return false }
        guard let first = a.baseAddress, let second = b.baseAddress else { return true }
        return memcmp(first, second, a.count) == 0
    }

    static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Removes a file or a whole folder; links are removed, never followed. Names that are
    /// not UTF-8 are removed too: paths are handled as bytes.
    static func removeTree(_ path: String) throws(SystemError) {
        try removeTree(bytes: Array(path.utf8))
    }

    /// Removes a folder with the file `last` removed last: a removal cut short by a kill
    /// leaves the file in place, so the folder can still be recognised and removed later.
    static func removeTree(_ path: String, last: String) throws(SystemError) {
        let names: [String]
        do {
            names = try self.names(in: path)
        } catch let error where error.code == ENOENT {
            return
        }
        for name in names where name != last { try removeTree(path + "/" + name) }
        try removeTree(path)
    }

    private static func removeTree(bytes path: [UInt8]) throws(SystemError) {
        let cPath = path.map { CChar(bitPattern: $0) } + [0]
        var info = stat()
        guard lstat(cPath, &info) == 0 else {
            let error = SystemError.current()
            if error.code == ENOENT { return }
            throw error
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            if unlink(cPath) != 0, errno != ENOENT { throw .current() }
            return
        }
        let names: [[UInt8]]
        do {
            names = try cPath.withUnsafeBufferPointer { buffer throws(SystemError) in try rawNames(in: buffer.baseAddress!) }
        } catch let error where error.code == ENOENT {
            return
        }
        for name in names { try removeTree(bytes: path + [0x2F] + name) }
        if rmdir(cPath) != 0, errno != ENOENT { throw .current() }
    }

    /// The raw names in a folder, without `.` and `..`.
    static func rawNames(in path: UnsafePointer<CChar>) throws(SystemError) -> [[UInt8]] {
        guard let folder = opendir(path) else { throw .current() }
        defer { closedir(folder) }
        var names: [[UInt8]] = []
        while true {
            errno = 0
            guard let entry = readdir(folder) else {
                if errno != 0 { throw .current() }
                break
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                Array(bytes.prefix { $0 != 0 })
            }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            names.append(name)
        }
        return names
    }

    static func rawNames(in path: String) throws(SystemError) -> [[UInt8]] {
        let cPath = Array(path.utf8CString)
        return try cPath.withUnsafeBufferPointer { buffer throws(SystemError) in try rawNames(in: buffer.baseAddress!) }
    }

    /// The names in a folder as strings; a name that is not UTF-8 is kept with its bytes
    /// decoded leniently, which is enough to remove it.
    static func names(in path: String) throws(SystemError) -> [String] {
        try rawNames(in: path).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// `write(2)`, named apart from `FileIO.write`.
func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.write(descriptor, buffer, count)
    #else
    return Darwin.write(descriptor, buffer, count)
    #endif
}
