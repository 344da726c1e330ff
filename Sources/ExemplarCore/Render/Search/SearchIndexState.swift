import Foundation

/// The search index as a kept session holds it between builds: each document with its row
/// and postings and what making it read, every term's postings, and the texts of the index
/// files. A rebuild makes again only the documents whose inputs changed, patches only the
/// terms whose posting of them changed (gained, lost, or another field or spelling), writes
/// again only the term shards those terms (or a changed row they carry) fall in, and the
/// filters' file only when a unit or year changed; the files are the same bytes a clean
/// build writes, which makes them through this same code from nothing.
struct SearchIndexState: Sendable {
    /// Held by reference: every rebuild passes each document along, and a copy of its many
    /// fields would cost more than the rebuild of one.
    final class Document: Sendable {
        let source: Views.SearchSource
        /// What the filters and the manifest read; the fields' text and the snippet are dropped
        /// once cut into words and written in `row`.
        let document: SearchDocument
        /// What a result shows, as written in the index (`SearchIndex.row`).
        let row: String
        /// Its postings (`pack`), to patch its terms when it changes; empty when not tracked.
        let postings: [UInt64]
        /// What making it read (nil when not tracked).
        let inputs: Set<PageInput>?
        /// The keys of its name, in the order they first come (`SearchPairs`).
        let nameKeys: [Int32]

        init(source: Views.SearchSource, document: SearchDocument, row: String, postings: [UInt64], inputs: Set<PageInput>?,
             nameKeys: [Int32] = []) {
            self.source = source
            self.document = document
            self.row = row
            self.postings = postings
            self.inputs = inputs
            self.nameKeys = nameKeys
        }

    }

    /// A document a lane of `make` read and cut: its postings are in the lane cutter's numbers
    /// until the index maps them to its own.
    struct Made: Sendable {
        let source: Views.SearchSource
        let document: SearchDocument
        let row: String
        let inputs: Set<PageInput>?
        let postings: [WordCutter.Posting]

        /// The document, its postings in the index's ids (`keys` and `spellings` by the lane's
        /// numbers) kept (`pack`) when `keep`, and its name's keys: a name's words come first,
        /// and only they are in the name field.
        func document(keys: [Int32], spellings: [Int32], keep: Bool) -> Document {
            let packed = keep ? postings.map { SearchIndexState.pack(Self.mapped($0, keys, spellings)) } : []
            var nameKeys: [Int32] = []
            for posting in postings {
                guard posting.rest & 1 != 0 else { break }
                nameKeys.append(keys[Int(posting.key)])
            }
            return Document(source: source, document: document, row: row, postings: packed, inputs: inputs, nameKeys: nameKeys)
        }

        /// A lane's posting in the index's ids.
        @inline(__always)
        static func mapped(_ posting: WordCutter.Posting, _ keys: [Int32], _ spellings: [Int32]) -> SearchIndex.Posting {
            SearchIndex.Posting(key: keys[Int(posting.key)], spelling: spellings[Int(posting.spelling)], rest: posting.rest)
        }
    }

    /// Published documents, in index order.
    var documents: [Document] = []
    /// Every key and spelling seen, by id; ids are never reused, a key without documents has no term.
    var keyIDs: [String: Int32] = [:]
    var keys: [String] = []
    var spellingIDs: [String: Int32] = [:]
    var spellings: [String] = []
    /// Terms by key id.
    var terms = Terms()
    /// Key ids of the terms, in key order.
    var sorted: [Int32] = []
    var shards: [SearchIndex.Shard] = []
    /// Shards of the rows of pairs of common words (`SearchPairs`).
    var pairShards: [PairShard] = []
    /// Each pair's documents as last made (`SearchPairs`), by the two key ids, and the first
    /// keys of the term shards they were made with.
    var pairsMade: [UInt64: [Int32]] = [:]
    var pairsShardKeys: [Int32] = []
    /// Each triple's documents as last made (`SearchTriples`).
    var triplesMade: [Triple: [Int32]] = [:]
    /// First key id of each shard.
    var shardKeys: [Int32] = []
    var blocks: [String] = []
    /// `f.json`; empty when it is to be written again, which `update` does last.
    var filters = ""
    /// The unit order `filters` was written with: a unit renamed moves units in it.
    var filterPositions: [String: Int] = [:]
    /// Documents made (read and cut into words) by the last update; the others were kept.
    private(set) var made = 0
    /// Whether the documents' postings are kept, so that the next update can patch.
    private(set) var patchable = false

