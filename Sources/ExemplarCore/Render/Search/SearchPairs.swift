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

    /// Makes the pairs and their shards again from the terms and the documents' names, keeping
    /// the text of a shard whose pairs and rows are unchanged (`rowsChanged`: documents whose
    /// row changed since the last time; nil: all).
    mutating func remakePairs(rowsChanged: Set<Int32>?) {
        let pairs = choosePairs()
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
        pairShards = cut.parallelMap { members in
            let first = members[0].key
            if let rowsChanged, let kept = old[first], kept.members == members,
               !members.contains(where: { $0.documents.contains(where: rowsChanged.contains) }) {
                return kept
            }
            return PairShard(firstKey: first, members: members, text: Self.pairText(members, rows: rowsOf))
        }
    }

    /// Every pair with rows to carry, in key order.
    private func choosePairs() -> [Pair] {
        // A key is common when its shard leaves some of its documents out.
        var common = [Bool](repeating: false, count: keys.count)
        for id in sorted {
            if let term = terms[id], term.carried.count < term.pairs.count / 2 { common[Int(id)] = true }
        }
        // Partners of each key, the pair named once, by its key first in key order.
        var partners: [Int32: Set<Int32>] = [:]
        for document in documents {
            let names = document.nameKeys
            guard names.count <= Self.pairNameWords else { continue }
            for (index, first) in names.enumerated() where common[Int(first)] {
                for second in names[(index + 1)..<min(names.count, index + 1 + Self.pairReach)]
                where second != first && common[Int(second)] {
                    let before = keys[Int(first)].unicodeScalars.lexicographicallyPrecedes(keys[Int(second)].unicodeScalars)
                    partners[before ? first : second, default: []].insert(before ? second : first)
                }
            }
        }
        let carriedBy = shardRows()
        let keys = self.keys, terms = self.terms, count = documents.count, partnersOf = partners
        let groups = partners.keys.sorted()
        let made = groups.parallelMap { first -> [Pair] in
            guard let term = terms[first] else { return [] }
            // The first key's posting of every document (code + 1; 0 for none).
            var codes = [Int32](repeating: 0, count: count)
            var document: Int32 = 0
            for index in stride(from: 0, to: term.pairs.count, by: 2) {
                document &+= term.pairs[index]
                codes[Int(document)] = term.pairs[index + 1] + 1
            }
            let shardOfFirst = carriedBy(keys[Int(first)])
            var out: [Pair] = []
            for second in (partnersOf[first] ?? []).sorted() {
                guard let other = terms[second] else { continue }
                var chosen = Self.bestTogether(codes, other)
                chosen.subtract(shardOfFirst)
                chosen.subtract(carriedBy(keys[Int(second)]))
                if !chosen.isEmpty {
                    out.append(Pair(key: keys[Int(first)] + " " + keys[Int(second)], documents: chosen.sorted()))
                }
            }
            return out
        }
        return made.joined().sorted { $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars) }
    }

    /// The documents holding both keys that a query of the two would show first: the
    /// `rowsPerSpelling` heaviest, and as many for each pair of spellings met in a name.
    private static func bestTogether(_ codes: [Int32], _ term: SearchIndex.Term) -> Set<Int32> {
        let limit = SearchIndex.rowsPerSpelling
        var all: [(weight: Double, document: Int32)] = []
        var bySpelling: [Int32: [(weight: Double, document: Int32)]] = [:]
        func keep(_ list: inout [(weight: Double, document: Int32)], _ weight: Double, _ document: Int32) {
            // Documents come in order: one enters only when heavier than the last kept.
            if list.count == limit {
                guard let last = list.last, weight > last.weight else { return }
                list.removeLast()
            }
            var at = list.count
            while at > 0, list[at - 1].weight < weight { at -= 1 }
            list.insert((weight, document), at: at)
        }
        var document: Int32 = 0
        for index in stride(from: 0, to: term.pairs.count, by: 2) {
            document &+= term.pairs[index]
            let first = codes[Int(document)] - 1
            guard first >= 0 else { continue }
            let second = term.pairs[index + 1]
            let weight = SearchIndex.weights[Int(first % 512)] + SearchIndex.weights[Int(second % 512)]
            keep(&all, weight, document)
            if first & 1 != 0, second & 1 != 0 {
                keep(&bySpelling[(first / 512) << 16 | (second / 512), default: []], weight, document)
            }
        }
        var chosen = Set(all.map(\.document))
        for list in bySpelling.values { chosen.formUnion(list.map(\.document)) }
        return chosen
    }

    /// The rows carried by the term shard a key falls in, by key.
    private func shardRows() -> @Sendable (String) -> Set<Int32> {
        var rows: [Set<Int32>] = []
        for (number, first) in shardKeys.enumerated() {
            let start = lowerBound(keys[Int(first)], in: sorted)
            let end = number + 1 < shardKeys.count ? lowerBound(keys[Int(shardKeys[number + 1])], in: sorted) : sorted.count
            var carried: Set<Int32> = []
            for position in start..<end { carried.formUnion(terms[sorted[position]]?.carried ?? []) }
            rows.append(carried)
        }
        let firstKeys = shardKeys.map { keys[Int($0)] }, carried = rows
        return { key in
            var low = 0, high = firstKeys.count
            while low < high {
                let middle = (low + high) / 2
                if key.unicodeScalars.lexicographicallyPrecedes(firstKeys[middle].unicodeScalars) { high = middle } else { low = middle + 1 }
            }
            return low > 0 ? carried[low - 1] : []
        }
    }

    /// `{"k":[pairs],"r":[rows]}`, rows in document order.
    private static func pairText(_ members: [Pair], rows: [String]) -> String {
        var out = "{\"k\":"
        JSONValue(members.map(\.key)).write(to: &out)
        out += ",\"r\":["
        for (index, document) in Set(members.flatMap(\.documents)).sorted().enumerated() {
            out += index > 0 ? ",[" : "["
            out += String(document) + "," + rows[Int(document)] + "]"
        }
        return out + "]}\n"
    }
}
