import Foundation

/// Watches folders recursively and reports the paths that changed, a burst of saves at a
/// time: a batch is delivered once nothing has changed for `quiet` seconds.
protocol Watcher: Sendable {
    /// Runs on its own thread until the process ends.
    func start(onChange: @escaping @Sendable ([String]) -> Void)
}

enum Watchers {
    /// How long a batch waits for more events while a file is still being written.
    static let quiet = 0.075
    /// How long once every file written was closed (or renamed into place): an editor's save
    /// is a few calls in a row, far quicker than this, and the preview should not wait longer.
    static let settledQuiet = 0.015

    /// inotify where the system has it, else scanning the folders' dates and sizes.
    static func make(roots: [URL], polling: Bool) -> any Watcher {
        #if os(Linux)
        if !polling, let watcher = InotifyWatcher(roots: roots) { return watcher }
        #endif
        return PollingWatcher(roots: roots)
    }

    /// Every file below `folder`, skipping editors' files (and folders: only files make the site).
    static func files(below folder: String) -> [String] {
        guard let walker = FileManager().enumerator(atPath: Watchers.realPath(folder)) else { return [] }
        var files: [String] = []
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if EditorFiles.isIgnored(name) {
                if (walker.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory { walker.skipDescendants() }
                continue
            }
            if (walker.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory { continue }
            files.append(folder + "/" + relative)
        }
        return files
    }
}

extension Watchers {
    /// A folder given as a symbolic link is listed through its target, but its files keep
    /// the names under the link: the builder knows them by those.
    static func realPath(_ folder: String) -> String {
        URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
    }
}

/// Gathers changed paths and says when a batch is due.
struct ChangeBatch {
    private(set) var paths: Set<String> = []
    /// Created during this batch: if they are gone again by its end (a tool's temporary
    /// file renamed away), they never were part of the site.
    private var created: Set<String> = []
    /// Files opened for writing and not closed yet.
    private var writing: Set<String> = []
    private var first = 0.0
    private var last = 0.0

    /// `writing`: true when the event says the file is being written (modified, created),
    /// false when it says the writing ended (closed after writing, renamed, removed), nil
    /// when it says neither.
    mutating func add(_ path: String, at now: Double, created isNew: Bool = false, removed: Bool = false, writing open: Bool? = nil) {
        if paths.isEmpty { first = now }
        last = now
        if open == true { writing.insert(path) } else if open == false { writing.remove(path) }
        if removed, created.contains(path) {
            paths.remove(path)
            created.remove(path)
            return
        }
        if isNew, !paths.contains(path) { created.insert(path) }
        paths.insert(path)
    }

    /// Seconds to wait before the batch is due; nil when there is nothing to deliver.
    /// A stream of saves that never pauses is still delivered after a second.
    func wait(at now: Double) -> Double? {
        guard !paths.isEmpty else { return nil }
        let quiet = writing.isEmpty ? Watchers.settledQuiet : Watchers.quiet
        return max(0, min(last + quiet, first + 1) - now)
    }

    mutating func take() -> [String] {
        defer { paths = []; created = []; writing = [] }
        return paths.sorted()
    }
}

func monotonicSeconds() -> Double {
    Double(DispatchTime.now().uptimeNanoseconds) / 1e9
}

/// The fallback: compares the folders' listings (date, size, inode) five times a second;
/// a batch ends with the first scan that finds nothing new.
struct PollingWatcher: Watcher {
    let roots: [URL]
    var interval = 0.2

    func start(onChange: @escaping @Sendable ([String]) -> Void) {
        let roots = roots.map { $0.standardizedFileURL.path }
        let interval = interval
        let thread = Thread {
            var previous = Self.snapshot(roots)
            var pending: Set<String> = []
            while true {
                Thread.sleep(forTimeInterval: interval)
                let current = Self.snapshot(roots)
                let changed = Set(current.keys).union(previous.keys).filter { current[$0] != previous[$0] }
                previous = current
                pending.formUnion(changed)
                // A scan that finds nothing new ends the burst.
                if changed.isEmpty, !pending.isEmpty {
                    onChange(pending.sorted())
                    pending = []
                }
            }
        }
        thread.name = "exemplar-watch"
        thread.start()
    }

    private struct Stamp: Equatable {
        var modified: Date?
        var size: Int?
        var inode: Int?
    }

    private static func snapshot(_ roots: [String]) -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        let fileManager = FileManager()
        for root in roots {
            for path in Watchers.files(below: root) {
                let attributes: [FileAttributeKey: Any]
                do {
                    attributes = try fileManager.attributesOfItem(atPath: path)
                } catch {
                    continue  // removed since the listing: the next scan sees it gone
                }
                stamps[path] = Stamp(modified: attributes[.modificationDate] as? Date,
                                     size: (attributes[.size] as? NSNumber)?.intValue,
                                     inode: (attributes[.systemFileNumber] as? NSNumber)?.intValue)
            }
        }
        return stamps
    }
}
