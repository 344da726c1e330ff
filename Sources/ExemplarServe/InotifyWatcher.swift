#if os(Linux)
import Foundation
import ExemplarCore
import Glibc

/// Linux's inotify: one watch per folder, added for new folders as they appear.
final class InotifyWatcher: Watcher, @unchecked Sendable {
    private let descriptor: Int32
    private let roots: [String]
    /// Folder of each watch; touched only by the watching thread after `init`.
    private var folders: [Int32: String] = [:]

    /// Nil when inotify is not available (or out of watches): the caller polls instead.
    init?(roots: [URL]) {
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        self.roots = roots.map { $0.standardizedFileURL.path }
        for root in self.roots where !watchTree(root) {
            close(descriptor)
            return nil
        }
    }

    func start(onChange: @escaping @Sendable ([String]) -> Void) {
        let thread = Thread { self.run(onChange) }
        thread.name = "exemplar-watch"
        thread.start()
    }

    private func run(_ onChange: @Sendable ([String]) -> Void) {
        var batch = ChangeBatch()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let wait = batch.wait(at: monotonicSeconds())
            if wait == 0 {
                onChange(batch.take())
                continue
            }
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let timeout = wait.map { Int32(($0 * 1000).rounded(.up)) } ?? -1
            let ready = poll(&poller, 1, timeout)
            if ready < 0, errno != EINTR { return }
            guard ready > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return }
            for event in events(in: buffer[..<count]) {
                batch.add(event.path, at: monotonicSeconds(), created: event.created, removed: event.removed, writing: event.writing)
            }
        }
    }

    private struct Event {
        var path: String
        var created = false
        var removed = false
        var writing: Bool?
    }

    /// The paths named by a buffer of `inotify_event`s; new folders get watched on the way.
    private func events(in bytes: ArraySlice<UInt8>) -> [Event] {
        var paths: [Event] = []
        for event in InotifyEvent.decode(bytes) {
            let (watch, mask, name) = (event.watch, event.mask, event.name)
            if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                // Events were lost: call every root changed.
                paths += roots.map { Event(path: $0) }
                continue
            }
            if mask & UInt32(IN_IGNORED) != 0 {
                folders[watch] = nil
                continue
            }
            guard let folder = folders[watch] else { continue }
            if name.isEmpty {
                paths.append(Event(path: folder))  // the watched folder itself was removed or moved
                continue
            }
            if EditorFiles.isIgnored(name) { continue }
            let path = folder + "/" + name
            let isFolder = mask & UInt32(IN_ISDIR) != 0
            var writing: Bool?
            if mask & UInt32(IN_MODIFY) != 0 || (!isFolder && mask & UInt32(IN_CREATE) != 0) {
                writing = true
            } else if mask & UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE) != 0 {
                writing = false
            }
            paths.append(Event(path: path, created: mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0,
                               removed: mask & UInt32(IN_DELETE | IN_MOVED_FROM) != 0, writing: writing))
            if isFolder, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                // Files may have landed in the new folder before its watch existed.
                _ = watchTree(path)
                paths += Watchers.files(below: path).map { Event(path: $0, created: true) }
            }
        }
        return paths
    }

    /// Watches `folder` and every folder below it; false when the system refuses a watch.
    private func watchTree(_ folder: String) -> Bool {
        guard add(folder) else { return false }
        guard let walker = FileManager().enumerator(atPath: Watchers.realPath(folder)) else { return true }
        while let relative = walker.nextObject() as? String {
            guard (walker.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory else { continue }
            if EditorFiles.isIgnored((relative as NSString).lastPathComponent) {
                walker.skipDescendants()
                continue
            }
            guard add(folder + "/" + relative) else { return false }
        }
        return true
    }

    private func add(_ folder: String) -> Bool {
        let watch = inotify_add_watch(descriptor, folder, InotifyEvent.changes)
        guard watch >= 0 else { return errno == ENOENT }  // gone already: nothing to watch
        folders[watch] = folder
        return true
    }
}
#endif