    /// Whether a kept document is still what making it again would give.
    typealias StillRight = @Sendable (Document) -> Bool

    /// Where a clean build hands each index file (its path in the index folder) as soon as it
    /// is made, so that the text of the whole index is never held at once.
    typealias Sink = (_ path: String, _ text: PageText) -> Void

    /// The index files of the site in `views`, reusing from `self` every document `stillRight`
    /// accepts (none when nil). With `track`, each document made notes its inputs.
    mutating func update(_ views: Views, stillRight: StillRight?, track: Bool) -> [(path: String, text: String)] {
        update(views, stillRight: stillRight, track: track, sink: nil)
        var files: [(path: String, text: String)] = []
        for (number, shard) in shards.enumerated() { files.append(("t/\(number).json", shard.text)) }
        for (number, shard) in pairShards.enumerated() { files.append(("p/\(number).json", shard.text)) }
        for (number, block) in blocks.enumerated() { files.append(("d/\(number).json", block)) }
        files.append(("f.json", filters))
        files.append(("m.json", manifest(views)))
        return files
    }

    /// The index of the site in `views` made from nothing, as `update` makes it for a clean
    /// build, each file handed to `sink` as it is made and not kept. Returns the files' paths,
    /// in the order `update` gives them.
    mutating func write(_ views: Views, to sink: @escaping Sink) -> [String] {
        update(views, stillRight: nil, track: false, sink: sink)
        sink("f.json", .string(filters))
        sink("m.json", .string(manifest(views)))
        return shards.indices.map { "t/\($0).json" } + pairShards.indices.map { "p/\($0).json" }
            + blocks.indices.map { "d/\($0).json" } + ["f.json", "m.json"]
    }

    private func manifest(_ views: Views) -> String {
        SearchIndex.manifest(views, documents: documents.map(\.document), firstKeys: shardKeys.map { keys[Int($0)] },
                             pairKeys: pairShards.map(\.firstKey))
    }

    /// `sink`: given, the index is made from nothing and its term shards, pair shards and
    /// document blocks go there rather than into `self`.
    private mutating func update(_ views: Views, stillRight: StillRight?, track: Bool, sink: Sink?) {
        let sources = views.searchSources
        let positions = views.unitPosition
        var numbers: [Views.SearchSource: Int] = [:]
        for (number, kept) in documents.enumerated() { numbers[kept.source] = number }
        let old = documents, previous = numbers
        let standing: [Int?] = stillRight.map { stillRight in
            sources.parallelMap { source in previous[source].flatMap { stillRight(old[$0]) ? $0 : nil } }
        } ?? []
        if sink != nil || stillRight == nil || !track || !patchable || standing.count(where: { $0 != nil }) < sources.count / 2 {
            // Most of it changed: made again from nothing, as a clean build does.
            self = SearchIndexState()
            rebuild(views, sources: sources, track: track && sink == nil, sink: sink)
        } else {
            patch(views, sources: sources, standing: standing)
        }
        if filterPositions != positions || filters.isEmpty {
            filterPositions = positions
            filters = SearchIndex.filterFile(documents.map(\.document), positions: positions)
        }
    }

    /// A posting as a document keeps it: key id, spelling id, name length × 64 + field mask.
    static func pack(_ posting: SearchIndex.Posting) -> UInt64 {
        UInt64(UInt32(bitPattern: posting.key)) << 32 | UInt64(UInt32(bitPattern: posting.spelling)) << 9 | UInt64(posting.rest & 511)
    }

    static func unpack(_ packed: UInt64) -> SearchIndex.Posting {
        SearchIndex.Posting(key: Int32(bitPattern: UInt32(packed >> 32)), spelling: Int32((packed >> 9) & 0x7F_FFFF),
                            rest: Int32(packed & 511))
    }

    /// Spelling ids `pack` keeps whole.
    private static let packedSpellings = 1 << 23

