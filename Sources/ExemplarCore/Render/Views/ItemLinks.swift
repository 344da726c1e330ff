/// Small linked summaries of items, as lists and cards show them. Each is built once
/// per build (`Cards`) and shared by every page that lists the item.
extension Views {
    func unitLink(_ id: String) -> TemplateValue? {
        if let card = cards.units[id] { return noted(card, .units, id) }
        return makeUnitLink(id).map(TemplateValue.object)
    }

    func exemplarCard(_ id: String) -> TemplateValue? {
        if let card = cards.exemplars[id] { return noted(card, .exemplars, id) }
        return makeExemplarCard(id).map(TemplateValue.object)
    }

    func initiativeCard(_ id: String) -> TemplateValue? {
        if let card = cards.initiatives[id] { return noted(card, .initiatives, id) }
        return makeInitiativeCard(id).map(TemplateValue.object)
    }

    func eventCard(_ id: String) -> TemplateValue? {
        if let card = cards.events[id] { return noted(card, .events, id) }
        return makeEventCard(id).map(TemplateValue.object)
    }

    /// A prepared card is one input of the page; what it was made from is the card's own.
    private func noted(_ card: TemplateValue, _ table: GraphTable, _ id: String) -> TemplateValue {
        reads?.note(.card(table, id))
        return card
    }

    func makeUnitLink(_ id: String) -> TemplateData? {
        guard let unit = graph.units[id] else { return nil }
        return [
            // A unit with nothing to show has no page: its name is shown without a link.
            "id": .text(id), "name": .text(unit.name), "url": url(.unit(id)).map(TemplateValue.text) ?? .null,
            "kind": .text(text("unit_kind_\(unit.kind.rawValue.replacingOccurrences(of: "-", with: "_"))")),
        ]
    }

    func makeExemplarCard(_ id: String) -> TemplateData? {
        guard let exemplar = graph.exemplars[id] else { return nil }
        var card: TemplateData = [
            "id": .text(id), "name": .text(exemplar.name), "url": .text(url(.exemplar(id)) ?? ""),
            "kind": .text(text("kind_\(exemplar.kind.rawValue)")),
            "is_collective": .flag(exemplar.kind == .collective),
            "years": .text(yearsText(exemplar.years.map(\.value))),
            "summary": .text(exemplar.summary ?? ""),
        ]
        // Absent values are null, not missing: a missing key would be looked up on the page
        // around the card (a profile's own photo shown on someone else's card).
        card["role"] = (exemplar.position ?? exemplar.leader.map { "\(text("leader")): \($0)" }).map(TemplateValue.text) ?? .null
        card["unit"] = unitLink(exemplar.unit.value) ?? .null
        card["top_award"] = graph.rankedAwards(of: exemplar).first.map { .text($0.award.name) } ?? .null
        card["grants"] = .null
        card["photo"] = exemplarPhoto(exemplar) ?? .null
        // What the in-page filter matches on: a unit matches its own exemplars and those below it.
        card["filter_units"] = .text(unitAncestry(exemplar.unit.value).joined(separator: " "))
        card["filter_years"] = .text(exemplar.years.map { String($0.value) }.joined(separator: " "))
        card["filter_fields"] = .text(exemplar.fields.map(\.value).joined(separator: " "))
        card["filter_awards"] = .text(exemplar.awards.map(\.award.value).joined(separator: " "))
        return card
    }

    /// A unit and the units above it.
    func unitAncestry(_ id: String) -> [String] {
        var chain: [String] = []
        var current: String? = id
        // One look-up per unit: its entry says both that it exists and what is above it.
        while let next = current, let unit = graph.units[next], !chain.contains(next) {
            chain.append(next)
            current = unit.parent?.value
        }
        return chain
    }

    func makeInitiativeCard(_ id: String) -> TemplateData? {
        guard let item = graph.initiatives[id] else { return nil }
        var card: TemplateData = [
            "id": .text(id), "title": .text(item.title), "url": .text(url(.initiative(id)) ?? ""),
            "kind": .text(text("initiative_kind_\(item.kind.rawValue)")),
            "summary": .text(item.summary ?? ""), "benefit": .text(item.benefit ?? ""),
        ]
        card["adopted_count"] = item.adoptedBy.isEmpty ? .null : .number(item.adoptedBy.count)
        card["year"] = item.year.map(TemplateValue.number) ?? .null
        card["unit"] = unitLink(item.unit.value) ?? .null
        card["fields"] = fieldNames(item.fields)
        card["field_names"] = .text(item.fields.compactMap { graph.fields[$0.value]?.name }.joined(separator: ", "))
        // What the catalogue's filter matches on.
        card["filter_units"] = .text(unitAncestry(item.unit.value).joined(separator: " "))
        card["filter_fields"] = .text(item.fields.map(\.value).joined(separator: " "))
        card["filter_kind"] = .text(item.kind.rawValue)
        return card
    }

    func makeEventCard(_ id: String) -> TemplateData? {
        guard let event = graph.events[id] else { return nil }
        var card: TemplateData = [
            "id": .text(id), "title": .text(event.title), "url": .text(url(.event(id)) ?? ""),
            "kind": .text(text("event_kind_\(event.kind.rawValue)")),
            "date": date(event.date), "location": .text(event.location ?? ""),
            "summary": .text(event.summary ?? ""),
        ]
        // A one-day event shows one date, however its end was written.
        card["end_date"] = event.endDate.flatMap { $0.value == event.date ? nil : date($0.value) } ?? .null
        return card
    }

    func fieldNames(_ refs: [Ref]) -> TemplateValue {
        .list(refs.compactMap { graph.fields[$0.value].map { ["id": .text($0.id), "name": .text($0.name)] } })
    }
}
