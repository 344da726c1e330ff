import Yams

/// Parses YAML with Yams and turns its errors into diagnostics at the right file line.
enum YAMLDocument {
    /// `firstLine` is the file line the YAML text starts on (2 for front matter after `---`).
    static func parse(
        _ yaml: String, file: String, firstLine: Int, into diagnostics: inout [Diagnostic]
    ) -> FieldNode? {
        // Most front matter is plain enough to be read without Yams, into the same nodes.
        if let node = PlainYAML.parse(yaml) { return node }
        do {
            // The basic resolver leaves every scalar a string: values are typed by the readers,
            // which is both stricter and much faster than matching every scalar against regexes.
            return try Yams.compose(yaml: yaml, .basic, .default, .utf8).map(FieldNode.init)
        } catch let error as YamlError {
            diagnostics.append(diagnostic(for: error, file: file, firstLine: firstLine))
        } catch {
            diagnostics.append(Diagnostic(.error, "yaml-syntax", "YAML không đọc được: \(error)",
                                          file: file, line: firstLine))
        }
        return nil
    }

    private static func diagnostic(for error: YamlError, file: String, firstLine: Int) -> Diagnostic {
        func at(_ mark: Mark) -> (Int, Int) { (mark.line + firstLine - 1, mark.column) }
        let hint = "Kiểm tra dấu hai chấm sau tên khoá, thụt lề bằng dấu cách (không dùng tab) "
            + "và đặt giá trị có dấu `:` hoặc `#` trong ngoặc kép."
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _),
             let .composer(_, problem, mark, _):
            let (line, column) = at(mark)
            return Diagnostic(.error, "yaml-syntax", "Lỗi cú pháp YAML: \(problem).",
                              file: file, line: line, column: column, hint: hint)
        case let .duplicatedKeysInMapping(duplicates, context):
            let (line, column) = at(context.mark)
            let keys = duplicates.map { "`\($0)`" }.joined(separator: ", ")
            // Point at the repeated key, the one to delete, and say where the first one is.
            guard let key = duplicates.first,
                  let second = DuplicateKey.second(key, afterLine: context.mark.line, column: context.mark.column, in: context.text)
            else {
                return Diagnostic(.error, "duplicate-key", "Khoá \(keys) được khai báo hai lần.",
                                  file: file, line: line, column: column,
                                  hint: "Giữ một dòng cho mỗi khoá và xoá dòng thừa.")
            }
            let place = second.line == context.mark.line ? "cột \(column) cùng dòng" : "dòng \(line)"
            return Diagnostic(.error, "duplicate-key", "Khoá `\(key)` được khai báo hai lần; lần đầu ở \(place).",
                              file: file, line: second.line + firstLine - 1, column: second.column,
                              hint: "Giữ một dòng `\(key): …` và xoá dòng thừa.")
        case let .reader(problem, _, _, _):
            return Diagnostic(.error, "yaml-syntax", "Lỗi đọc YAML: \(problem).",
                              file: file, line: firstLine)
        default:
            return Diagnostic(.error, "yaml-syntax", "YAML không đọc được: \(error)",
                              file: file, line: firstLine)
        }
    }
}
