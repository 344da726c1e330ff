import Foundation

/// What a stopped build (SIGTERM, Ctrl-C) must undo: its staging folders. File operations on
/// them run inside `guarded`; `stopAndClean` waits for those in flight, refuses new ones and
/// removes the folders, so nothing recreates a folder after it was removed.
public enum Interruption {
    private static let condition = NSCondition()
    nonisolated(unsafe) private static var stopped = false
    nonisolated(unsafe) private static var inFlight = 0
    nonisolated(unsafe) private static var folders: Set<String> = []

    /// Runs one file operation, unless the process is stopping.
    static func guarded<T>(_ body: () throws(OutputFolder.Failure) -> T) throws(OutputFolder.Failure) -> T {
        condition.lock()
        if stopped {
            condition.unlock()
            throw OutputFolder.Failure("Lệnh dựng bị dừng", nil)
        }
        inFlight += 1
        condition.unlock()
        defer {
            condition.lock()
            inFlight -= 1
            condition.broadcast()
            condition.unlock()
        }
        return try body()
    }

    /// A folder to remove if the process is stopped.
    static func register(_ folder: String) {
        condition.lock()
        folders.insert(folder)
        condition.unlock()
    }

    static func unregister(_ folder: String) {
        condition.lock()
        folders.remove(folder)
        condition.unlock()
    }

    /// Called once, from the thread that received the signal: afterwards the process exits.
    /// Returns the folders it could not remove (the next build removes them).
    public static func stopAndClean() -> [String] {
        condition.lock()
        stopped = true
        while inFlight > 0 { condition.wait() }
        let pending = folders
        condition.unlock()
        var left: [String] = []
        for folder in pending.sorted() {
            do { try FileIO.removeTree(folder) } catch { left.append(folder) }
        }
        return left
    }
}

/// Test hook: `EXEMPLAR_TEST_PAUSE=before-swap` (or `write`, `after-swap`) makes a build
/// announce `exemplar-test-pause: NAME` on stderr and sleep there for
/// `EXEMPLAR_TEST_PAUSE_SECONDS` (default 30), so a test can signal or kill it at that exact
/// point of publishing. Unset, it costs one environment lookup per build.
enum TestPause {
    private static let point = ProcessInfo.processInfo.environment["EXEMPLAR_TEST_PAUSE"]
    private static let seconds = ProcessInfo.processInfo.environment["EXEMPLAR_TEST_PAUSE_SECONDS"].flatMap(UInt32.init) ?? 30

    static func at(_ name: String) {
        guard point == name else { return }
        let line = Array("exemplar-test-pause: \(name)\n".utf8)
        _ = line.withUnsafeBytes { systemWrite(2, $0.baseAddress!, $0.count) }
        sleep(seconds)
    }
}
