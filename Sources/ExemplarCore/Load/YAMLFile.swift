import Foundation
import Yams

/// A whole-YAML content file (`site.yml`, `units.yml` …), parsed into a node tree.
enum YAMLFile {
    static func open(_ url: URL, path: String, bag: DiagnosticBag) -> Node? {
        let source = SourceLocation(file: path, line: 1, column: 1)
        let text: String
        do {
            text = try SourceText.read(url)
        } catch {
            bag.add(ItemFile.readFailure(error, at: source))
            return nil
        }
        var diagnostics: [Diagnostic] = []
        let node = YAMLDocument.parse(text, file: path, firstLine: 1, into: &diagnostics)
        bag.add(contentsOf: diagnostics)
        return node
    }

    /// The top-level list of a catalogue file, each entry as fields. `what` names an entry.
    static func entries(_ node: Node?, path: String, bag: DiagnosticBag, what: String) -> [YAMLFields] {
        guard let node, node.null == nil else { return [] }
        guard case let .sequence(sequence) = node else {
            let line = node.mark?.line ?? 1
            bag.add(Diagnostic(.error, "wrong-type", "Tệp phải là một danh sách, mỗi mục bắt đầu bằng `- `.",
                               file: path, line: line, column: 1,
                               hint: "Ví dụ: `- { id: ..., name: ... }`."))
            return []
        }
        return sequence.compactMap { YAMLFields($0, file: path, firstLine: 1, bag: bag, what: what) }
    }
}
