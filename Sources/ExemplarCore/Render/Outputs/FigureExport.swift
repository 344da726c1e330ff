/// The figures of a page as data: CSV (UTF-8 with a byte-order mark, so Excel reads the
/// Vietnamese right; one line per number) and JSON (each number with the items it counts).
struct FigureExport {
    let views: Views

    func render(year: Int?, format: String) -> PageText? {
        let figures = views.figures(year: year)
        switch format {
        case "csv": return .string(csv(figures, year: year))
        case "json": return .page(json(figures, year: year))
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
    private func json(_ figures: [Figure], year: Int?) -> PageBuffer {
        let graph = views.graph
        // The items' addresses come from tables `figures(year:)` noted whole.
        let plain = views.untracked
        var out = JSONBytes(capacity: 1 << 16)
        out.raw("{\"figures\":[")
        for (index, figure) in figures.enumerated() {
            if index > 0 { out.raw(",") }
            // The figure's keys in sorted order: columns, id, name, rows.
            out.raw("{\"columns\":")
            JSONValue(figure.columns).write(to: &out)
            out.raw(",\"id\":")
            out.string(figure.id.rawValue)
            out.raw(",\"name\":")
            out.string(views.text("figure_\(figure.id.rawValue)"))
            out.raw(",\"rows\":[")
            for (rowIndex, row) in figure.rows.enumerated() {
                if rowIndex > 0 { out.raw(",") }
                // The row's keys in sorted order: counts, items, key, name; a column named
                // twice counts once, with its last cells, as in an object.
                var cells: [String: [FigureItem]] = [:]
                for (column, cell) in zip(figure.columns, row.cells) { cells[column] = cell }
                let columns = cells.sorted { $0.key < $1.key }
                out.raw("{\"counts\":")
                out.openObject()
                for (column, cell) in columns {
                    out.key(column)
                    out.int(cell.count)
                }
                out.closeObject()
                out.raw(",\"items\":")
                out.openObject()
                for (column, cell) in columns {
                    out.key(column)
                    out.raw("[")
                    for (itemIndex, item) in cell.enumerated() {
                        if itemIndex > 0 { out.raw(",") }
                        write(item, links: plain, into: &out)
                    }
                    out.raw("]")
                }
                out.closeObject()
                out.raw(",\"key\":")
                out.string(row.key)
                out.raw(",\"name\":")
                out.string(row.label)
                out.raw("}")
            }
            out.raw("]}")
        }
        out.raw("]")
        if year == nil, let phase = graph.site.phase?.name {
            out.raw(",\"phase\":")
            out.string(phase)
        }
        if let year {
            out.raw(",\"year\":")
            out.int(year)
        }
        out.raw("}\n")
        return out.finished()
    }

    /// `{"id":…,"kind":…,"note":…,"url":…}`, keys sorted, without a note when there is none.
    private func write(_ item: FigureItem, links: Views, into out: inout JSONBytes) {
        let route: Route = item.kind == .exemplar ? .exemplar(item.id) : .initiative(item.id)
        out.openObject()
        out.member("id", item.id)
        out.member("kind", item.kind.rawValue)
        out.member("note", item.note)
        out.key("url")
        out.string(links.origin, links.url(route) ?? "")
        out.closeObject()
    }
}
