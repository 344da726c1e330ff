/// Who was honoured, with which award and by which decision: the award pages, a profile's
/// awards table and the honour table of an event.
extension Views {
    /// Above this many participants an event's roll is a table, not cards.
    static let honourTableFrom = 12

    /// Grants in the order they were made: by year (or the decision's year), then date;
    /// grants without either keep their written order at the end.
    /// Positions are sorted, not the grants: a grant is a large value, and most exemplars hold
    /// one or two, already in order.
    static func chronological(_ grants: [Exemplar.Grant]) -> [Exemplar.Grant] {
        guard grants.count > 1 else { return grants }
        let order = grants.indices.sorted { a, b in
            let yearA = grants[a].year ?? grants[a].date?.year ?? Int.max
            let yearB = grants[b].year ?? grants[b].date?.year ?? Int.max
            if yearA != yearB { return yearA < yearB }
            if let earlier = isoOrder(grants[a].date, grants[b].date) { return earlier }
            return a < b
        }
        return order.map { grants[$0] }
    }

    /// Whether `a` comes before `b` as their ISO texts sort (no date before any date); nil when
    /// the texts are the same. Dates of ten-character texts sort by their numbers as their texts do.
    private static func isoOrder(_ a: CalendarDate?, _ b: CalendarDate?) -> Bool? {
        switch (a, b) {
        case (nil, nil): return nil
        case (nil, _?): return true
        case (_?, nil): return false
        case (let a?, let b?):
            if a == b { return nil }
            if sortsByNumber(a), sortsByNumber(b) { return a < b }
            return a.iso == b.iso ? nil : a.iso < b.iso
        }
    }

    /// A date whose ISO text is always ten characters: four for the year, two for each other part.
    private static func sortsByNumber(_ date: CalendarDate) -> Bool {
        (1000...9999).contains(date.year) && (0...99).contains(date.month) && (0...99).contains(date.day)
    }

    /// "Năm 2018 · Quyết định 102/QĐ-LĐLĐ ngày 20/12/2018", with what the grant records.
    /// Appended to one String with room for it: an award list writes it for every grant of
    /// every holder, twice.
    func grantText(_ grant: Exemplar.Grant) -> String {
        let words = honourWords
        var out = ""
        out.reserveCapacity(96)
        if let year = grant.year {
            out += words.year
            out += " "
            out += String(year)
        }
        let number = Self.decisionNumber(grant)
        guard number != nil || grant.date != nil else { return out }
        if !out.isEmpty { out += " · " }
        out += number != nil ? words.decision : words.date
        out += " "
        appendDecision(grant, number: number, to: &out)
        return out
    }

    /// The interface words of a grant's text, looked up once per build: an award list writes
    /// them for every grant of every holder.
    struct HonourWords: Sendable {
        let year: String
        let decision: String
        let date: String
        let dated: String

        init(_ theme: Theme) {
            year = theme.text("award_year")
            decision = theme.text("award_decision")
            date = theme.text("award_date")
            dated = theme.text("dated")
        }
    }

    /// "102/QĐ-LĐLĐ ngày 20/12/2018", the number or the date alone when only one is known.
    func decisionText(_ grant: Exemplar.Grant) -> String? {
        let number = Self.decisionNumber(grant)
        guard number != nil || grant.date != nil else { return nil }
        var out = ""
        appendDecision(grant, number: number, to: &out)
        return out
    }

