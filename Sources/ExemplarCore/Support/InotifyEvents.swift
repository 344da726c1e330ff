#if os(Linux)
import Glibc

/// One event of a Linux inotify read: the watch it came from, what happened, and the name of
/// the entry inside the watched folder ("" for the folder itself). Shared by the output watch
/// of a kept session and the source watcher of `serve`.
public struct InotifyEvent: Sendable {
    public var watch: Int32
    public var mask: UInt32
    public var name: String

    /// What both watchers ask to hear of a folder: files written, created, removed, moved, and
    /// the folder itself going away.
    public static let changes = UInt32(IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_CREATE | IN_DELETE
        | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF)

    /// The events in the bytes one `read` of an inotify descriptor gave.
    public static func decode(_ bytes: ArraySlice<UInt8>) -> [InotifyEvent] {
        var events: [InotifyEvent] = []
        var offset = bytes.startIndex
        let header = MemoryLayout<inotify_event>.size
        while offset + header <= bytes.endIndex {
            let (watch, mask, length) = bytes.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                let base = raw.baseAddress! + (offset - bytes.startIndex)
                return (base.loadUnaligned(as: Int32.self),
                        base.loadUnaligned(fromByteOffset: 4, as: UInt32.self),
                        Int(base.loadUnaligned(fromByteOffset: 12, as: UInt32.self)))
            }
            let nameBytes = bytes[(offset + header)..<min(offset + header + length, bytes.endIndex)]
            offset += header + length
            events.append(InotifyEvent(watch: watch, mask: mask, name: String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)))
        }
        return events
    }
}
#endif