    /// Makes the documents of `sources` in batches on every core, in order; `keep` gives the
    /// ones that stand. Each is handed to `take`, batch by batch, so the words of the whole site
    /// are never held at once: a kept one as it is, a made one with its postings in its lane's
    /// numbers and the index's id of each of the lane's keys and spellings. Each core cuts a
    /// run of every batch with a cutter of its own, kept from batch to batch.
    private mutating func make(_ views: Views, sources: [Views.SearchSource], track: Bool, keep: (Int) -> Document?,
                               take: (inout SearchIndexState, Outcome, Int) -> Void) {
        let lanes = (0..<Self.lanes).map { _ in Lane() }
        var index = 0
        while index < sources.count {
            let range = index..<min(index + SearchIndex.batchSize, sources.count)
            index = range.upperBound
            let kept = range.map(keep)
            let share = (range.count + lanes.count - 1) / lanes.count
            let outcomes = Array(lanes.indices).parallelMap { number -> [Either?] in
                let lane = lanes[number]
                let start = min(range.lowerBound + number * share, range.upperBound)
                return (start..<min(start + share, range.upperBound)).map { position in
                    if let document = kept[position - range.lowerBound] { return .kept(document) }
                    let source = sources[position]
                    let reads = track ? Reads() : nil
                    guard var document = views.tracking(reads).searchDocument(source) else { return nil }
                    let postings = lane.cutter.postings(of: document)
                    let row = SearchIndex.row(document)
                    document.fields = []
                    document.body = []
                    document.bodyFile = nil
                    document.snippet = ""
                    return .made(Made(source: source, document: document, row: row, inputs: reads?.inputs, postings: postings))
                }
            }
            var position = range.lowerBound
            for (lane, results) in zip(lanes, outcomes) {
                for key in lane.cutter.keys[lane.keys.count...] { lane.keys.append(Self.id(of: key, &keys, &keyIDs)) }
                for spelling in lane.cutter.spellings[lane.spellings.count...] {
                    lane.spellings.append(Self.id(of: spelling, &spellings, &spellingIDs))
                }
                for outcome in results {
                    switch outcome {
                    case .kept(let document): take(&self, .kept(document), position)
                    case .made(let made): take(&self, .made(made, keys: lane.keys, spellings: lane.spellings), position)
                    case nil: break
                    }
                    position += 1
                }
            }
        }
    }

    /// What a lane gives for one source.
    private enum Either: Sendable {
        case kept(Document)
        case made(Made)
    }

    /// What `make` hands on for one document: kept, or made, with the index's ids of its lane's
    /// keys and spellings (by the lane's numbers).
    enum Outcome {
        case kept(Document)
        case made(Made, keys: [Int32], spellings: [Int32])
    }

    /// Runs of a batch cut at once: one per core, so that each core keeps one cutter's word
    /// table in its cache, and folds each word once rather than once per run.
    private static let lanes = min(16, ProcessInfo.processInfo.activeProcessorCount)

    /// One run's cutter, and the index's id of each of its keys and spellings.
    private final class Lane: @unchecked Sendable {
        var cutter = WordCutter()
        var keys: [Int32] = []
        var spellings: [Int32] = []
    }

    /// The id of a key or spelling, given one when new.
    private static func id(of text: String, _ list: inout [String], _ ids: inout [String: Int32]) -> Int32 {
        if let id = ids[text] { return id }
        let id = Int32(list.count)
        list.append(text)
        ids[text] = id
        return id
    }

    /// The whole index from nothing: postings are added to their terms as documents come, in order.
    private mutating func rebuild(_ views: Views, sources: [Views.SearchSource], track: Bool, sink: Sink? = nil) {
        make(views, sources: sources, track: track, keep: { _ in nil }) { state, outcome, _ in
            let number = state.documents.count
            switch outcome {
            case .kept(let document):
                state.documents.append(document)
            case .made(let made, let keys, let spellings):
                state.terms.add(number, made.postings, keys: keys, spellings: spellings, names: state.keys)
                // Only a kept index patches its terms later.
                state.documents.append(made.document(keys: keys, spellings: spellings, keep: track))
            }
        }
        made = documents.count
        patchable = track && spellings.count < Self.packedSpellings
        finish(sink: sink)
    }

    /// After the terms were made again: what the shards carry, every shard, block and the
    /// filters; the shards and blocks go to `sink` when there is one.
    private mutating func finish(sink: Sink? = nil) {
        let ids = terms.ids
        chooseCarried(ids)
        sorted = ids.sorted(by: keyOrder)
        recut(changed: nil, sink: sink)
        remakeBlocks(changed: Set(documents.indices), sink: sink)
        filters = ""
        remakePairs(changedKeys: nil, rowsChanged: nil, sink: sink)
    }

