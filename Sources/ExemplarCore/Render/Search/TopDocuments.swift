/// The `rowsPerSpelling` documents of highest weight offered, the first in document order
/// among equals, heaviest first; documents are offered in order. Millions are offered while
/// the index is made and few enter, so a weight that cannot enter is turned away at once,
/// and one that does is moved into place rather than inserted (an insert costs a call).
struct TopDocuments {
    private(set) var documents: [Int32] = []
    private var weights: [Double] = []
    /// What a weight must pass to enter: once full, the last weight kept.
    private var bar = -Double.infinity

    @inline(__always)
    mutating func offer(_ weight: Double, _ document: Int32) {
        if weight > bar { enter(weight, document) }
    }

    private mutating func enter(_ weight: Double, _ document: Int32) {
        let limit = SearchIndex.rowsPerSpelling
        if weights.count == limit {
            weights.removeLast()
            documents.removeLast()
        }
        if weights.isEmpty {
            weights.reserveCapacity(limit)
            documents.reserveCapacity(limit)
        }
        weights.append(weight)
        documents.append(document)
        weights.withUnsafeMutableBufferPointer { weights in
            documents.withUnsafeMutableBufferPointer { documents in
                var at = weights.count - 1
                while at > 0, weights[at - 1] < weight {
                    weights[at] = weights[at - 1]
                    documents[at] = documents[at - 1]
                    at -= 1
                }
                weights[at] = weight
                documents[at] = document
            }
        }
        if weights.count == limit { bar = weights[limit - 1] }
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
