/// A set of document numbers as one bit each. The rows a term shard carries are looked up for
/// every document a pair or triple chooses, and a `Set` would hash each of them.
struct DocumentBits: Sendable {
    private var words: [UInt64]

    /// Room for the documents below `count`.
    init(count: Int) {
        words = Array(repeating: 0, count: (count + 63) / 64)
    }

    mutating func insert(_ document: Int32) {
        let word = Int(UInt32(bitPattern: document) >> 6)
        if word >= words.count { words += repeatElement(0, count: word + 1 - words.count) }
        words[word] |= 1 << UInt64(document & 63)
    }

    func contains(_ document: Int32) -> Bool {
        let word = Int(UInt32(bitPattern: document) >> 6)
        return word < words.count && words[word] & (1 << UInt64(document & 63)) != 0
    }
}
