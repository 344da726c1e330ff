import Foundation

/// The search index as a kept session holds it between builds: each document with the keys it
/// gave and what making it read, every term's postings, and the texts of the index files. A
/// rebuild makes again only the documents whose inputs changed, patches the terms of their
/// words, and cuts again only the term shards those terms fall in; the files are the same
/// bytes a clean build writes, which makes them through this same code from nothing.
struct SearchIndexState: Sendable {
    struct Document: Sendable {
        var source: Views.SearchSource
        /// What a result shows; the fields' text is dropped once cut into words.
        var document: SearchDocument
        /// Its words' keys (ids of `keys`), to find its postings when it changes.
        var keys: [Int32]
        /// What making it read (nil when not tracked).
        var inputs: Set<PageInput>?
    }

    /// Published documents, in index order.
    var documents: [Document] = []
    /// Every key seen, by id; ids are never reused, a key without documents has no term.
    var keyIDs: [String: Int32] = [:]
    var keys: [String] = []
    /// Terms by key id.
    var terms: [Int32: SearchIndex.Term] = [:]
    /// Key ids of the terms, in key order.
    var sorted: [Int32] = []
    var shards: [SearchIndex.Shard] = []
    /// First key id of each shard.
    var shardKeys: [Int32] = []
    var blocks: [String] = []
    /// Documents made (read and cut into words) by the last update; the others were kept.
    private(set) var made = 0

    /// Whether a kept document is still what making it again would give.
    typealias StillRight = @Sendable (Document) -> Bool

    /// The index files of the site in `views`, reusing from `self` every document `stillRight`
    /// accepts (none when nil). With `track`, each document made notes its inputs.
    mutating func update(_ views: Views, stillRight: StillRight?, track: Bool) -> [(path: String, text: String)] {
        let sources = views.searchSources
        var numbers: [Views.SearchSource: Int] = [:]
        for (number, kept) in documents.enumerated() { numbers[kept.source] = number }
        let old = documents, previous = numbers
        let standing: [Int?] = stillRight.map { stillRight in
            sources.parallelMap { source in previous[source].flatMap { stillRight(old[$0]) ? $0 : nil } }
        } ?? []
        if stillRight == nil || standing.count(where: { $0 != nil }) < sources.count / 2 {
            // Most of it changed: made again from nothing, as a clean build does.
            self = SearchIndexState()
            rebuild(views, sources: sources, track: track)
        } else {
            patch(views, sources: sources, standing: standing, track: track)
        }
        var files: [(path: String, text: String)] = []
        for (number, shard) in shards.enumerated() { files.append(("t/\(number).json", shard.text)) }
        for (number, block) in blocks.enumerated() { files.append(("d/\(number).json", block)) }
        let plain = documents.map(\.document)
        files.append(("f.json", SearchIndex.filterFile(plain)))
        files.append(("m.json", SearchIndex.manifest(views, documents: plain, firstKeys: shardKeys.map { keys[Int($0)] })))
        return files
    }

    /// Makes the documents of `sources` in batches on every core, in order; `keep` gives the
    /// ones that stand. Postings are handed to `take` batch by batch, so the words of the
    /// whole site are never held at once. Each core cuts a run of every batch with a cutter
    /// of its own, kept from batch to batch.
    private mutating func make(_ views: Views, sources: [Views.SearchSource], track: Bool, keep: (Int) -> Document?,
                               take: (inout SearchIndexState, Document, [SearchIndex.Posting]?, Int) -> Void) {
        let lanes = (0..<Self.lanes).map { _ in Lane() }
        var index = 0
        while index < sources.count {
            let range = index..<min(index + SearchIndex.batchSize, sources.count)
            index = range.upperBound
            let kept = range.map(keep)
            let share = (range.count + lanes.count - 1) / lanes.count
            let outcomes = Array(lanes.indices).parallelMap { number -> [(Document, [WordCutter.Posting]?)?] in
                let lane = lanes[number]
                let start = min(range.lowerBound + number * share, range.upperBound)
                return (start..<min(start + share, range.upperBound)).map { position in
                    if let document = kept[position - range.lowerBound] { return (document, nil) }
                    let source = sources[position]
                    let reads = track ? Reads() : nil
                    guard var document = views.tracking(reads).searchDocument(source) else { return nil }
                    let postings = lane.cutter.postings(of: document)
                    document.fields = []
                    return (Document(source: source, document: document, keys: [], inputs: reads?.inputs), postings)
                }
            }
            var position = range.lowerBound
            for (lane, results) in zip(lanes, outcomes) {
                for key in lane.cutter.keys[lane.ids.count...] { lane.ids.append(id(of: key)) }
                let spellings = lane.cutter.spellings, ids = lane.ids
                for outcome in results {
                    if let (document, postings) = outcome {
                        take(&self, document, postings?.map {
                            SearchIndex.Posting(key: ids[Int($0.key)], spelling: spellings[Int($0.spelling)], rest: Int($0.rest))
                        }, position)
                    }
                    position += 1
                }
            }
        }
    }

