/// The ids of each item's body, for checking `#fragment` links that point at another page.
///
/// Pages are rendered concurrently and in no order, so a page cannot wait for its target's
/// rendering to learn the target's heading ids. They are worked out on demand from the
/// target's Markdown instead (parsed, not rendered), at most once per target, and only when
/// a link with a fragment names it: links without a fragment never come here.
final class AnchorIndex: Sendable {
    private let graph: SiteGraph
    /// Two pages needing different targets do not wait for each other; two needing the same
    /// one compute it once.
    private let computed = ComputedOnce<String, Set<String>?>()

    init(graph: SiteGraph) {
        self.graph = graph
    }

    /// The ids of the body of the item at `file` (`models/x.md`), made by `compute`; nil when
    /// the file is no item of the site or can no longer be read.
    func ids(of file: String, compute: (Body) -> Set<String>?) -> Set<String>? {
        guard let body = body(of: file) else { return nil }
        return computed.value(file) { compute(body) }
    }

    /// Content paths as the planner names pages: `<folder>/<id>.md`.
    private func body(of file: String) -> Body? {
        let parts = file.split(separator: "/")
        guard parts.count == 2, parts[1].hasSuffix(".md") else { return nil }
        let id = String(parts[1].dropLast(3))
        switch parts[0] {
        case "collectives": return graph.exemplars[id].flatMap { $0.kind == .collective ? $0.body : nil }
        case "individuals": return graph.exemplars[id].flatMap { $0.kind == .individual ? $0.body : nil }
        case "models": return graph.initiatives[id]?.body
        case "events": return graph.events[id]?.body
        case "pages": return graph.pages[id]?.body
        default: return nil
        }
    }
}
