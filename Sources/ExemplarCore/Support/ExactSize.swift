extension [UInt8] {
    /// The same bytes in storage of their own size. Bytes appended piece by piece have up to
    /// twice the room they need; those kept for a whole build are worth copying once.
    func exactlySized() -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = buffer.initialize(from: self).1
        }
    }
}
