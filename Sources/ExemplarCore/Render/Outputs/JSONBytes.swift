/// The one JSON writer: UTF-8 bytes appended in place. Exports, list data and filter entries
/// hold one piece per member of every list; appending each to a `String` cost a few hundred
/// instructions, checking the string's storage and flags first.
struct JSONBytes: ~Copyable {
    /// Appended in place: a JSON text is thousands of pieces of a few bytes, and appending
    /// each to an `Array` cost a uniqueness and capacity check of some thirty instructions.
    private var out: PageBytes
    /// Whether the object being written has a member yet.
    private var hasMember = false

    init(capacity: Int) {
        out = PageBytes(capacity: capacity)
    }

    /// The text written, as an array of its own size.
    var bytes: [UInt8] { out.bytes() }

    /// The text written, handed over whole: for a file, written out and freed as it is.
    consuming func finished() -> PageBuffer { out.finished() }

    var text: String { String(decoding: out.bytes(), as: UTF8.self) }

    mutating func openObject() {
        out.append(byte: UInt8(ascii: "{"))
        hasMember = false
    }

    mutating func closeObject() {
        out.append(byte: UInt8(ascii: "}"))
        hasMember = true
    }

    /// `"key":`, after a comma when the object has a member already.
    mutating func key(_ key: StaticString) {
        if hasMember { out.append(byte: UInt8(ascii: ",")) }
        hasMember = true
        out.append(byte: UInt8(ascii: "\""))
        out.append(key)
        out.append(byte: UInt8(ascii: "\""))
        out.append(byte: UInt8(ascii: ":"))
    }

    /// A key known only when written (a column's name), escaped as any string.
    mutating func key(_ key: String) {
        if hasMember { out.append(byte: UInt8(ascii: ",")) }
        hasMember = true
        string(key)
        out.append(byte: UInt8(ascii: ":"))
    }

    /// A member whose value is a string, left out when nil.
    mutating func member(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    /// A member whose value is a number, left out when nil.
    mutating func member(_ name: StaticString, number value: Int?) {
        guard let value else { return }
        key(name)
        int(value)
    }

    /// A member whose value is an array of strings, empty or not.
    mutating func member(_ name: StaticString, strings: some Sequence<String>) {
        key(name)
        raw("[")
        var first = true
        for text in strings {
            if !first { raw(",") }
            first = false
            string(text)
        }
        raw("]")
    }

    /// A string value, or `null` for nil.
    mutating func stringOrNull(_ value: String?) {
        if let value { string(value) } else { raw("null") }
    }

    mutating func raw(_ text: StaticString) {
        out.append(text)
    }

    /// Text that is JSON already (a number as written, a row made before), copied as it is.
    mutating func json(_ text: String) {
        out.appendUTF8(text)
    }

    /// Bytes that are JSON already (a row made before), copied as they are.
    mutating func json(_ json: [UInt8]) {
        out.append(json)
    }

    mutating func int(_ number: Int) {
        out.append(decimal: number)
    }

    /// A quoted string: quote, backslash and control characters escaped (RFC 8259), the rest
    /// as is.
    mutating func string(_ text: String) {
        out.append(byte: UInt8(ascii: "\""))
        escape(text)
        out.append(byte: UInt8(ascii: "\""))
    }

    /// Two texts as one string value (an address's origin and its path) without joining them first.
    mutating func string(_ first: String, _ second: String) {
        out.append(byte: UInt8(ascii: "\""))
        escape(first)
        escape(second)
        out.append(byte: UInt8(ascii: "\""))
    }

    private mutating func escape(_ text: String) {
        text.withUTF8Bytes { utf8 in
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
                out.append(UnsafeBufferPointer(rebasing: utf8[run..<index - 1]))
                switch byte {
                case 0x22: out.append("\\\"")
                case 0x5C: out.append("\\\\")
                case 0x0A: out.append("\\n")
                case 0x0D: out.append("\\r")
                case 0x09: out.append("\\t")
                default:
                    out.append("\\u00")
                    out.append(byte: Self.hexDigit(byte >> 4))
                    out.append(byte: Self.hexDigit(byte & 0x0F))
                }
                run = index
            }
            out.append(UnsafeBufferPointer(rebasing: utf8[run...]))
        }
    }

    /// `0`–`9`, `a`–`f`.
    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
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
