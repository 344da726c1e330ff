/// Where the second of two equal keys is. Yams reports the first one, but the line an
/// author has to delete is the repeated one, usually written later in a long file.
enum DuplicateKey {
    /// `line` and `column` are 1-based, as Yams gives the first key. Returns the position of
    /// the next `key:` in the same mapping (same line in flow style, same indentation in
    /// block style), or nil when it cannot be told apart from the text.
    static func second(_ key: String, afterLine line: Int, column: Int, in yaml: String) -> (line: Int, column: Int)? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        let key = Array(key.unicodeScalars)
        guard !key.isEmpty, line >= 1, line <= lines.count, column >= 1 else { return nil }

        // Flow style: `{ date: 2018-03-01, date: 2018-03-02 }` on the first key's line.
        let first = lines[line - 1]
        var index = column - 1 + key.count
        while index < first.count {
            if isKey(key, in: first, at: index), let before = lastNonSpace(first, before: index), before == "{" || before == "," {
                return (line, index + 1)
            }
            index += 1
        }
        // Block style: the same key at the same indentation, until the mapping ends.
        for number in line..<lines.count {
            let text = lines[number]
            guard let start = text.firstIndex(where: { $0 != " " }), text[start] != "#" else { continue }
            // Less indented, or the next `- ` item of a list: the mapping has ended.
            if start < column - 1 { return nil }
            if start == column - 1, isKey(key, in: text, at: start) { return (number + 1, column) }
        }
        return nil
    }

    private static func isKey(_ key: [Unicode.Scalar], in text: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + key.count <= text.count, Array(text[index..<(index + key.count)]) == key else { return false }
        var after = index + key.count
        while after < text.count, text[after] == " " { after += 1 }
        return after < text.count && text[after] == ":"
    }

    private static func lastNonSpace(_ text: [Unicode.Scalar], before index: Int) -> Unicode.Scalar? {
        text[..<index].last { $0 != " " }
    }
}
