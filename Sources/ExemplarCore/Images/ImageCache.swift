#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Processed photos kept between builds, outside the published folder: one folder per
/// photo content and role settings (`<sha256>-portrait-v1/`), holding the encoded sizes and
/// a `sizes` list written last. An entry is complete or absent, never half there.
struct ImageCache: Sendable {
    /// `<cache>/images`.
    let root: URL

    init(folder: URL) {
        root = folder.appendingPathComponent("images", isDirectory: true)
    }

    func prepare() throws(SystemError) { try FileIO.makeFolder(root.path) }

    /// The photo role also makes the file published under the photo's own name, in the
    /// format that name promises.
    static func key(hash: String, role: ImageRole, path: String) -> String {
        role == .photo ? "\(hash)-\(role.settings)-\(ImageNames.format(ofName: path).fileExtension)" : "\(hash)-\(role.settings)"
    }

    func entry(_ key: String) -> URL { root.appendingPathComponent(key, isDirectory: true) }

    /// The sizes an entry holds, `(width, height)` smallest first, or nil when there is none.
    /// An entry that cannot be read counts as absent: the photo is processed again and the
    /// entry stored anew, and a disk that refuses that is reported by `store`.
    func sizes(of key: String) -> [(Int, Int)]? {
        guard let text = Self.text(entry(key).path + "/sizes") else { return nil }
        let sizes = text.split(separator: "\n").compactMap { line -> (Int, Int)? in
            let parts = line.split(separator: " ")
            guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]) else { return nil }
            return (width, height)
        }
        return sizes.isEmpty ? nil : sizes
    }

    /// Writes an entry into a private folder, then renames it into place. Another build that
    /// stored the same entry meanwhile wins harmlessly: its bytes are the same.
    func store(_ key: String, files: [String: Data], sizes: [(Int, Int)]) throws(SystemError) {
        let temporary = root.appendingPathComponent(".\(key).\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        // Gone after the rename; anything left is removed by the next `prune`.
        defer { do { try FileIO.removeTree(temporary.path) } catch {} }
        try FileIO.makeFolder(temporary.path)
        for name in files.keys.sorted() {
            try FileIO.write(files[name] ?? Data(), to: temporary.path + "/" + name)
        }
        try FileIO.write(Data(sizes.map { "\($0.0) \($0.1)\n" }.joined().utf8), to: temporary.path + "/sizes")
        if rename(temporary.path, entry(key).path) == 0 { return }
        let error = SystemError.current()
        if self.sizes(of: key) == nil { throw error }
    }

    /// Removes every entry this build did not use, and what an interrupted build left behind.
    /// Throws the first failure after trying every entry: the cache then only takes more room.
    func prune(keeping used: Set<String>) throws(SystemError) {
        var failure: SystemError?
        let now = Self.now()
        for name in try FileIO.names(in: root.path) where name != Self.indexName && !used.contains(name) {
            // A hidden name is an entry or index still being written, by another build sharing
            // the cache (`serve` beside `build`), unless it is older than any build.
            if name.hasPrefix("."), let written = Self.stat(root.path + "/" + name)?.modified,
               now - written < Self.unfinishedLifetime {
                continue
            }
            do { try FileIO.removeTree(root.path + "/" + name) } catch { failure = failure ?? error }
        }
        if let failure { throw failure }
    }

    /// How long an unfinished entry may belong to a build still running, in nanoseconds.
    private static let unfinishedLifetime = 3_600 * 1_000_000_000

    private static func now() -> Int {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int(time.tv_sec) * 1_000_000_000 + Int(time.tv_nsec)
    }

    // MARK: Which content each media file had

    /// A media file's size and modification time, and the hash of its content then: an
    /// unchanged file is not read again to be recognised.
    struct Stamp: Sendable, Equatable {
        var size: Int
        var modified: Int
        var hash: String
    }

    private static let indexName = "sources.tsv"

    /// An index that is missing or unreadable is empty: every photo is then hashed again.
    func loadIndex() -> [String: Stamp] {
        guard let text = Self.text(root.path + "/" + Self.indexName) else { return [:] }
        var index: [String: Stamp] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard parts.count == 4, let size = Int(parts[1]), let modified = Int(parts[2]) else { continue }
            index[String(parts[0])] = Stamp(size: size, modified: modified, hash: String(parts[3]))
        }
        return index
    }

    func saveIndex(_ index: [String: Stamp]) throws(SystemError) {
        let text = index.keys.sorted().compactMap { path -> String? in
            guard let stamp = index[path], !path.contains("\t"), !path.contains("\n") else { return nil }
            return "\(path)\t\(stamp.size)\t\(stamp.modified)\t\(stamp.hash)\n"
        }.joined()
        // Unique per call: builds in one process (or one after another's crash) never share it.
        let temporary = root.path + "/.\(Self.indexName).\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileIO.write(Data(text.utf8), to: temporary)
        if rename(temporary, root.path + "/" + Self.indexName) != 0 {
            let error = SystemError.current()
            unlink(temporary)
            throw error
        }
    }

    /// The text of a cache file, or nil when it cannot be read: a cache miss, not a fault.
    private static func text(_ path: String) -> String? {
        do {
            return String(decoding: try FileIO.readFile(path, noFollow: true), as: UTF8.self)
        } catch {
            return nil
        }
    }

    /// Size and modification time in nanoseconds, without reading the file.
    static func stat(_ path: String) -> (size: Int, modified: Int)? {
        var info = Glibc.stat()
        guard lstat(path, &info) == 0 else { return nil }
        return (Int(info.st_size), Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec))
    }
}
