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
            for row in figure.rows {
                for (column, items) in zip(figure.columns, row.cells) {
                    let fields = [scope, figure.id.rawValue, views.text("figure_\(figure.id.rawValue)"), row.key, row.label,
                                  column, views.text("figure_col_\(column)"), String(items.count)]
                    out += fields.map(Self.field).joined(separator: ",") + "\r\n"
                }
            }
        }
        return out
    }

    /// Quoted when it holds a comma, a quote or a line break (RFC 4180).
    static func field(_ text: String) -> String {
        guard text.contains(where: { ",\"\r\n".contains($0) }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Written row by row (each lists the items it counts, so a tree of them all would cost
    /// several times the text); keys in sorted order, as `JSONValue` writes objects.
    private func json(_ figures: [Figure], year: Int?) -> String {
        let graph = views.graph
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
                var counts: [String: JSONValue] = [:], items: [String: JSONValue] = [:]
                for (column, cell) in zip(figure.columns, row.cells) {
                    counts[column] = .int(cell.count)
                    items[column] = .array(cell.map { item in
                        let route: Route = item.kind == .exemplar ? .exemplar(item.id) : .initiative(item.id)
                        return .object(dropping: ["kind": JSONValue(item.kind.rawValue), "id": JSONValue(item.id), "note": JSONValue(item.note),
                                                  "url": JSONValue(views.absolute(views.url(route) ?? ""))])
                    })
                }
                JSONValue.object(["key": JSONValue(row.key), "name": JSONValue(row.label), "counts": .object(counts), "items": .object(items)])
                    .write(to: &out)
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
}
