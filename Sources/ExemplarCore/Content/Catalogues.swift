/// `units.yml`: the Federation's units, the tree exemplars belong to.
public struct Unit: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        case office, department, district, sector
        case industrialZone = "industrial-zone"
        case grassroots
    }

    public var id: String
    public var name: String
    public var kind: Kind
    public var parent: Ref?
    public var source: SourceLocation
}

/// `criteria.yml`: what the plan asks of an exemplar.
public struct Criterion: Sendable, Hashable {
    public var id: String
    public var text: String
    public var appliesTo: Exemplar.Kind
    public var source: SourceLocation?
}

/// `awards.yml`: award forms and titles, ranked so lists can show the highest first.
public struct Award: Sendable, Hashable {
    public var id: String
    public var name: String
    /// Higher is more prestigious; only the order matters.
    public var rank: Int
    public var level: String?
    /// What the award is and who grants it, shown on its page.
    public var description: String?
    public var source: SourceLocation?
}

/// `fields.yml`: fields of work (mặt công tác).
public struct Field: Sendable, Hashable {
    public var id: String
    public var name: String
    public var source: SourceLocation?
}
