import Foundation

/// Cuts documents into their postings on one core, folding each distinct word (as written)
/// once: most words of a site repeat, and folding is most of what a word costs. Keys and
/// spellings are numbered in the cutter's own tables; the index maps them to its own.
///
/// Text is read in runs of letters and non-ASCII bytes between ASCII spaces and punctuation
/// (`SearchText.runs`), each looked up by its bytes where they lie, never copied into a
/// String: the first 16 bytes and the length, compared as two integers, tell most runs apart
/// at once (a Vietnamese word is a syllable of a few bytes), and a run met before gives its
/// words without its scalars being read again. A body on file is read into one buffer kept
/// from document to document and cut as it is checked (`BodyReader`).
struct WordCutter {
    /// One key of a document: key and spelling (numbers in the cutter's tables) and the name
    /// length × 64 + field mask. The spelling kept is the one in the heaviest field, where an
    /// exact match matters most.
    struct Posting: Sendable {
        var key: Int32
        var spelling: Int32
        var rest: Int32
    }

    private(set) var keys: [String] = []
    private(set) var spellings: [String] = []
    private var keyNumbers: [String: Int32] = [:]
    private var spellingNumbers: [String: Int32] = [:]

    /// A run of `SearchText.runs` as written: its first 16 bytes (little-endian, zeros past its
    /// end), its length in bytes (0: an empty slot), where its bytes past the first 16 are in
    /// `longer`, whether it is plain (`PlainBytes.isPlain`), and its words: the key and spelling
    /// of its one word when that is the whole run, else (`key` -1) `count` pieces from `spelling`.
    private struct Slot {
        var head: UInt64 = 0
        var tail: UInt64 = 0
        var length: Int32 = 0
        var rest: Int32 = 0
        var key: Int32 = -1
        var spelling: Int32 = 0
        var count: Int32 = 0
        var plain = false
    }

    /// A word of a run that is not one whole word: its key, spelling, and where it ends in the run.
    private struct Piece {
        var key: Int32
        var spelling: Int32
        var end: Int32
    }

    /// Open addressing by a hash of the first bytes; kept at most half full.
    private var slots = [Slot](repeating: Slot(), count: 1 << 12)
    private var runs = 0
    private var longer: [UInt8] = []
    private var pieces: [Piece] = []

    /// By key number: the last document the key was seen in, and its posting there; one
    /// array, so that a word reads one place. Sized before each text for every key it could
    /// add, so that the cut reads and writes it through its memory: an array's uniqueness and
    /// bounds checks for each word cost about as much as finding the word.
    struct Seen {
        var document: Int32 = 0
        var posting: Int32 = 0
    }
    private var seen: [Seen] = []
    private var documents: Int32 = 0

    /// The document's postings so far: the first `posted` of `found`, which is sized before
    /// each text as `seen` is.
    private var found: [Posting] = []
    private var posted = 0

    /// The buffer bodies are read into.
    private var buffer: [UInt8] = []

    /// The document's keys, one posting each, in the order first met.
    mutating func postings(of document: SearchDocument) -> [Posting] {
        documents += 1
        let current = documents
        posted = 0
        for (field, text) in document.fields where !text.isEmpty {
            var text = text
            text.withUTF8 { _ = cut($0, field, document: current) }
        }
        if let body = document.bodyFile {
            cut(body, document: current)
        } else {
            document.body.withUnsafeBufferPointer { _ = cut($0, .body, markdown: true, document: current) }
        }
        var name = document.name
        var nameLength: Int32 = 0
        name.withUTF8 { bytes in SearchText.tokens(bytes) { _ in nameLength += 1 } }
        var out = Array(found[..<posted])
        for index in out.indices where out[index].rest & 1 != 0 {
            out[index].rest += min(7, nameLength) * 64
        }
        return out
    }

    /// Cuts a body kept on file: read and cut in one pass when the file is plain (see
    /// `BodyBytes`), else its Markdown as `Body.read` gives it, as rendering reads it.
    private mutating func cut(_ body: Body, document: Int32) {
        guard !body.isBlank else { return }
        let before = posted
        let restBefore = found[..<before].map(\.rest)
        var bytes: [UInt8] = []
        swap(&bytes, &buffer)
        defer { swap(&bytes, &buffer) }
        if let range = BodyReader.read(body, into: &bytes) {
            let plain = bytes.withUnsafeBufferPointer { all in
                cut(UnsafeBufferPointer(rebasing: all[range]), .body, markdown: true, plain: true, document: document)
            }
            if plain { return }
            // Not plain after all: what it added goes, and the text is read the general way.
            for index in 0..<before { found[index].rest = restBefore[index] }
            for posting in found[before..<posted] { seen[Int(posting.key)].document = 0 }
            posted = before
        }
        guard let markdown = body.markdown() else { return }
        var text = markdown
        text.withUTF8 { _ = cut($0, .body, markdown: true, document: document) }
    }

