import Foundation

/// How the search index and `search.js` cut text into words and fold each word into a key.
/// Both sides must agree exactly, so the rules are few:
/// - a word is a run of letters, marks and digits (`\p{L}\p{M}\p{N}` in JavaScript);
/// - its key is `VietnameseText.fold`: no tone or vowel marks, `đ` → `d`, lower case, so
///   "Đức", "ĐỨC" and "duc" are one key;
/// - its spelling keeps the vowel marks and `đ` but moves the tone mark to the end (as its
///   Telex letter: "hòa" → "hoaF"), so the old and new tone placements ("hoà", "hòa") are one
///   spelling, and "Đức" and "Dục" are two.
enum SearchText {
    struct Word: Equatable {
        var key: String
        var spelling: String
    }

    /// Longer runs are not words anyone types (hashes, long numbers) and only grow the index.
    static let maxWordLength = 40

    /// Calls `body` with every word of `text`, in order.
    static func words(_ text: String, _ body: (Word) -> Void) {
        var text = text
        text.withUTF8 { bytes in tokens(bytes) { body(word($0)) } }
    }

    /// Calls `body` with the UTF-8 bytes of every word of `bytes` (valid UTF-8), in order.
    /// With `markdown`, link targets (`](target)`) and tags (`<…>`) are skipped as
    /// `PlainText.strip` skips them; its other mark-up characters are neither letters nor
    /// digits, so the words are those of the stripped text, which is not made.
    static func tokens(_ bytes: UnsafeBufferPointer<UInt8>, markdown: Bool = false,
                       _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        _ = scan(bytes, markdown: markdown, plain: false) { start, end in body(UnsafeBufferPointer(rebasing: bytes[start..<end])) }
    }

