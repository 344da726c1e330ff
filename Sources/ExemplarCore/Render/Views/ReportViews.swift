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
        let graph = wholeGraph
        // Each line is kept by a session: a renamed unit makes only its members' lines again.
        let plain = untracked
        let words = ReportWords(self)
        var rows: [TemplateValue] = []
        var collectives = 0
        for id in graph.exemplarsOfYear[year] ?? [] {
            guard let exemplar = graph.exemplars[id] else { continue }
            if exemplar.kind == .collective { collectives += 1 }
            let number = TemplateValue.number(rows.count + 1)
            rows.append(plain.keptRow(id, notesInputs: false, if: { $0["n"] == number }) { views in
                views.reportLine(id, number: number, year: year, half: half, words: words)
            })
        }
        data["rows"] = .list(rows)
        data["count"] = .number(rows.count)
        data["collectives"] = .number(collectives)
        data["individuals"] = .number(rows.count - collectives)
        return data
    }

    /// One line of the report: a record, as lines are kept between a session's builds.
    private func reportLine(_ id: String, number: TemplateValue, year: Int, half: Int?, words: ReportWords) -> TemplateValue {
        guard let row = Report.row(id, year: year, half: half, graph: graph) else { return .null }
        // Values in the order of the layouts' names: a year's report has thousands of lines.
        let awards = TemplateValue.list(row.awards.map { award in
            .record(TemplateRecord(layout: Self.reportAwardLayout, values: [
                award.date.map { date($0) } ?? .null, award.decision.map(TemplateValue.text) ?? .null, .text(award.name),
            ]))
        })
        return .record(TemplateRecord(layout: Self.reportLineLayout, values: [
            awards, words.kind(row.kind), number, .text(row.name),
            row.rating.map(words.rating) ?? .null, row.result.map { .text($0.vietnamese) } ?? .null,
            .text(row.unitName), .text(url(.exemplar(row.id)) ?? ""),
        ]))
    }

    /// The names of kinds and ratings, looked up once per report rather than once per line.
    private struct ReportWords {
        let kinds: [TemplateValue]
        let ratings: [TemplateValue]

        init(_ views: Views) {
            kinds = Exemplar.Kind.allCases.map { .text(views.text("kind_\($0.rawValue)")) }
            ratings = Rating.allCases.map { .text(views.text("rating_\($0.rawValue)")) }
        }

        func kind(_ kind: Exemplar.Kind) -> TemplateValue {
            Exemplar.Kind.allCases.firstIndex(of: kind).map { kinds[$0] } ?? .null
        }

        func rating(_ rating: Rating) -> TemplateValue {
            Rating.allCases.firstIndex(of: rating).map { ratings[$0] } ?? .null
        }
    }

    private static let reportLineLayout = TemplateRecord.Layout(["awards", "kind", "n", "name", "rating", "result", "unit", "url"])
    private static let reportAwardLayout = TemplateRecord.Layout(["date", "decision", "name"])
}