    /// Runs of a batch cut at once: a few per core, so a core left with short documents
    /// takes on another run.
    private static let lanes = min(16, 2 * ProcessInfo.processInfo.activeProcessorCount)

    /// One run's cutter, and the index's key id of each of its keys.
    private final class Lane: @unchecked Sendable {
        var cutter = WordCutter()
        var ids: [Int32] = []
    }

    /// The id of a key, given one when new.
    private mutating func id(of key: String) -> Int32 {
        if let id = keyIDs[key] { return id }
        let id = Int32(keys.count)
        keys.append(key)
        keyIDs[key] = id
        return id
    }

    /// The whole index from nothing: postings are added to their terms as documents come, in order.
    private mutating func rebuild(_ views: Views, sources: [Views.SearchSource], track: Bool) {
        make(views, sources: sources, track: track, keep: { _ in nil }) { state, document, postings, _ in
            var document = document
            let number = state.documents.count
            for posting in postings ?? [] {
                // Only a kept index patches its terms later.
                if track { document.keys.append(posting.key) }
                state.terms[posting.key, default: SearchIndex.Term(key: state.keys[Int(posting.key)])]
                    .add(number, spelling: posting.spelling, rest: posting.rest)
            }
            state.documents.append(document)
        }
        made = documents.count
        sorted = terms.keys.sorted(by: keyOrder)
        recut(changed: nil)
        remakeBlocks(changed: Set(documents.indices))
    }

    /// Documents that stand are kept; the others are made again and their terms patched.
    private mutating func patch(_ views: Views, sources: [Views.SearchSource], standing: [Int?], track: Bool) {
        let old = documents
        var next: [Document] = []
        next.reserveCapacity(sources.count)
        var made: [Int: [SearchIndex.Posting]] = [:]  // new number → postings
        var oldNumber: [Int?] = []                     // new number → old number, when kept
        make(views, sources: sources, track: track, keep: { standing[$0].map { old[$0] } }) { _, document, postings, position in
            if let postings { made[next.count] = postings }
            oldNumber.append(postings == nil ? standing[position] : nil)
            next.append(document)
        }
        let renumbered = next.count != documents.count
            || oldNumber.enumerated().contains { $0.element != nil && $0.element != $0.offset }
            || zip(next, documents).contains { $0.source != $1.source }
        self.made = made.count
        patchTerms(next: &next, made: made, oldNumber: oldNumber, renumbered: renumbered)
        documents = next
        remakeBlocks(changed: renumbered ? Set(next.indices) : Set(made.keys))
    }

    /// Brings the terms to the new documents: the postings of every document made again are
    /// taken out of their old terms and put into their new ones; when documents moved, every
    /// term is renumbered.
    private mutating func patchTerms(next: inout [Document], made: [Int: [SearchIndex.Posting]], oldNumber: [Int?], renumbered: Bool) {
        // Key ids of the new postings.
        var newKeys: [Int: [Int32]] = [:]
        for (number, postings) in made {
            newKeys[number] = postings.map(\.key)
        }
        // Terms to patch: the old keys of documents made again (or gone) and their new keys.
        var affected: Set<Int32> = []
        var remaining = Array(repeating: -1, count: documents.count)  // old number → new number
        for (number, old) in oldNumber.enumerated() { if let old { remaining[old] = number } }
        for (number, document) in documents.enumerated() where remaining[number] < 0 {
            affected.formUnion(document.keys)
        }
        for keys in newKeys.values { affected.formUnion(keys) }
        let patched: [Int32] = renumbered ? Array(Set(terms.keys).union(affected)) : Array(affected)

        // New postings by key: (new number, spelling, name length × 64 + mask).
        var adding: [Int32: [(Int, String, Int)]] = [:]
        for (number, postings) in made.sorted(by: { $0.key < $1.key }) {
            guard let ids = newKeys[number] else { continue }
            for (posting, id) in zip(postings, ids) {
                adding[id, default: []].append((number, posting.spelling, posting.rest))
            }
        }
        let old = terms, keys = self.keys, stillThere = remaining, added = adding
        let results = patched.parallelMap { id -> (Int32, SearchIndex.Term?) in
            var entries: [(Int, String, Int)] = []
            if let term = old[id] {
                var document = 0
                var pairs = term.pairs[...]
                while let delta = pairs.popFirst(), let code = pairs.popFirst() {
                    document += Int(delta)
                    let number = stillThere[document]
                    guard number >= 0 else { continue }
                    let value = Int(code)
                    entries.append((number, term.spellings[value / 512], value % 512))
                }
            }
            entries += added[id] ?? []
            guard !entries.isEmpty else { return (id, nil) }
            entries.sort { $0.0 < $1.0 }
            var term = SearchIndex.Term(key: keys[Int(id)])
            for (number, spelling, rest) in entries { term.add(number, spelling: spelling, rest: rest) }
            return (id, term)
        }
        var appeared: [Int32] = []
        var vanished: Set<Int32> = []
        for (id, term) in results {
            if terms[id] == nil, term != nil { appeared.append(id) }
            if terms[id] != nil, term == nil { vanished.insert(id) }
            terms[id] = term
        }
        for (number, ids) in newKeys { next[number].keys = ids }
        if !vanished.isEmpty { sorted.removeAll { vanished.contains($0) } }
        if appeared.count > 64 {
            sorted = (sorted + appeared).sorted(by: keyOrder)
        } else {
            for id in appeared { sorted.insert(id, at: lowerBound(keys[Int(id)], in: sorted)) }
        }
        recut(changed: renumbered ? nil : Set(results.map { $0.0 }))
    }