    /// Calls `word` with where every word of `bytes` starts and ends, in order (`tokens`).
    /// Works on the bytes with a table per scalar: the index reads every body of the site,
    /// millions of words. With `plain`, the bytes must also be what `PlainBytes.isPlain`
    /// accepts: the scan stops at the first that is not and returns false.
    @inline(__always)
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, markdown: Bool, plain: Bool, _ word: (Int, Int) -> Void) -> Bool {
        let latin = Letters.latinIsWord, additional = Letters.latinAdditionalIsWord
        return byteKinds.withUnsafeBufferPointer { kinds in
            let count = bytes.count
            var index = 0
            var start = -1  // first byte of the word being read; -1 between words
            var length = 0  // its scalars
            /// Steps over the scalar of `size` bytes at `index`, part of a word or not.
            @inline(__always) func step(_ inWord: Bool, _ size: Int) {
                if inWord {
                    if start < 0 { start = index; length = 0 }
                    length += 1
                } else if start >= 0 {
                    if length <= maxWordLength { word(start, index) }
                    start = -1
                }
                index += size
            }
            while index < count {
                let lead = bytes[index]
                // Most bytes are ASCII letters, digits and spaces: a run of letters and digits is
                // taken at once, and a space ends a word without the general path below; so are
                // the Vietnamese letters with marks, two bytes or three from U+1E00 (plain and
                // not plain alike), when their bytes continue as they should.
                switch kinds[Int(lead)] {
                case ByteKind.letter:
                    if start < 0 { start = index; length = 0 }
                    var end = index + 1
                    while end < count, kinds[Int(bytes[end])] == ByteKind.letter { end += 1 }
                    length += end - index
                    index = end
                    continue
                case ByteKind.space:
                    step(false, 1)
                    continue
                case ByteKind.twoBytes:
                    guard index + 1 < count, bytes[index + 1] & 0xC0 == 0x80 else { break }
                    step(latin[(Int(lead & 0x1F) << 6 | Int(bytes[index + 1] & 0x3F)) - 0x80], 2)
                    continue
                case ByteKind.threeBytes:
                    guard index + 2 < count, bytes[index + 1] & 0xFC == 0xB8, bytes[index + 2] & 0xC0 == 0x80 else { break }
                    step(additional[(Int(bytes[index + 1] & 0x03) << 6) | Int(bytes[index + 2] & 0x3F)], 3)
                    continue
                default:
                    break
                }
                var size = 1
                let inWord: Bool
                if lead < 0x80 {
                    // ASCII letters and digits were taken above: the ASCII bytes left part words.
                    inWord = false
                    if plain, lead == 0x0D { return false }
                } else {
                    let value: UInt32
                    if plain {
                        guard let (scalar, length) = plainScalar(bytes, at: index) else { return false }
                        value = scalar
                        size = length
                    } else {
                        size = min(lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2, count - index)
                        value = scalar(bytes, at: index, size: size)
                    }
                    switch value {
                    case 0x80...0x36F: inWord = latin[Int(value) - 0x80]
                    case 0x1E00...0x1EFF: inWord = additional[Int(value) - 0x1E00]
                    default: inWord = Letters.isWord(value: value)
                    }
                }
                step(inWord, size)
                if markdown, !inWord, lead == 0x5D || lead == 0x3C {
                    let next = PlainText.skipped(bytes, from: index, after: lead)
                    if plain, next > index, !PlainBytes.isPlain(UnsafeBufferPointer(rebasing: bytes[index..<next])) { return false }
                    index = next
                }
            }
            if start >= 0, length <= maxWordLength { word(start, count) }
            return true
        }
    }

    /// Calls `run` with where every run of bytes that are ASCII letters, digits or not ASCII
    /// starts and ends, in order: every word of `scan` lies whole in one run, and a run holds
    /// one word but for a few (`"Đức"`, `2019–2020`), so a caller that knows each run's words
    /// (they depend on its bytes alone) need not look at each scalar. Markdown is skipped and
    /// `plain` checked as `scan` does, except in the runs themselves, which the caller checks.
    /// `last`: the scan stops after this run (`\r` with `plain`), before `scan` would have
    /// given the run's last word; `run` returns false to stop it.
    @inline(__always)
    static func runs(_ bytes: UnsafeBufferPointer<UInt8>, markdown: Bool, plain: Bool,
                     _ run: (_ start: Int, _ end: Int, _ last: Bool) -> Bool) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        return runKinds.withUnsafeBufferPointer { kinds in
            let count = bytes.count
            var index = 0
            while index < count {
                let byte = base[index]
                let kind = kinds[Int(byte)]
                if kind == RunKind.run {
                    let start = index
                    index &+= 1
                    // Eight bytes at a time while eight are there: most runs end in the first eight.
                    var ended = false
                    while index &+ 8 <= count {
                        let stops = Self.stops(UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)))
                        if stops != 0 {
                            index &+= stops.trailingZeroBitCount &>> 3
                            ended = true
                            break
                        }
                        index &+= 8
                    }
                    if !ended {
                        while index < count, kinds[Int(base[index])] == RunKind.run { index &+= 1 }
                    }
                    if plain, index < count, base[index] == 0x0D {
                        _ = run(start, index, true)
                        return false
                    }
                    if !run(start, index, false) { return false }
                    continue
                }
                index &+= 1
                if kind == RunKind.space { continue }
                if byte == 0x0D {
                    if plain { return false }
                    continue
                }
                // `]` or `<`
                if markdown {
                    let next = PlainText.skipped(bytes, from: index, after: byte)
                    if plain, next > index, !PlainBytes.isPlain(UnsafeBufferPointer(rebasing: bytes[index..<next])) { return false }
                    index = next
                }
            }
            return true
        }
    }

    /// The high bit of each of the eight bytes of `word` (the first lowest) that ends a run: an
    /// ASCII byte other than a letter or digit, found in all eight at once.
    @inline(__always)
    static func stops(_ word: UInt64) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080
        let ascii = word & ~high
        // A byte at least `low` gets its high bit from adding 0x80 - low, one above `high` from 0x7F - high.
        let digit = (ascii &+ 0x5050_5050_5050_5050) & ~(ascii &+ 0x4646_4646_4646_4646)
        let folded = ascii | 0x2020_2020_2020_2020
        let letter = (folded &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(folded &+ 0x0505_0505_0505_0505)
        return ~(word | digit | letter) & high
    }

    /// What `runs` does with a byte: part of a run, an ASCII byte between runs, or one of
    /// `\r`, `]` and `<` (an ASCII byte between runs that `plain` or Markdown may stop at).
    private enum RunKind {
        static let space: UInt8 = 0, run: UInt8 = 1, other: UInt8 = 2
    }

    private static let runKinds: [UInt8] = (0..<256).map { byte in
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x80...: return RunKind.run
        case 0x0D, 0x3C, 0x5D: return RunKind.other
        default: return RunKind.space
        }
    }

    /// What `scan` does with a byte at once: an ASCII letter or digit (`letter`), another
    /// ASCII byte that only parts words (`space`), the first of two bytes of U+00C0…U+02FF
    /// (`twoBytes`), the first of three of U+1000…U+1FFF (`threeBytes`); every other byte
    /// (not ASCII, `\r`, and the `]` and `<` Markdown may skip after) takes the general path.
    private enum ByteKind {
        static let letter: UInt8 = 1, space: UInt8 = 0, other: UInt8 = 2, twoBytes: UInt8 = 3, threeBytes: UInt8 = 4
    }

    private static let byteKinds: [UInt8] = (0..<256).map { byte in
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return ByteKind.letter
        case 0xC3...0xCB: return ByteKind.twoBytes
        case 0xE1: return ByteKind.threeBytes
        case 0x0D, 0x3C, 0x5D, 0x80...: return ByteKind.other
        default: return ByteKind.space
        }
    }

    /// The scalar at `index` (not ASCII) and its length in bytes, when `PlainBytes.isPlain`
    /// accepts it; nil otherwise.
    @inline(__always)
    private static func plainScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int)? {
        let lead = bytes[index]
        func continues(_ offset: Int) -> Bool { index + offset < bytes.count && bytes[index + offset] & 0xC0 == 0x80 }
        switch lead {
        case 0xC2...0xCB:
            guard continues(1), !(lead == 0xC2 && bytes[index + 1] == 0x85) else { return nil }
            return (UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2)
        case 0xE1, 0xE2:
            guard continues(1), continues(2) else { return nil }
            let value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
            switch value {
            case 0x2028, 0x2029: return nil
            case 0x1E00...0x1EFF, 0x2002...0x206F, 0x20A0...0x20CF: return (value, 3)
            default: return nil
            }
        default:
            return nil
        }
    }

    /// The key and spelling of one word, as `tokens` gives it.
    static func word(_ token: UnsafeBufferPointer<UInt8>) -> Word {
        var key: [UInt8] = []
        var bare: [UInt8] = []
        var tones: [UInt8] = []
        key.reserveCapacity(token.count)
        bare.reserveCapacity(token.count)
        var index = 0
        while index < token.count {
            let lead = token[index]
            if lead < 0x80 {
                let lower = (0x41...0x5A).contains(lead) ? lead + 0x20 : lead
                key.append(lower)
                bare.append(lower)
                index += 1
                continue
            }
            let size = min(lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2, token.count - index)
            let value = scalar(token, at: index, size: size)
            index += size
            guard let scalar = Unicode.Scalar(value), let folded = Letters.fold(scalar) else { continue }
            key.append(contentsOf: folded.key)
            bare.append(contentsOf: folded.bare)
            if folded.tone != 0 { tones.append(folded.tone) }
        }
        return Word(key: String(decoding: key, as: UTF8.self), spelling: String(decoding: bare + tones, as: UTF8.self))
    }

    /// The scalar value of the `size` bytes at `index`, a lead byte and its continuations.
    private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, size: Int) -> UInt32 {
        let lead = bytes[index]
        var value = UInt32(lead) & (size == 2 ? 0x1F : size == 3 ? 0x0F : 0x07)
        for offset in 1..<max(size, 1) {
            value = (value << 6) | (UInt32(bytes[index + offset]) & 0x3F)
        }
        return value
    }

    /// Every word of `text`, for tests and small inputs.
    static func words(_ text: String) -> [Word] {
        var out: [Word] = []
        words(text) { out.append($0) }
        return out
    }
}

