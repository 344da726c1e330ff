#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Getting what was written onto the disk before it is published.
enum Durability {
    /// Flushes every file and folder under `folder`. On Linux one `syncfs` flushes the whole
    /// file system at once, far cheaper than one `fsync` per file on a site of thousands;
    /// elsewhere each file and folder is flushed in turn.
    static func flush(_ folder: String) throws(SystemError) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .current() }
        defer { close(descriptor) }
        if try LinuxCalls.syncFileSystem(holding: descriptor) { return }
        try flushTree(folder)
    }

    private static func flushTree(_ path: String) throws(SystemError) {
        var info = stat()
        guard lstat(path, &info) == 0 else { throw .current() }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            for name in try FileIO.names(in: path) { try flushTree(path + "/" + name) }
            try flushFolder(path)
        case S_IFREG:
            try flushFile(path, flags: O_RDONLY)
        default:
            break
        }
    }

    /// Flushes a folder's entries: a rename is durable once its folder is.
    static func flushFolder(_ path: String) throws(SystemError) {
        try flushFile(path, flags: O_RDONLY | O_DIRECTORY)
    }

    /// Flushes one regular file's bytes.
    static func flushFile(_ path: String) throws(SystemError) {
        try flushFile(path, flags: O_RDONLY)
    }

    /// Flushes a few files or folders one by one, or when there are many, the whole file
    /// system holding `folder` at once. One `fsync` waits for about one journal commit, and
    /// is bounded by what this build wrote, where `syncfs` also waits for whatever else is
    /// pending on the file system: a handful of files is quicker one by one, thousands are not.
    static func flush(files: [String], folders: [String], within folder: String) throws(SystemError) {
        if files.count + folders.count > fileByFileLimit {
            try flush(folder)
            return
        }
        for file in files { try flushFile(file, flags: O_RDONLY) }
        for folder in folders { try flushFolder(folder) }
    }

    static let fileByFileLimit = 64

    private static func flushFile(_ path: String, flags: Int32) throws(SystemError) {
        let descriptor = open(path, flags | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { throw .current() }
        defer { close(descriptor) }
        // EINVAL: this kind of file cannot be flushed, so there is nothing to wait for.
        if fsync(descriptor) != 0, errno != EINVAL { throw .current() }
    }
}
