#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Hands the memory a large rebuild freed back to the system. glibc keeps freed heap pages
/// for reuse, so a long-running server's resident size would stay at its highest point
/// (the previous site and the new one together) long after the previous one is gone.
public enum FreedMemory {
    #if os(Linux)
    private typealias Trim = @convention(c) (Int) -> Int32
    /// glibc's `malloc_trim`, which Swift's Glibc module does not import; nil on other C libraries.
    private static let trim: Trim? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim")
        .map { unsafeBitCast($0, to: Trim.self) }
    #endif

    public static func release() {
        #if os(Linux)
        _ = trim?(0)
        #endif
        let after = resident()
        lock.withLock { lastRelease = after }
    }

    /// `release`, after one of a run of large temporaries, only once the process holds
    /// `slack` bytes more than after the last release. Each release walks every free block
    /// of the heap and gives back even the pages it gave back before (hundreds of calls),
    /// and each page given back is faulted in again when next used: after every one of the
    /// forty site-wide pages of a large site, that cost more than the memory it saved.
    static func releaseIfGrown(slack: Int = 16 << 20) {
        if let now = resident(), let last = lock.withLock({ lastRelease }), now - last < slack { return }
        release()
    }

    private static let lock = NSLock()
    /// Resident bytes just after the last release; nil before the first.
    nonisolated(unsafe) private static var lastRelease: Int?

    /// The process's resident bytes (`/proc/self/statm`); nil where that cannot be read,
    /// and then every call releases.
    private static func resident() -> Int? {
        #if os(Linux)
        let data: Data
        do { data = try FileIO.readFile("/proc/self/statm") } catch { return nil }
        let fields = String(decoding: data, as: UTF8.self).split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
        #else
        return nil
        #endif
    }
}
