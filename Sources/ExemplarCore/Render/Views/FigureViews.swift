/// Data for the figures pages (`so-lieu/`, `so-lieu/<year>/`): each figure as a bar chart and
/// a table whose numbers link to the list of what they count, further down the page.
extension Views {
    /// Figures and reports count across the whole site: they are noted as reading every
    /// table they count from, so a change to any of them makes them again.
    var wholeGraph: SiteGraph {
        let tables: [GraphTable] = [.units, .exemplars, .initiatives, .awards, .scores, .exemplarsOfYear,
                                    .unitOrder, .collectiveOrder, .individualOrder, .initiativeOrder]
        for table in tables { graph.reads?.note(.all(table)) }
        return graph.base
    }

    /// These views noting nothing: for the items a page lists after reading `wholeGraph`. An
    /// item's name and address come from tables that page noted whole, so noting each item's
    /// entry and address again would only make its inputs thousands long.
    var untracked: Views { tracking(nil) }

    func figuresPage(year: Int?) -> TemplateData {
        let scope = year.map { "\(text("figures_year")) \($0)" } ?? graph.site.phase.map { "\(text("figures_phase")) \($0.name)" } ?? text("figures_all")
        var data = common(.figures(year), title: "\(text("figures")) – \(scope)", description: nil)
        data["heading"] = .text(scope)
        data["years"] = .list(([nil] + Figures.years(wholeGraph).map(Optional.some)).map { other in
            [
                "label": .text(other.map(String.init) ?? (graph.site.phase?.name ?? text("figures_all"))),
                "url": .text(url(.figures(other)) ?? ""), "current": .flag(other == year),
            ]
        })
        data["root"] = .text(url(.figures(nil)) ?? "")
        if let year, graph.exemplarsOfYear[year] != nil {
            data["reports"] = .list([nil, 1, 2].map { half in
                ["title": .text(reportTitle(year: year, half: half)), "url": .text(url(.report(year, half: half)) ?? "")]
            })
        }
        data["csv"] = .text(url(.figuresData(year, format: "csv")) ?? "")
        data["json"] = .text(url(.figuresData(year, format: "json")) ?? "")
        var details: [TemplateValue] = []
        let plain = untracked
        data["figures"] = .list(figures(year: year).enumerated().map { index, figure in
            figureData(figure, index: index, details: &details, links: plain)
        })
        data["details"] = .list(details)
        return data
    }

    /// `links`: the views that make the counted items' links.
    private func figureData(_ figure: Figure, index: Int, details: inout [TemplateValue], links: Views) -> TemplateValue {
        let title = text("figure_\(figure.id.rawValue)")
        let columns = figure.columns.map { text("figure_col_\($0)") }
        var rows: [TemplateValue] = []
        for (r, row) in figure.rows.enumerated() {
            var cells: [TemplateValue] = []
            for (c, items) in row.cells.enumerated() {
                let anchor = "f\(index + 1)-\(r + 1)-\(c + 1)"
                var cell: TemplateData = ["count": .number(items.count), "url": .null]
                if !items.isEmpty {
                    cell["url"] = .text("#\(anchor)")
                    let heading = columns.count > 1 ? "\(title): \(row.label) – \(columns[c])" : "\(title): \(row.label)"
                    details.append(["anchor": .text(anchor), "title": .text(heading), "items": .list(items.map(links.itemLink))])
                }
                cells.append(.object(cell))
            }
            rows.append(["label": .text(row.label), "cells": .list(cells)])
        }
        return [
            "anchor": .text("f\(index + 1)"), "title": .text(title), "head": .text(text("figure_head_\(figure.id.rawValue)")),
            "columns": .list(columns.map { .text($0) }),
            "keys": .list(figure.columns.count > 1 ? columns.enumerated().map { ["i": .number($0), "label": .text($1)] } : []),
            "rows": .list(rows), "no_rows": .flag(rows.isEmpty),
            "chart": .html(rows.isEmpty ? [] : Array(FigureChart.svg(figure).utf8)),
        ]
    }

    /// A record, not a dictionary: the figures of a phase link every item they count.
    private func itemLink(_ item: FigureItem) -> TemplateValue {
        let (name, route): (String, Route) = switch item.kind {
        case .exemplar: (graph.exemplars[item.id]?.name ?? item.id, .exemplar(item.id))
        case .initiative: (graph.initiatives[item.id]?.title ?? item.id, .initiative(item.id))
        }
        return .record(TemplateRecord(layout: Self.itemLinkLayout, values: [
            .text(name), item.note.map(TemplateValue.text) ?? .null, .text(url(route) ?? ""),
        ]))
    }

    private static let itemLinkLayout = TemplateRecord.Layout(["name", "note", "url"])
}

/// Horizontal bars drawn at build time: one row per table row, its label on the left,
/// the count at the end of the bar. Columns are stacked or side by side as the figure says.
enum FigureChart {
    static func svg(_ figure: Figure) -> String {
        let labelWidth = 250, barWidth = 320, columns = figure.columns.count
        let barHeight = figure.stacked || columns == 1 ? 14 : 11
        let rowHeight = figure.stacked ? 24 : 10 + barHeight * columns
        let totals = figure.rows.map { row in row.cells.map(\.count) }
        let largest = max(1, totals.map { figure.stacked ? $0.reduce(0, +) : ($0.max() ?? 0) }.max() ?? 1)
        let height = rowHeight * figure.rows.count + 4
        var out = "<svg viewBox=\"0 0 \(labelWidth + barWidth + 40) \(height)\" aria-hidden=\"true\" class=\"bars\">"
        for (r, row) in figure.rows.enumerated() {
            let top = r * rowHeight + 4
            out += "<text x=\"\(labelWidth - 6)\" y=\"\(top + rowHeight / 2 + 2)\" class=\"l\">\(XML.escape(short(row.label)))</text>"
            var x = labelWidth
            for (c, count) in totals[r].enumerated() {
                let width = count * barWidth / largest
                let y = figure.stacked || columns == 1 ? top + (rowHeight - 4 - barHeight) / 2 : top + c * barHeight
                if width > 0 { out += "<rect class=\"k\(c)\" x=\"\(x)\" y=\"\(y)\" width=\"\(width)\" height=\"\(barHeight - 1)\"/>" }
                if figure.stacked {
                    x += width
                } else {
                    out += "<text x=\"\(labelWidth + width + 4)\" y=\"\(y + barHeight - 2)\">\(count)</text>"
                }
            }
            if figure.stacked { out += "<text x=\"\(x + 4)\" y=\"\(top + rowHeight / 2 + 2)\">\(totals[r].reduce(0, +))</text>" }
        }
        return out + "</svg>"
    }

    /// Long unit names are cut so the bars keep their room; the table has them in full.
    /// A label of at most 38 bytes has at most 38 characters: only longer ones are counted.
    private static func short(_ label: String) -> String {
        label.utf8.count > 38 && label.count > 38 ? String(label.prefix(36)) + "…" : label
    }
}
