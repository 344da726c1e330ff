import Foundation
#if os(Linux)
import Glibc

/// Tells a kept session which parts of its published output changed since it last asked, so
/// that a rebuild looks for hand edits there alone instead of at every file and folder of the
/// site (tens of thousands of `stat` calls on a large site, for each saved file).
///
/// Linux's inotify, one watch per output folder. Unavailable elsewhere, or when the system's
/// watches would run short: the session then compares every published file with its stamp.
final class OutputWatch: @unchecked Sendable {
    private let descriptor: Int32
    /// Relative folder (`""` for the output itself) of each watch, and the other way round.
    private var folders: [Int32: String] = [:]
    private var watches: [String: Int32] = [:]
    private let root: String
    private var changed: Set<String> = []
    /// Events were lost, or the output itself moved: what changed is not known.
    private var lost = false

    private static let entryEvents = UInt32(IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO)

    /// Watches `root` and its `folders` (relative); nil when inotify is missing or a watch
    /// cannot be added.
    init?(root: String, folders: some Collection<String>) {
        guard folders.count <= Self.watchBudget() else { return nil }
        descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard descriptor >= 0 else { return nil }
        self.root = root
        for folder in folders where !watch(folder) {
            close(descriptor)
            return nil
        }
    }

    deinit { close(descriptor) }

    /// How many folders may be watched: the user's limit, less a reserve for the watcher of
    /// the sources and other programs.
    private static func watchBudget() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/sys/fs/inotify/max_user_watches", encoding: .utf8),
              let limit = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) else { return 0 }
        return limit - max(8192, limit / 8)
    }

    /// Starts watching a folder of the output (one the last publish made); false when refused.
    @discardableResult
    func watch(_ relative: String) -> Bool {
        guard watches[relative] == nil else { return true }
        let watch = inotify_add_watch(descriptor, relative.isEmpty ? root : root + "/" + relative, InotifyEvent.changes)
        guard watch >= 0 else { return false }
        folders[watch] = relative
        watches[relative] = watch
        return true
    }

    /// Forgets a folder the last publish removed (a new one of that name needs its own watch).
    func forget(_ relative: String) {
        guard let watch = watches.removeValue(forKey: relative) else { return }
        folders[watch] = nil
        inotify_rm_watch(descriptor, watch)
    }

    /// The output's files and folders (relative) changed since the last `settle`, a folder
    /// being named when entries were added to it or removed; nil when that is not known.
    func changes() -> Set<String>? {
        readEvents()
        return lost ? nil : changed
    }

    /// The changes a publish has looked at (as `changes()` gave them) are dealt with; those
    /// seen since stay for the next build.
    func settle(_ seen: Set<String>) {
        changed.subtract(seen)
    }

    private func readEvents() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                if count < 0, errno != EAGAIN { lost = true }
                return
            }
            note(buffer[..<count])
        }
    }

    private func note(_ bytes: ArraySlice<UInt8>) {
        for event in InotifyEvent.decode(bytes) {
            let (watch, mask, name) = (event.watch, event.mask, event.name)
            if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                lost = true
                continue
            }
            guard let folder = folders[watch] else { continue }
            if mask & UInt32(IN_IGNORED) != 0 {
                folders[watch] = nil
                if watches[folder] == watch { watches[folder] = nil }
            }
            if name.isEmpty {
                // The folder itself: its attributes, or it was removed or moved.
                if folder.isEmpty, mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED) != 0 { lost = true }
                changed.insert(folder)
                continue
            }
            changed.insert(folder.isEmpty ? name : folder + "/" + name)
            if mask & Self.entryEvents != 0 { changed.insert(folder) }
        }
    }
}
#else
/// Without inotify a session compares every published file with its stamp.
final class OutputWatch: @unchecked Sendable {
    init?(root: String, folders: some Collection<String>) { nil }
    @discardableResult func watch(_ relative: String) -> Bool { false }
    func forget(_ relative: String) {}
    func changes() -> Set<String>? { nil }
    func settle(_ seen: Set<String>) {}
}
#endif
