/// The `rowsPerSpelling` documents of highest weight offered, the first in document order
/// among equals, heaviest first; documents are offered in order. Millions are offered while
/// the index is made and few enter, so a weight that cannot enter is turned away at once,
/// and one that does is moved into place rather than inserted (an insert costs a call).
struct TopDocuments {
    /// Heaviest first; one array, so that an entry is checked and moved once.
    private var entries: [(weight: Double, document: Int32)] = []
    /// What a weight must pass to enter: once full, the last weight kept.
    private var bar = -Double.infinity

    var documents: [Int32] { entries.map(\.document) }

    @inline(__always)
    mutating func offer(_ weight: Double, _ document: Int32) {
        if weight > bar { enter(weight, document) }
    }

    private mutating func enter(_ weight: Double, _ document: Int32) {
        let limit = SearchIndex.rowsPerSpelling
        if entries.count == limit { entries.removeLast() }
        if entries.isEmpty { entries.reserveCapacity(limit) }
        entries.append((weight, document))
        entries.withUnsafeMutableBufferPointer { entries in
            var at = entries.count - 1
            while at > 0, entries[at - 1].weight < weight {
                entries[at] = entries[at - 1]
                at -= 1
            }
            entries[at] = (weight, document)
        }
        if entries.count == limit { bar = entries[limit - 1].weight }
    }

    /// `documents` (those of a few lists) in order, each once: a few dozen, which a set
    /// would hash one by one.
    static func inOrder(_ documents: [Int32]) -> [Int32] {
        var out = documents.sorted()
        var kept = 0
        for index in out.indices where kept == 0 || out[kept - 1] != out[index] {
            out[kept] = out[index]
            kept += 1
        }
        out.removeLast(out.count - kept)
        return out
    }
}
