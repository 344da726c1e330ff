/// Collects the diagnostics of one file while it is read; never shared between threads.
final class DiagnosticBag {
    private(set) var items: [Diagnostic] = []

    func add(_ diagnostic: Diagnostic) { items.append(diagnostic) }
    func add(contentsOf diagnostics: [Diagnostic]) { items.append(contentsOf: diagnostics) }
}
