#if canImport(Glibc)
import Glibc
#endif

/// Hands the memory a large rebuild freed back to the system. glibc keeps freed heap pages
/// for reuse, so a long-running server's resident size would stay at its highest point
/// (the previous site and the new one together) long after the previous one is gone.
public enum FreedMemory {
    #if os(Linux)
    private typealias Trim = @convention(c) (Int) -> Int32
    /// glibc's `malloc_trim`, which Swift's Glibc module does not import; nil on other C libraries.
    nonisolated(unsafe) private static let trim: Trim? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim")
        .map { unsafeBitCast($0, to: Trim.self) }
    #endif

    public static func release() {
        #if os(Linux)
        _ = trim?(0)
        #endif
    }
}
