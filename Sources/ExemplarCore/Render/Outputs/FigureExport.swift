/// The figures of a page as data: CSV (UTF-8 with a byte-order mark, so Excel reads the
/// Vietnamese right; one line per number) and JSON (each number with the items it counts).
struct FigureExport {
    let views: Views

    func render(year: Int?, format: String) -> String? {
        let figures = views.figures(year: year)
        switch format {
        case "csv": return csv(figures, year: year)
        case "json": return json(figures, year: year)
        default: return nil
        }
    }

    private func csv(_ figures: [Figure], year: Int?) -> String {
        var out = "\u{FEFF}scope,figure,figure_name,row,row_name,column,column_name,count\r\n"
        let scope = year.map(String.init) ?? "phase"
        for figure in figures {
            // What every line of the figure repeats, quoted once.
            let head = [scope, figure.id.rawValue, views.text("figure_\(figure.id.rawValue)")].map(Self.field).joined(separator: ",")
            let columns = figure.columns.map { Self.field($0) + "," + Self.field(views.text("figure_col_\($0)")) }
            for row in figure.rows {
                let rowFields = Self.field(row.key) + "," + Self.field(row.label)
                for (column, items) in zip(columns, row.cells) {
                    out += head + "," + rowFields + "," + column + "," + String(items.count) + "\r\n"
                }
            }
        }
        return out
    }

    /// Quoted when it holds a comma, a quote or a line break (RFC 4180): CR, LF or both.
    static func field(_ text: String) -> String {
        // Bytes, not characters: as characters "\r\n" is one, unequal to a lone "\n" or "\r".
        guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Written row by row (each lists the items it counts, so a tree of them all would cost
    /// several times the text); keys in sorted order, as `JSONValue` writes objects.
    private func json(_ figures: [Figure], year: Int?) -> String {
        let graph = views.graph
        // The items' addresses come from tables `figures(year:)` noted whole.
        let plain = views.untracked
        var out = "{\"figures\":["
        for (index, figure) in figures.enumerated() {
            if index > 0 { out += "," }
            // The figure's keys in sorted order: columns, id, name, rows.
            out += "{\"columns\":"
            JSONValue(figure.columns).write(to: &out)
            out += ",\"id\":"
            JSONValue.string(figure.id.rawValue).write(to: &out)
            out += ",\"name\":"
            JSONValue.string(views.text("figure_\(figure.id.rawValue)")).write(to: &out)
            out += ",\"rows\":["
            for (rowIndex, row) in figure.rows.enumerated() {
                if rowIndex > 0 { out += "," }
                // The row's keys in sorted order: counts, items, key, name; a column named
                // twice counts once, with its last cells, as in an object.
                var cells: [String: [FigureItem]] = [:]
                for (column, cell) in zip(figure.columns, row.cells) { cells[column] = cell }
                let columns = cells.sorted { $0.key < $1.key }
                out += "{\"counts\":{"
                for (columnIndex, (column, cell)) in columns.enumerated() {
                    if columnIndex > 0 { out += "," }
                    JSONValue.quote(column, into: &out)
                    out += ":\(cell.count)"
                }
                out += "},\"items\":{"
                for (columnIndex, (column, cell)) in columns.enumerated() {
                    if columnIndex > 0 { out += "," }
                    JSONValue.quote(column, into: &out)
                    out += ":["
                    for (itemIndex, item) in cell.enumerated() {
                        if itemIndex > 0 { out += "," }
                        write(item, links: plain, into: &out)
                    }
                    out += "]"
                }
                out += "},\"key\":"
                JSONValue.quote(row.key, into: &out)
                out += ",\"name\":"
                JSONValue.quote(row.label, into: &out)
                out += "}"
            }
            out += "]}"
        }
        out += "]"
        if year == nil, let phase = graph.site.phase?.name {
            out += ",\"phase\":"
            JSONValue.string(phase).write(to: &out)
        }
        if let year { out += ",\"year\":\(year)" }
        out += "}\n"
        return out
    }

    /// `{"id":…,"kind":…,"note":…,"url":…}`, keys sorted, without a note when there is none.
    private func write(_ item: FigureItem, links: Views, into out: inout String) {
        let route: Route = item.kind == .exemplar ? .exemplar(item.id) : .initiative(item.id)
        out += "{\"id\":"
        JSONValue.quote(item.id, into: &out)
        out += ",\"kind\":"
        JSONValue.quote(item.kind.rawValue, into: &out)
        if let note = item.note {
            out += ",\"note\":"
            JSONValue.quote(note, into: &out)
        }
        out += ",\"url\":"
        JSONValue.quote(links.absolute(links.url(route) ?? ""), into: &out)
        out += "}"
    }
}
