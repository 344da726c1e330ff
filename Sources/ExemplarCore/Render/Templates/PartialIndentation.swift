/// Standalone partials indented in their template (`  {{>card}}`) give that indentation to
/// every line of the partial. Worked out once, when the renderer is made: rendering then
/// only looks the indented copy up.
enum PartialIndentation {
    /// Key of an indented copy: indentation and name cannot hold `\n`, so they cannot collide.
    static func key(_ name: String, _ indent: String) -> String { indent + "\n" + name }

    /// Indented copies of every partial some template (or indented copy) uses indented.
    static func copies(of templates: [String: Template]) -> [String: [Template.Node]] {
        var copies: [String: [Template.Node]] = [:]
        var pending = templates.values.flatMap { indentedPartials(in: $0.nodes) }
        while let (name, indent) = pending.popLast() {
            let key = key(name, indent)
            // A partial that includes itself standalone would indent without end: stop deep.
            guard copies[key] == nil, indent.count <= 1_000, let template = templates[name] else { continue }
            var atLineStart = true
            let nodes = indented(template.nodes, by: indent, atLineStart: &atLineStart)
            copies[key] = nodes
            pending += indentedPartials(in: nodes)
        }
        return copies
    }

    private static func indentedPartials(in nodes: [Template.Node]) -> [(String, String)] {
        nodes.flatMap { node -> [(String, String)] in
            switch node {
            case .partial(let name, let indent, _): return indent.isEmpty ? [] : [(name, indent)]
            case .section(_, _, let children), .block(_, let children): return indentedPartials(in: children)
            case .parent(_, let blocks, _): return blocks.values.flatMap(indentedPartials)
            case .text, .variable: return []
            }
        }
    }

    /// The indentation goes before whatever starts a line, so a last line break adds none.
    private static func indented(_ nodes: [Template.Node], by indent: String, atLineStart: inout Bool) -> [Template.Node] {
        var out: [Template.Node] = []
        for node in nodes {
            switch node {
            case .text(let text):
                var indentedText = ""
                for character in text {
                    if atLineStart { indentedText += indent }
                    indentedText.append(character)
                    atLineStart = character == "\n" || character == "\r\n"
                }
                out.append(.text(indentedText))
            case .variable:
                if atLineStart { out.append(.text(indent)) }
                atLineStart = false
                out.append(node)
            case .section(let name, let inverted, let children):
                out.append(.section(name, inverted: inverted, indented(children, by: indent, atLineStart: &atLineStart)))
            case .block(let name, let children):
                out.append(.block(name, indented(children, by: indent, atLineStart: &atLineStart)))
            case .partial(let name, let own, let line):
                // Standalone: on its own line, so it takes both indentations.
                out.append(own.isEmpty ? node : .partial(name, indent: indent + own, line: line))
            case .parent(let name, let blocks, let line):
                out.append(.parent(name, blocks: blocks.mapValues { children in
                    var start = atLineStart
                    return indented(children, by: indent, atLineStart: &start)
                }, line: line))
            }
        }
        return out
    }
}
