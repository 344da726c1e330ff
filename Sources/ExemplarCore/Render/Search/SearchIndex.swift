/// The search index, written with the site as small JSON files that `search.js` fetches on
/// demand, so a query downloads only what it reads, and the first page of results is drawn
/// from what the query's term shards carry, without another round trip:
///
/// - `m.json`, the manifest: the first key of every term shard, the kind groups (ranges of
///   document numbers), result labels, units (name and parent) and the first year;
/// - `t/<n>.json`, term shards: consecutive keys in sorted order, cut at about `shardBytes`,
///   `{"k":{key:[spellings, postings]…},"r":[rows]}`. Postings are a flat list of pairs: the
///   document number minus the previous one, and (spelling index × 8 + name length) × 64 +
///   field mask, where the name length (words, at most 7) is there when the word is in the
///   name, so a short name that is mostly the query ("Phan Anh Đức") ranks above a long one.
///   The rows are those of each key's `rowsPerSpelling` best documents for each of its
///   spellings (all of them for a short list): `[document, path, name, label, years, snippet]`;
/// - `d/<n>.json`, every document in blocks of `documentsPerFile`: `[path, name, label, years,
///   snippet]`, for the results the shards do not carry (later pages, filters, some queries
///   of several common words);
/// - `f.json`, what the filters read for every document: unit and a bit mask of years.
///
/// Everything is in the site's display order and written by hand, so the same site gives
/// the same bytes.
struct SearchIndex {
    /// The folder of the index under the search page.
    static let folder = "i/"
    static let documentsPerFile = 16
    /// About what a term shard holds, postings and rows, before the next key starts a new one
    /// (before gzip, which shrinks these files about fourfold).
    static let shardBytes = 16_000
    /// Rows a key carries for each of its spellings: one page of `search.js`, whose order for
    /// a one-word query is the spelling asked for first, then the key's weight.
    static let rowsPerSpelling = 20

    /// Files of the index, paths relative to the index folder, made from nothing (a clean
    /// build; a kept session updates its `SearchIndexState` instead).
    static func files(_ views: Views) -> [(path: String, text: String)] {
        var state = SearchIndexState()
        return state.update(views, stillRight: nil, track: false)
    }

    /// Documents read on every core at once before their words are merged.
    static let batchSize = 1024

    /// One key of one document: the index's key and spelling ids, and the name length × 64 +
    /// field mask (see `WordCutter.Posting`).
    struct Posting: Sendable, Equatable {
        var key: Int32
        var spelling: Int32
        var rest: Int32
    }

    /// A posting's weight for ranking, by its name length × 64 + field mask, as `search.js`
    /// weighs it: its heaviest field, a little for each other field, and for a word of the
    /// name, more when the name is short.
    static let weights: [Double] = (0..<512).map { code in
        let fieldWeights: [Double] = [64, 16, 12, 8, 4, 1]
        var best = 0.0, sum = 0.0
        for bit in 0..<6 where code & (1 << bit) != 0 {
            best = max(best, fieldWeights[bit])
            sum += fieldWeights[bit]
        }
        let length = (code >> 6) & 7
        return best + (sum - best) / 16 + (length > 0 ? 16 / Double(length) : 0)
    }

    /// A key's documents, in document order.
    struct Term: Sendable {
        var key: String
        /// Spelling ids, in the order of their first document.
        var spellings: [Int32] = []
        /// Delta-coded pairs, as written.
        var pairs: [Int32] = []
        var lastDocument = 0
        /// The documents whose rows the key's shard carries, ascending.
        var carried: [Int32] = []

        init(key: String) { self.key = key }

        /// Adds a posting of document `number`, which comes after every one the term has.
        /// `rest`: the name length × 64 + the field mask. Inlined: a build adds millions.
        @inline(__always)
        mutating func add(_ number: Int, spelling: Int32, rest: Int32) {
            // A key has few spellings (đức, dục, đục …): a linear search is the cheapest.
            var index = spellings.firstIndex(of: spelling) ?? -1
            if index < 0 {
                index = spellings.count
                spellings.append(spelling)
            }
            pairs.append(Int32(truncatingIfNeeded: number - lastDocument))
            pairs.append(Int32(truncatingIfNeeded: index * 512) + rest)
            lastDocument = number
        }

