/// Rows for full names. The first page of a query of three or four common words ("nguyen thi
/// thu", "le ngoc phuc") holds the documents with all of them in the name, then those with two
/// in the name and the others elsewhere, ranked by where: no pair's best twenty anticipates
/// the third word. So for three common keys that stand within `tripleReach` words of each other
/// in a name of at most `pairNameWords` words, the index also writes the rows of the documents a
/// query of the three shows first: the `rowsPerSpelling` heaviest of all documents holding the
/// three, and for each way the three are spelled together in a name, the first
/// `rowsPerSpelling` of a query typed with those marks (exact spellings first, then weight).
/// Triples go in the pair shards (`"an nguyen thi"`, its keys in key order, after the pair
/// `"an nguyen"`), less the rows their keys' own term shards and the pairs among them carry:
/// `search.js` fetches those with a triple.
extension SearchIndexState {
    /// Words of a name at most this far apart, the first from the last, make a triple: every
    /// three words of a name of four.
    static let tripleReach = 3

    /// Three key ids in key order.
    struct Triple: Hashable, Sendable {
        let first, second, third: Int32
        var keys: [Int32] { [first, second, third] }

        /// The three keys put in key order by their `place`.
        init(inOrder a: Int32, _ b: Int32, _ c: Int32, _ place: [Int32]) {
            var (x, y, z) = (a, b, c)
            if place[Int(x)] > place[Int(y)] { swap(&x, &y) }
            if place[Int(y)] > place[Int(z)] { swap(&y, &z) }
            if place[Int(x)] > place[Int(y)] { swap(&x, &y) }
            (first, second, third) = (x, y, z)
        }
    }

    /// The documents of each triple, less the rows `carried` says a query of the three fetches
    /// anyway (its keys' term shards, the pairs among them): it gives the test for one triple.
    /// Triples are grouped by their most common key, whose postings are spread out once for
    /// all of them, then by the next most common; the rarest key's postings are walked.
    func makeTriples(_ triples: [Triple], carried: @Sendable (Triple) -> (Int32) -> Bool) -> [(Triple, [Int32])] {
        let terms = self.terms, count = documents.count
        // Whether each spelling of a key has marks, by the key's own spelling numbers.
        var marked: [Int32: [Bool]] = [:]
        for id in Set(triples.flatMap(\.keys)) {
            guard let term = terms[id] else { continue }
            marked[id] = term.spellings.map { spellings[Int($0)] != term.key }
        }
        var work: [Int32: [(middle: Int32, rare: Int32, triple: Triple)]] = [:]
        for triple in triples {
            let bySize = triple.keys.sorted { (terms[$0]?.pairs.count ?? 0, $0) > (terms[$1]?.pairs.count ?? 0, $1) }
            work[bySize[0], default: []].append((bySize[1], bySize[2], triple))
        }
        let anchors = work.keys.sorted(), markedOf = marked, jobs = work
        return anchors.parallelMap { anchor -> [(Triple, [Int32])] in
            guard let term = terms[anchor] else { return [] }
            var anchorCodes = [Int32](repeating: 0, count: count)
            Self.spread(term, into: &anchorCodes)
            var middleCodes = [Int32](repeating: 0, count: count)
            var middle: SearchIndex.Term?, middleID: Int32 = -1
            var out: [(Triple, [Int32])] = []
            var held = Held()
            for job in (jobs[anchor] ?? []).sorted(by: { ($0.middle, $0.rare) < ($1.middle, $1.rare) }) {
                if job.middle != middleID {
                    if let last = middle { Self.clear(last, in: &middleCodes) }
                    middle = terms[job.middle]
                    middleID = job.middle
                    if let next = middle { Self.spread(next, into: &middleCodes) }
                }
                guard middle != nil, let rare = terms[job.rare] else {
                    out.append((job.triple, []))
                    continue
                }
                let chosen = Self.bestOfThree(
                    anchorCodes, middleCodes, rare,
                    marked: [markedOf[anchor] ?? [], markedOf[job.middle] ?? [], markedOf[job.rare] ?? []], held: &held)
                let isCarried = carried(job.triple)
                out.append((job.triple, chosen.filter { !isCarried($0) }))
            }
            return out
        }.flatMap { $0 }
    }

