/// A parsed Mustache template: a tree of nodes, checked once when the theme is loaded.
struct Template: Sendable {
    /// What a transform like `empty(list)` computes from the value it names.
    enum Transform: String, Sendable, CaseIterable {
        case empty, count, one, first, last, index, even, odd
    }

    /// A `{{name}}` reference: a dotted path, optionally inside a transform like `empty(list)`.
    /// A class, split once when parsed: a node is copied on every visit, and one reference
    /// costs one retain where its strings and arrays cost one each.
    final class Name: Sendable, Equatable {
        let path: [String]
        let transform: Transform?
        let text: String
        /// The first name of the path, looked up from the innermost context outwards
        /// (nil for `.`), and the rest, each looked up inside the one before.
        let first: TemplateKey?
        let rest: [TemplateKey]

        init(path: [String], transform: Transform?, text: String) {
            self.path = path
            self.transform = transform
            self.text = text
            first = path.first.map { TemplateKey($0) }
            rest = path.dropFirst().map { TemplateKey($0) }
        }

        static func == (lhs: Name, rhs: Name) -> Bool {
            lhs.path == rhs.path && lhs.transform == rhs.transform && lhs.text == rhs.text
        }
    }

    /// Not `indirect`: children are arrays, already on the heap.
    enum Node: Sendable {
        /// Literal text, kept as the UTF-8 bytes it is copied out as.
        case text([UInt8])
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
