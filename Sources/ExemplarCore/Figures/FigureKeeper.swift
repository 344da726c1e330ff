import Foundation

/// The figures of every year as a session's earlier build computed them, each with what
/// computing it read (whole tables: a figure counts every exemplar). A figure is computed
/// again only when one of those changed: a renamed unit makes the figures that show units
/// again (exemplars by unit, the models' adoptions) and keeps the awards, ratings and
/// registrations of every year as they were. The figures page and its exports of one build
/// share them (`Views.figures(year:)`), on any core.
final class FigureKeeper: @unchecked Sendable {
    struct Kept: Sendable {
        let figure: Figure
        /// What computing it read, by the numbers of the session's `InputIDs`.
        let inputs: [UInt32]
    }

    /// By year (nil: the phase), then by figure.
    typealias Figures = [Int?: [Figure.ID: Kept]]

    private let before: Figures
    private let ids: InputIDs
    /// Whether a figure whose inputs have these numbers still stands in this build; set
    /// before pages are rendered, once the inputs that changed are known.
    var stillRight: @Sendable ([UInt32]) -> Bool = { _ in false }

    private let lock = NSLock()
    private var made: Figures = [:]
    /// `year/figure` of each figure computed in this build, for tests and benchmarks.
    private var computed: [String] = []

    init(before: Figures = [:], ids: InputIDs) {
        self.before = before
        self.ids = ids
    }

    /// Figure `id` of `year` with what it read: the earlier build's when nothing it read
    /// changed, else made by `make`, which notes its reads in the `Reads` it is given.
    func figure(_ id: Figure.ID, year: Int?, make: (Reads) -> Figure) -> (figure: Figure, inputs: [PageInput]) {
        if let kept = before[year]?[id], stillRight(kept.inputs) {
            lock.withLock { made[year, default: [:]][id] = kept }
            return (kept.figure, ids.inputs(of: kept.inputs))
        }
        let reads = Reads(wholeTables: true)
        let figure = make(reads)
        let kept = Kept(figure: figure, inputs: ids.numbers(of: reads.inputs))
        lock.withLock {
            made[year, default: [:]][id] = kept
            computed.append("\(year.map(String.init) ?? "phase")/\(id.rawValue)")
        }
        return (figure, Array(reads.inputs))
    }

    /// What the next build starts from: the figures of this build, and those of the earlier
    /// one this build did not ask for (no page showing them was made again, so nothing they
    /// read changed), for the years in `years` alone.
    func kept(years: Set<Int?>) -> Figures {
        lock.withLock {
            var figures = before.filter { years.contains($0.key) }
            for (year, byID) in made where years.contains(year) { figures[year, default: [:]].merge(byID) { _, new in new } }
            return figures
        }
    }

    /// The figures computed in this build, sorted.
    var computedFigures: [String] { lock.withLock { computed.sorted() } }
}
