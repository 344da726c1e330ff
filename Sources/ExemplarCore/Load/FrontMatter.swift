import Foundation

/// Splits a content file into its YAML front matter and Markdown body.
///
/// The fences are lines holding only `---` (trailing spaces allowed): a `---` inside a
/// YAML value or a Markdown thematic break further down is never mistaken for one.
/// Only the front matter is scanned line by line; the body is taken whole.
struct FrontMatter: Equatable {
    var yaml: String
    /// File line of the first YAML line (the one after the opening fence).
    var yamlFirstLine: Int
    var body: String
    var bodyFirstLine: Int

    enum Failure: Error, Equatable {
        /// The file does not start with a `---` line.
        case missingOpeningFence
        /// The opening fence at line 1 has no closing fence.
        case missingClosingFence
    }

    /// Where the parts lie in a file's UTF-8 bytes.
    struct Ranges: Equatable {
        var yamlStart: Int
        /// The start of the closing fence's line.
        var closingFence: Int
        /// The body runs from here to the end.
        var bodyStart: Int
        var bodyFirstLine: Int

        /// The YAML in bytes without `\r`: up to the `\n` that ends its last line.
        var plainYAML: Range<Int> { yamlStart..<(closingFence > yamlStart ? closingFence - 1 : closingFence) }
    }

    static func split(_ text: String) throws(Failure) -> FrontMatter {
        // The lines are found in the text's UTF-8 storage: walking `String.UTF8View` indices
        // cost more than the rest of reading a file's front matter.
        let scanned = text.withUTF8Bytes { bytes in Result { () throws(Failure) -> Ranges in try ranges(bytes) } }
        let found = try scanned.get()
        let utf8 = text.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        let yaml = text[index(found.yamlStart)..<index(found.closingFence)].dropLast(found.closingFence > found.yamlStart ? 1 : 0)
        return FrontMatter(yaml: String(yaml), yamlFirstLine: 2, body: String(text[index(found.bodyStart)...]),
                           bodyFirstLine: found.bodyFirstLine)
    }

    /// Where `split` would cut text of these bytes.
    static func ranges(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> Ranges {
        var lineStart = 0
        var lineNumber = 1
        var yamlStart: Int?
        while lineStart < bytes.count {
            let lineEnd = Self.lineEnd(bytes, from: lineStart)
            let next = lineEnd < bytes.count ? lineEnd + 1 : bytes.count
            if isFence(UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])) {
                if let yamlStart {
                    return Ranges(yamlStart: yamlStart, closingFence: lineStart, bodyStart: next, bodyFirstLine: lineNumber + 1)
                }
                yamlStart = next
            } else if yamlStart == nil {
                throw .missingOpeningFence
            }
            lineStart = next
            lineNumber += 1
        }
        throw yamlStart == nil ? .missingOpeningFence : .missingClosingFence
    }

    /// Where the line from `start` ends: its `\n`, or the end of `bytes`. `memchr` skips many
    /// bytes at a time; the search index and rendering split every body's file again.
    private static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress, let found = memchr(base + start, 0x0A, bytes.count - start) else { return bytes.count }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
    }

    private static func isFence(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        line.count >= 3 && line[0] == 0x2D && line[1] == 0x2D && line[2] == 0x2D
            && line.dropFirst(3).allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }
}
