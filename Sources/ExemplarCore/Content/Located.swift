/// A value read from a file, with where it was written, so later stages can point back at it.
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var at: SourceLocation

    public init(_ value: Value, at: SourceLocation) {
        self.value = value
        self.at = at
    }
}

/// A reference to another item by id (a unit, an award, an exemplar …) or to a media file by path.
public typealias Ref = Located<String>

/// The Markdown part of a content file and the line it starts on, for diagnostics in the body.
public struct Body: Sendable, Hashable {
    public var markdown: String
    public var firstLine: Int

    public init(markdown: String, firstLine: Int) {
        self.markdown = markdown
        self.firstLine = firstLine
    }

    public var isBlank: Bool { markdown.allSatisfy(\.isWhitespace) }
}
