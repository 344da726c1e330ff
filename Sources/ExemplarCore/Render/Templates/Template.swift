/// A parsed Mustache template: a tree of nodes, checked once when the theme is loaded.
struct Template: Sendable {
    /// A `{{name}}` reference: a dotted path, optionally inside a transform like `empty(list)`.
    struct Name: Sendable, Equatable {
        var path: [String]
        var transform: String?
        var text: String
    }

    /// Not `indirect`: children are arrays, already on the heap.
    enum Node: Sendable {
        case text(String)
        case variable(Name, escaped: Bool)
        case section(Name, inverted: Bool, [Node])
        /// `{{>name}}`; `indent` is the whitespace before it when it stands alone on its line,
        /// which every line of the partial receives.
        case partial(String, indent: String, line: Int)
        /// `{{<parent}}…{{/parent}}`: render `parent` with these blocks replaced.
        case parent(String, blocks: [String: [Node]], line: Int)
        /// `{{$block}}default{{/block}}`: replaced by a child template's block of that name.
        case block(String, [Node])
    }

    let name: String
    let nodes: [Node]

    /// Names of the partials and parents this template uses, with their lines, for checking.
    var references: [(String, Int)] {
        var found: [(String, Int)] = []
        func walk(_ nodes: [Node]) {
            for node in nodes {
                switch node {
                case .partial(let name, _, let line): found.append((name, line))
                case .parent(let name, let blocks, let line):
                    found.append((name, line))
                    blocks.values.forEach(walk)
                case .section(_, _, let children), .block(_, let children): walk(children)
                case .text, .variable: break
                }
            }
        }
        walk(nodes)
        return found
    }
}