    /// Adds the keys of `bytes` (Markdown with `markdown`), found in `field`, to the postings
    /// of `document`. With `plain`, stops and returns false at the first byte
    /// `PlainBytes.isPlain` refuses. Never inlined: its loop and the word lookup in it are
    /// made once, small enough that every step in them is inlined.
    @inline(never)
    private mutating func cut(_ bytes: UnsafeBufferPointer<UInt8>, _ field: SearchDocument.Field, markdown: Bool = false,
                              plain: Bool = false, document: Int32) -> Bool {
        let bit = Int32(1 << field.rawValue)
        // Text of n bytes holds at most (n + 1) / 2 words: each adds a key or a posting at most.
        let most = (bytes.count + 1) / 2
        if seen.count < keys.count + most { seen += repeatElement(Seen(), count: keys.count + most - seen.count) }
        if found.count < posted + most {
            found += repeatElement(Posting(key: 0, spelling: 0, rest: 0), count: posted + most - found.count)
        }
        // Held apart from `self` while cut, which finding a word changes.
        var seen: [Seen] = [], found: [Posting] = []
        swap(&seen, &self.seen)
        swap(&found, &self.found)
        var posted = self.posted
        defer {
            swap(&seen, &self.seen)
            swap(&found, &self.found)
            self.posted = posted
        }
        return seen.withUnsafeMutableBufferPointer { seen in
            found.withUnsafeMutableBufferPointer { found in
                return SearchText.runs(bytes, markdown: markdown, plain: plain) { start, end, last in
                    let run = find(bytes, start, end, plain: plain)
                    if run.key >= 0, run.plain || !plain {
                        if !last { Self.post(run.key, run.spelling, bit, document, seen, found, &posted) }
                        return true
                    }
                    if plain, !run.plain {
                        // Not plain: its words up to the first byte `scan` refuses, then the text stops.
                        _ = SearchText.scan(UnsafeBufferPointer(rebasing: bytes[start..<end]), markdown: false, plain: true) { from, to in
                            let word = find(bytes, start + from, start + to, plain: true)
                            Self.post(word.key, word.spelling, bit, document, seen, found, &posted)
                        }
                        return false
                    }
                    for piece in pieces[Int(run.spelling)..<Int(run.spelling + run.count)] where !last || piece.end < run.length {
                        Self.post(piece.key, piece.spelling, bit, document, seen, found, &posted)
                    }
                    return true
                }
            }
        }
    }

    /// Adds the word of `key` and `spelling`, found in the field of `bit`, to the postings of
    /// `document`: the first `posted` of `found`.
    @inline(__always)
    private static func post(_ key: Int32, _ spelling: Int32, _ bit: Int32, _ document: Int32, _ seen: UnsafeMutableBufferPointer<Seen>,
                             _ found: UnsafeMutableBufferPointer<Posting>, _ posted: inout Int) {
        let last = seen[Int(key)]
        if last.document == document {
            // Most repeat a word of the same field: the posting is written only when it changes.
            if found[Int(last.posting)].rest & bit == 0 { found[Int(last.posting)].rest |= bit }
        } else {
            seen[Int(key)] = Seen(document: document, posting: Int32(posted))
            found[posted] = Posting(key: key, spelling: spelling, rest: bit)
            posted &+= 1
        }
    }

