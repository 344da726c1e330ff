/// Every published item as a search document, read from the site graph (never from rendered
/// pages): exemplars, models, events, units and free pages, in the site's display order.
extension Views {
    /// Where each document comes from, so documents can be made on every core.
    enum SearchSource: Sendable, Hashable {
        case exemplar(String), initiative(String), event(String), unit(String), page(String)
    }

    var searchSources: [SearchSource] {
        (graph.collectiveOrder + graph.individualOrder).map(SearchSource.exemplar)
            + graph.initiativeOrder.map(SearchSource.initiative)
            + graph.eventOrder.map(SearchSource.event)
            + graph.unitOrder.map(SearchSource.unit)
            + graph.pages.keys.sorted().filter { pathOf[.page($0)] != nil }.map(SearchSource.page)
    }

    func searchDocument(_ source: SearchSource) -> SearchDocument? {
        // Its address (or that it has none) is part of what it was made from.
        reads?.note(.path(source.route))
        switch source {
        case .exemplar(let id): return graph.exemplars[id].flatMap(searchDocument)
        case .initiative(let id): return graph.initiatives[id].flatMap(searchDocument)
        case .event(let id): return graph.events[id].flatMap(searchDocument)
        case .unit(let id): return graph.units[id].flatMap(searchDocument)
        case .page(let id): return graph.pages[id].flatMap(searchDocument)
        }
    }

    private func searchDocument(_ e: Exemplar) -> SearchDocument? {
        guard let path = pathOf[.exemplar(e.id)] else { return nil }
        let body = bodyText(e.body, folder: e.kind == .collective ? "collectives" : "individuals", file: e.source.file,
                            summary: e.summary)
        // A field's texts are cut one after another, as they would be joined by spaces.
        var fields: [(SearchDocument.Field, String)] = [(.name, e.name)]
        for position in [e.position, e.leader].compactMap({ $0 }) { fields.append((.position, position)) }
        fields.append((.unit, unitName(e.unit.value)))
        for field in e.fields { if let name = graph.fields[field.value]?.name { fields.append((.terms, name)) } }
        for ranked in graph.rankedAwards(of: e) { fields.append((.terms, ranked.award.name)) }
        // A tag's hyphens part its words as spaces would (`SearchText`).
        for tag in e.tags { fields.append((.terms, tag)) }
        for year in e.years { fields.append((.terms, String(year.value))) }
        if let scope = e.scope { fields.append((.terms, text("scope_\(scope.rawValue)"))) }
        fields.append((.summary, e.summary ?? ""))
        return SearchDocument(
            group: e.kind == .collective ? .collective : .individual, path: path, name: e.name,
            label: text("kind_\(e.kind.rawValue)"), unit: e.unit.value,
            years: e.years.map(\.value), yearsText: yearsText(e.years.map(\.value)),
            snippet: body.snippet, fields: fields, body: body.bytes, bodyFile: body.file)
    }

    private func searchDocument(_ m: Initiative) -> SearchDocument? {
        guard let path = pathOf[.initiative(m.id)] else { return nil }
        let body = bodyText(m.body, folder: "models", file: m.source.file, summary: m.summary)
        var fields: [(SearchDocument.Field, String)] = [(.name, m.title), (.unit, unitName(m.unit.value))]
        for field in m.fields { if let name = graph.fields[field.value]?.name { fields.append((.terms, name)) } }
        for owner in graph.ownersOfInitiative[m.id] ?? [] { if let name = graph.exemplars[owner]?.name { fields.append((.terms, name)) } }
        for tag in m.tags { fields.append((.terms, tag)) }
        fields.append((.terms, text("initiative_kind_\(m.kind.rawValue)")))
        if let year = m.year { fields.append((.terms, String(year))) }
        for summary in [m.summary, m.benefit].compactMap({ $0 }) { fields.append((.summary, summary)) }
        return SearchDocument(
            group: .initiative, path: path, name: m.title, label: text("initiative_kind_\(m.kind.rawValue)"),
            unit: m.unit.value, years: m.year.map { [$0] } ?? [], yearsText: m.year.map(String.init) ?? "",
            snippet: body.snippet, fields: fields, body: body.bytes, bodyFile: body.file)
    }

    private func searchDocument(_ event: Event) -> SearchDocument? {
        guard let path = pathOf[.event(event.id)] else { return nil }
        let body = bodyText(event.body, folder: "events", file: event.source.file, summary: event.summary)
        let kind = text("event_kind_\(event.kind.rawValue)")
        return SearchDocument(
            group: .event, path: path, name: event.title, label: kind,
            unit: event.host?.value, years: [event.date.year],
            yearsText: event.date.vietnamese, snippet: body.snippet,
            fields: [(.name, event.title), (.position, event.location ?? ""), (.unit, event.host.map { unitName($0.value) } ?? ""),
                     (.terms, "\(kind) \(event.date.year)"), (.summary, event.summary ?? "")], body: body.bytes, bodyFile: body.file)
    }

    private func searchDocument(_ unit: Unit) -> SearchDocument? {
        guard let path = pathOf[.unit(unit.id)] else { return nil }
        let kind = text("unit_kind_\(unit.kind.rawValue.replacingOccurrences(of: "-", with: "_"))")
        let parent = unit.parent.map { unitName($0.value) } ?? ""
        return SearchDocument(
            group: .unit, path: path, name: unit.name, label: kind, unit: unit.id, years: [],
            yearsText: "", snippet: parent, fields: [(.name, unit.name), (.unit, parent), (.terms, kind)])
    }

    private func searchDocument(_ page: FreePage) -> SearchDocument? {
        guard let path = pathOf[.page(page.id)] else { return nil }
        let body = bodyText(page.body, folder: "pages", file: page.source.file, summary: page.summary)
        return SearchDocument(
            group: .page, path: path, name: page.title, label: text("search_kind_page"), unit: nil, years: [],
            yearsText: "", snippet: body.snippet,
            fields: [(.name, page.title), (.summary, page.summary ?? "")], body: body.bytes, bodyFile: body.file)
    }

    private func unitName(_ id: String) -> String { graph.units[id]?.name ?? "" }

    /// A body for the index, noted as read (`folder/file.md`, as `Markdown.render` notes it),
    /// and the snippet: the summary, or else the body's opening, for which the body is read
    /// now; with a summary, the body is read only when cut into words (`WordCutter`).
    private func bodyText(_ body: Body, folder: String, file: String, summary: String?)
        -> (snippet: String, bytes: [UInt8], file: Body?) {
        reads?.note(.body(folder + "/" + (file.split(separator: "/").last.map(String.init) ?? file)))
        if let summary, !summary.isEmpty { return (summary, [], body) }
        let bytes = BodyBytes.of(body)
        return (PlainText.snippet(summary: nil, markdown: bytes), bytes, nil)
    }
}

extension Views.SearchSource {
    var route: Route {
        switch self {
        case .exemplar(let id): return .exemplar(id)
        case .initiative(let id): return .initiative(id)
        case .event(let id): return .event(id)
        case .unit(let id): return .unit(id)
        case .page(let id): return .page(id)
        }
    }
}