        /// Sets, replaces or (nil) removes the posting of document `number`, leaving the term
        /// as adding its documents in order would have made it.
        mutating func patch(_ number: Int, _ posting: (spelling: Int32, rest: Int32)?) {
            var position = 0, before = 0
            while position < pairs.count, before + Int(pairs[position]) < number {
                before += Int(pairs[position])
                position += 2
            }
            let found = position < pairs.count && before + Int(pairs[position]) == number
            if let posting {
                var index = spellings.firstIndex(of: posting.spelling) ?? -1
                if index < 0 {
                    index = spellings.count
                    spellings.append(posting.spelling)
                }
                let code = Int32(truncatingIfNeeded: index * 512) + posting.rest
                if found {
                    pairs[position + 1] = code
                } else {
                    let delta = Int32(truncatingIfNeeded: number - before)
                    if position < pairs.count { pairs[position] -= delta } else { lastDocument = number }
                    pairs.insert(contentsOf: [delta, code], at: position)
                }
            } else if found {
                if position + 2 < pairs.count {
                    pairs[position + 2] += pairs[position]
                } else {
                    lastDocument = before
                }
                pairs.removeSubrange(position..<position + 2)
            }
            renumberSpellings()
        }

        /// Puts the spellings back in the order of their first document, without the unused.
        private mutating func renumberSpellings() {
            var order = [Int](repeating: -1, count: spellings.count)
            var next = 0
            for index in stride(from: 1, to: pairs.count, by: 2) {
                let spelling = Int(pairs[index]) / 512
                if order[spelling] < 0 {
                    order[spelling] = next
                    next += 1
                }
            }
            if next == spellings.count, order.enumerated().allSatisfy({ $0.offset == $0.element }) { return }
            var renumbered = [Int32](repeating: 0, count: next)
            for (old, new) in order.enumerated() where new >= 0 { renumbered[new] = spellings[old] }
            spellings = renumbered
            for index in stride(from: 1, to: pairs.count, by: 2) {
                let code = Int(pairs[index])
                pairs[index] = Int32(truncatingIfNeeded: order[code / 512] * 512 + code % 512)
            }
        }

        /// Finds the documents whose rows the shard carries: for each spelling, the
        /// `rowsPerSpelling` of heaviest weight, the first in document order among equals.
        mutating func chooseCarried() {
            // A term of a few documents carries them all.
            if pairs.count <= 2 * SearchIndex.rowsPerSpelling {
                var document: Int32 = 0
                carried = stride(from: 0, to: pairs.count, by: 2).map { index in
                    document &+= pairs[index]
                    return document
                }
                return
            }
            var best = [TopDocuments](repeating: TopDocuments(), count: spellings.count)
            // Every posting is offered: read and ranked in place, without the arrays' checks.
            SearchIndex.weights.withUnsafeBufferPointer { weights in
                pairs.withUnsafeBufferPointer { pairs in
                    best.withUnsafeMutableBufferPointer { best in
                        var document: Int32 = 0
                        for index in stride(from: 0, to: pairs.count, by: 2) {
                            document &+= pairs[index]
                            let code = Int(pairs[index + 1])
                            best[code / 512].offer(weights[code % 512], document)
                        }
                    }
                }
            }
            carried = TopDocuments.inOrder(Array(best.map(\.documents).joined()))
        }

        /// The term as its shard writes it: `"key":[[spellings],[pairs]]`.
        func entry(spellings names: [String], to out: inout JSONBytes) {
            out.string(key)
            out.raw(":[[")
            for (index, spelling) in spellings.enumerated() {
                if index > 0 { out.raw(",") }
                out.string(names[Int(spelling)])
            }
            out.raw("],[")
            out.json(SearchIndex.decimals(pairs))
            out.raw("]]")
        }
    }

    struct Shard {
        var firstKey: String
        var text: String
    }

