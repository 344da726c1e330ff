/// A finished page's bytes, taken over from the `PageBytes` that wrote them: copying a page
/// into an array of its own size, only to write it out and free it, cost as much as a
/// tenth of rendering it.
final class PageBuffer: @unchecked Sendable {
    // Never written after it is made: shared between threads as it is.
    private let base: UnsafeMutablePointer<UInt8>
    let count: Int

    /// Takes `base`, allocated by `UnsafeMutablePointer.allocate`, and frees it when done.
    init(taking base: UnsafeMutablePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
    }

    deinit {
        base.deallocate()
    }

    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }
}