    private mutating func chooseCarried(_ ids: [Int32]) {
        let terms = self.terms
        let chosen = ids.parallelMap { id -> [Int32] in
            guard var term = terms[id] else { return [] }
            term.chooseCarried()
            return term.carried
        }
        for (id, carried) in zip(ids, chosen) { self.terms[id]?.carried = carried }
    }

    /// Documents that stand are kept; the others are made again and their terms patched.
    private mutating func patch(_ views: Views, sources: [Views.SearchSource], standing: [Int?]) {
        let old = documents
        var next: [Document] = []
        next.reserveCapacity(sources.count)
        var made: Set<Int> = []     // new numbers of the documents made again
        var oldNumber: [Int?] = []  // new number → old number, when kept
        make(views, sources: sources, track: true, keep: { standing[$0].map { old[$0] } }) { _, outcome, position in
            switch outcome {
            case .kept(let document):
                oldNumber.append(standing[position])
                next.append(document)
            case .made(let document, let keys, let spellings):
                made.insert(next.count)
                next.append(document.document(keys: keys, spellings: spellings, keep: true))
                oldNumber.append(nil)
            }
        }
        let renumbered = next.count != documents.count
            || oldNumber.enumerated().contains { $0.element != nil && $0.element != $0.offset }
            || zip(next, documents).contains { $0.source != $1.source }
        self.made = made.count
        documents = next
        if spellings.count >= Self.packedSpellings {
            self = SearchIndexState()
            rebuild(views, sources: sources, track: true)
        } else if renumbered {
            // Document numbers moved: every term again, from the postings the documents keep.
            terms = Terms()
            for (number, document) in documents.enumerated() {
                terms.add(number, document.postings.map(Self.unpack), keys: keys)
            }
            finish()
        } else {
            patchTerms(old: old, made: made)
        }
    }

    /// Patches the terms of the documents made again, in place (same numbers): only a key
    /// whose posting of the document changed is touched; a shard is written again when one of
    /// its terms changed or a row it carries did.
    private mutating func patchTerms(old: [Document], made: Set<Int>) {
        var changed: Set<Int32> = []
        var appeared: [Int32] = []
        var vanished: Set<Int32> = []
        var filtersChanged = false
        for number in made.sorted() {
            let before = old[number], after = documents[number]
            var was: [Int32: UInt64] = [:]
            for packed in before.postings { was[Int32(bitPattern: UInt32(packed >> 32))] = packed }
            var now: [Int32: UInt64] = [:]
            for packed in after.postings { now[Int32(bitPattern: UInt32(packed >> 32))] = packed }
            for (key, packed) in now where was[key] != packed {
                let posting = Self.unpack(packed)
                if terms[key] == nil {
                    terms[key] = SearchIndex.Term(key: keys[Int(key)])
                    appeared.append(key)
                }
                terms[key]?.patch(number, (posting.spelling, posting.rest))
                changed.insert(key)
            }
            for key in was.keys where now[key] == nil {
                terms[key]?.patch(number, nil)
                changed.insert(key)
                if terms[key]?.pairs.isEmpty == true {
                    terms[key] = nil
                    vanished.insert(key)
                }
            }
            if before.row != after.row {
                // The shards carrying its row.
                for key in now.keys where terms[key]?.carried.contains(Int32(number)) == true { changed.insert(key) }
            }
            if before.document.unit != after.document.unit || before.document.years != after.document.years {
                filtersChanged = true
            }
        }
        let appearedNow = appeared.filter { !vanished.contains($0) }
        vanished.subtract(appeared)
        chooseCarried(changed.filter { terms[$0] != nil })
        if !vanished.isEmpty { sorted.removeAll { vanished.contains($0) } }
        if appearedNow.count > 64 {
            sorted = (sorted + appearedNow).sorted(by: keyOrder)
        } else {
            for id in appearedNow { sorted.insert(id, at: lowerBound(keys[Int(id)], in: sorted)) }
        }
        recut(changed: changed)
        let rowsChanged = made.filter { old[$0].row != documents[$0].row }
        remakeBlocks(changed: rowsChanged)
        remakePairs(changedKeys: changed.union(vanished), rowsChanged: Set(rowsChanged.map { Int32($0) }))
        if filtersChanged { filters = "" }
    }

