import Foundation

/// Where a build's files go on their way to the published output folder. `OutputFolder`
/// stages a whole new site and swaps it in (`exemplar build`, a session's first build);
/// `InPlaceOutput` replaces only the files that changed (a kept session's later builds).
protocol OutputTarget: AnyObject, Sendable {
    /// How many files the previous build published, from its marker; nil when unknown.
    var previousFileCount: Int? { get }

    /// Writes one file and tells how it compares with the published one; a file whose bytes
    /// are published already is not written again. `otherThan`: the published file, while it
    /// is still in that state, is known to hold other bytes, so it is not read to compare.
    /// `data`: a `Data`, or a rendered page's text (`PageText`), written as it lies.
    func write(_ relative: String, _ data: some ContiguousBytes, otherThan: FileStamp?) throws(OutputFolder.Failure) -> OutputFolder.Outcome

    /// Publishes again the published file `relative` without reading it, when it is still the
    /// file `stamp` describes (the caller knows its bytes are right). False: it changed or is
    /// gone, and the caller must `write` the bytes.
    func keep(_ relative: String, stamp: FileStamp) -> Bool

    /// The state of a published file (after `commit`), for `keep` in a later build.
    func publishedStamp(_ relative: String) -> FileStamp?

    /// Publishes what was written. `files` is how many files the site has, `unchanged` those
    /// `write` or `keep` found published already, `removed` those of the previous site it no
    /// longer has. Returns whether the published folder changed.
    func commit(files: Int, unchanged: [String], removed: [String]) throws(OutputFolder.Failure) -> Bool

    /// Throws away what was written and not published; the published folder stays as it was.
    func discard()
}

extension OutputTarget {
    /// Copies `relative` below `root` without following any link on the way (media, theme
    /// assets): a file swapped for a link during the build is refused, not published.
    /// Stylesheets are published minified (`CSSMinifier`).
    @discardableResult
    func copy(from root: URL, _ relative: String, to destination: String) throws(OutputFolder.Failure) -> OutputFolder.Outcome {
        let data: Data
        do {
            data = try FileIO.readBelow(root.path, relative)
        } catch {
            throw OutputFolder.Failure(read: error, root.appendingPathComponent(relative).path)
        }
        return try write(destination, destination.hasSuffix(".css") ? CSSMinifier.minify(data) : data, otherThan: nil)
    }
}