/// The fold of one non-ASCII scalar, computed once per scalar and cached: the index reads
/// millions of words, and Foundation's decomposition per word would dominate its time.
private enum Letters {
    struct Folded: Sendable {
        /// What the scalar adds to the key (UTF-8): base letters, no marks, lower case.
        var key: [UInt8]
        /// What it adds to the spelling: lower case, vowel marks kept, tone mark removed.
        var bare: [UInt8]
        /// The tone mark, as a letter appended to the spelling; 0 for none.
        var tone: UInt8
    }

    /// The five Vietnamese tone marks (grave, acute, tilde, hook above, dot below) and the
    /// Telex letter each becomes, in capitals, which a lower-cased word never holds; the old
    /// Unicode tone marks U+0340/0341 count as grave/acute.
    static let tones: [UInt32: UInt8] = [0x300: 0x46, 0x340: 0x46, 0x301: 0x53, 0x341: 0x53,
                                         0x303: 0x58, 0x309: 0x52, 0x323: 0x4A]

    /// Whether each scalar of the Latin blocks with marks, where every Vietnamese letter lies,
    /// and of the combining marks (NFD input) is part of a word, known ahead of time: every
    /// scalar of every body is tested.
    static let latinIsWord = (0x80...0x36F).map { isWordCategory(Unicode.Scalar($0)!) }
    static let latinAdditionalIsWord = (0x1E00...0x1EFF).map { isWordCategory(Unicode.Scalar($0)!) }

