extension String {
    /// Calls `body` with the string's UTF-8 bytes where they lie. `withUTF8` needs a `var`,
    /// and the copy made for it counts one more reference to the text and one less after: on
    /// texts every core shows (interface strings, cards), each count is a contended write.
    func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var text = self
        return try text.withUTF8(body)
    }
}
