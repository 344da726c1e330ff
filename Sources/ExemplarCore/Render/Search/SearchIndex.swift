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

    /// Files of the index, paths relative to the index folder.
    static func files(_ views: Views) -> [(path: String, text: String)] {
        // Documents are read in batches and merged as they come, so the words of the whole
        // site are never held twice, and each document's text is dropped once read.
        var documents: [SearchDocument] = []
        var merger = Merger()
        let sources = views.searchSources
        for start in stride(from: 0, to: sources.count, by: batchSize) {
            let batch = Array(sources[start..<min(start + batchSize, sources.count)])
            let made = batch.parallelMap { source -> (SearchDocument, [Posting])? in
                guard var document = views.searchDocument(source) else { return nil }
                let postings = postings(of: document)
                document.fields = []
                return (document, postings)
            }
            for case let (document, postings)? in made {
                merger.add(postings, document: documents.count)
                documents.append(document)
            }
        }
        let terms = merger.sortedTerms()
        var files: [(path: String, text: String)] = []
        let shards = termShards(terms)
        for (number, shard) in shards.enumerated() { files.append(("t/\(number).json", shard.text)) }
        files += documentFiles(documents)
        files.append(("f.json", filterFile(documents)))
        files.append(("m.json", manifest(views, documents: documents, firstKeys: shards.map(\.firstKey))))
        return files
    }

    /// Documents read on every core at once before their words are merged.
    static let batchSize = 1024

    /// One word of one document: its key, its spelling and the fields it appears in.
    struct Posting: Sendable {
        var key: String
        var spelling: String
        var mask: Int
        /// Words in the document's name, when this word is one of them; 0 otherwise.
        var nameLength = 0
    }

    /// A document's words, one posting per key, sorted by key. The spelling kept is the one
    /// in the heaviest field, where an exact match matters most.
    static func postings(of document: SearchDocument) -> [Posting] {
        var byKey: [String: Posting] = [:]
        for (field, text) in document.fields where !text.isEmpty {
            let bit = 1 << field.rawValue
            SearchText.words(text) { word in
                if let found = byKey[word.key] {
                    if found.mask & bit == 0 { byKey[word.key]?.mask = found.mask | bit }
                } else {
                    byKey[word.key] = Posting(key: word.key, spelling: word.spelling, mask: bit)
                }
            }
        }
        var nameLength = 0
        SearchText.words(document.name) { _ in nameLength += 1 }
        return byKey.values.map { posting in
            var posting = posting
            if posting.mask & 1 != 0 { posting.nameLength = min(7, nameLength) }
            return posting
        }.sorted { $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars) }
    }

    /// A key's documents, in document order.
    struct Term: Sendable {
        var key: String
        var spellings: [String] = []
        /// Delta-coded pairs, as written.
        var pairs: [Int32] = []
        var lastDocument = 0
    }

    /// The postings of every document into terms, in the order documents come.
    struct Merger {
        private var position: [String: Int] = [:]
        private var terms: [Term] = []

        mutating func add(_ postings: [Posting], document number: Int) {
            for posting in postings {
                let at: Int
                if let known = position[posting.key] {
                    at = known
                } else {
                    at = terms.count
                    position[posting.key] = at
                    terms.append(Term(key: posting.key))
                }
                // A key has few spellings (đức, dục, đục …): a linear search is the cheapest.
                var spelling = terms[at].spellings.firstIndex(of: posting.spelling) ?? -1
                if spelling < 0 {
                    spelling = terms[at].spellings.count
                    terms[at].spellings.append(posting.spelling)
                }
                terms[at].pairs.append(Int32(truncatingIfNeeded: number - terms[at].lastDocument))
                terms[at].pairs.append(Int32(truncatingIfNeeded: (spelling * 8 + posting.nameLength) * 64 + posting.mask))
                terms[at].lastDocument = number
            }
        }

        func sortedTerms() -> [Term] {
            terms.sorted { $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars) }
        }
    }

    struct Shard {
        var firstKey: String
        var text: String
    }

    static func termShards(_ terms: [Term]) -> [Shard] {
        let entries = terms.parallelMap { term -> String in
            var out = ""
            JSONValue.string(term.key).write(to: &out)
            out += ":["
            JSONValue(term.spellings).write(to: &out)
            out += ",["
            for (index, number) in term.pairs.enumerated() {
                if index > 0 { out += "," }
                out += String(number)
            }
            out += "]]"
            return out
        }
        var shards: [Shard] = []
        var current: Shard?
        for (term, entry) in zip(terms, entries) {
            if var shard = current, shard.text.utf8.count < shardBytes {
                shard.text += "," + entry
                current = shard
            } else {
                if let shard = current { shards.append(shard) }
                current = Shard(firstKey: term.key, text: entry)
            }
        }
        if let shard = current { shards.append(shard) }
        return shards.map { Shard(firstKey: $0.firstKey, text: "{" + $0.text + "}\n") }
    }

    static func documentFiles(_ documents: [SearchDocument]) -> [(path: String, text: String)] {
        stride(from: 0, to: documents.count, by: documentsPerFile).map { start in
            let block = documents[start..<min(start + documentsPerFile, documents.count)]
            let rows = block.map { d in
                JSONValue.array([.string(d.path), .string(d.name), .string(d.label), .string(d.yearsText), .string(d.snippet)])
            }
            return ("d/\(start / documentsPerFile).json", JSONValue.array(Array(rows)).text + "\n")
        }
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