    /// The decision's number; nil when none is written.
    private static func decisionNumber(_ grant: Exemplar.Grant) -> String? {
        grant.decision.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// `decisionText` appended to `out`: the number, the date, or both joined by "ngày".
    private func appendDecision(_ grant: Exemplar.Grant, number: String?, to out: inout String) {
        if let number {
            out += number
            if grant.date != nil {
                out += " "
                out += honourWords.dated
                out += " "
            }
        }
        if let date = grant.date { out += graph.site.language == "en" ? date.english : DateDigits.vietnamese(date) }
    }

    /// The grants of one award to an exemplar, oldest first.
    func grants(of award: String, to id: String) -> [Exemplar.Grant] {
        guard let exemplar = graph.exemplars[id] else { return [] }
        return Self.chronological(exemplar.awards.filter { $0.award.value == award })
    }

    /// A holder's card on the award's own page: this award's years and decisions instead of
    /// the holder's highest award.
    func awardHolderCard(_ id: String, award: String) -> TemplateValue? {
        guard var card = exemplarCard(id)?.fields else { return nil }
        card["top_award"] = .null
        card["grants"] = .list(grants(of: award, to: id).map { ["text": .text(grantText($0))] })
        return .object(card)
    }

    /// How many holders of award `id` are collectives, and the years of its grants.
    static func awardSummary(_ id: String, in graph: SiteGraph) -> (collectives: Int, years: [Int]) {
        var collectives = 0, years: [Int] = []
        for holder in graph.holdersOfAward[id] ?? [] {
            guard let exemplar = graph.exemplars[holder] else { continue }
            if exemplar.kind == .collective { collectives += 1 }
            for grant in exemplar.awards where grant.award.value == id {
                if let year = grant.year ?? grant.date?.year { years.append(year) }
            }
        }
        return (collectives, years)
    }

    /// What an award page says about the award: its level, how many hold it and since when.
    /// Worked out once per award and build: each of the award's list pages shows the same.
    func awardAbout(_ id: String) -> TemplateValue? {
        guard let award = graph.awards[id] else { return nil }
        let holders = graph.holdersOfAward[id] ?? []
        // One input for the whole summary: noted per holder, every page of a long award list
        // would hold an input for each of its holders.
        reads?.note(.awardSummary(id))
        let base = graph.base
        let (collectives, years) = awardSummaries.value(id) { Self.awardSummary(id, in: base) }
        var data: TemplateData = ["name": .text(award.name)]
        data["level"] = levelText(award.level).map(TemplateValue.text) ?? .null
        data["description"] = award.description.map(TemplateValue.text) ?? .null
        data["holders"] = .number(holders.count)
        data["collectives"] = .number(collectives)
        data["individuals"] = .number(holders.count - collectives)
        data["years"] = years.isEmpty ? .null : .text(yearsRange(years))
        return .object(data)
    }

    /// `2017–2020`, or one year.
    func yearsRange(_ years: [Int]) -> String {
        guard let first = years.min(), let last = years.max() else { return "" }
        return first == last ? String(first) : "\(first)–\(last)"
    }

    /// A profile's awards table, oldest first, each award linking to its page.
    func awardRows(_ exemplar: Exemplar) -> TemplateValue {
        .list(Self.chronological(exemplar.awards).compactMap { grant -> TemplateValue? in
            guard let award = graph.awards[grant.award.value] else { return nil }
            // Values in the order of the layout's names: every profile has a few rows.
            return .record(TemplateRecord(layout: Self.awardRowLayout, values: [
                grant.date.map(date) ?? .null, .text(grant.decision ?? ""), .text(award.name),
                url(.list(.award(award.id), page: 1)).map(TemplateValue.text) ?? .null, grant.year.map(TemplateValue.number) ?? .null,
            ]))
        })
    }

    private static let awardRowLayout = TemplateRecord.Layout(["date", "decision", "name", "url", "year"])

    /// The honour table of an event: one row per participant with the highest award they had
    /// received by the event's day and its decision; collectives, then individuals.
    func honourTable(_ event: Event) -> TemplateValue {
        var groups: [Exemplar.Kind: [TemplateValue]] = [:]
        for ref in event.participants {
            guard let exemplar = graph.exemplars[ref.value] else { continue }
            var row: TemplateData = ["id": .text(exemplar.id), "name": .text(exemplar.name),
                                     "url": .text(url(.exemplar(exemplar.id)) ?? "")]
            row["unit"] = unitLink(exemplar.unit.value) ?? .null
            let received = graph.rankedAwards(of: exemplar).first { entry in
                if let date = entry.grant.date { return date <= event.date }
                return (entry.grant.year ?? Int.max) <= event.date.year
            }
            if let (grant, award) = received {
                row["award"] = .text(award.name)
                row["award_url"] = url(.list(.award(award.id), page: 1)).map(TemplateValue.text) ?? .null
                row["award_year"] = (grant.year ?? grant.date?.year).map(TemplateValue.number) ?? .null
                row["decision"] = decisionText(grant).map(TemplateValue.text) ?? .null
            } else {
                for key: TemplateKey in ["award", "award_url", "award_year", "decision"] { row[key] = .null }
            }
            groups[exemplar.kind, default: []].append(.object(row))
        }
        return .list([Exemplar.Kind.collective, .individual].compactMap { kind -> TemplateValue? in
            guard let rows = groups[kind], !rows.isEmpty else { return nil }
            return ["anchor": .text("honoured-\(kind.rawValue)"), "title": .text(text(kind == .collective ? "nav_collectives" : "nav_individuals")),
                    "count": .number(rows.count), "rows": .list(rows)]
        })
    }
}
