extension SiteGraph {
    /// The ids a paginated list shows, in display order.
    func ids(of listing: Listing) -> [String] {
        switch listing {
        case .collectives: return collectiveOrder
        case .individuals: return individualOrder
        case .initiatives: return initiativeOrder
        case .year(let year): return exemplarsOfYear[year] ?? []
        case .field(let id): return exemplarsOfField[id] ?? []
        case .scope(let scope): return exemplarsOfScope[scope] ?? []
        case .award(let id): return holdersOfAward[id] ?? []
        case .phase: return phaseMembers
        case .unitMembers(let id): return members(ofUnit: id)
        case .events, .units, .years, .fields, .awards, .replication: return []
        }
    }

    /// The ids on page `page` (from 1) of a list.
    static func slice(_ ids: [String], page: Int) -> [String] {
        Array(ids.dropFirst((page - 1) * Planner.pageSize).prefix(Planner.pageSize))
    }
}
