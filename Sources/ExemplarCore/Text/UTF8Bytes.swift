extension String {
    /// Calls `body` with the string's UTF-8 bytes where they lie. `withUTF8` needs a `var`,
    /// and the copy made for it counts one more reference to the text and one less after: on
    /// texts every core shows (interface strings, cards), each count is a contended write.
    func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var text = self
        return try text.withUTF8(body)
    }

    /// The first `needle` from `start` on, byte for byte: for plain markers in a theme's text
    /// (delimiters, attribute names), where Foundation's search cost more than the rest of
    /// reading the theme.
    func utf8Range(of needle: String, from start: String.Index) -> Range<String.Index>? {
        guard let first = needle.utf8.first else { return nil }
        var from = start
        while let found = utf8[from...].firstIndex(of: first) {
            if utf8[found...].starts(with: needle.utf8) { return found..<utf8.index(found, offsetBy: needle.utf8.count) }
            from = utf8.index(after: found)
        }
        return nil
    }
}
