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

    static func split(_ text: String) throws(Failure) -> FrontMatter {
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var lineNumber = 1
        var yamlStart: String.Index?
        while lineStart < utf8.endIndex {
            let newline = utf8[lineStart...].firstIndex(of: 0x0A)
            let lineEnd = newline ?? utf8.endIndex
            let next = newline.map { utf8.index(after: $0) } ?? utf8.endIndex
            if isFence(utf8[lineStart..<lineEnd]) {
                if let yamlStart {
                    return FrontMatter(yaml: String(text[yamlStart..<lineStart].dropLast(lineStart > yamlStart ? 1 : 0)),
                                       yamlFirstLine: 2, body: String(text[next...]), bodyFirstLine: lineNumber + 1)
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

    private static func isFence(_ line: String.UTF8View.SubSequence) -> Bool {
        line.starts(with: "---".utf8) && line.dropFirst(3).allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }
}
