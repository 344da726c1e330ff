import Foundation

/// The theme a site without its own `theme/` is built with, and the one `new site` copies.
/// It is the repository's `theme/` folder, the one copy that is edited: installed beside the
/// executable (`PREFIX/share/exemplar/theme`, or `theme/` in the executable's folder), or read
/// from the repository an executable was built in.
public enum DefaultTheme {
    public static func folder(executable: URL? = Bundle.main.executableURL) -> URL? {
        candidates(executable: executable).first {
            FileManager().fileExists(atPath: $0.appendingPathComponent("templates").path)
        }
    }

    static func candidates(executable: URL?) -> [URL] {
        var candidates: [URL] = []
        if let executable = executable?.resolvingSymlinksInPath() {
            let folder = executable.deletingLastPathComponent()
            candidates.append(folder.deletingLastPathComponent().appendingPathComponent("share/exemplar/theme"))
            candidates.append(folder.appendingPathComponent("theme"))
        }
        candidates.append(repositoryTheme)
        return candidates
    }

    /// `theme/` at the root of the repository this file was compiled from.
    static let repositoryTheme = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("theme")

    /// Copies a theme folder into `destination`, file by file, never over an existing file.
    /// Hidden files (editor and system leftovers) are not copied.
    public static func copy(_ source: URL, to destination: URL) throws {
        let fileManager = FileManager()
        let keys: [URLResourceKey] = [.isRegularFileKey]
        guard let walker = fileManager.enumerator(at: source, includingPropertiesForKeys: keys,
                                                  options: [.skipsHiddenFiles]) else { return }
        let root = source.standardizedFileURL.resolvingSymlinksInPath().path
        for case let url as URL in walker where try url.resourceValues(forKeys: Set(keys)).isRegularFile == true {
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            guard path.hasPrefix(root + "/") else { continue }
            let target = destination.appendingPathComponent(String(path.dropFirst(root.count + 1)))
            try fileManager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contentsOf: url).write(to: target, options: .withoutOverwriting)
        }
    }
}
