#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// System calls the C library has but Swift's Glibc module does not import (`renameat2`,
/// `syncfs`), looked up at run time so that a system without them takes the fallback.
enum LinuxCalls {
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    private typealias SyncFS = @convention(c) (Int32) -> Int32
    private typealias SyncFileRange = @convention(c) (Int32, Int64, Int64, UInt32) -> Int32

    private static let renameAt2: RenameAt2? = symbol("renameat2")
    private static let syncFS: SyncFS? = symbol("syncfs")
    private static let syncFileRange: SyncFileRange? = symbol("sync_file_range")

    private static func symbol<T>(_ name: String) -> T? {
        #if os(Linux)
        guard let address = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }
        return unsafeBitCast(address, to: T.self)
        #else
        return nil
        #endif
    }

    enum Exchange {
        case done
        /// The system or the file system cannot swap two paths in one step.
        case unsupported
        case failed(SystemError)
    }

    /// Swaps two existing paths in one atomic step (`RENAME_EXCHANGE`): at every instant each
    /// name holds one whole folder or the other.
    static func exchange(_ first: String, _ second: String) -> Exchange {
        guard let renameAt2 else { return .unsupported }
        let renameExchange: UInt32 = 2
        if renameAt2(AT_FDCWD, first, AT_FDCWD, second, renameExchange) == 0 { return .done }
        let error = SystemError.current()
        return error.code == EINVAL || error.code == ENOSYS || error.code == ENOTSUP ? .unsupported : .failed(error)
    }

    /// Whether no other open file description has this file open, in any process: a write
    /// lease (`F_SETLEASE`) is granted only then, and is let go of at once. False where leases
    /// are not available.
    static func openNowhereElse(_ descriptor: Int32) -> Bool {
        #if os(Linux)
        let setLease: Int32 = 1024, writeLease: Int32 = 1, noLease: Int32 = 2
        guard fcntl(descriptor, setLease, writeLease) == 0 else { return false }
        _ = fcntl(descriptor, setLease, noLease)
        return true
        #else
        return false
        #endif
    }

    /// Flushes to disk everything written on the file system that holds `path`, in one call;
    /// false when the call is not available and files must be flushed one by one.
    static func syncFileSystem(holding descriptor: Int32) throws(SystemError) -> Bool {
        guard let syncFS else { return false }
        if syncFS(descriptor) != 0 { throw .current() }
        return true
    }

    /// Asks the kernel to start writing a file's bytes to disk now, without waiting
    /// (`SYNC_FILE_RANGE_WRITE`): by the time the whole site is flushed before publishing,
    /// most of it is on disk already, written while later pages were being rendered.
    /// A failure changes nothing: the flush before publishing still writes everything.
    static func startWriting(_ descriptor: Int32) {
        let syncFileRangeWrite: UInt32 = 2
        _ = syncFileRange?(descriptor, 0, 0, syncFileRangeWrite)
    }
}
