#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Gets a staging folder's files on their way to the disk while pages are still being
/// rendered, without the build's own threads doing the writing: after every `batch` bytes
/// written, a thread of its own asks for the file system to be flushed (`syncfs`) and waits
/// while the kernel's writeback threads write. The flush before publishing then finds little
/// left to wait for. Sending each file on its way as it was written (`sync_file_range`) cost a
/// call per file and did the writeback's work (allocating blocks, queueing the writes) on
/// the build's threads.
/// Only a head start: a failed flush here changes nothing, since the flush before publishing
/// writes and checks everything.
final class EarlyFlush: Sendable {
    static let batch = 32 << 20

    private let state: State

    /// `folder`: any folder on the file system to flush.
    init(folder: String, batch: Int = EarlyFlush.batch) {
        state = State(folder: folder, batch: batch)
    }

    deinit { state.stop() }

    /// Notes `count` more bytes written; every `batch` bytes, asks for a flush.
    func wrote(_ count: Int) { state.wrote(count) }

    /// No more flushes: the one before publishing follows.
    func stop() { state.stop() }

    /// How many flushes have ended, and whether the flushing thread is still there.
    var progress: (flushes: Int, running: Bool) { state.progress }

    /// Shared with the flushing thread, which must not keep the `EarlyFlush` alive: when the
    /// output is dropped without being committed, its `deinit` still ends the thread.
    private final class State: @unchecked Sendable {
        private let folder: String
        private let batch: Int
        private let condition = NSCondition()
        private var written = 0
        private var requested = false
        private var stopped = false
        private var started = false
        private var running = false
        private var flushes = 0

        init(folder: String, batch: Int) {
            self.folder = folder
            self.batch = batch
        }

        var progress: (flushes: Int, running: Bool) { condition.withLock { (flushes, running) } }

        func wrote(_ count: Int) {
            condition.lock()
            defer { condition.unlock() }
            written += count
            guard written >= batch, !stopped else { return }
            written = 0
            requested = true
            if !started {
                started = true
                running = true
                Thread.detachNewThread { [self] in
                    run()
                    condition.withLock { running = false }
                }
            }
            condition.signal()
        }

        func stop() {
            condition.lock()
            stopped = true
            condition.signal()
            condition.unlock()
        }

        private func run() {
            let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard descriptor >= 0 else { return }
            defer { close(descriptor) }
            while true {
                condition.lock()
                while !requested, !stopped { condition.wait() }
                let done = stopped
                requested = false
                condition.unlock()
                if done { return }
                do {
                    // Without `syncfs` there is no head start: each file is flushed before publishing.
                    if try !LinuxCalls.syncFileSystem(holding: descriptor) { return }
                } catch {
                    // The flush before publishing reports what fails.
                    return
                }
                condition.withLock { flushes += 1 }
            }
        }
    }
}
