/// The in-page filter of the models catalogue: by unit (a unit matches the models of the
/// units below it too), field and kind, with only the choices that narrow the list.
extension Views {
    /// The catalogue's choices, made once per build with those of the exemplar lists
    /// (`filterChoices`); a page takes them through `filters(.initiatives, pageCount:)`.
    func makeModelFilters() -> TemplateValue? {
        let ids = graph.initiativeOrder
        guard ids.count > 1 else { return nil }
        // Read here, on one thread, as the graph notes what a page reads.
        let rows = ids.compactMap { id in
            graph.initiatives[id].map { item in
                (units: unitAncestry(item.unit.value), fields: Set(item.fields.map(\.value)).filter { graph.fields[$0] != nil },
                 kind: item.kind.rawValue)
            }
        }
        let members = Array(rows.indices)
        var data: TemplateData = [:]
        // Labels and order come from the catalogues and the unit tree.
        data["units"] = unitOptions(CodedValues(rows) { $0.units }.narrowing(members, ids.count))
        let shownFields = CodedValues(rows) { $0.fields }.narrowing(members, ids.count)
        data["fields"] = FilterForm.options(fieldOrder.filter { shownFields.contains($0.id) }.map { ($0.id, $0.name) })
        let shownKinds = CodedValues(rows) { [$0.kind] }.narrowing(members, ids.count)
        data["kinds"] = FilterForm.options(Initiative.Kind.allCases.filter { shownKinds.contains($0.rawValue) }
            .map { ($0.rawValue, text("initiative_kind_\($0.rawValue)")) })
        return FilterForm.offered(data)
    }

    /// `{"items":[…]}`: every model of the catalogue, as the filter script draws its card.
    func modelListData() -> PageBuffer {
        let ids = graph.initiativeOrder
        if let reads { for id in ids { reads.note(.card(.initiatives, id)) } }
        var out = JSONBytes(capacity: ids.count * 512)
        out.raw("{\"items\":[")
        for (index, id) in ids.enumerated() {
            if index > 0 { out.raw(",\n") }
            if let card = initiativeCard(id), card.isObject { modelFilterEntry(card, into: &out) } else { out.raw("null") }
        }
        out.raw("]}\n")
        return out.finished()
    }

    private func modelFilterEntry(_ card: TemplateValue, into out: inout JSONBytes) {
        func value(_ key: TemplateKey) -> JSONValue {
            switch card[key] {
            case .text(let value)? where !value.isEmpty: return .string(value)
            case .number(let value)?: return .string(String(value))
            default: return .null
            }
        }
        var unit = JSONValue.null
        if case .text(let name)? = card["unit"]?["name"] { unit = .string(name) }
        var adopted = JSONValue.null
        if case .number(let count)? = card["adopted_count"] { adopted = .string("\(count) \(text("adopted_count"))") }
        JSONValue.object(dropping: [
            "model": .int(1), "name": value("title"), "url": value("url"), "kind": value("kind"), "year": value("year"),
            "summary": value("summary"), "unit": unit, "adopted": adopted, "fields": value("field_names"),
            "match": .object(["unit": value("filter_units"), "field": value("filter_fields"), "kind": value("filter_kind")]),
        ]).write(to: &out)
    }
}
