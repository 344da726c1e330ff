import Foundation

/// `exemplar report`: the report of a year or half-year from the same checked content a build
/// uses, as the site's printable page (`html`), CSV or JSON. Content with errors gives no report.
public enum ReportRun {
    public enum Format: String, Sendable, CaseIterable {
        case html, csv, json
    }

    /// The report's text, or nil with the diagnostics that prevent it. Nothing is written.
    public static func run(_ options: BuildOptions, year: Int, half: Int?, format: Format) -> (text: String?, diagnostics: [Diagnostic]) {
        var check = options
        check.writeOutput = false
        let built = Builder.build(check)
        var diagnostics = built.diagnostics
        guard !diagnostics.hasErrors, !(options.strict && !diagnostics.isEmpty), let graph = built.graph else { return (nil, diagnostics) }
        guard graph.exemplarsOfYear[year] != nil else {
            let years = graph.exemplarsOfYear.keys.sorted().map(String.init).joined(separator: ", ")
            diagnostics.append(Diagnostic(.error, "report-year", "Không có điển hình nào được ghi là điển hình năm \(year) (`years`); không có báo cáo.",
                                          file: options.contentDisplay, hint: years.isEmpty ? nil : "Các năm có điển hình: \(years)."))
            return (nil, diagnostics)
        }
        let (theme, themeDiagnostics) = Theme.load(from: options.theme, displayPath: options.themeDisplay, language: graph.site.language)
        guard let theme else { return (nil, diagnostics + themeDiagnostics) }
        let (plan, _) = Planner.plan(graph)
        let renderer = PageRenderer(graph: graph, plan: plan, theme: theme, today: options.today)
        switch format {
        case .html:
            guard let page = plan.pages.first(where: { $0.route == .report(year, half: half) }) else { return (nil, diagnostics) }
            let (html, pageDiagnostics) = renderer.render(page)
            return (html, diagnostics + pageDiagnostics)
        case .csv: return (ReportExport(views: renderer.views).csv(year: year, half: half), diagnostics)
        case .json: return (ReportExport(views: renderer.views).json(year: year, half: half).text + "\n", diagnostics)
        }
    }
}

/// The report as data: CSV (UTF-8 with a byte-order mark, one line per exemplar, points with
/// a `.`) and JSON.
struct ReportExport {
    let views: Views

    func csv(year: Int, half: Int?) -> String {
        var out = "\u{FEFF}no,id,name,kind,unit,unit_name,awards,result,rating,rating_name\r\n"
        for (index, row) in Report.rows(year: year, half: half, graph: views.wholeGraph).enumerated() {
            let fields = [String(index + 1), row.id, row.name, row.kind.rawValue, row.unit, row.unitName,
                          row.awards.map(awardText).joined(separator: "; "), row.result?.plain ?? "",
                          row.rating?.rawValue ?? "", row.rating.map { views.text("rating_\($0.rawValue)") } ?? ""]
            out += fields.map(FigureExport.field).joined(separator: ",") + "\r\n"
        }
        return out
    }

    func json(year: Int, half: Int?) -> JSONValue {
        let rows = Report.rows(year: year, half: half, graph: views.wholeGraph).enumerated().map { index, row -> JSONValue in
            .object(dropping: [
                "no": .int(index + 1), "id": JSONValue(row.id), "name": JSONValue(row.name), "kind": JSONValue(row.kind.rawValue),
                "unit": JSONValue(row.unit), "unit_name": JSONValue(row.unitName),
                "url": JSONValue(views.absolute(views.url(.exemplar(row.id)) ?? "")),
                "awards": .array(row.awards.map { award in
                    .object(dropping: ["name": JSONValue(award.name), "decision": JSONValue(award.decision), "date": JSONValue(award.date?.iso)])
                }),
                "result": row.result.map { JSONValue.number($0.plain) } ?? .null,
                "rating": JSONValue(row.rating?.rawValue),
                "rating_name": JSONValue(row.rating.map { views.text("rating_\($0.rawValue)") }),
            ])
        }
        return .object(dropping: ["year": .int(year), "half": JSONValue(half), "organisation": JSONValue(views.graph.site.organisation),
                                  "title": JSONValue(views.reportTitle(year: year, half: half)), "rows": .array(rows)])
    }

    private func awardText(_ award: ReportRow.Award) -> String {
        var text = award.name
        if let decision = award.decision { text += ", \(views.text("decision_no")) \(decision)" }
        if let date = award.date { text += " \(views.text("dated")) \(date.vietnamese)" }
        return text
    }
}
