#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ExemplarCore
import Foundation

/// SIGTERM, SIGINT (Ctrl-C) and SIGHUP stop a build cleanly: its staging folder is removed,
/// the published site stays as it was, and the process exits with 128 + the signal's number.
/// The signals are blocked in every thread and taken by one thread that waits for them, so
/// the cleanup runs as ordinary code, not inside a signal handler.
enum Signals {
    private static let handled: [Int32] = [SIGTERM, SIGINT, SIGHUP]

    /// Must run before any other thread starts: threads inherit the blocked set.
    static func install() {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in handled { sigaddset(&set, signal) }
        pthread_sigmask(SIG_BLOCK, &set, nil)
        let waiter = Thread { [set] in
            var waitSet = set
            var received: Int32 = 0
            while sigwait(&waitSet, &received) != 0 {}
            var left = Interruption.stopAndClean()
            for folder in removedOnStop.withLock({ $0 }) {
                do { try FileManager().removeItem(atPath: folder) } catch { left.append(folder) }
            }
            var message = "\nĐã dừng theo tín hiệu \(received); thư mục kết quả cũ được giữ nguyên.\n"
            for folder in left { message += "Chưa xoá được \(folder); lần dựng sau sẽ xoá.\n" }
            Terminal.error(message)
            _exit(128 + received)
        }
        waiter.start()
    }

    /// Folders of the command's own (the preview's temporary output) removed on a signal too.
    private static let removedOnStop = Locked<[String]>([])

    static func removeOnStop(_ folder: String) {
        removedOnStop.withLock { $0.append(folder) }
    }

    /// Called before the process exits on its own: if a signal is being handled, its thread
    /// is removing the staging folder and will end the process with the signal's code.
    static func waitIfStopping() {
        guard Interruption.isStopping else { return }
        while true { sleep(60) }
    }
}

/// A value shared between threads.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<T>(_ body: (inout Value) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}
