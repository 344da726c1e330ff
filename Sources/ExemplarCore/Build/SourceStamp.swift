#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What tells that a file changed without reading it: modification time, size and inode.
/// An editor that saves by writing a new file and renaming it changes the inode even when
/// the time and size happen to match.
struct SourceStamp: Hashable, Sendable {
    var seconds: Int
    var nanoseconds: Int
    var size: Int
    var inode: UInt64

    /// The stamp of the file at `path` (a link's target; the link itself when it leads nowhere);
    /// nil when there is nothing there.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 || lstat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    /// The stamp of what `info` describes.
    init(_ info: stat) {
        #if canImport(Darwin)
        seconds = Int(info.st_mtimespec.tv_sec)
        nanoseconds = Int(info.st_mtimespec.tv_nsec)
        #else
        seconds = Int(info.st_mtim.tv_sec)
        nanoseconds = Int(info.st_mtim.tv_nsec)
        #endif
        size = Int(info.st_size)
        inode = UInt64(info.st_ino)
    }
}
