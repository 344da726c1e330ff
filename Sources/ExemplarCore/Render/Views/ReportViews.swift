/// Data for the printable report of a year or a half-year (`so-lieu/<year>/bao-cao/…`).
extension Views {
    func reportTitle(year: Int, half: Int?) -> String {
        let period = half.map { "\(text($0 == 1 ? "score_half_1" : "score_half_2")) \(year)" } ?? "\(text("report_year")) \(year)"
        return "\(text("report_title")) \(period)"
    }

    func reportPage(year: Int, half: Int?) -> TemplateData {
        let title = reportTitle(year: year, half: half)
        var data = common(.report(year, half: half), title: title, description: nil)
        data["title"] = .text(title)
        data["figures_url"] = .text(url(.figures(year)) ?? "")
        data["year"] = .number(year)
        let rows = Report.rows(year: year, half: half, graph: wholeGraph)
        let plain = untracked
        data["rows"] = .list(rows.enumerated().map { index, row in
            var item: TemplateData = [
                "n": .number(index + 1), "name": .text(row.name), "url": .text(plain.url(.exemplar(row.id)) ?? ""),
                "kind": .text(text("kind_\(row.kind.rawValue)")), "unit": .text(row.unitName),
                "awards": .list(row.awards.map { award in
                    var value: TemplateData = ["name": .text(award.name), "decision": award.decision.map(TemplateValue.text) ?? .null]
                    value["date"] = award.date.map(date) ?? .null
                    return .object(value)
                }),
            ]
            item["result"] = row.result.map { .text($0.vietnamese) } ?? .null
            item["rating"] = row.rating.map { .text(text("rating_\($0.rawValue)")) } ?? .null
            return .object(item)
        })
        data["count"] = .number(rows.count)
        data["collectives"] = .number(rows.count { $0.kind == .collective })
        data["individuals"] = .number(rows.count { $0.kind == .individual })
        return data
    }
}
