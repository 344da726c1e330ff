#if canImport(Glibc)
import Glibc
#endif

/// Hands the memory a large rebuild freed back to the system. glibc keeps freed heap pages
/// for reuse, so a long-running server's resident size would stay at its highest point
/// (the previous site and the new one together) long after the previous one is gone.
public enum FreedMemory {
    public static func release() {
        #if canImport(Glibc)
        _ = malloc_trim(0)
        #endif
    }
}
