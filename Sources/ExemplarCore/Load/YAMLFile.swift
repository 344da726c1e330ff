import Foundation
import Yams

/// A whole-YAML content file (`site.yml`, `units.yml` …), parsed into a node tree.
enum YAMLFile {
    /// What reading a YAML file gave. `failed` tells an unreadable or unparsable file (its
    /// error is already in the bag) from an empty one: the callers must not add "missing key"
    /// or "unknown id" messages for a file whose one real problem was already reported.
    struct Opened {
        var node: FieldNode?
        var failed: Bool
    }

    static func open(_ url: URL, path: String, bag: DiagnosticBag) -> FieldNode? {
        read(url, path: path, bag: bag).node
    }

    static func read(_ url: URL, path: String, bag: DiagnosticBag) -> Opened {
        let source = SourceLocation(file: path, line: 1, column: 1)
        let text: String
        do {
            text = try SourceText.read(url)
        } catch {
            bag.add(ItemFile.readFailure(error, at: source))
            return Opened(node: nil, failed: true)
        }
        var diagnostics: [Diagnostic] = []
        let node = YAMLDocument.parse(text, file: path, firstLine: 1, into: &diagnostics)
        bag.add(contentsOf: diagnostics)
        return Opened(node: node, failed: diagnostics.hasErrors)
    }

    /// The top-level list of a catalogue file, each entry as fields. `what` names an entry.
    /// Nil when the file is something else than a list (reported): none of its ids is known.
    static func entries(_ node: FieldNode?, path: String, bag: DiagnosticBag, what: String) -> [YAMLFields]? {
        guard let node, !node.isNull else { return [] }
        guard case let .sequence(sequence, _) = node else {
            let line = node.mark?.line ?? 1
            bag.add(Diagnostic(.error, "wrong-type", "Tệp phải là một danh sách, mỗi mục bắt đầu bằng `- `.",
                               file: path, line: line, column: 1,
                               hint: "Ví dụ: `- { id: ..., name: ... }`."))
            return nil
        }
        return sequence.compactMap { YAMLFields($0, file: path, firstLine: 1, bag: bag, what: what) }
    }
}
