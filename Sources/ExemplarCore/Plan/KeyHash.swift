/// A hash for keys looked up thousands of times per page (template names, routes): FNV-1a
/// over their bytes, a few instructions a byte, then mixed once with a table's seed. The
/// standard hasher's rounds cost more than the short keys they hash.
struct KeyHash {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    init() {}

    mutating func add(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
        for byte in bytes { add(byte) }
    }

    mutating func add(_ text: String) {
        text.withUTF8Bytes { add($0) }
    }

    mutating func add(number: Int) {
        var bits = UInt64(bitPattern: Int64(number))
        for _ in 0..<8 {
            add(UInt8(truncatingIfNeeded: bits))
            bits >>= 8
        }
    }

    /// `value` mixed with `seed`: what `Dictionary` and `Set` ask for as `_rawHashValue(seed:)`.
    static func mix(_ value: UInt64, seed: Int) -> Int {
        var mixed = value ^ UInt64(bitPattern: Int64(seed))
        mixed = (mixed ^ (mixed >> 31)) &* 0x9E37_79B9_7F4A_7C15
        return Int(bitPattern: UInt(truncatingIfNeeded: mixed ^ (mixed >> 29)))
    }
}