    /// Undoes `spread`: a term of many postings is undone by zeroing every document at once,
    /// which takes a few bytes' work for each of them rather than a step for each posting.
    private static func clear(_ term: SearchIndex.Term, in codes: inout [Int32]) {
        codes.withUnsafeMutableBufferPointer { codes in
            if term.pairs.count > codes.count / 16 {
                codes.update(repeating: 0)
                return
            }
            term.pairs.withUnsafeBufferPointer { pairs in
                var document: Int32 = 0
                var index = 0
                while index < pairs.count {
                    document &+= pairs[index]
                    if UInt32(bitPattern: document) < UInt32(codes.count) { codes[Int(document)] = 0 }
                    index &+= 2
                }
            }
        }
    }

    /// The documents holding the three keys, as `bestOfThree` walks them: for each, its three
    /// spelling numbers (21 bits each), its weight for a query of the three and its number.
    /// Kept from triple to triple, so that their room is made once.
    struct Held {
        var spelled: [UInt64] = []
        var weights: [Double] = []
        var documents: [Int32] = []
    }

    /// The documents holding the three keys (two spread out in `first` and `second`, code + 1,
    /// the third's postings in `third`) that a query of the three shows first: the heaviest,
    /// and for each way the three are spelled in a name, those a query so spelled shows first.
    /// `marked`: whether each key's spellings have marks (a query word without marks counts
    /// no exact spelling). The third's postings are walked once into `held`, and each ranking
    /// reads only the documents holding the three.
    private static func bestOfThree(_ first: [Int32], _ second: [Int32], _ third: SearchIndex.Term,
                                    marked: [[Bool]], held: inout Held) -> [Int32] {
        let most = third.pairs.count / 2
        if held.documents.count < most {
            held.spelled = Array(repeating: 0, count: most)
            held.weights = Array(repeating: 0, count: most)
            held.documents = Array(repeating: 0, count: most)
        }
        var count = 0
        var combinations: Set<UInt64> = []  // the spellings of the documents holding the three in their name
        SearchIndex.weights.withUnsafeBufferPointer { weights in
            first.withUnsafeBufferPointer { first in
                second.withUnsafeBufferPointer { second in
                    third.pairs.withUnsafeBufferPointer { pairs in
                        held.spelled.withUnsafeMutableBufferPointer { spelledOut in
                            held.weights.withUnsafeMutableBufferPointer { weightsOut in
                                held.documents.withUnsafeMutableBufferPointer { documentsOut in
                                    var document: Int32 = 0
                                    for index in stride(from: 0, to: pairs.count, by: 2) {
                                        document &+= pairs[index]
                                        let a = first[Int(document)] &- 1, b = second[Int(document)] &- 1
                                        guard a >= 0, b >= 0 else { continue }
                                        let c = pairs[index + 1]
                                        let spelled = UInt64(a >> 9) << 42 | UInt64(b >> 9) << 21 | UInt64(c >> 9)
                                        spelledOut[count] = spelled
                                        weightsOut[count] = weights[Int(a & 511)] + weights[Int(b & 511)] + weights[Int(c & 511)]
                                        documentsOut[count] = document
                                        count += 1
                                        if a & b & c & 1 != 0 { combinations.insert(spelled) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        var chosen: [Int32] = []
        held.spelled.withUnsafeBufferPointer { spelled in
            held.weights.withUnsafeBufferPointer { weights in
                held.documents.withUnsafeBufferPointer { documents in
                    var heaviest = TopDocuments()
                    for index in 0..<count { heaviest.offer(weights[index], documents[index]) }
                    chosen += heaviest.documents
                    let field: UInt64 = 0x1F_FFFF
                    for spelling in combinations {
                        // Only a spelling with marks counts as exact: spelled without any, it is
                        // the ranking above. `field + 1` matches no spelling number.
                        func exact(_ spelling: UInt64, _ marks: [Bool]) -> UInt64 {
                            spelling < marks.count && marks[Int(spelling)] ? spelling : field + 1
                        }
                        let a = exact(spelling >> 42, marked[0]), b = exact((spelling >> 21) & field, marked[1])
                        let c = exact(spelling & field, marked[2])
                        guard a <= field || b <= field || c <= field else { continue }
                        // Exact spellings count first, as in `search.js`: a weight stays below 3 × 128.
                        var best = TopDocuments()
                        for index in 0..<count {
                            let one = spelled[index]
                            var score = weights[index]
                            if one >> 42 == a { score += 512 }
                            if (one >> 21) & field == b { score += 512 }
                            if one & field == c { score += 512 }
                            best.offer(score, documents[index])
                        }
                        chosen += best.documents
                    }
                }
            }
        }
        return TopDocuments.inOrder(chosen)
    }
}
