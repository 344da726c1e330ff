import Foundation

/// The theme as a session last read it, with what tells whether it must be read again.
struct LoadedTheme: Sendable {
    var theme: Theme?
    var diagnostics: [Diagnostic]
    /// Stamps of every file under `templates/` and `strings/`, by path relative to the theme.
    var stamps: [String: SourceStamp]
    var language: String

    /// The theme for a build: `last` when none of the files it was read from changed and the
    /// language is the same, read again otherwise. It reads only its arguments, so it runs on
    /// another core while the session goes on, and the session keeps what it returns.
    static func refreshed(_ last: LoadedTheme?, changes: [ChangedPath]?, language: String,
                          root: URL, displayPath: String) -> (loaded: LoadedTheme, changed: Bool) {
        if let last, last.theme != nil, last.language == language {
            let path = root.standardizedFileURL.path
            if let changes, !changes.contains(where: { $0.url.path == path || $0.url.path.hasPrefix(path + "/") }) {
                return (last, false)
            }
        }
        let stamps = Self.stamps(under: root, folders: ["templates", "strings"])
        if let last, last.theme != nil, last.language == language, last.stamps == stamps { return (last, false) }
        let (theme, diagnostics) = Theme.load(from: root, displayPath: displayPath, language: language)
        return (LoadedTheme(theme: theme, diagnostics: diagnostics, stamps: stamps, language: language), true)
    }

    /// Stamps of every file under the given folders of `root`, by path relative to `root`.
    private static func stamps(under root: URL, folders: [String]) -> [String: SourceStamp] {
        var stamps: [String: SourceStamp] = [:]
        for folder in folders {
            let url = root.appendingPathComponent(folder)
            stamps[folder] = SourceStamp(path: url.path)
            guard let walker = FileManager().enumerator(atPath: url.path) else { continue }
            for case let relative as String in walker {
                stamps[folder + "/" + relative] = SourceStamp(path: url.path + "/" + relative)
            }
        }
        return stamps
    }
}
