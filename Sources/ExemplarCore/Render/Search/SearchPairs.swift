/// Rows for queries of several common words. A query's results are every document holding all
/// its words, and the term shards give `search.js` every posting to rank them, but the rows a
/// shard carries are each key's best documents alone: for "nguyen van" the best documents of
/// both words at once are seldom among them, and the first page would wait for document blocks.
///
/// So for two common keys (keys whose shard does not carry all their documents) that stand
/// near each other in some name of at most six words (next to each other or one word between: "nguyen van",
/// "van an", "nguyen an"), the index writes the rows of the pair's best documents, ranked as a
/// query of the two words ranks them (`SearchIndex.weights`): the `rowsPerSpelling` heaviest of
/// all documents holding both, and as many for each pair of spellings the two words have in a
/// name, so a query typed with marks finds its exact matches too. Rows the two words' own
/// shards carry already are left out. Pair shards (`p/<n>.json`, `{"k":[pairs],"r":[rows]}`)
/// hold consecutive pairs in key order ("an nguyen" for both orders of the words), and a query
/// fetches the shards of its pairs of words with its term shards.
extension SearchIndexState {
    /// Words of a name at most this far apart make a pair.
    static let pairReach = 2
    /// Only names of at most this many words make pairs: people's names and short titles, which
    /// visitors type whole; the long names of collectives and units would double the pairs.
    static let pairNameWords = 6

    struct PairShard: Sendable {
        var firstKey: String
        /// Its pairs and the documents each carries, to keep the text when they stay the same.
        var members: [Pair]
        var text: String
    }

    struct Pair: Sendable, Equatable {
        var key: String
        var documents: [Int32]
    }

    /// Makes the pairs and their shards again from the terms and the documents' names. A pair
    /// whose two keys' term shards hold no changed key (`changedKeys`; nil: every key) keeps
    /// the documents it had, and a shard whose pairs and rows are unchanged keeps its text
    /// (`rowsChanged`: documents whose row changed since the last time; nil: all).
    /// With `sink`, each shard's text goes there as it is written and is not kept.
    mutating func remakePairs(changedKeys: Set<Int32>?, rowsChanged: Set<Int32>?, sink: Sink? = nil) {
        let pairs = choosePairs(changedKeys: changedKeys)
        // An index that will not be patched needs its terms no more: their postings, as large
        // as the pair shards' text, are let go before that text is written.
        if !patchable { terms = Terms() }
        pairsShardKeys = shardKeys
        var cut: [[Pair]] = []
        var current: [Pair] = []
        var size = 0
        var rows: Set<Int32> = []
        for pair in pairs {
            current.append(pair)
            size += pair.key.utf8.count + 4
            for document in pair.documents where rows.insert(document).inserted {
                size += documents[Int(document)].row.utf8.count + 8
            }
            if size >= SearchIndex.shardBytes {
                cut.append(current)
                current = []
                size = 0
                rows = []
            }
        }
        if !current.isEmpty { cut.append(current) }
        let old = Dictionary(pairShards.map { ($0.firstKey, $0) }, uniquingKeysWith: { first, _ in first })
        let rowsOf = documents.map(\.row)
        if let sink {
            pairShards = cut.map { PairShard(firstKey: $0[0].key, members: [], text: "") }
            Self.inGroups(cut) { members in Self.pairBytes(members, rows: rowsOf) } each: { number, bytes in
                sink("p/\(number).json", .bytes(bytes))
            }
            return
        }
        pairShards = cut.parallelMap { members in
            let first = members[0].key
            if let rowsChanged, let kept = old[first], kept.members == members,
               !members.contains(where: { $0.documents.contains(where: rowsChanged.contains) }) {
                return kept
            }
            return PairShard(firstKey: first, members: members,
                             text: String(decoding: Self.pairBytes(members, rows: rowsOf), as: UTF8.self))
        }
    }

