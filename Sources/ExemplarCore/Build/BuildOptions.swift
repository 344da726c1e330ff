import Foundation

/// What to build from, where to, and how strictly.
public struct BuildOptions: Sendable {
    public var content: URL
    public var theme: URL
    public var output: URL
    /// How diagnostics name the folders: as the user wrote them (`content`, not an absolute path).
    public var contentDisplay: String
    public var themeDisplay: String
    public var outputDisplay: String
    public var includeDrafts = false
    /// Replaces `base_url` from site.yml, e.g. to view the site on a local server.
    public var baseURL: String?
    /// False for `check`: every stage runs except writing.
    public var writeOutput = true
    /// The day the site is built for: events from it on are "coming".
    public var today = CalendarDate.today()
    /// Warnings block publishing too.
    public var strict = false
    /// Files reach the disk before they are published, so a power cut leaves the old site or
    /// the new one. Off for a preview's temporary folder, which nothing keeps once it stops.
    public var durable = true
    /// Where processed photos are kept between builds: `.exemplar-cache` beside the content folder.
    public var cache: URL
    /// The process exits when the build is done: what it made is left to the system rather
    /// than freed piece by piece (`Builder.buildOnce`).
    public var exitsAfterBuild = false
    /// Told what the build is doing, for a progress display; called from worker threads.
    public var progress: (@Sendable (BuildProgress) -> Void)?

    public init(content: String = "content", theme: String = "theme", output: String = "public") {
        let cwd = URL(fileURLWithPath: FileManager().currentDirectoryPath)
        self.content = URL(fileURLWithPath: content, relativeTo: cwd).standardizedFileURL
        self.theme = URL(fileURLWithPath: theme, relativeTo: cwd).standardizedFileURL
        self.output = URL(fileURLWithPath: output, relativeTo: cwd).standardizedFileURL
        cache = self.content.deletingLastPathComponent().appendingPathComponent(".exemplar-cache", isDirectory: true)
        contentDisplay = content
        themeDisplay = theme
        outputDisplay = output
    }
}
