/// A hash for keys looked up thousands of times per page (template names, routes): FNV-1a
/// over their bytes, eight at a time for texts, then mixed once with a table's seed. The
/// standard hasher's rounds cost more than the short keys they hash.
struct KeyHash {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    init() {}

    mutating func add(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    /// Whole words, then the last few bytes with the count in the top byte, so that texts
    /// that differ only in trailing zero bytes still differ.
    mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
        var tail = UInt64(truncatingIfNeeded: bytes.count) << 56
        if let base = bytes.baseAddress {
            let words = UnsafeRawPointer(base)
            var index = 0
            while index + 8 <= bytes.count {
                add(word: words.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                index += 8
            }
            // The last 0-7 bytes in at most three loads, in the order a byte at a time would put them.
            var shift: UInt64 = 0
            if bytes.count - index >= 4 {
                tail |= UInt64(UInt32(littleEndian: words.loadUnaligned(fromByteOffset: index, as: UInt32.self)))
                shift = 32
                index += 4
            }
            if bytes.count - index >= 2 {
                tail |= UInt64(UInt16(littleEndian: words.loadUnaligned(fromByteOffset: index, as: UInt16.self))) << shift
                shift += 16
                index += 2
            }
            if index < bytes.count {
                tail |= UInt64(base[index]) << shift
            }
        }
        add(word: tail)
    }

    /// The high bits of each product are folded down, so that the next word's low bytes mix with them.
    private mutating func add(word: UInt64) {
        value = (value ^ word) &* 0x0000_0100_0000_01B3
        value ^= value >> 29
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

/// A key that `Dictionary` and `Set` hash by its `KeyHash`, mixed with the table's seed.
public protocol KeyHashed: Hashable {
    var keyHash: UInt64 { get }
}

extension KeyHashed {
    public func hash(into hasher: inout Hasher) {
        hasher.combine(keyHash)
    }

    public func _rawHashValue(seed: Int) -> Int {
        KeyHash.mix(keyHash, seed: seed)
    }
}
