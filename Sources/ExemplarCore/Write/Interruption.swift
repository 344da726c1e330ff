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

    /// Whether a signal is stopping the process: its thread removes the staging folders
    /// and exits, so no other thread may end the process meanwhile.
    public static var isStopping: Bool {
        condition.lock()
        defer { condition.unlock() }
        return stopped
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
            do { try FileIO.removeTree(folder, last: OutputFolder.marker) } catch { left.append(folder) }
        }
        return left
    }
}

/// Test hook: `EXEMPLAR_TEST_PAUSE=NAME` makes a build announce `exemplar-test-pause: NAME`
/// on stderr at that point of publishing and wait there until a line (or the end) arrives on
/// stdin, so that a test can signal, kill or disturb it at an exact point. The points are
/// `staging` (staging folder created, nothing written), `before-swap` (everything written and
/// flushed) and `after-swap` (new site in place, previous one not yet removed); for a rebuild
/// published in place, `before-rename` (changed files staged and flushed) and `after-rename`
/// (renamed into place, not yet flushed).
/// Unset, it costs one environment lookup per process.
enum TestPause {
    private static let point = ProcessInfo.processInfo.environment["EXEMPLAR_TEST_PAUSE"]

    static func at(_ name: String) {
        guard point == name else { return }
        let line = Array("exemplar-test-pause: \(name)\n".utf8)
        _ = line.withUnsafeBytes { systemWrite(2, $0.baseAddress!, $0.count) }
        var byte: UInt8 = 0
        while read(0, &byte, 1) == 1, byte != 0x0A {}
    }
}