    /// Folds made so far: only a new word is folded, and a site uses some hundred of the
    /// thousand letters those blocks hold, each folded through Foundation at a cost of
    /// thousands of instructions.
    private static let folds = Folds()

    private final class Folds: @unchecked Sendable {
        private let lock = NSLock()
        private var made: [UInt32: Folded?] = [:]

        func fold(_ scalar: Unicode.Scalar) -> Folded? {
            lock.lock()
            defer { lock.unlock() }
            if let known = made[scalar.value] { return known }
            let folded = Letters.make(scalar)
            made[scalar.value] = folded
            return folded
        }
    }

    /// Whether the scalar `value` is part of a word (letter, mark or digit), without folding
    /// it; false when it is no scalar.
    static func isWord(value: UInt32) -> Bool {
        switch value {
        case 0x80...0x36F: return latinIsWord[Int(value) - 0x80]
        case 0x1E00...0x1EFF: return latinAdditionalIsWord[Int(value) - 0x1E00]
        default: return Unicode.Scalar(value).map(isWordCategory) ?? false
        }
    }

    private static func isWordCategory(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    static func fold(_ scalar: Unicode.Scalar) -> Folded? {
        folds.fold(scalar)
    }

    /// Nil when the scalar is not part of a word (punctuation, spaces, symbols).
    static func make(_ scalar: Unicode.Scalar) -> Folded? {
        guard isWordCategory(scalar) else { return nil }
        let lower = String(scalar).lowercased()
        var bare = String.UnicodeScalarView()
        var tone: UInt8 = 0
        for part in lower.decomposedStringWithCanonicalMapping.unicodeScalars {
            if let mark = tones[part.value] { tone = mark } else { bare.append(part) }
        }
        return Folded(key: Array(VietnameseText.fold(lower).utf8),
                      bare: Array(String(bare).precomposedStringWithCanonicalMapping.utf8), tone: tone)
    }
}
