/// The "nhân rộng" overview: which models spread furthest, and every unit that adopted one.
extension Views {
    /// The id of the overview's section listing the adopting units, which the home figure links to.
    static let adoptersAnchor = "don-vi-nhan-rong"

    /// Units that adopted at least one model, in the units' display order.
    func adopterUnits() -> [String] {
        graph.unitOrder.filter { !(graph.adoptionsOfUnit[$0] ?? []).isEmpty }
    }

    func replication() -> TemplateData {
        let spread = graph.initiativeOrder.compactMap { id -> (String, Initiative)? in
            graph.initiatives[id].flatMap { $0.adoptedBy.isEmpty ? nil : (id, $0) }
        }
        // Furthest spread first; the catalogue's order among equals.
        let ranked = spread.enumerated().sorted { ($0.element.1.adoptedBy.count, -$0.offset) > ($1.element.1.adoptedBy.count, -$1.offset) }
        let most = ranked.first?.element.1.adoptedBy.count ?? 0
        let models: [TemplateValue] = ranked.map { _, pair in
            let (id, item) = pair
            let count = item.adoptedBy.count
            var row: TemplateData = ["count": .number(count),
                                     "share": .number(most > 0 ? max(1, count * 100 / most) : 0)]
            row["model"] = initiativeCard(id) ?? .null
            row["years"] = .text(yearsText(item.adoptedBy.compactMap(\.year)))
            return .object(row)
        }
        let units: [TemplateValue] = adopterUnits().compactMap { id in
            guard var link = unitLink(id)?.fields else { return nil }
            link["models"] = .list((graph.adoptionsOfUnit[id] ?? []).compactMap(initiativeCard))
            return .object(link)
        }
        return ["models": .list(models), "adopters": .list(units), "adopters_anchor": .text(Self.adoptersAnchor),
                "count": .number(units.count)]
    }
}
