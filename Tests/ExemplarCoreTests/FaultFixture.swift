import Foundation
import Testing

/// The `exemplar` executable in its own process, for faults only a process meets: signals,
/// a second build holding the lock, a full disk, closed or full output streams.
struct ExemplarProcess {
    let process: Process
    private let errors: FileHandle
    private let input: FileHandle
    private(set) var stderr = ""

    struct Finished {
        var status: Int32
        var stderr: String
    }

    /// Starts `exemplar ARGUMENTS` in `folder`. With `shell`, runs `/bin/sh -c SHELL` instead,
    /// where `$EXEMPLAR` is the executable (for redirections such as `2>&-`). With
    /// `unprivileged`, a root test runs it as `nobody`, so that permissions apply.
    init(_ arguments: [String], in folder: URL, environment: [String: String] = [:],
         shell: String? = nil, unprivileged: Bool = false) throws {
        let binary = try #require(CommandLineTests.binary, "build the exemplar executable first")
        var command = shell.map { ["/bin/sh", "-c", $0] } ?? [binary.path] + arguments
        if unprivileged, getuid() == 0 {
            command = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] + command
        }
        process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        process.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        // Messages in the default language (Vietnamese), whatever the machine's locale.
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] { env[name] = nil }
        env["EXEMPLAR"] = binary.path
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = FileHandle.nullDevice
        let stdin = Pipe()
        process.standardInput = stdin
        input = stdin.fileHandleForWriting
        errors = pipe.fileHandleForReading
        try process.run()
    }

    /// Reads stderr until the build announces it paused at `point` (EXEMPLAR_TEST_PAUSE).
    /// False when the process ended first.
    mutating func waitForPause(_ point: String) -> Bool {
        waitFor("exemplar-test-pause: \(point)")
    }

    /// Reads stderr until it holds `text`; false when the process ended first.
    mutating func waitFor(_ text: String) -> Bool {
        while !stderr.contains(text) {
            let data = errors.availableData
            if data.isEmpty { return false }
            stderr += String(decoding: data, as: UTF8.self)
        }
        return true
    }

    func send(_ signal: Int32) { kill(process.processIdentifier, signal) }

    /// Lets a paused build go on.
    func resume() { try? input.write(contentsOf: Data("\n".utf8)) }

    /// Waits for the end; a build still paused after 60 s is let go, so a test cannot hang.
    mutating func finish() -> Finished {
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        try? input.close()
        stderr += String(decoding: errors.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return Finished(status: process.terminationStatus, stderr: stderr)
    }

    /// Runs to the end.
    static func run(_ arguments: [String], in folder: URL, environment: [String: String] = [:],
                    shell: String? = nil, unprivileged: Bool = false) throws -> Finished {
        var running = try ExemplarProcess(arguments, in: folder, environment: environment, shell: shell,
                                          unprivileged: unprivileged)
        return running.finish()
    }
}

extension SiteFixture {
    static var themePath: String { repository.appendingPathComponent("theme").path }

    /// `build` with the repository's theme, as a user types it.
    static func buildArguments(_ extra: [String] = []) -> [String] {
        ["build", "--theme", themePath] + extra
    }

    /// Names beside the output that a build leaves only when it was stopped: staging and old
    /// copies, and a server's spare site and spare files.
    func leftovers() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.path)
            .filter { $0.hasPrefix(".public.staging-") || $0.hasPrefix(".public.old-") || $0.hasPrefix(".public.spare-") || $0.hasPrefix(".public.spares-") }
    }

    /// A file of the published site, as bytes.
    func published(_ path: String) -> Data? {
        FileManager.default.contents(atPath: output.appendingPathComponent(path).path)
    }
}

/// A tmpfs of `size` (e.g. "2m") mounted at `folder`, for a disk that fills up; nil where
/// mounting is not allowed (not root, or a container without the capability).
struct SmallDisk {
    let folder: URL

    init?(at folder: URL, size: String, inodes: Int? = nil) {
        self.folder = folder
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            return nil
        }
        var options = "size=\(size)"
        if let inodes { options += ",nr_inodes=\(inodes)" }
        guard getuid() == 0, Self.mount(["-t", "tmpfs", "-o", options, "tmpfs", folder.path]) else { return nil }
    }

    func unmount() { _ = Self.mount(["-l", folder.path], command: "/bin/umount") }

    private static func mount(_ arguments: [String], command: String = "/bin/mount") -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
