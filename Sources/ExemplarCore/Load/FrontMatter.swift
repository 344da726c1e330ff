/// Splits a content file into its YAML front matter and Markdown body.
///
/// The fences are lines holding only `---` (trailing spaces allowed): a `---` inside a
/// YAML value or a Markdown thematic break further down is never mistaken for one.
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
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let first = lines.first, isFence(first) else { throw .missingOpeningFence }
        lines = lines.dropFirst()
        guard let closing = lines.firstIndex(where: isFence) else { throw .missingClosingFence }
        let yaml = lines[..<closing].joined(separator: "\n")
        let body = lines[(closing + 1)...].joined(separator: "\n")
        return FrontMatter(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: closing + 2)
    }

    private static func isFence(_ line: Substring) -> Bool {
        line.hasPrefix("---") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
    }
}
