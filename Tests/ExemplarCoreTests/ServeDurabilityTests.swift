import Foundation
import Testing

/// A preview's temporary folder is not flushed to the disk on every save, nor are its files
/// sent on their way to the disk as they are written: it is deleted when the server stops,
/// and a flush of the whole file system waits for everything else pending on it. A folder
/// named with `--output` is kept, so its files still reach the disk first.
/// The system calls of a rebuild are read with `strace` attached to the running server.
@Suite(.serialized) struct ServeDurabilityTests {
    @Test(arguments: [false, true]) func rebuildsFlushOnlyAKeptFolder(keepsOutput: Bool) throws {
        let serve = try ServeFixture(keepsOutput: keepsOutput)
        defer { serve.stop() }
        let events = try EventListener(port: serve.port)
        defer { events.close() }
        _ = events.wait(for: "state", after: 0)
        let builds = events.settle(quiet: 1)

        let log = serve.root.appendingPathComponent("strace.log")
        let trace = Process()
        trace.executableURL = URL(fileURLWithPath: "/usr/bin/strace")
        trace.arguments = ["-f", "-qq", "-e", "trace=syncfs,fsync,fdatasync,sync,sync_file_range", "-o", log.path,
                           "-p", String(serve.process.processIdentifier)]
        trace.standardError = FileHandle.nullDevice
        try trace.run()
        // strace writes its log from the first traced call; give it time to attach first.
        Thread.sleep(forTimeInterval: 1)

        let original = try serve.read(ServeTests.profile)
        try serve.write(ServeTests.profile, original + "\nLần lưu thử đĩa.\n")
        #expect(events.wait(for: "build", after: builds) != nil)
        #expect(try serve.get(ServeTests.profileURL).text.contains("Lần lưu thử đĩa."))
        // strace blocks SIGINT while it waits for the traced threads; it writes each call as
        // it sees it, and the kernel lets the server go on when its tracer is killed.
        Thread.sleep(forTimeInterval: 0.5)
        kill(trace.processIdentifier, SIGKILL)
        trace.waitUntilExit()

        let calls = (try String(contentsOf: log, encoding: .utf8)).split(separator: "\n")
            .filter { $0.contains("sync(") || $0.contains("sync_file_range(") }
        if keepsOutput {
            #expect(!calls.isEmpty, "a kept output folder is flushed before its files are published")
        } else {
            #expect(calls.isEmpty, "the temporary folder is not flushed: \(calls.prefix(3))")
        }
    }
}
