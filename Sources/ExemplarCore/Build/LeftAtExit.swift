import Foundation

/// What a process that exits right after its build leaves to the system. The site graph, its
/// cards and the session's state are millions of small objects: freeing them one by one took
/// a tenth of a second at 10,000 profiles, after the site was already published, while the
/// system takes a process's memory back at once when it exits.
public enum LeftAtExit {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var kept: [Any] = []

    /// Keeps `value` alive until the process exits. Only for one-shot commands: a server or a
    /// test that builds many times would hold every build.
    public static func keep(_ value: Any) {
        lock.lock()
        kept.append(value)
        lock.unlock()
    }
}

extension Builder {
    /// A build by a command that exits when it is done (`exemplar build`, `exemplar check`):
    /// the session and what the report holds are left for the process's end.
    public static func buildOnce(_ options: BuildOptions) -> BuildReport {
        var options = options
        options.exitsAfterBuild = true
        let session = SiteSession(options: options, keepsPages: false)
        let report = session.build()
        LeftAtExit.keep(session)
        LeftAtExit.keep(report)
        return report
    }
}
