import Foundation

/// Values worked out at most once per key, shared by the threads that render pages: the
/// first to ask computes, others asking for the same key wait for that result, and askers
/// of other keys go on meanwhile.
final class ComputedOnce<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    /// Guards `entries`; each entry has its own lock for its computation.
    private let lock = NSLock()
    private var entries: [Key: Entry] = [:]

    private final class Entry {
        let lock = NSLock()
        var value: Value?
    }

    func value(_ key: Key, compute: () -> Value) -> Value {
        lock.lock()
        let entry = entries[key] ?? Entry()
        entries[key] = entry
        lock.unlock()
        entry.lock.lock()
        defer { entry.lock.unlock() }
        if let value = entry.value { return value }
        let value = compute()
        entry.value = value
        return value
    }
}
