/// GitHub-style pipe tables. CommonMark has none, yet editors write them for figures
/// ("| Năm | Thành tích |"); read as CommonMark they would show as raw text.
struct PipeTable: Equatable {
    var header: [String]
    /// `left`, `center`, `right`, or nil, per column, from the delimiter row (`:--`, `:-:`, `--:`).
    var alignments: [String?]
    var rows: [[String]]

    /// The table written in `lines`: a header row, a delimiter row, then body rows.
    /// Nil when the lines are not one, so that the text is left as it was written.
    init?(_ lines: [String]) {
        guard lines.count >= 2 else { return nil }
        let header = Self.cells(lines[0])
        let delimiters = Self.cells(lines[1])
        guard !header.isEmpty, delimiters.count == header.count else { return nil }
        var alignments: [String?] = []
        for cell in delimiters {
            let dashes = cell.trimming(":")
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
            switch (cell.hasPrefix(":"), cell.hasSuffix(":")) {
            case (true, true): alignments.append("center")
            case (false, true): alignments.append("right")
            case (true, false): alignments.append("left")
            case (false, false): alignments.append(nil)
            }
        }
        self.header = header
        self.alignments = alignments
        // Body rows are cut or padded to the header's width, as GitHub does.
        rows = lines.dropFirst(2).map { line in
            let cells = Self.cells(line)
            return (0..<header.count).map { $0 < cells.count ? cells[$0] : "" }
        }
    }

    /// The cells of one row: split on `|` not escaped as `\|`, outer pipes optional.
    static func cells(_ line: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in line.trimming(" \t") {
            if escaped {
                current.append(character == "|" ? "|" : "\\\(character)")
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                cells.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        if escaped { current.append("\\") }
        cells.append(current)
        let trimmed = line.trimming(" \t")
        if trimmed.hasPrefix("|") { cells.removeFirst() }
        if trimmed.hasSuffix("|"), !trimmed.hasSuffix("\\|"), !cells.isEmpty { cells.removeLast() }
        return cells.map { $0.trimming(" \t") }
    }
}

private extension String {
    func trimming(_ set: String) -> String {
        var text = Substring(self)
        while let first = text.first, set.contains(first) { text = text.dropFirst() }
        while let last = text.last, set.contains(last) { text = text.dropLast() }
        return String(text)
    }
}
