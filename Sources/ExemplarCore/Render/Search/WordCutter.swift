import Foundation

/// Cuts documents into their postings on one core, folding each distinct word (as written)
/// once: most words of a site repeat, and folding is most of what a word costs. Keys and
/// spellings are numbered in the cutter's own tables; the index maps them to its own.
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

    /// A word as written: where its bytes are in `written`, its hash, key and spelling.
    private struct Entry {
        var start: Int
        var length: Int
        var hash: UInt32
        var key: Int32
        var spelling: Int32
    }

    private var written: [UInt8] = []
    private var entries: [Entry] = []
    /// Open addressing over `entries` by hash: each slot the hash × 2³² + entry number + 1,
    /// so a probe compares hashes without reading the entry; 0 is empty. Kept at most half full.
    private var table = [UInt64](repeating: 0, count: 1 << 12)

    /// By key number: the last document the key was seen in, and its posting there.
    private var seenIn: [Int32] = []
    private var slot: [Int32] = []
    private var documents: Int32 = 0

    /// The document's keys, one posting each, in the order first met.
    mutating func postings(of document: SearchDocument) -> [Posting] {
        documents += 1
        let current = documents
        var out: [Posting] = []
        for (field, text) in document.fields where !text.isEmpty {
            var text = text
            text.withUTF8 { cut($0, field, document: current, into: &out) }
        }
        document.body.withUnsafeBufferPointer { cut($0, .body, markdown: true, document: current, into: &out) }
        var name = document.name
        var nameLength: Int32 = 0
        name.withUTF8 { bytes in SearchText.tokens(bytes) { _ in nameLength += 1 } }
        for index in out.indices where out[index].rest & 1 != 0 {
            out[index].rest += min(7, nameLength) * 64
        }
        return out
    }

    /// Adds the keys of `bytes` (Markdown with `markdown`), found in `field`, to the postings of `document`.
    private mutating func cut(_ bytes: UnsafeBufferPointer<UInt8>, _ field: SearchDocument.Field, markdown: Bool = false,
                              document: Int32, into out: inout [Posting]) {
        let bit = Int32(1 << field.rawValue)
        SearchText.tokens(bytes, markdown: markdown) { token in
            let entry = entries[find(token)]
            let key = Int(entry.key)
            if seenIn[key] == document {
                out[Int(slot[key])].rest |= bit
            } else {
                seenIn[key] = document
                slot[key] = Int32(out.count)
                out.append(Posting(key: entry.key, spelling: entry.spelling, rest: bit))
            }
        }
    }

    /// The entry of a word as written, folded and added when new.
    private mutating func find(_ token: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt32 = 2_166_136_261  // FNV-1a
        for byte in token { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        let mask = table.count - 1
        var probe = Int(hash) & mask
        while table[probe] != 0 {
            let taken = table[probe]
            if UInt32(truncatingIfNeeded: taken >> 32) == hash {
                let found = Int(UInt32(truncatingIfNeeded: taken)) - 1
                if same(entries[found], token) { return found }
            }
            probe = (probe + 1) & mask
        }
        let word = SearchText.word(token)
        let entry = Entry(start: written.count, length: token.count, hash: hash,
                          key: Self.number(word.key, in: &keys, &keyNumbers),
                          spelling: Self.number(word.spelling, in: &spellings, &spellingNumbers))
        written.append(contentsOf: token)
        entries.append(entry)
        table[probe] = UInt64(hash) << 32 | UInt64(entries.count)
        if keys.count > seenIn.count {
            seenIn.append(0)
            slot.append(0)
        }
        if entries.count * 2 > table.count { grow() }
        return entries.count - 1
    }

    private func same(_ entry: Entry, _ token: UnsafeBufferPointer<UInt8>) -> Bool {
        guard entry.length == token.count else { return false }
        return written.withUnsafeBufferPointer { written in
            guard let stored = written.baseAddress, let asked = token.baseAddress else { return token.isEmpty }
            return memcmp(stored + entry.start, asked, token.count) == 0
        }
    }

    private mutating func grow() {
        table = [UInt64](repeating: 0, count: table.count * 2)
        let mask = table.count - 1
        for (number, entry) in entries.enumerated() {
            var probe = Int(entry.hash) & mask
            while table[probe] != 0 { probe = (probe + 1) & mask }
            table[probe] = UInt64(entry.hash) << 32 | UInt64(number + 1)
        }
    }

    private static func number(_ text: String, in list: inout [String], _ numbers: inout [String: Int32]) -> Int32 {
        if let number = numbers[text] { return number }
        let number = Int32(list.count)
        list.append(text)
        numbers[text] = number
        return number
    }
}
