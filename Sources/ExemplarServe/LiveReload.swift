import ExemplarCore
import Foundation

/// The outcome of the latest build as the browser sees it, and the open event streams
/// that hear about the next one. Used from the rebuild thread and from request handlers.
final class LiveReload: @unchecked Sendable {
    /// What the event stream sends: JSON of this, one line.
    struct State: Encodable {
        /// Counts builds since the server started; the first one is 1.
        var build: Int
        /// True when the latest build failed and an older site is being shown.
        var failed: Bool
        var diagnostics: [Diagnostic]
    }

    private let present: @Sendable (Diagnostic) -> Diagnostic
    private let lock = NSRecursiveLock()
    private var state = State(build: 0, failed: false, diagnostics: [])
    private var listeners: [Int: AsyncStream<String>.Continuation] = [:]
    private var nextListener = 0

    init(present: @escaping @Sendable (Diagnostic) -> Diagnostic) {
        self.present = present
    }

    /// Records a finished build and tells every open page: they reload, or show the errors.
    func publish(_ report: BuildReport, failed: Bool) {
        lock.lock()
        defer { lock.unlock() }
        state = State(build: state.build + 1, failed: failed,
                      diagnostics: failed ? report.diagnostics.sortedByLocation().map(present) : [])
        let event = Self.event("build", state)
        for listener in listeners.values { listener.yield(event) }
    }

    /// A new page's stream: it starts with the current state, so a page opened while the
    /// content is broken shows the errors at once.
    func subscribe() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(16))
        lock.lock()
        defer { lock.unlock() }
        let id = nextListener
        nextListener += 1
        listeners[id] = continuation
        continuation.onTermination = { [weak self] _ in self?.remove(id) }
        continuation.yield("retry: 1000\n\n" + Self.event("state", state))
        return stream
    }

    /// A comment line: keeps idle connections open through proxies and finds closed ones.
    func ping() {
        lock.lock()
        defer { lock.unlock() }
        for listener in listeners.values { listener.yield(": ping\n\n") }
    }

    var listenerCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return listeners.count
    }

    private func remove(_ id: Int) {
        lock.lock()
        defer { lock.unlock() }
        listeners[id] = nil
    }

    private static func event(_ name: String, _ state: State) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // JSON without pretty printing has no raw line breaks, so it fits one `data:` line.
        let json = (try? encoder.encode(state)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return "event: \(name)\nid: \(state.build)\ndata: \(json)\n\n"
    }
}
