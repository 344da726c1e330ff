import Yams

/// A YAML node as the readers use it: its kind, strings, scalar styles and places. Yams's
/// `Node` carries more (a tag object per node, styles of collections), and copying or
/// dropping one goes through calls into Yams; front matter of ten thousand files makes
/// millions of them. `PlainYAML` makes these directly; what Yams reads is turned into them.
enum FieldNode {
    case scalar(String, style: Node.Scalar.Style, mark: Mark?)
    case sequence([FieldNode], mark: Mark?)
    /// `text` is what Yams gives as the mapping's string: nil but for a key tagged `!!value`.
    case mapping([(key: FieldNode, value: FieldNode)], mark: Mark?, text: String?)
    /// A node of another kind (an alias), which no reader accepts.
    case other(mark: Mark?)

    /// Where a node starts, as Yams counts: line and column from 1, the column in characters.
    struct Mark: Equatable {
        let line: Int
        let column: Int
    }

    init(_ node: Node) {
        let mark = node.mark.map { Mark(line: $0.line, column: $0.column) }
        switch node {
        case .scalar(let scalar):
            self = .scalar(scalar.string, style: scalar.style, mark: mark)
        case .sequence(let sequence):
            self = .sequence(sequence.map(FieldNode.init), mark: mark)
        case .mapping(let mapping):
            self = .mapping(mapping.map { (FieldNode($0.key), FieldNode($0.value)) }, mark: mark, text: node.string)
        case .alias:
            self = .other(mark: mark)
        }
    }

    var mark: Mark? {
        switch self {
        case .scalar(_, _, let mark), .sequence(_, let mark), .mapping(_, let mark, _), .other(let mark): return mark
        }
    }

    /// The scalar's text, as Yams's `Node.string` gives it.
    var string: String? {
        switch self {
        case .scalar(let text, _, _): return text
        case .mapping(_, _, let text): return text
        case .sequence, .other: return nil
        }
    }

    /// Yams' `null != nil` without making an `NSNull`: a plain `~`, `null`, `Null`, `NULL` or nothing.
    var isNull: Bool {
        guard case let .scalar(text, style, _) = self, style == .plain else { return false }
        switch text {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }
}
