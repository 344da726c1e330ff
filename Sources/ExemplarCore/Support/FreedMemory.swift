#if canImport(Glibc)
import Glibc
#endif

/// Gives the memory freed so far back to the system. glibc keeps freed memory in each
/// thread's arena for later allocations; after a large temporary (the search index, the
/// exports of every exemplar), what one core freed would otherwise stay in the process while
/// the other core's arena grows, and the peak would be their sum.
enum FreedMemory {
    private typealias Trim = @convention(c) (Int) -> Int32

    /// `malloc_trim`, looked up at run time: Swift's Glibc module does not import it.
    nonisolated(unsafe) private static let trim: Trim? = {
        #if os(Linux)
        guard let address = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
        return unsafeBitCast(address, to: Trim.self)
        #else
        return nil
        #endif
    }()

    static func release() {
        _ = trim?(0)
    }
}
