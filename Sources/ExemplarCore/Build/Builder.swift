import Foundation

/// Runs the pipeline: load → validate → link → plan → render → write.
/// Every stage adds diagnostics; the site is published only when none is an error.
public enum Builder {
    /// A clean build: the first build of a session that is not kept (`SiteSession`).
    public static func build(_ options: BuildOptions) -> BuildReport {
        SiteSession(options: options, keepsPages: false).build()
    }
}

/// Measures consecutive stages.
struct StageClock {
    private var last = DispatchTime.now().uptimeNanoseconds

    mutating func lap() -> Double {
        let now = DispatchTime.now().uptimeNanoseconds
        defer { last = now }
        return Double(now - last) / 1e9
    }
}
