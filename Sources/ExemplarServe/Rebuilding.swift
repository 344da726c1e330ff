import ExemplarCore

/// Brings the output folder up to date after files changed. The server depends only on
/// this, so the engine behind it can change without touching the server.
public protocol Rebuilding: Sendable {
    /// `changes` holds the paths of the files that changed since the last call (empty for
    /// the first build, which looks at everything).
    func rebuild(changes: [String]) -> BuildReport
}

/// Rebuilds through one `SiteSession` kept for the server's life: only what an edit affects
/// is read and rendered again, and the output equals a clean build's.
public struct SessionRebuild: Rebuilding {
    public let session: SiteSession
    /// Runs around each build (the command line shows its progress there).
    let around: @Sendable (() -> BuildReport) -> BuildReport

    public init(options: BuildOptions, around: @escaping @Sendable (() -> BuildReport) -> BuildReport = { $0() }) {
        session = SiteSession(options: options)
        self.around = around
    }

    public func rebuild(changes: [String]) -> BuildReport {
        around { [session] in
            session.build(changes: changes.isEmpty ? nil : changes.map { ChangedPath(path: $0) })
        }
    }
}
