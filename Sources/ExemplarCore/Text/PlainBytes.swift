/// UTF-8 bytes that reading a source file (`SourceText`) would give back unchanged, checked
/// without making a String: the body of a content file is only looked at for blankness when
/// it is loaded, and validating and normalising it as a String cost more than its YAML.
enum PlainBytes {
    /// Valid UTF-8 of ASCII without `\r`, U+0080…U+02FF without U+0085, U+1E00…U+1EFF,
    /// U+2002…U+206F without U+2028 and U+2029, and U+20A0…U+20CF: text that is surely NFC
    /// (`VietnameseText.isSurelyNFC`) with no line break but `\n`. Runs of ASCII are checked
    /// eight bytes at a time. Loading, rendering and the search index all ask this.
    static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var index = 0
        while index < count {
            if count &- index >= 8 {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                let high = word & 0x8080_8080_8080_8080
                // A byte of `word ^ 0x0D…` is zero where `word` has `\r`: the lowest such byte is
                // flagged exactly (bits above it may be borrows, and are never used).
                let crossed = word ^ 0x0D0D_0D0D_0D0D_0D0D
                let carriageReturns = (crossed &- 0x0101_0101_0101_0101) & ~crossed & 0x8080_8080_8080_8080
                if high | carriageReturns == 0 {
                    index &+= 8
                    continue
                }
                if carriageReturns.trailingZeroBitCount < high.trailingZeroBitCount { return false }
                // On to the first byte that is not ASCII; the ASCII before it is plain.
                index &+= high.trailingZeroBitCount &>> 3
            }
            let lead = base[index]
            switch lead {
            case 0x0D:
                return false
            case 0..<0x80:
                index &+= 1
            case 0xC2...0xCB:
                guard index &+ 1 < count else { return false }
                let second = base[index &+ 1]
                guard second & 0xC0 == 0x80, !(lead == 0xC2 && second == 0x85) else { return false }
                index &+= 2
            case 0xE1, 0xE2:
                guard index &+ 2 < count else { return false }
                let second = base[index &+ 1], third = base[index &+ 2]
                guard second & 0xC0 == 0x80, third & 0xC0 == 0x80 else { return false }
                let scalar = (UInt32(lead & 0x0F) << 12) | (UInt32(second & 0x3F) << 6) | UInt32(third & 0x3F)
                switch scalar {
                case 0x2028, 0x2029: return false
                case 0x1E00...0x1EFF, 0x2002...0x206F, 0x20A0...0x20CF: index &+= 3
                default: return false
                }
            default:
                return false
            }
        }
        return true
    }

    /// Whether plain bytes are only whitespace, as `String.allSatisfy(\.isWhitespace)` says.
    /// A visible ASCII character or control always begins a character of its own that is not
    /// whitespace, so one answers; text of only whitespace and other scalars is asked the
    /// String's way, as its characters may join a space with what follows.
    static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var allASCII = true
        for byte in bytes {
            switch byte {
            case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20: continue
            case 0..<0x80: return false
            default: allASCII = false
            }
        }
        return allASCII || String(decoding: bytes, as: UTF8.self).allSatisfy(\.isWhitespace)
    }
}
