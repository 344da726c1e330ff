/// Every exemplar's filter facets with each value numbered, made once per build: the filter
/// choices count every exemplar list, and counting numbers in arrays costs a fraction of
/// hashing each member's unit, field and award names into a dictionary for every list.
struct FacetCodes: Sendable {
    /// Row of each exemplar that has facets.
    private let rows: IDTable<Int>
    private let units: CodedValues<String>
    private let years: CodedValues<Int>
    private let fields: CodedValues<String>
    private let awards: CodedValues<String>

    /// `facets[i]` are the facets of `ids[i]` (nil: not an exemplar).
    init(ids: [String], facets: [FilterFacets?]) {
        var rows = IDTable<Int>()
        rows.reserveCapacity(ids.count)
        var kept: [FilterFacets] = []
        kept.reserveCapacity(ids.count)
        for (id, facet) in zip(ids, facets) {
            guard let facet, rows[id] == nil else { continue }
            rows[id] = kept.count
            kept.append(facet)
        }
        self.rows = rows
        units = CodedValues(kept) { $0.units }
        years = CodedValues(kept) { $0.years }
        fields = CodedValues(kept) { $0.fields }
        awards = CodedValues(kept) { $0.awards }
    }

    /// The values of each select that some members of list `ids` lack. A member without
    /// facets here (not an exemplar) has none, and still counts in the list's size.
    func counts(_ ids: [String]) -> FilterCounts {
        let members = ids.compactMap { rows[$0] }
        let total = ids.count
        return FilterCounts(ids: ids, units: units.narrowing(members, total), years: years.narrowing(members, total),
                            fields: fields.narrowing(members, total), awards: awards.narrowing(members, total))
    }
}