    /// The run at `start..<end`, its words folded and added when new. A new run that is not
    /// plain, met in a text cut as `plain`, is not added: it comes back with `plain` false.
    @inline(__always)
    private mutating func find(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, plain: Bool) -> Slot {
        let length = end &- start
        var head: UInt64 = 0, tail: UInt64 = 0
        if let base = bytes.baseAddress, start &+ 16 <= bytes.count {
            head = UInt64(littleEndian: UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self))
            tail = UInt64(littleEndian: UnsafeRawPointer(base + start + 8).loadUnaligned(as: UInt64.self))
            if length < 16 {
                if length <= 8 {
                    head &= Self.lowBytes(length)
                    tail = 0
                } else {
                    tail &= Self.lowBytes(length &- 8)
                }
            }
        } else {
            for offset in 0..<min(length, 16) {
                let byte = UInt64(bytes[start + offset])
                if offset < 8 { head |= byte &<< UInt64(8 * offset) } else { tail |= byte &<< UInt64(8 * (offset - 8)) }
            }
        }
        return slots.withUnsafeBufferPointer { slots -> Slot? in
            let mask = slots.count &- 1
            var index = Self.place(head, tail, length, past16: length > 16 ? UnsafeBufferPointer(rebasing: bytes[(start + 16)..<end]) : nil) & mask
            while true {
                let taken = slots[index]
                if taken.length == 0 { return nil }
                if taken.length == length, taken.head == head, taken.tail == tail,
                   length <= 16 || sameRest(Int(taken.rest), bytes, start + 16, length - 16) {
                    return taken
                }
                index = (index &+ 1) & mask
            }
        } ?? add(UnsafeBufferPointer(rebasing: bytes[start..<end]), head: head, tail: tail, plain: plain)
    }

    /// Cuts a run met for the first time into its words, folds them and keeps the run. Apart
    /// from `find`, whose loop runs for every run, so that it stays small.
    @inline(never)
    private mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, head: UInt64, tail: UInt64, plain: Bool) -> Slot {
        let isPlain = PlainBytes.isPlain(bytes)
        if plain, !isPlain { return Slot() }
        var new = Slot(head: head, tail: tail, length: Int32(bytes.count), plain: isPlain)
        var words: [Range<Int>] = []
        _ = SearchText.scan(bytes, markdown: false, plain: false) { words.append($0..<$1) }
        if words.count == 1, words[0] == 0..<bytes.count {
            (new.key, new.spelling) = numbers(of: SearchText.word(bytes))
        } else {
            new.spelling = Int32(pieces.count)
            new.count = Int32(words.count)
            for word in words {
                let (key, spelling) = numbers(of: SearchText.word(UnsafeBufferPointer(rebasing: bytes[word])))
                pieces.append(Piece(key: key, spelling: spelling, end: Int32(word.upperBound)))
            }
        }
        if bytes.count > 16 {
            new.rest = Int32(longer.count)
            longer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[16...]))
        }
        let mask = slots.count - 1
        var index = Self.place(head, tail, bytes.count, past16: bytes.count > 16 ? UnsafeBufferPointer(rebasing: bytes[16...]) : nil) & mask
        while slots[index].length != 0 { index = (index + 1) & mask }
        slots[index] = new
        runs += 1
        if runs * 2 > slots.count { grow() }
        return new
    }

    /// A mask of the low `count` bytes of a word (all of them from 8 on).
    @inline(__always)
    private static func lowBytes(_ count: Int) -> UInt64 {
        count >= 8 ? ~0 : (1 &<< UInt64(8 * count)) &- 1
    }

    private func sameRest(_ offset: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Bool {
        longer.withUnsafeBufferPointer { longer in
            guard let stored = longer.baseAddress, let asked = bytes.baseAddress else { return false }
            return memcmp(stored + offset, asked + start, count) == 0
        }
    }

    /// Twice the slots, each word placed again.
    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: old.count * 2)
        let mask = slots.count - 1
        longer.withUnsafeBufferPointer { longer in
            for taken in old where taken.length != 0 {
                let length = Int(taken.length), rest = Int(taken.rest)
                let past16 = length > 16 ? UnsafeBufferPointer(rebasing: longer[rest..<rest + length - 16]) : nil
                var index = Self.place(taken.head, taken.tail, length, past16: past16) & mask
                while slots[index].length != 0 { index = (index + 1) & mask }
                slots[index] = taken
            }
        }
    }

    /// Where a word's slot is looked for first (before the table's mask), from its first 16
    /// bytes, its length and its bytes past the first 16.
    @inline(__always)
    private static func place(_ head: UInt64, _ tail: UInt64, _ length: Int, past16: UnsafeBufferPointer<UInt8>?) -> Int {
        var hash = (head &* 0x9E37_79B9_7F4A_7C15) ^ (tail &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(length)
        if let past16 {
            for index in 0..<past16.count { hash = (hash ^ UInt64(past16[index])) &* 0x0000_0100_0000_01B3 }
        }
        hash = (hash ^ (hash >> 29)) &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: hash >> 40)
    }

    /// The numbers of a word's key and spelling, given when new.
    private mutating func numbers(of word: SearchText.Word) -> (key: Int32, spelling: Int32) {
        (Self.number(word.key, in: &keys, &keyNumbers), Self.number(word.spelling, in: &spellings, &spellingNumbers))
    }

    private static func number(_ text: String, in list: inout [String], _ numbers: inout [String: Int32]) -> Int32 {
        // Found or put in with one lookup: a key's text is hashed once.
        let next = Int32(list.count)
        let number = value(&numbers[text, default: next])
        if number == next { list.append(text) }
        return number
    }

    private static func value(_ number: inout Int32) -> Int32 { number }
}
