/// The site graph as page data sees it: the same names as `SiteGraph`, and every look-up
/// noted in `reads` (when given) as one of the page's inputs. Views read the graph only
/// through this, so what a page is made from is what its code actually read.
struct TrackedGraph: Sendable {
    /// Behind one reference: views, and this with them, are copied for every page and for
    /// many of its lists, and the graph is some thirty tables.
    private let box: Box
    var reads: Reads?

    var base: SiteGraph { box.graph }

    init(base: SiteGraph, reads: Reads? = nil) {
        box = Box(graph: base)
        self.reads = reads
    }

    private final class Box: Sendable {
        let graph: SiteGraph
        init(graph: SiteGraph) { self.graph = graph }
    }

    var site: SiteConfig { base.site }

    var units: TrackedTable<IDTable<Unit>> { .init(base.units, .units, reads) }
    var exemplars: TrackedTable<IDTable<Exemplar>> { .init(base.exemplars, .exemplars, reads) }
    var initiatives: TrackedTable<IDTable<Initiative>> { .init(base.initiatives, .initiatives, reads) }
    var events: TrackedTable<IDTable<Event>> { .init(base.events, .events, reads) }
    var pages: TrackedTable<IDTable<FreePage>> { .init(base.pages, .pages, reads) }
    var awards: TrackedTable<IDTable<Award>> { .init(base.awards, .awards, reads) }
    var fields: TrackedTable<IDTable<Field>> { .init(base.fields, .fields, reads) }
    var criteria: TrackedTable<IDTable<Criterion>> { .init(base.criteria, .criteria, reads) }
    var media: TrackedSet { .init(base: base.media, reads: reads) }
    var scores: TrackedTable<IDTable<[ScoreYear]>> { .init(base.scores, .scores, reads) }
    var images: TrackedTable<IDTable<PublishedImage>> { .init(base.images, .images, reads) }
    var fileSizes: TrackedTable<IDTable<Int>> { .init(base.fileSizes, .fileSizes, reads) }

    var childUnits: TrackedTable<IDTable<[String]>> { .init(base.childUnits, .childUnits, reads) }
    var exemplarsOfUnit: TrackedTable<IDTable<[String]>> { .init(base.exemplarsOfUnit, .exemplarsOfUnit, reads) }
    var initiativesOfExemplar: TrackedTable<IDTable<[String]>> { .init(base.initiativesOfExemplar, .initiativesOfExemplar, reads) }
    var ownersOfInitiative: TrackedTable<IDTable<[String]>> { .init(base.ownersOfInitiative, .ownersOfInitiative, reads) }
    var initiativesOfUnit: TrackedTable<IDTable<[String]>> { .init(base.initiativesOfUnit, .initiativesOfUnit, reads) }
    var adoptionsOfUnit: TrackedTable<IDTable<[String]>> { .init(base.adoptionsOfUnit, .adoptionsOfUnit, reads) }
    var eventsOfExemplar: TrackedTable<IDTable<[String]>> { .init(base.eventsOfExemplar, .eventsOfExemplar, reads) }
    var eventsOfInitiative: TrackedTable<IDTable<[String]>> { .init(base.eventsOfInitiative, .eventsOfInitiative, reads) }
    var eventsOfUnit: TrackedTable<IDTable<[String]>> { .init(base.eventsOfUnit, .eventsOfUnit, reads) }
    var holdersOfAward: TrackedTable<IDTable<[String]>> { .init(base.holdersOfAward, .holdersOfAward, reads) }
    var exemplarsOfYear: TrackedTable<[Int: [String]]> { .init(base.exemplarsOfYear, .exemplarsOfYear, reads) }
    var exemplarsOfField: TrackedTable<IDTable<[String]>> { .init(base.exemplarsOfField, .exemplarsOfField, reads) }
    var exemplarsOfScope: TrackedTable<[Exemplar.Scope: [String]]> { .init(base.exemplarsOfScope, .exemplarsOfScope, reads) }

    var unitOrder: [String] { order(.unitOrder, base.unitOrder) }
    var collectiveOrder: [String] { order(.collectiveOrder, base.collectiveOrder) }
    var individualOrder: [String] { order(.individualOrder, base.individualOrder) }
    var initiativeOrder: [String] { order(.initiativeOrder, base.initiativeOrder) }
    var eventOrder: [String] { order(.eventOrder, base.eventOrder) }
    var menuPages: [String] { order(.menuPages, base.menuPages) }
    var phaseMembers: [String] { order(.phaseMembers, base.phaseMembers) }

    private func order(_ table: GraphTable, _ ids: [String]) -> [String] {
        reads?.note(.all(table))
        return ids
    }

    /// Awards of an exemplar, highest rank first, then newest; only those `including` keeps.
    func rankedAwards(
        of exemplar: Exemplar, including: (Exemplar.Grant) -> Bool = { _ in true }
    ) -> [(grant: Exemplar.Grant, award: Award)] {
        for grant in exemplar.awards { reads?.note(.entry(.awards, grant.award.value)) }
        return base.rankedAwards(of: exemplar, including: including)
    }

    func members(ofUnit id: String) -> [String] { membersOfUnit[id] ?? [] }

    var membersOfUnit: TrackedTable<IDTable<[String]>> { .init(base.membersOfUnit, .membersOfUnit, reads) }
}

/// Keys of the graph's tables as page inputs name them.
protocol InputKey: Hashable {
    var inputKey: String { get }
}

extension String: InputKey { var inputKey: String { self } }
extension Int: InputKey { var inputKey: String { String(self) } }
extension Exemplar.Scope: InputKey { var inputKey: String { rawValue } }

/// What `TrackedTable` reads: a table of the graph by id (`IDTable`), year or scope.
protocol GraphLookup {
    associatedtype Key: InputKey
    associatedtype Value
    associatedtype Values: Collection<Value>
    associatedtype Keys: Collection<Key>
    subscript(key: Key) -> Value? { get }
    var values: Values { get }
    var keys: Keys { get }
}

extension Dictionary: GraphLookup where Key: InputKey {}

extension IDTable: GraphLookup {}

/// One table of the graph; a look-up notes the entry, a walk over all of it the table.
struct TrackedTable<Table: GraphLookup> {
    let base: Table
    let table: GraphTable
    let reads: Reads?

    init(_ base: Table, _ table: GraphTable, _ reads: Reads?) {
        self.base = base
        self.table = table
        self.reads = reads
    }

    subscript(key: Table.Key) -> Table.Value? {
        reads?.note(.entry(table, key.inputKey))
        return base[key]
    }

    var values: Table.Values {
        reads?.note(.all(table))
        return base.values
    }

    var keys: Table.Keys {
        reads?.note(.all(table))
        return base.keys
    }
}

struct TrackedSet {
    let base: Set<String>
    let reads: Reads?

    func contains(_ member: String) -> Bool {
        reads?.note(.entry(.media, member))
        return base.contains(member)
    }
}
