/// The one JSON writer: UTF-8 bytes appended in place. Exports, list data and filter entries
/// hold one piece per member of every list; appending each to a `String` cost a few hundred
/// instructions, checking the string's storage and flags first.
struct JSONBytes {
    private(set) var bytes: [UInt8] = []
    /// Whether the object being written has a member yet.
    private var hasMember = false

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func openObject() {
        bytes.append(UInt8(ascii: "{"))
        hasMember = false
    }

    mutating func closeObject() {
        bytes.append(UInt8(ascii: "}"))
        hasMember = true
    }

    /// `"key":`, after a comma when the object has a member already.
    mutating func key(_ key: StaticString) {
        if hasMember { bytes.append(UInt8(ascii: ",")) }
        hasMember = true
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        // Byte by byte: appending a String's UTF-8 view goes through the general sequence path.
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    /// A key known only when written (a column's name), escaped as any string.
    mutating func key(_ key: String) {
        if hasMember { bytes.append(UInt8(ascii: ",")) }
        hasMember = true
        string(key)
        bytes.append(UInt8(ascii: ":"))
    }

    /// A member whose value is a string, left out when nil.
    mutating func member(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    /// A string value, or `null` for nil.
    mutating func stringOrNull(_ value: String?) {
        if let value { string(value) } else { raw("null") }
    }

    mutating func raw(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Text that is JSON already (a number as written, a row made before), copied as it is.
    mutating func json(_ text: String) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { bytes.append(contentsOf: $0) }
        if done == nil { bytes.append(contentsOf: text.utf8) }
    }

    /// Bytes that are JSON already (a row made before), copied as they are.
    mutating func json(_ json: [UInt8]) {
        bytes.append(contentsOf: json)
    }

    mutating func int(_ number: Int) {
        DecimalDigits.with(number) { bytes.append(contentsOf: $0) }
    }

    /// A quoted string: quote, backslash and control characters escaped (RFC 8259), the rest
    /// as is.
    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            guard let base = utf8.baseAddress else { return }
            var run = 0
            var index = 0
            while index < utf8.count {
                // Most text needs no escape: eight bytes are passed at a time.
                if index + 8 <= utf8.count, !Self.mayNeedEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                    index += 8
                    continue
                }
                let byte = base[index]
                index += 1
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<index - 1]))
                switch byte {
                case 0x22: bytes.append(contentsOf: "\\\"".utf8)
                case 0x5C: bytes.append(contentsOf: "\\\\".utf8)
                case 0x0A: bytes.append(contentsOf: "\\n".utf8)
                case 0x0D: bytes.append(contentsOf: "\\r".utf8)
                case 0x09: bytes.append(contentsOf: "\\t".utf8)
                default:
                    let digits: [UInt8] = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: "\\u00".utf8)
                    bytes.append(digits[Int(byte >> 4)])
                    bytes.append(digits[Int(byte & 0x0F)])
                }
                run = index
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Whether one of the eight bytes of `word` is below 0x20, a quote or a backslash. Each
    /// test is exact (no such byte is missed); a word it flags wrongly is only looked at closer.
    private static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        func holdsLess(_ x: UInt64, than n: UInt64) -> Bool {
            (x &- n &* ones) & ~x & high != 0
        }
        return holdsLess(word, than: 0x20) || holdsLess(word ^ (0x22 &* ones), than: 1) || holdsLess(word ^ (0x5C &* ones), than: 1)
    }
}
