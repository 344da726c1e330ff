/// A page being written as UTF-8 bytes: a page is thousands of small pieces, and appending
/// each to an `Array` cost about a hundred instructions of capacity and uniqueness checks
/// before its copy. Here an append is one capacity test and one copy.
struct PageBytes: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deallocate()
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        if count + bytes.count > capacity { grow(toHold: count + bytes.count) }
        (base + count).initialize(from: source, count: bytes.count)
        count += bytes.count
    }

    mutating func append(byte: UInt8) {
        if count == capacity { grow(toHold: count + 1) }
        base[count] = byte
        count += 1
    }

    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    mutating func append(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// The UTF-8 bytes of `text`, copied whole from its storage.
    mutating func appendUTF8(_ text: String) {
        text.withUTF8Bytes { append($0) }
    }

    /// `number` in decimal, as `String(number)` writes it, without making that string.
    mutating func append(decimal number: Int) {
        DecimalDigits.with(number) { append($0) }
    }

    /// The bytes written from `start` on, as an array of their own size.
    func bytes(from start: Int = 0) -> [UInt8] {
        [UInt8](UnsafeBufferPointer(start: base + start, count: count - start))
    }

    /// The bytes written, handed over whole: the page is done.
    consuming func finished() -> PageBuffer {
        let buffer = PageBuffer(taking: base, count: count)
        discard self
        return buffer
    }

    private mutating func grow(toHold needed: Int) {
        var larger = capacity * 2
        while larger < needed { larger *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        grown.initialize(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = larger
    }
}
