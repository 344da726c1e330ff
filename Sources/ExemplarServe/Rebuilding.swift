import ExemplarCore

/// Brings the output folder up to date after files changed. The server depends only on
/// this, so the engine behind it can change without touching the server.
public protocol Rebuilding: Sendable {
    /// `changes` holds the real paths of the files that changed since the last call
    /// (empty for the first build).
    func rebuild(changes: [String]) -> BuildReport
}

/// Every rebuild is a complete build into the output folder.
public struct FullRebuild: Rebuilding {
    public let options: BuildOptions
    /// Runs one build (the command line's shows its progress).
    let build: @Sendable (BuildOptions) -> BuildReport

    public init(options: BuildOptions, build: @escaping @Sendable (BuildOptions) -> BuildReport = Builder.build) {
        self.options = options
        self.build = build
    }

    public func rebuild(changes: [String]) -> BuildReport {
        build(options)
    }
}
