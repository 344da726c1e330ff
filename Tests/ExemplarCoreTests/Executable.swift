import Foundation
import Testing

/// Runs the built `exemplar` executable in a folder, as a user at a terminal would.
enum Executable {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], in folder: URL, environment extra: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = try #require(CommandLineTests.binary, "build the exemplar executable first")
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        // Messages in the default language unless a test asks for another.
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] { environment[name] = nil }
        environment.merge(extra) { $1 }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A fixture site with the repository's theme beside its content, as `exemplar build` expects.
    static func site(_ files: [String: String] = SiteFixture.basic) throws -> SiteFixture {
        let site = try SiteFixture(files)
        try FileManager.default.createSymbolicLink(at: site.root.appendingPathComponent("theme"),
                                                   withDestinationURL: SiteFixture.repository.appendingPathComponent("theme"))
        return site
    }
}
