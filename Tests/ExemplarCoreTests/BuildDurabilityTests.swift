@testable import ExemplarCore
import Foundation
import Testing

/// A build's site reaches the disk before it is swapped in, with a flush of the whole file
/// system rather than a call for every file written.
@Suite struct BuildDurabilityTests {
    /// The system calls of a real `exemplar build`, read with `strace`.
    @Test func siteIsFlushedBeforeTheSwapWithoutACallPerFile() throws {
        let site = try SiteFixture(SiteFixture.basic)
        defer { site.remove() }
        let log = site.root.appendingPathComponent("strace.log")
        let command = "exec /usr/bin/strace -f -qq -e trace=syncfs,fsync,fdatasync,sync_file_range,rename,renameat2 "
            + "-o '\(log.path)' \"$EXEMPLAR\" build --theme '\(SiteFixture.themePath)'"
        let build = try ExemplarProcess.run([], in: site.root, shell: command)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(site.published("index.html") != nil)

        let calls = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map(String.init)
        let files = try FileManager.default.subpathsOfDirectory(atPath: site.output.path).count
        let sent = calls.filter { $0.contains("sync_file_range(") }.count
        #expect(files > 100 && sent * 10 < files, "not a call for each of the \(files) files written: \(sent)")
        let swap = try #require(calls.firstIndex { $0.contains("rename") && $0.contains(".public.staging-") },
                                "the staging folder is renamed into place")
        #expect(calls[..<swap].contains { $0.contains("syncfs(") || $0.contains("fsync(") },
                "the site is flushed before it is swapped in: \(calls.prefix(8))")
    }

    /// The head start on the flush: a flush once a batch is written, and no thread left
    /// waiting once it is stopped.
    @Test func earlyFlushFlushesEachBatchAndEndsWhenStopped() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("early-flush-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let flush = EarlyFlush(folder: folder.path, batch: 100)
        flush.wrote(99)
        #expect(flush.progress == (0, false), "less than a batch asks for nothing")
        flush.wrote(1)
        #expect(wait { flush.progress.flushes >= 1 }, "a whole batch is flushed")
        flush.stop()
        #expect(wait { !flush.progress.running }, "the flushing thread ends")
        flush.wrote(1_000)
        #expect(flush.progress.running == false, "nothing starts again once stopped")
    }

    private func wait(_ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(30)
        while !condition() {
            if Date() > deadline { return false }
            usleep(10_000)
        }
        return true
    }
}