    /// Key order: by code point, as `search.js` compares keys.
    private var keyOrder: (Int32, Int32) -> Bool {
        let keys = self.keys
        return { keys[Int($0)].unicodeScalars.lexicographicallyPrecedes(keys[Int($1)].unicodeScalars) }
    }

    /// The first index of `ids` (in key order) whose key is not before `key`.
    private func lowerBound(_ key: String, in ids: [Int32]) -> Int {
        partition(ids) { !$0.unicodeScalars.lexicographicallyPrecedes(key.unicodeScalars) }
    }

    /// The first position in `ids`, sorted by key, whose key is `past` the point sought
    /// (false for every key before it, true from it on); `ids.count` when none is.
    private func partition(_ ids: [Int32], _ past: (String) -> Bool) -> Int {
        var low = 0, high = ids.count
        while low < high {
            let middle = (low + high) / 2
            if past(keys[Int(ids[middle])]) { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// Cuts the terms into shards again. A shard that starts where one started before and holds
    /// no changed term (`changed`; nil: every term) is the same as before and kept as it is.
    private mutating func recut(changed: Set<Int32>?) {
        let oldShards = shards, oldKeys = shardKeys
        var oldFirst: [Int32: Int] = [:]
        for (number, id) in oldKeys.enumerated() { oldFirst[id] = number }
        // Old shards holding a changed term: the last whose first key is not after it.
        var dirty: Set<Int> = []
        for id in changed ?? [] { dirty.insert(upperBound(keys[Int(id)], in: oldKeys) - 1) }
        var newShards: [SearchIndex.Shard] = []
        var newKeys: [Int32] = []
        var position = 0
        while position < sorted.count {
            let id = sorted[position]
            if changed != nil, let old = oldFirst[id], !dirty.contains(old) {
                newShards.append(oldShards[old])
                newKeys.append(id)
                position = old + 1 < oldKeys.count ? lowerBound(keys[Int(oldKeys[old + 1])], in: sorted) : sorted.count
                continue
            }
            var text = ""
            repeat {
                if !text.isEmpty { text += "," }
                if let term = terms[sorted[position]] { text += SearchIndex.entry(term) }
                position += 1
            } while position < sorted.count && text.utf8.count < SearchIndex.shardBytes
            newShards.append(SearchIndex.Shard(firstKey: keys[Int(id)], text: "{" + text + "}\n"))
            newKeys.append(id)
        }
        shards = newShards
        shardKeys = newKeys
    }

    /// The first index of `ids` (in key order) whose key is after `key`.
    private func upperBound(_ key: String, in ids: [Int32]) -> Int {
        partition(ids) { key.unicodeScalars.lexicographicallyPrecedes($0.unicodeScalars) }
    }

    /// The document files holding a changed document, and every one when their number changed.
    private mutating func remakeBlocks(changed: Set<Int>) {
        let per = SearchIndex.documentsPerFile
        let count = (documents.count + per - 1) / per
        let redo = Set(changed.map { $0 / per }).union(blocks.count == count ? [] : Set(min(blocks.count, count)..<count))
        if blocks.count > count { blocks.removeLast(blocks.count - count) }
        let documents = self.documents
        let texts = redo.sorted().parallelMap { block in
            SearchIndex.documentBlock(documents[block * per..<min(block * per + per, documents.count)].map(\.document))
        }
        for (block, text) in zip(redo.sorted(), texts) {
            if block < blocks.count { blocks[block] = text } else { blocks.append(text) }
        }
    }
}

/// A kept session's search index, updated in place by the build that renders the index.
final class SearchIndexKeeper: @unchecked Sendable {
    var state = SearchIndexState()
}