    /// Every pair and triple with rows to carry, in key order; `pairsMade` and `triplesMade`
    /// keep each one's documents for the next time.
    private mutating func choosePairs(changedKeys: Set<Int32>?) -> [Pair] {
        // A key is common when its shard leaves some of its documents out.
        var common = [Bool](repeating: false, count: keys.count)
        // Each key's place in key order and its term shard, so that neither needs a String compared.
        var place = [Int32](repeating: -1, count: keys.count)
        var shardOf = [Int](repeating: 0, count: keys.count)
        var shard = 0
        for (position, id) in sorted.enumerated() {
            if shard + 1 < shardKeys.count, shardKeys[shard + 1] == id { shard += 1 }
            place[Int(id)] = Int32(position)
            shardOf[Int(id)] = shard
            if let term = terms[id], term.carried.count < term.pairs.count / 2 { common[Int(id)] = true }
        }
        // Partners of each key, the pair named once, by its key first in key order; and the
        // triples, each in key order.
        var partners: [Int32: Set<Int32>] = [:]
        var triples: Set<Triple> = []
        for document in documents {
            let names = document.nameKeys
            guard names.count <= Self.pairNameWords else { continue }
            for (index, first) in names.enumerated() where common[Int(first)] {
                for (offset, second) in names[(index + 1)..<min(names.count, index + 1 + Self.tripleReach)].enumerated()
                where second != first && common[Int(second)] {
                    if offset < Self.pairReach {
                        let before = place[Int(first)] < place[Int(second)]
                        partners[before ? first : second, default: []].insert(before ? second : first)
                    }
                    for third in names[(index + offset + 2)..<min(names.count, index + 1 + Self.tripleReach)]
                    where third != first && third != second && common[Int(third)] {
                        triples.insert(Triple(inOrder: first, second, third, place))
                    }
                }
            }
        }
        // Term shards holding a changed key, or cut anew (another range of keys): their keys'
        // pairs and triples are made again.
        let firstKeys = shardKeys.map { keys[Int($0)] }
        var dirty = changedKeys.map { Set($0.map { Self.shard(of: keys[Int($0)], firstKeys) }) } ?? Set(shardKeys.indices)
        var nextBefore: [Int32: Int32] = [:]
        for (number, id) in pairsShardKeys.enumerated() {
            nextBefore[id] = number + 1 < pairsShardKeys.count ? pairsShardKeys[number + 1] : -1
        }
        for (number, id) in shardKeys.enumerated() where nextBefore[id] != (number + 1 < shardKeys.count ? shardKeys[number + 1] : -1) {
            dirty.insert(number)
        }
        var kept: [Int32: [Int32: [Int32]]] = [:]  // first → second → documents
        // Pairs to make, by the key whose postings are spread out once for all its pairs: a
        // key of a changed shard, so that an edit spreads out only the few keys it changed.
        var redo: [Int32: [(other: Int32, first: Bool)]] = [:]
        for (first, seconds) in partners {
            for second in seconds.sorted() {
                let firstDirty = dirty.contains(shardOf[Int(first)]), secondDirty = dirty.contains(shardOf[Int(second)])
                if !firstDirty, !secondDirty, let made = pairsMade[Self.pairID(first, second)] {
                    kept[first, default: [:]][second] = made
                } else if firstDirty || !secondDirty {
                    redo[first, default: []].append((second, true))
                } else {
                    redo[second, default: []].append((first, false))
                }
            }
        }
        var triplesKept: [Triple: [Int32]] = [:]
        var triplesRedo: [Triple] = []
        for triple in triples {
            if !triple.keys.contains(where: { dirty.contains(shardOf[Int($0)]) }), let made = triplesMade[triple] {
                triplesKept[triple] = made
            } else {
                triplesRedo.append(triple)
            }
        }
        var touched = Set(redo.flatMap { [$0.key] + $0.value.map(\.other) }.map { shardOf[Int($0)] })
        for triple in triplesRedo { touched.formUnion(triple.keys.map { shardOf[Int($0)] }) }
        let carriedBy = shardRows(for: touched)
        let terms = self.terms, count = documents.count, work = redo, shardOfKey = shardOf
        let anchors = work.keys.sorted()
        let made = anchors.parallelMap { anchor -> [(first: Int32, second: Int32, documents: [Int32])] in
            guard let term = terms[anchor] else { return [] }
            // The anchor's posting of every document (code + 1; 0 for none).
            var codes = [Int32](repeating: 0, count: count)
            Self.spread(term, into: &codes)
            let ownRows = carriedBy[shardOfKey[Int(anchor)]] ?? DocumentBits(count: 0)
            return (work[anchor] ?? []).map { other, first in
                guard let otherTerm = terms[other] else { return (anchor, other, []) }
                // The few documents chosen are looked up in the shards' many rows, not the other way.
                let otherRows = carriedBy[shardOfKey[Int(other)]] ?? DocumentBits(count: 0)
                let chosen = Self.bestTogether(codes, otherTerm).filter { !ownRows.contains($0) && !otherRows.contains($0) }
                return first ? (anchor, other, chosen) : (other, anchor, chosen)
            }
        }
        for pair in made.joined() { kept[pair.first, default: [:]][pair.second] = pair.documents }
        // A query of three words fetches the pairs among them too: a triple leaves out their rows.
        let pairsNow = kept
        let carried: @Sendable (Triple) -> (Int32) -> Bool = { triple in
            let (a, b, c) = (triple.first, triple.second, triple.third)
            let shards = [a, b, c].map { carriedBy[shardOfKey[Int($0)]] ?? DocumentBits(count: 0) }
            let pairs = [(a, b), (a, c), (b, c)].map { pairsNow[$0]?[$1] ?? [] }
            return { document in
                shards.contains { $0.contains(document) } || pairs.contains { $0.contains(document) }
            }
        }
        for (triple, documents) in makeTriples(triplesRedo, carried: carried) { triplesKept[triple] = documents }
        var out: [(keys: [Int32], documents: [Int32])] = []
        pairsMade = [:]
        for (first, seconds) in kept {
            for (second, documents) in seconds {
                pairsMade[Self.pairID(first, second)] = documents
                if !documents.isEmpty { out.append(([first, second], documents)) }
            }
        }
        triplesMade = triplesKept
        for (triple, documents) in triplesKept where !documents.isEmpty { out.append((triple.keys, documents)) }
        // Key order of "a b" is the order of a, then of b, and "a b" comes before "a b c": a
        // key holds no space or anything before it.
        out.sort { left, right in
            for (a, b) in zip(left.keys, right.keys) where a != b { return place[Int(a)] < place[Int(b)] }
            return left.keys.count < right.keys.count
        }
        return out.map { Pair(key: $0.keys.map { keys[Int($0)] }.joined(separator: " "), documents: $0.documents) }
    }