    /// `number` in decimal, as `String(number)` writes it.
    static func appendDecimal(_ number: Int32, to out: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxDecimal) { room in
            out.append(contentsOf: UnsafeBufferPointer(rebasing: room[..<writeDecimal(number, into: room, at: 0)]))
        }
    }

    /// `numbers` in decimal, separated by commas. Most of an index is these numbers, millions
    /// of them: their text is made in room taken once, not byte by byte (each append checks
    /// the array's room and owner), and a small one (most are: gaps between documents, codes)
    /// is copied whole from `commaDecimals`.
    static func decimals(_ numbers: [Int32]) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: numbers.count * (maxDecimal + 1)) { room, count in
            guard let first = numbers.first, let base = room.baseAddress else {
                count = 0
                return
            }
            var at = writeDecimal(first, into: room, at: 0)
            commaDecimals.withUnsafeBufferPointer { table in
                numbers.withUnsafeBufferPointer { numbers in
                    for index in 1..<numbers.count {
                        let number = numbers[index]
                        if UInt32(bitPattern: number) < UInt32(table.count) {
                            // Eight bytes written, the room of this number and the next taken.
                            let entry = table[Int(number)]
                            UnsafeMutableRawPointer(base + at).storeBytes(of: entry.littleEndian, as: UInt64.self)
                            at &+= Int(entry &>> 56)
                        } else {
                            room[at] = 0x2C
                            at = writeDecimal(number, into: room, at: at + 1)
                        }
                    }
                }
            }
            count = at
        }
    }

    /// `,` and the decimal digits of each number below 4096, in the low bytes (first byte
    /// lowest), and in the top byte how many bytes they are.
    private static let commaDecimals: [UInt64] = (0..<4096).map { number in
        // Made by arithmetic: a String for each cost thousands of instructions.
        let digits: UInt64 = number < 10 ? 1 : number < 100 ? 2 : number < 1000 ? 3 : 4
        var entry = (digits + 1) << 56 | 0x2C
        var value = UInt64(number)
        for position in stride(from: digits, to: 0, by: -1) {
            entry |= (0x30 + value % 10) << (8 * position)
            value /= 10
        }
        return entry
    }

    /// The most bytes an Int32 takes in decimal: a sign and ten digits.
    private static let maxDecimal = 11

    /// Writes `number` in decimal into `room` from `at`, and returns where it ends.
    @inline(__always)
    private static func writeDecimal(_ number: Int32, into room: UnsafeMutableBufferPointer<UInt8>, at: Int) -> Int {
        var at = at
        if number < 0 {
            room[at] = 0x2D
            at += 1
        }
        var value = number.magnitude
        // Most are small (gaps between documents, codes): their length is found by comparing.
        var end = at + (value < 10 ? 1 : value < 100 ? 2 : value < 1000 ? 3 : value < 10_000 ? 4 : 5)
        var rest = value / 100_000
        while rest > 0 {
            end += 1
            rest /= 10
        }
        var position = end
        repeat {
            position -= 1
            room[position] = 0x30 &+ UInt8(value % 10)
            value /= 10
        } while value > 0
        return end
    }

    /// What a result shows of a document, as written in a row (without its brackets):
    /// `"path","name","label","years","snippet"`.
    static func row(_ d: SearchDocument) -> String {
        var out = JSONBytes(capacity: 256)
        for (index, text) in [d.path, d.name, d.label, d.yearsText, d.snippet].enumerated() {
            if index > 0 { out.raw(",") }
            out.string(text)
        }
        return out.text
    }

    /// One file of `documentsPerFile` rows.
    static func documentBlock(_ rows: ArraySlice<String>) -> String {
        "[" + rows.map { "[" + $0 + "]" }.joined(separator: ",") + "]\n"
    }

    /// Units (by `positions` in the unit order) and years of every document: the filters offer
    /// only what the results hold.
    static func filterFile(_ documents: [SearchDocument], positions: [String: Int]) -> String {
        let firstYear = documents.flatMap(\.years).min() ?? 0
        var units: [UInt8] = [], years: [UInt8] = []
        for (index, d) in documents.enumerated() {
            if index > 0 {
                units.append(0x2C)
                years.append(0x2C)
            }
            appendDecimal(Int32(d.unit.flatMap { positions[$0] } ?? -1), to: &units)
            let mask = d.years.reduce(Int64(0)) { mask, year in
                year - firstYear >= 0 && year - firstYear < 52 ? mask | (1 << Int64(year - firstYear)) : mask
            }
            years.append(contentsOf: String(mask).utf8)
        }
        return "{\"u\":[" + String(decoding: units, as: UTF8.self) + "],\"y\":[" + String(decoding: years, as: UTF8.self)
            + "],\"y0\":" + String(firstYear) + "}\n"
    }

    static func manifest(_ views: Views, documents: [SearchDocument], firstKeys: [String], pairKeys: [String]) -> String {
        var groups: [JSONValue] = []
        var start = 0
        while start < documents.count {
            let group = documents[start].group
            var end = start
            while end < documents.count, documents[end].group == group { end += 1 }
            groups.append(.array([.string(views.text(group.label)), .int(start), .int(end)]))
            start = end
        }
        let units = views.graph.unitOrder.map { id -> JSONValue in
            let parent = views.graph.units[id]?.parent.flatMap { views.unitPosition[$0.value] } ?? -1
            return .array([.string(views.graph.units[id]?.name ?? id), .int(parent)])
        }
        return JSONValue.object([
            "version": .int(3), "shards": JSONValue(firstKeys), "pairs": JSONValue(pairKeys), "documents": .int(documents.count),
            "per_file": .int(documentsPerFile), "groups": .array(groups), "units": .array(units),
        ]).text + "\n"
    }
}
