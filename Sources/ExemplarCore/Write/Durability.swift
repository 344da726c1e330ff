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

    private static func flushFile(_ path: String, flags: Int32) throws(SystemError) {
        let descriptor = open(path, flags | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { throw .current() }
        defer { close(descriptor) }
        // EINVAL: this kind of file cannot be flushed, so there is nothing to wait for.
        if fsync(descriptor) != 0, errno != EINVAL { throw .current() }
    }
}
