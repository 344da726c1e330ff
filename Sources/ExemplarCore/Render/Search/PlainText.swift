/// The words of a Markdown body without its markup, for the search index and its snippets.
/// Link targets (`(../individuals/x.md)`) are dropped: their words are file names, not text.
enum PlainText {
    /// Characters a snippet shows at most.
    static let snippetLength = 180

    static func strip(_ markdown: String) -> String {
        var markdown = markdown
        return String(decoding: markdown.withUTF8 { strip($0) }, as: UTF8.self)
    }

    /// Works on UTF-8 bytes: every mark-up character is ASCII, and bodies are most of the
    /// text the index reads. What is cut is cut at ASCII bytes, so valid UTF-8 stays valid.
    static func strip(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: bytes.count) { out, written in
            var count = 0
            var index = 0
            var lastWasSpace = true
            func space() {
                if !lastWasSpace {
                    out[count] = 0x20
                    count += 1
                }
                lastWasSpace = true
            }
            /// Skips from `index` to just past `end` on the same line, if it is there.
            func skip(to end: UInt8) {
                var next = index
                while next < bytes.count, bytes[next] != end, bytes[next] != 0x0A { next += 1 }
                if next < bytes.count, bytes[next] == end { index = next + 1 }
            }
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case 0x5D where index < bytes.count && bytes[index] == 0x28:  // `](target)`
                    index += 1
                    skip(to: 0x29)
                    space()
                case 0x3C:  // an HTML tag or autolink
                    skip(to: 0x3E)
                    space()
                case 0x23, 0x2A, 0x5F, 0x60, 0x5B, 0x5D, 0x7C, 0x3E, 0x21, 0x5C, 0x20, 0x0A, 0x09, 0x0D:
                    space()
                default:
                    out[count] = byte
                    count += 1
                    lastWasSpace = false
                }
            }
            if lastWasSpace, count > 0 { count -= 1 }
            written = count
        }
    }

    /// Where `strip` goes on after the `]` or `<` (`mark`) just before `index`: past a link
    /// target `(…)` or the rest of a tag `…>` when it closes on the same line, else on at `index`.
    static func skipped(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int, after mark: UInt8) -> Int {
        var index = index
        let end: UInt8
        if mark == 0x5D {
            guard index < bytes.count, bytes[index] == 0x28 else { return index }
            index += 1
            end = 0x29
        } else {
            end = 0x3E
        }
        var next = index
        while next < bytes.count, bytes[next] != end, bytes[next] != 0x0A { next += 1 }
        return next < bytes.count && bytes[next] == end ? next + 1 : index
    }

    /// The summary, or the body's opening cut at a word, so a result says what it is about.
    /// The same from a body's Markdown (UTF-8), stripped only when there is no summary.
    static func snippet(summary: String?, markdown: [UInt8]) -> String {
        if let summary, !summary.isEmpty { return summary }
        let text = markdown.withUnsafeBufferPointer { strip($0) }
        return snippet(summary: nil, body: String(decoding: text, as: UTF8.self))
    }

    static func snippet(summary: String?, body: String) -> String {
        if let summary, !summary.isEmpty { return summary }
        guard body.count > snippetLength else { return body }
        var cut = body.prefix(snippetLength)
        if let space = cut.lastIndex(of: " ") { cut = cut[..<space] }
        return cut + "…"
    }
}
