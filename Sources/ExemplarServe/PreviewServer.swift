import ExemplarCore
import Foundation
import Hummingbird
import Logging

/// `exemplar serve`: the site over HTTP, rebuilt when its sources change, with open pages
/// reloaded (or shown the errors) after each build.
public struct PreviewServer: Sendable {
    public struct Configuration: Sendable {
        public var host: String
        public var port: Int
        /// The folder the builds publish into.
        public var output: URL
        /// Where the site lives on this server, e.g. `/` or `/dien-hinh/`.
        public var basePath: String
        /// Folders whose changes trigger a rebuild (content and theme).
        public var watched: [URL]
        /// Scan the folders instead of using inotify.
        public var polling: Bool

        public init(host: String, port: Int, output: URL, basePath: String, watched: [URL], polling: Bool = false) {
            self.host = host
            self.port = port
            self.output = output
            self.basePath = basePath
            self.watched = watched
            self.polling = polling
        }
    }

    public let configuration: Configuration
    let rebuilder: any Rebuilding
    /// Whether a report counts as failed (errors; warnings too with `--strict`).
    let failed: @Sendable (BuildReport) -> Bool
    /// Called after each rebuild, on the rebuild thread, to print what it found.
    let report: @Sendable (_ report: BuildReport, _ changes: [String]) -> Void
    private let live: LiveReload

    /// `present` gives a diagnostic as the browser shows it (in the terminal's language).
    public init(configuration: Configuration, rebuilder: any Rebuilding,
                failed: @escaping @Sendable (BuildReport) -> Bool,
                present: @escaping @Sendable (Diagnostic) -> Diagnostic = { $0 },
                report: @escaping @Sendable (BuildReport, [String]) -> Void) {
        self.configuration = configuration
        self.rebuilder = rebuilder
        self.failed = failed
        self.report = report
        live = LiveReload(present: present)
    }

    /// Serves until the process ends. `first` is the build made before starting;
    /// `ready` is called once the server listens.
    public func run(first: BuildReport, ready: @escaping @Sendable () -> Void) async throws {
        live.publish(first, failed: failed(first))
        startRebuilding()
        startHeartbeat()
        let responder = SiteResponder(root: configuration.output.path, basePath: configuration.basePath, live: live)
        var logger = Logger(label: "exemplar-serve")
        logger.logLevel = .error
        let app = Application(
            responder: responder,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port),
                                 serverName: "exemplar", reuseAddress: true),
            onServerRunning: { _ in ready() },
            logger: logger
        )
        try await app.runService(gracefulShutdownSignals: [])
    }

    /// One rebuild at a time on its own thread; changes seen meanwhile make up the next one.
    private func startRebuilding() {
        let queue = ChangeQueue()
        Watchers.make(roots: configuration.watched, polling: configuration.polling).start { queue.add($0) }
        let thread = Thread { [rebuilder, failed, report, live] in
            while true {
                let changes = queue.takeAll()
                let result = rebuilder.rebuild(changes: changes)
                // Open pages reload first; the terminal is told after.
                live.publish(result, failed: failed(result))
                report(result, changes)
                // After a rebuild that rendered much of the site, not after a body edit's few pages.
                if result.pagesMade > 1000 { FreedMemory.release() }
            }
        }
        thread.name = "exemplar-rebuild"
        thread.start()
    }

    private func startHeartbeat() {
        let thread = Thread { [live] in
            while true {
                Thread.sleep(forTimeInterval: 15)
                live.ping()
            }
        }
        thread.name = "exemplar-ping"
        thread.start()
    }
}

/// Paths waiting for the next rebuild.
private final class ChangeQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var pending: Set<String> = []

    func add(_ paths: [String]) {
        condition.lock()
        pending.formUnion(paths)
        condition.signal()
        condition.unlock()
    }

    /// Waits for at least one change, then takes every change seen so far.
    func takeAll() -> [String] {
        condition.lock()
        defer { condition.unlock() }
        while pending.isEmpty { condition.wait() }
        defer { pending = [] }
        return pending.sorted()
    }
}
