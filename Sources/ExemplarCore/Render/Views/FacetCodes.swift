/// Every exemplar's filter facets with each value numbered, made once per build: the filter
/// choices count every exemplar list, and counting numbers in arrays costs a fraction of
/// hashing each member's unit, field and award names into a dictionary for every list.
struct FacetCodes: Sendable {
    /// Row of each exemplar that has facets.
    private let rows: [String: Int]
    private let units: Coded<String>
    private let years: Coded<Int>
    private let fields: Coded<String>
    private let awards: Coded<String>

    /// `facets[i]` are the facets of `ids[i]` (nil: not an exemplar).
    init(ids: [String], facets: [FilterFacets?]) {
        var rows: [String: Int] = [:]
        var units = Coded<String>(), years = Coded<Int>(), fields = Coded<String>(), awards = Coded<String>()
        for (id, facet) in zip(ids, facets) {
            guard let facet, rows[id] == nil else { continue }
            rows[id] = rows.count
            units.add(facet.units)
            years.add(facet.years)
            fields.add(facet.fields)
            awards.add(facet.awards)
        }
        self.rows = rows
        self.units = units
        self.years = years
        self.fields = fields
        self.awards = awards
    }

    /// The counts of list `ids`, as `Views.countFilters` makes them; nil when a member has no
    /// row here (not one of the exemplars these were made from).
    func counts(_ ids: [String]) -> FilterCounts? {
        var members: [Int] = []
        members.reserveCapacity(ids.count)
        for id in ids {
            guard let row = rows[id] else { return nil }
            members.append(row)
        }
        let total = ids.count
        return FilterCounts(ids: ids, units: units.narrowing(members, total), years: years.narrowing(members, total),
                            fields: fields.narrowing(members, total), awards: awards.narrowing(members, total))
    }

    /// One select's values: each row's value numbers, and the value of each number.
    private struct Coded<Value: Hashable & Sendable>: Sendable {
        private var numbers: [Value: Int32] = [:]
        private var values: [Value] = []
        private var byRow: [[Int32]] = []

        mutating func add<S: Sequence<Value>>(_ rowValues: S) {
            byRow.append(rowValues.map { value in
                if let number = numbers[value] { return number }
                numbers[value] = Int32(values.count)
                values.append(value)
                return Int32(values.count - 1)
            })
        }

        /// Values some of `members` have and some lack, as `FilterChoices.narrowing` gives them.
        func narrowing(_ members: [Int], _ total: Int) -> Set<Value> {
            var counts = [Int32](repeating: 0, count: values.count)
            var seen: [Int32] = []
            for row in members {
                for number in byRow[row] {
                    if counts[Int(number)] == 0 { seen.append(number) }
                    counts[Int(number)] += 1
                }
            }
            var narrowing = Set<Value>(minimumCapacity: seen.count)
            for number in seen where counts[Int(number)] < total { narrowing.insert(values[Int(number)]) }
            return narrowing
        }
    }
}