    /// Writes `term`'s posting of every document into `codes` (code + 1; 0 for none). Through
    /// the arrays' memory: the pairs and triples spread out millions of postings.
    static func spread(_ term: SearchIndex.Term, into codes: inout [Int32]) {
        codes.withUnsafeMutableBufferPointer { codes in
            term.pairs.withUnsafeBufferPointer { pairs in
                var document: Int32 = 0
                var index = 0
                while index &+ 1 < pairs.count {
                    document &+= pairs[index]
                    if UInt32(bitPattern: document) < UInt32(codes.count) { codes[Int(document)] = pairs[index &+ 1] &+ 1 }
                    index &+= 2
                }
            }
        }
    }

    static func pairID(_ first: Int32, _ second: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: first)) << 32 | UInt64(UInt32(bitPattern: second))
    }

    /// The number of the term shard `key` falls in, by the shards' first keys.
    private static func shard(of key: String, _ firstKeys: [String]) -> Int {
        var low = 0, high = firstKeys.count
        while low < high {
            let middle = (low + high) / 2
            if key.unicodeScalars.lexicographicallyPrecedes(firstKeys[middle].unicodeScalars) { high = middle } else { low = middle + 1 }
        }
        return max(low - 1, 0)
    }

    /// The documents holding both keys that a query of the two would show first, in order:
    /// the `rowsPerSpelling` heaviest, and as many for each pair of spellings met in a name.
    private static func bestTogether(_ codes: [Int32], _ term: SearchIndex.Term) -> [Int32] {
        var all = TopDocuments()
        // A pair of words has a few pairs of spellings: found by a linear search, which costs
        // less than hashing each of the many documents naming both.
        var spellingPairs: [Int32] = []
        var bySpelling: [TopDocuments] = []
        SearchIndex.weights.withUnsafeBufferPointer { weights in
            codes.withUnsafeBufferPointer { codes in
                term.pairs.withUnsafeBufferPointer { pairs in
                    var document: Int32 = 0
                    for index in stride(from: 0, to: pairs.count, by: 2) {
                        document &+= pairs[index]
                        let first = codes[Int(document)] &- 1
                        guard first >= 0 else { continue }
                        let second = pairs[index + 1]
                        let weight = weights[Int(first % 512)] + weights[Int(second % 512)]
                        all.offer(weight, document)
                        if first & 1 != 0, second & 1 != 0 {
                            let spellings = (first / 512) << 16 | (second / 512)
                            if let at = spellingPairs.firstIndex(of: spellings) {
                                bySpelling[at].offer(weight, document)
                            } else {
                                spellingPairs.append(spellings)
                                bySpelling.append(TopDocuments())
                                bySpelling[bySpelling.count - 1].offer(weight, document)
                            }
                        }
                    }
                }
            }
        }
        var chosen = all.documents
        for list in bySpelling { chosen += list.documents }
        return TopDocuments.inOrder(chosen)
    }

    /// The rows each of the term shards `numbers` carries.
    func shardRows(for numbers: Set<Int>) -> [Int: DocumentBits] {
        var rows: [Int: DocumentBits] = [:]
        for number in numbers where number < shardKeys.count {
            let start = lowerBound(keys[Int(shardKeys[number])], in: sorted)
            let end = number + 1 < shardKeys.count ? lowerBound(keys[Int(shardKeys[number + 1])], in: sorted) : sorted.count
            var carried = DocumentBits(count: documents.count)
            for position in start..<end {
                for document in terms[sorted[position]]?.carried ?? [] { carried.insert(document) }
            }
            rows[number] = carried
        }
        return rows
    }

    /// `{"k":[pairs],"r":[rows]}`, rows in document order.
    private static func pairBytes(_ members: [Pair], rows: [String]) -> [UInt8] {
        var out = JSONBytes(capacity: 2 * SearchIndex.shardBytes)
        out.raw("{\"k\":")
        JSONValue(members.map(\.key)).write(to: &out)
        out.raw(",\"r\":[")
        for (index, document) in Set(members.flatMap(\.documents)).sorted().enumerated() {
            out.raw(index > 0 ? ",[" : "[")
            out.int(Int(document))
            out.raw(",")
            out.json(rows[Int(document)])
            out.raw("]")
        }
        out.raw("]}\n")
        return out.bytes
    }
}