    /// Key order: by code point, as `search.js` compares keys.
    private var keyOrder: (Int32, Int32) -> Bool {
        let keys = self.keys
        return { keys[Int($0)].unicodeScalars.lexicographicallyPrecedes(keys[Int($1)].unicodeScalars) }
    }

    /// The first index of `ids` (in key order) whose key is not before `key`.
    func lowerBound(_ key: String, in ids: [Int32]) -> Int {
        partition(ids) { !$0.unicodeScalars.lexicographicallyPrecedes(key.unicodeScalars) }
    }

    /// The first index of `ids` (in key order) whose key is after `key`.
    private func upperBound(_ key: String, in ids: [Int32]) -> Int {
        partition(ids) { key.unicodeScalars.lexicographicallyPrecedes($0.unicodeScalars) }
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
    /// With `sink`, every shard is new (`changed` nil): each goes there as soon as it is
    /// written, a few at a time, and `self` keeps only its first key.
    private mutating func recut(changed: Set<Int32>?, sink: Sink? = nil) {
        let oldShards = shards, oldKeys = shardKeys
        var oldFirst: [Int32: Int] = [:]
        for (number, id) in oldKeys.enumerated() { oldFirst[id] = number }
        // Old shards holding a changed term: the last whose first key is not after it.
        var dirty: Set<Int> = []
        for id in changed ?? [] { dirty.insert(upperBound(keys[Int(id)], in: oldKeys) - 1) }
        var written: [Range<Int>] = []  // positions in `sorted` of shards to write
        var counted = [Int](repeating: -1, count: documents.count)
        var newShards: [SearchIndex.Shard?] = []
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
            newShards.append(nil)
            newKeys.append(id)
            let end = shardEnd(from: position, counted: &counted)
            written.append(position..<end)
            position = end
        }
        shardKeys = newKeys
        if let sink {
            shards = written.map { SearchIndex.Shard(firstKey: keys[Int(sorted[$0.lowerBound])], text: "") }
            Self.inGroups(written) { [self] range in shardBytes(from: range.lowerBound, to: range.upperBound) } each: { number, bytes in
                sink("t/\(number).json", .bytes(bytes))
            }
            return
        }
        let texts = written.parallelMap { [self] range in
            SearchIndex.Shard(firstKey: keys[Int(sorted[range.lowerBound])],
                              text: String(decoding: shardBytes(from: range.lowerBound, to: range.upperBound), as: UTF8.self))
        }
        var next = texts.makeIterator()
        shards = newShards.map { $0 ?? next.next() ?? SearchIndex.Shard(firstKey: "", text: "") }
    }

    /// `make` of each of `items` on every core, a group at a time, each result handed to
    /// `each` with its position before the next group is made: only a group's results are
    /// held at once.
    static func inGroups<T: Sendable, R: Sendable>(_ items: [T], _ make: @Sendable (T) -> R, each: (Int, R) -> Void) {
        let group = 64
        var start = 0
        while start < items.count {
            let end = min(start + group, items.count)
            for (offset, result) in Array(items[start..<end]).parallelMap(make).enumerated() { each(start + offset, result) }
            start = end
        }
    }

    /// Where the shard starting at `start` (a position in `sorted`) ends: once its postings
    /// and the rows its terms carry reach `shardBytes`. `counted`: by document, the start of
    /// the last shard that counted its row (shards are cut in order), so that a row is counted
    /// once per shard without a set of them.
    private func shardEnd(from start: Int, counted: inout [Int]) -> Int {
        var position = start, size = 0
        repeat {
            if let term = terms[sorted[position]] {
                size += term.key.utf8.count + 8 + term.pairs.count * 4 + term.spellings.count * 8
                for document in term.carried where counted[Int(document)] != start {
                    counted[Int(document)] = start
                    size += documents[Int(document)].row.utf8.count + 8
                }
            }
            position += 1
        } while position < sorted.count && size < SearchIndex.shardBytes
        return position
    }

