/// The figures of a page as data: CSV (UTF-8 with a byte-order mark, so Excel reads the
/// Vietnamese right; one line per number) and JSON (each number with the items it counts).
struct FigureExport {
    let views: Views

    func render(year: Int?, format: String) -> String? {
        let figures = views.figures(year: year)
        switch format {
        case "csv": return csv(figures, year: year)
        case "json": return json(figures, year: year).text + "\n"
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

    private func json(_ figures: [Figure], year: Int?) -> JSONValue {
        let graph = views.graph
        let list = figures.map { figure -> JSONValue in
            let rows = figure.rows.map { row -> JSONValue in
                var counts: [String: JSONValue] = [:], items: [String: JSONValue] = [:]
                for (column, cell) in zip(figure.columns, row.cells) {
                    counts[column] = .int(cell.count)
                    items[column] = .array(cell.map { item in
                        let route: Route = item.kind == .exemplar ? .exemplar(item.id) : .initiative(item.id)
                        return .object(dropping: ["kind": JSONValue(item.kind.rawValue), "id": JSONValue(item.id), "note": JSONValue(item.note),
                                                  "url": JSONValue(views.absolute(views.url(route) ?? ""))])
                    })
                }
                return .object(["key": JSONValue(row.key), "name": JSONValue(row.label), "counts": .object(counts), "items": .object(items)])
            }
            return .object(["id": JSONValue(figure.id.rawValue), "name": JSONValue(views.text("figure_\(figure.id.rawValue)")),
                            "columns": JSONValue(figure.columns), "rows": .array(rows)])
        }
        return .object(dropping: ["year": JSONValue(year), "phase": JSONValue(year == nil ? graph.site.phase?.name : nil), "figures": .array(list)])
    }
}
