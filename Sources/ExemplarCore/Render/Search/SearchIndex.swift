/// The search index, written with the site as small JSON files that `search.js` fetches on
/// demand, so a query downloads only what it reads:
///
/// - `m.json`, the manifest: the first key of every term shard, the kind groups (ranges of
///   document numbers), result labels, units (name and parent) and the first year;
/// - `t/<n>.json`, term shards: consecutive keys in sorted order, cut at about `shardBytes`;
///   each key maps to `[spellings, postings]`, postings a flat list of pairs: the document
///   number minus the previous one, and (spelling index × 8 + name length) × 64 + field mask,
///   where the name length (words, at most 7) is there when the word is in the name, so a
///   short name that is mostly the query ("Phan Anh Đức") ranks above a long one;
/// - `d/<n>.json`, documents in blocks of `documentsPerFile`: `[path, name, label, years, snippet]`;
/// - `f.json`, what the filters read for every document: unit and a bit mask of years.
///
/// Everything is in the site's display order and written by hand, so the same site gives
/// the same bytes.
struct SearchIndex {
    /// The folder of the index under the search page.
    static let folder = "i/"
    static let documentsPerFile = 16
    /// About what a term shard holds before the next key starts a new one (before gzip,
    /// which shrinks these lists of small numbers about fourfold).
    static let shardBytes = 12_000

    /// Files of the index, paths relative to the index folder, made from nothing (a clean
    /// build; a kept session updates its `SearchIndexState` instead).
    static func files(_ views: Views) -> [(path: String, text: String)] {
        var state = SearchIndexState()
        return state.update(views, stillRight: nil, track: false)
    }

    /// Documents read on every core at once before their words are merged.
    static let batchSize = 1024

    /// One key of one document: the index's key id, its spelling there, and the name
    /// length × 64 + field mask (see `WordCutter.Posting`).
    struct Posting: Sendable {
        var key: Int32
        var spelling: String
        var rest: Int
    }

    /// A key's documents, in document order.
    struct Term: Sendable {
        var key: String
        var spellings: [String] = []
        /// Delta-coded pairs, as written.
        var pairs: [Int32] = []
        var lastDocument = 0

        /// Adds a posting of document `number`, which comes after every one the term has.
        /// `rest`: the name length × 64 + the field mask.
        mutating func add(_ number: Int, spelling: String, rest: Int) {
            // A key has few spellings (đức, dục, đục …): a linear search is the cheapest.
            var index = spellings.firstIndex(of: spelling) ?? -1
            if index < 0 {
                index = spellings.count
                spellings.append(spelling)
            }
            pairs.append(Int32(truncatingIfNeeded: number - lastDocument))
            pairs.append(Int32(truncatingIfNeeded: (index * 8) * 64 + rest))
            lastDocument = number
        }
    }

    struct Shard {
        var firstKey: String
        var text: String
    }

    /// A term as its shard writes it: `"key":[[spellings],[pairs]]`.
    static func entry(_ term: Term) -> String {
        var out = ""
        JSONValue.string(term.key).write(to: &out)
        out += ":["
        JSONValue(term.spellings).write(to: &out)
        out += ",["
        // Most of an index is these numbers: written as bytes, not a String each.
        var digits: [UInt8] = []
        digits.reserveCapacity(term.pairs.count * 5)
        for (index, number) in term.pairs.enumerated() {
            if index > 0 { digits.append(0x2C) }
            appendDecimal(number, to: &digits)
        }
        out += String(decoding: digits, as: UTF8.self)
        out += "]]"
        return out
    }

    /// `number` in decimal, as `String(number)` writes it.
    static func appendDecimal(_ number: Int32, to out: inout [UInt8]) {
        var value = Int64(number)
        if value < 0 {
            out.append(0x2D)
            value = -value
        }
        let start = out.count
        repeat {
            out.append(0x30 + UInt8(value % 10))
            value /= 10
        } while value > 0
        out[start...].reverse()
    }

    /// One file of `documentsPerFile` documents: `[path, name, label, years, snippet]` each.
    static func documentBlock(_ block: [SearchDocument]) -> String {
        let rows = block.map { d in
            JSONValue.array([.string(d.path), .string(d.name), .string(d.label), .string(d.yearsText), .string(d.snippet)])
        }
        return JSONValue.array(rows).text + "\n"
    }

    /// Units and years of every document: the filters offer only what the results hold.
    static func filterFile(_ documents: [SearchDocument]) -> String {
        let firstYear = documents.flatMap(\.years).min() ?? 0
        let units = documents.map { JSONValue.int($0.unit ?? -1) }
        let years = documents.map { d in
            JSONValue.int(d.years.reduce(0) { mask, year in year - firstYear < 52 ? mask | (1 << (year - firstYear)) : mask })
        }
        return JSONValue.object(["u": .array(units), "y": .array(years), "y0": .int(firstYear)]).text + "\n"
    }

    static func manifest(_ views: Views, documents: [SearchDocument], firstKeys: [String]) -> String {
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
            "version": .int(1), "shards": JSONValue(firstKeys), "documents": .int(documents.count),
            "per_file": .int(documentsPerFile), "groups": .array(groups), "units": .array(units),
        ]).text + "\n"
    }
}
