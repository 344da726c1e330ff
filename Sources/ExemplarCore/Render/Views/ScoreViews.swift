/// Data for an exemplar's results: on the profile, ratings by year and half-year and the
/// chart of the latest year; on its results page (`…/ket-qua/`), every year's chart with the
/// table of its periods.
extension Views {
    /// Nil (nothing shown) when the exemplar has no sheet.
    func scoreData(_ exemplarID: String) -> TemplateValue {
        guard let years = graph.scores[exemplarID], let latest = years.last else { return .null }
        return [
            "ratings": .list(years.reversed().map(ratingRow)),
            "latest": yearData(latest, table: false),
            "url": .text(url(.scores(exemplarID)) ?? ""),
        ]
    }

    func scoresPage(_ exemplar: Exemplar) -> TemplateData {
        let title = "\(text("scores")): \(exemplar.name)"
        var data = common(.scores(exemplar.id), title: title, description: nil)
        data["title"] = .text(title)
        data["name"] = .text(exemplar.name)
        data["profile"] = .text(url(.exemplar(exemplar.id)) ?? "")
        let years = graph.scores[exemplar.id] ?? []
        data["ratings"] = .list(years.reversed().map(ratingRow))
        data["years"] = .list(years.reversed().map { yearData($0, table: true) })
        return data
    }

    /// One year: its two halves and the whole year, each with average and rating.
    /// Points as the page's language writes decimals: `87,5` in Vietnamese, `87.5` in English.
    private func points(_ value: Points) -> String {
        graph.site.language == "en" ? value.plain : value.vietnamese
    }

    private func ratingRow(_ year: ScoreYear) -> TemplateValue {
        ["year": .number(year.year), "h1": result(year.halves[0]), "h2": result(year.halves[1]), "annual": result(year.annual)]
    }

    private func result(_ result: ScoreResult?) -> TemplateValue {
        guard let result else { return ["none": .text(text("score_none")), "collective": .null, "self": .null, "missing": .null] }
        var cell: TemplateData = [
            "none": .null,
            "collective": .text(points(result.collective)),
            "rating": .text(text("rating_\(result.rating.rawValue)")),
            "rating_id": .text(result.rating.rawValue),
        ]
        cell["self"] = result.selfPoints.map { .text(points($0)) } ?? .null
        cell["missing"] = result.missing > 0 ? .number(result.missing) : .null
        return .object(cell)
    }

    private func yearData(_ year: ScoreYear, table: Bool) -> TemplateValue {
        var data: TemplateData = [
            "year": .number(year.year),
            "weekly": .flag(year.weekly),
            "chart": .html(Array(ScoreChart.svg(year, label: table ? nil : "\(text("score_chart")) \(year.year)").utf8)),
        ]
        if table {
            data["periods"] = .list(year.rows.map { row in
                ["n": .number(row.period.number), "self": .text(row.selfPoints.map(points) ?? "–"), "collective": .text(points(row.collective))]
            })
        }
        return .object(data)
    }
}

/// A line chart of one year's periods, drawn at build time: the collective's score as a solid
/// line, the self-assessment dashed, threshold lines behind. Integer coordinates keep it small.
enum ScoreChart {
    /// With a `label` the chart is an image of that name; without, it is hidden from screen
    /// readers because a table of the same numbers follows it.
    static func svg(_ year: ScoreYear, label: String?) -> String {
        let slots = year.weekly ? Period.weeks(in: year.year) : 12
        let step = year.weekly ? 10 : 40
        let left = 24, top = 6, height = 120
        let width = left + slots * step
        let lowest = year.rows.flatMap { [$0.collective] + ($0.selfPoints.map { [$0] } ?? []) }.min()?.hundredths ?? 5_000
        let floor = min(50, lowest / 1_000 * 10)
        func x(_ period: Period) -> Int { left + (period.number - 1) * step + step / 2 }
        func y(_ hundredths: Int) -> Int { top + (10_000 - hundredths) * height / ((100 - floor) * 100) }
        var out = "<svg viewBox=\"0 0 \(width + 4) \(top + height + 18)\" \(label.map { "role=\"img\" aria-label=\"\(XML.escape($0))\"" } ?? "aria-hidden=\"true\"") class=\"chart\">"
        var grid = "", labels = ""
        for mark in Set([100, 90, 70, 50, floor]).sorted() where mark >= floor {
            grid += "M\(left) \(y(mark * 100))H\(width)"
            labels += "<text x=\"\(left - 3)\" y=\"\(y(mark * 100) + 3)\">\(mark)</text>"
        }
        out += "<path class=\"g\" d=\"\(grid)\"/><g class=\"y\">\(labels)</g><g class=\"x\">"
        let ticks = year.weekly ? [1, 10, 20, 30, 40, 50] : Array(1...12)
        for tick in ticks where tick <= slots {
            let period: Period = year.weekly ? .week(year: year.year, week: tick) : .month(year: year.year, month: tick)
            out += "<text x=\"\(x(period))\" y=\"\(top + height + 14)\">\(tick)</text>"
        }
        out += "</g>"
        out += line(year.rows.compactMap { row in row.selfPoints.map { (row.period, $0) } }, class: "s", x: x, y: y)
        out += line(year.rows.map { ($0.period, $0.collective) }, class: "c", x: x, y: y)
        return out + "</svg>"
    }

    /// A path that breaks where periods are missing, in relative steps (shorter); a lone
    /// period is a dot (round caps).
    private static func line(_ points: [(Period, Points)], class name: String, x: (Period) -> Int, y: (Int) -> Int) -> String {
        guard !points.isEmpty else { return "" }
        var d = ""
        var last = (x: 0, y: 0)
        for (index, (period, value)) in points.enumerated() {
            let here = (x: x(period), y: y(value.hundredths))
            let joined = index > 0 && points[index - 1].0.number == period.number - 1
            d += joined ? "l\(here.x - last.x)\(signed(here.y - last.y))" : "M\(here.x) \(here.y)"
            let next = index + 1 < points.count && points[index + 1].0.number == period.number + 1
            if !joined && !next { d += "h0" }
            last = here
        }
        return "<path class=\"\(name)\" d=\"\(d)\"/>"
    }

    /// `-3` or ` 3`: a minus sign already separates two numbers.
    private static func signed(_ n: Int) -> String { n < 0 ? "\(n)" : " \(n)" }
}
