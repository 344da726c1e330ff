/// Small linked summaries of items, as lists and cards show them. Each is built once
/// per build (`Cards`) and shared by every page that lists the item.
extension Views {
    func unitLink(_ id: String) -> TemplateValue? { cards.units[id] ?? makeUnitLink(id).map { TemplateValue($0) } }
    func exemplarCard(_ id: String) -> TemplateValue? { cards.exemplars[id] ?? makeExemplarCard(id).map { TemplateValue($0) } }
    func initiativeCard(_ id: String) -> TemplateValue? { cards.initiatives[id] ?? makeInitiativeCard(id).map { TemplateValue($0) } }
    func eventCard(_ id: String) -> TemplateValue? { cards.events[id] ?? makeEventCard(id).map { TemplateValue($0) } }

    func makeUnitLink(_ id: String) -> TemplateData? {
        guard let unit = graph.units[id] else { return nil }
        return ["id": id, "name": unit.name, "url": url(.unit(id)) ?? "", "kind": text("unit_kind_\(unit.kind.rawValue.replacingOccurrences(of: "-", with: "_"))")]
    }

    func makeExemplarCard(_ id: String) -> TemplateData? {
        guard let exemplar = graph.exemplars[id] else { return nil }
        var card: TemplateData = [
            "id": id, "name": exemplar.name, "url": url(.exemplar(id)) ?? "",
            "kind": text("kind_\(exemplar.kind.rawValue)"),
            "is_collective": exemplar.kind == .collective,
            "years": yearsText(exemplar.years.map(\.value)),
            "summary": exemplar.summary ?? "",
        ]
        card["role"] = exemplar.position ?? exemplar.leader.map { "\(text("leader")): \($0)" }
        card["unit"] = unitLink(exemplar.unit.value)
        if let top = graph.rankedAwards(of: exemplar).first {
            card["top_award"] = top.award.name
        }
        if let photo = exemplar.photo?.value, graph.media.contains(photo) {
            card["photo"] = ["url": mediaURL(photo), "alt": "\(text("photo_of")) \(exemplar.name)"] as TemplateData
        }
        // What the in-page filter matches on: a unit matches its own exemplars and those below it.
        card["filter_units"] = unitAncestry(exemplar.unit.value).joined(separator: " ")
        card["filter_years"] = exemplar.years.map { String($0.value) }.joined(separator: " ")
        card["filter_fields"] = exemplar.fields.map(\.value).joined(separator: " ")
        card["filter_awards"] = exemplar.awards.map(\.award.value).joined(separator: " ")
        return card
    }

    /// A unit and the units above it.
    func unitAncestry(_ id: String) -> [String] {
        var chain: [String] = []
        var current: String? = id
        while let next = current, graph.units[next] != nil, !chain.contains(next) {
            chain.append(next)
            current = graph.units[next]?.parent?.value
        }
        return chain
    }

    func makeInitiativeCard(_ id: String) -> TemplateData? {
        guard let item = graph.initiatives[id] else { return nil }
        var card: TemplateData = [
            "id": id, "title": item.title, "url": url(.initiative(id)) ?? "",
            "kind": text("initiative_kind_\(item.kind.rawValue)"),
            "summary": item.summary ?? "", "benefit": item.benefit ?? "",
        ]
        card["adopted_count"] = item.adoptedBy.isEmpty ? nil : item.adoptedBy.count
        card["year"] = item.year
        card["unit"] = unitLink(item.unit.value)
        return card
    }

    func makeEventCard(_ id: String) -> TemplateData? {
        guard let event = graph.events[id] else { return nil }
        var card: TemplateData = [
            "id": id, "title": event.title, "url": url(.event(id)) ?? "",
            "kind": text("event_kind_\(event.kind.rawValue)"),
            "date": date(event.date), "location": event.location ?? "",
            "summary": event.summary ?? "",
        ]
        card["end_date"] = event.endDate.map { date($0.value) }
        return card
    }

    func fieldNames(_ refs: [Ref]) -> [TemplateData] {
        refs.compactMap { graph.fields[$0.value].map { ["id": $0.id, "name": $0.name] } }
    }
}