    /// The text of the shard of the terms at `start..<end` in `sorted`.
    private func shardBytes(from start: Int, to end: Int) -> [UInt8] {
        var out = JSONBytes(capacity: 2 * SearchIndex.shardBytes)
        out.raw("{\"k\":{")
        // Sorted once, each row once: cheaper than a set for the few rows of a shard.
        var rows: [Int32] = []
        for position in start..<end {
            guard let term = terms[sorted[position]] else { continue }
            if position > start { out.raw(",") }
            term.entry(spellings: spellings, to: &out)
            rows.append(contentsOf: term.carried)
        }
        rows.sort()
        out.raw("},\"r\":[")
        for (index, document) in rows.enumerated() where index == 0 || rows[index - 1] != document {
            out.raw(index > 0 ? ",[" : "[")
            out.int(Int(document))
            out.raw(",")
            out.json(documents[Int(document)].row)
            out.raw("]")
        }
        out.raw("]}\n")
        return out.bytes
    }

    /// The document files holding a changed document, and every one when their number changed.
    /// With `sink`, every block goes there and `self` keeps empty texts for their count.
    private mutating func remakeBlocks(changed: Set<Int>, sink: Sink? = nil) {
        let per = SearchIndex.documentsPerFile
        let count = (documents.count + per - 1) / per
        if let sink {
            let rows = documents.map(\.row)
            blocks = Array(repeating: "", count: count)
            Self.inGroups(Array(0..<count)) { block in
                SearchIndex.documentBlock(rows[block * per..<min(block * per + per, rows.count)])
            } each: { block, text in
                sink("d/\(block).json", .string(text))
            }
            return
        }
        let redo = Set(changed.map { $0 / per }).union(blocks.count == count ? [] : Set(min(blocks.count, count)..<count))
        if blocks.count > count { blocks.removeLast(blocks.count - count) }
        let rows = documents.map(\.row)
        let texts = redo.sorted().parallelMap { block in
            SearchIndex.documentBlock(rows[block * per..<min(block * per + per, rows.count)])
        }
        for (block, text) in zip(redo.sorted(), texts) {
            if block < blocks.count { blocks[block] = text } else { blocks.append(text) }
        }
    }
}

/// Terms by key id: ids are dense, and a build adds millions of postings.
struct Terms: Sendable {
    private var table: [SearchIndex.Term?] = []

    subscript(id: Int32) -> SearchIndex.Term? {
        get { Int(id) < table.count ? table[Int(id)] : nil }
        set {
            if Int(id) >= table.count { table += repeatElement(nil, count: Int(id) + 1 - table.count) }
            table[Int(id)] = newValue
        }
    }

    /// Adds the postings of document `number` (keys by id in `keys`), each after every one its
    /// term has.
    mutating func add(_ number: Int, _ postings: [SearchIndex.Posting], keys: [String]) {
        add(number, count: postings.count, keys: keys) { postings[$0] }
    }

    /// Adds the postings of document `number` as a lane cut them, mapped to the index's ids by
    /// `keys` and `spellings` (by the lane's numbers) as they are added; `names`: the keys by id.
    mutating func add(_ number: Int, _ postings: [WordCutter.Posting], keys: [Int32], spellings: [Int32], names: [String]) {
        add(number, count: postings.count, keys: names) { SearchIndexState.Made.mapped(postings[$0], keys, spellings) }
    }

    /// Adds the `count` postings `posting` gives. A document at a time, so that its many
    /// postings reach their terms in place through the table's memory, without its checks
    /// and accessor for each.
    @inline(__always)
    private mutating func add(_ number: Int, count: Int, keys: [String], _ posting: (Int) -> SearchIndex.Posting) {
        if table.count < keys.count { table += repeatElement(nil, count: keys.count - table.count) }
        table.withUnsafeMutableBufferPointer { table in
            guard let terms = table.baseAddress else { return }
            for index in 0..<count {
                let posting = posting(index)
                let term = terms + Int(posting.key)
                if term.pointee == nil { term.pointee = SearchIndex.Term(key: keys[Int(posting.key)]) }
                term.pointee?.add(number, spelling: posting.spelling, rest: posting.rest)
            }
        }
    }

    /// Ids of the keys that have a term.
    var ids: [Int32] { table.indices.filter { table[$0] != nil }.map { Int32($0) } }
}

/// A kept session's search index, updated in place by the build that renders the index.
final class SearchIndexKeeper: @unchecked Sendable {
    var state = SearchIndexState()
}
