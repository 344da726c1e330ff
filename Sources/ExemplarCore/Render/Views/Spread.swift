/// Where and when a model spread: the units that took it up, year by year, as a table and
/// as a bar chart drawn at build time (the chart repeats the table for the eye).
extension Views {
    /// One row per year with adoptions (a last row for those without a year): the units
    /// that took the model up that year and how many had taken it up by then.
    func spread(_ item: Initiative) -> TemplateValue? {
        guard !item.adoptedBy.isEmpty else { return nil }
        var byYear: [Int: [Initiative.Adoption]] = [:]
        var undated: [Initiative.Adoption] = []
        for adoption in item.adoptedBy {
            if let year = adoption.year { byYear[year, default: []].append(adoption) } else { undated.append(adoption) }
        }
        var groups = byYear.keys.sorted().map { (String($0), byYear[$0] ?? []) }
        if !undated.isEmpty { groups.append((text("year_unknown"), undated)) }
        var total = 0
        var bars: [SpreadChart.Bar] = []
        let rows: [TemplateValue] = groups.map { label, adoptions in
            let before = total
            total += adoptions.count
            bars.append(SpreadChart.Bar(label: label, before: before, added: adoptions.count))
            return ["year": .text(label), "added": .number(adoptions.count), "total": .number(total),
                    "units": .list(adoptions.compactMap { adoption -> TemplateValue? in
                        guard var unit = unitLink(adoption.unit.value)?.fields else { return nil }
                        unit["note"] = adoption.note.map(TemplateValue.text) ?? .null
                        return .object(unit)
                    })]
        }
        var data: TemplateData = ["rows": .list(rows), "chart": .html(Array(SpreadChart.svg(bars).utf8))]
        data["origin"] = unitLink(item.unit.value) ?? .null
        data["origin_year"] = item.year.map(TemplateValue.number) ?? .null
        return .object(data)
    }
}

/// Horizontal bars, one per year: the units that had the model before (light) and those that
/// took it up that year (strong), with the running total at the end.
enum SpreadChart {
    struct Bar {
        let label: String
        let before: Int
        let added: Int
    }

    static func svg(_ bars: [Bar]) -> String {
        // Narrow enough that the labels stay readable on a phone, where the chart fills the width.
        let labelWidth = 70, barWidth = 260, rowHeight = 26, barHeight = 16
        let largest = max(1, bars.map { $0.before + $0.added }.max() ?? 1)
        let height = rowHeight * bars.count + 4
        var out = "<svg viewBox=\"0 0 \(labelWidth + barWidth + 70) \(height)\" aria-hidden=\"true\" class=\"bars\">"
        for (index, bar) in bars.enumerated() {
            let top = index * rowHeight + 4
            let y = top + (rowHeight - 4 - barHeight) / 2
            let before = bar.before * barWidth / largest
            let added = max(2, (bar.before + bar.added) * barWidth / largest - before)
            out += "<text x=\"\(labelWidth - 8)\" y=\"\(y + barHeight - 3)\" class=\"l\">\(XML.escape(bar.label))</text>"
            if before > 0 { out += "<rect class=\"k3\" x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(before)\" height=\"\(barHeight)\"/>" }
            out += "<rect class=\"k0\" x=\"\(labelWidth + before)\" y=\"\(y)\" width=\"\(added)\" height=\"\(barHeight)\"/>"
            out += "<text x=\"\(labelWidth + before + added + 6)\" y=\"\(y + barHeight - 3)\">+\(bar.added) → \(bar.before + bar.added)</text>"
        }
        return out + "</svg>"
    }
}
