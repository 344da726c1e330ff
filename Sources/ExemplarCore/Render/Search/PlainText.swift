/// The words of a Markdown body without its markup, for the search index and its snippets.
/// Link targets (`(../individuals/x.md)`) are dropped: their words are file names, not text.
enum PlainText {
    /// Characters a snippet shows at most.
    static let snippetLength = 180

    static func of(_ body: Body) -> String {
        guard !body.isBlank, let markdown = body.markdown() else { return "" }
        return strip(markdown)
    }

    static func strip(_ markdown: String) -> String {
        var out = String.UnicodeScalarView()
        var scalars = markdown.unicodeScalars[...]
        var lastWasSpace = true
        func space() {
            if !lastWasSpace { out.append(" ") }
            lastWasSpace = true
        }
        while let scalar = scalars.popFirst() {
            switch scalar {
            case "]" where scalars.first == "(":
                // `](target)`: skip to the closing parenthesis on the same line.
                var rest = scalars.dropFirst()
                while let next = rest.first, next != ")", next != "\n" { rest = rest.dropFirst() }
                if rest.first == ")" { scalars = rest.dropFirst() }
                space()
            case "<":
                // An HTML tag or autolink: dropped up to its end on the same line.
                var rest = scalars
                while let next = rest.first, next != ">", next != "\n" { rest = rest.dropFirst() }
                if rest.first == ">" { scalars = rest.dropFirst() }
                space()
            case "#", "*", "_", "`", "[", "]", "|", ">", "!", "\\":
                space()
            case " ", "\n", "\t", "\r":
                space()
            default:
                out.append(scalar)
                lastWasSpace = false
            }
        }
        if lastWasSpace, !out.isEmpty { out.removeLast() }
        return String(out)
    }

    /// The summary, or the body's opening cut at a word, so a result says what it is about.
    static func snippet(summary: String?, body: String) -> String {
        if let summary, !summary.isEmpty { return summary }
        guard body.count > snippetLength else { return body }
        var cut = body.prefix(snippetLength)
        if let space = cut.lastIndex(of: " ") { cut = cut[..<space] }
        return cut + "…"
    }
}
