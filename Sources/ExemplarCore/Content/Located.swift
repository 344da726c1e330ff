import Foundation

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
///
/// Bodies read from disk are not kept in memory between loading and rendering: on a
/// site of 100,000 profiles they would be most of the memory the build needs. The
/// renderer reads the file again when it needs the text.
public struct Body: Sendable, Hashable {
    public enum Storage: Sendable, Hashable {
        case text(String)
        /// The content file; its body is what follows the front matter.
        case file(URL)
    }

    public var storage: Storage
    public var firstLine: Int
    public var isBlank: Bool
    /// The file's stamp when loading found it plain (`PlainBytes.isPlain`): read again with
    /// the same stamp, it is cut as bytes without that check, which cost as much as parsing
    /// the Markdown. Nil: checked on each read. Not part of the body's value (`==`).
    var plainStamp: SourceStamp?

    public init(markdown: String, firstLine: Int) {
        storage = .text(markdown)
        self.firstLine = firstLine
        isBlank = markdown.allSatisfy(\.isWhitespace)
    }

    /// Keeps only where the text is; `markdown()` reads it again. `plainStamp`: the file's
    /// stamp when it was plain as loaded.
    func stored(in file: URL, plainStamp: SourceStamp? = nil) -> Body {
        var body = self
        body.storage = .file(file)
        body.plainStamp = plainStamp
        return body
    }

    /// Where the body is and where it starts, as an item's typed value compares it: how the
    /// file was when last read is no part of it, as its text is not (an edit of the body alone
    /// leaves the item the same, and only the pages that show the body are made again).
    public static func == (lhs: Body, rhs: Body) -> Bool {
        lhs.storage == rhs.storage && lhs.firstLine == rhs.firstLine && lhs.isBlank == rhs.isBlank
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage)
        hasher.combine(firstLine)
        hasher.combine(isBlank)
    }

    /// Why a body read again at render time is not what was loaded.
    public enum ReadFailure: Error, Sendable, Hashable {
        /// The file now splits differently: it was edited since it was loaded.
        case changed
        /// The file cannot be read any more; the cause in words, and what to do when known.
        case unreadable(cause: String, hint: String?)
    }

    /// The Markdown text, or why the file can no longer be read as it was.
    public func read() -> Result<String, ReadFailure> {
        switch storage {
        case .text(let text):
            return .success(text)
        case .file(let url):
            let text: String
            do {
                text = try SourceText.read(url)
            } catch {
                switch error {
                case .unreadable(let cause, let hint): return .failure(.unreadable(cause: cause, hint: hint))
                case .notUTF8: return .failure(.changed)
                }
            }
            do {
                let parts = try FrontMatter.split(text)
                return parts.bodyFirstLine == firstLine ? .success(parts.body) : .failure(.changed)
            } catch {
                return .failure(.changed)
            }
        }
    }

    /// The Markdown as UTF-8 bytes, the same as `read` gives. A file of plain NFC text with
    /// `\n` line ends (`BodyBytes.fast`) is cut as bytes, without making a String to check.
    public func bytes() -> Result<[UInt8], ReadFailure> {
        if case .file(let url) = storage {
            do {
                var stamp: SourceStamp?
                let data = try FileIO.readFile(url.path, stamp: &stamp)
                if let bytes = BodyBytes.fast(data, firstLine: firstLine, knownPlain: stamp != nil && stamp == plainStamp) {
                    return .success(bytes)
                }
            } catch {
                // Read again below, which meets the same failure and says what it is.
            }
        }
        return read().map { Array($0.utf8) }
    }

    /// The Markdown text, or nil when the file can no longer be read as it was (the page
    /// that renders the body reports why).
    public func markdown() -> String? {
        guard case .success(let text) = read() else { return nil }
        return text
    }
}
