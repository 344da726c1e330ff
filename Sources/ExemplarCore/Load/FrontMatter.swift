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

    /// Where the fences are, as UTF-8 offsets.
    private enum Scan {
        case found(yamlStart: Int, closingFence: Int, bodyStart: Int, closingLine: Int)
        case failed(Failure)
    }

    static func split(_ text: String) throws(Failure) -> FrontMatter {
        // The lines are found in the text's UTF-8 storage: walking `String.UTF8View` indices
        // cost more than the rest of reading a file's front matter.
        var storage = text
        let scan = storage.withUTF8 { bytes -> Scan in
            var lineStart = 0
            var lineNumber = 1
            var yamlStart: Int?
            while lineStart < bytes.count {
                let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
                let next = lineEnd < bytes.count ? lineEnd + 1 : bytes.count
                if isFence(UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])) {
                    if let yamlStart {
                        return .found(yamlStart: yamlStart, closingFence: lineStart, bodyStart: next, closingLine: lineNumber)
                    }
                    yamlStart = next
                } else if yamlStart == nil {
                    return .failed(.missingOpeningFence)
                }
                lineStart = next
                lineNumber += 1
            }
            return .failed(yamlStart == nil ? .missingOpeningFence : .missingClosingFence)
        }
        switch scan {
        case .failed(let failure):
            throw failure
        case .found(let yamlStart, let closingFence, let bodyStart, let closingLine):
            let utf8 = text.utf8
            func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
            let yaml = text[index(yamlStart)..<index(closingFence)].dropLast(closingFence > yamlStart ? 1 : 0)
            return FrontMatter(yaml: String(yaml), yamlFirstLine: 2, body: String(text[index(bodyStart)...]),
                               bodyFirstLine: closingLine + 1)
        }
    }

    private static func isFence(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        line.count >= 3 && line[0] == 0x2D && line[1] == 0x2D && line[2] == 0x2D
            && line.dropFirst(3).allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }
}
