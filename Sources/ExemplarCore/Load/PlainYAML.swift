import Yams

/// A quick reader for the YAML that front matter almost always is: a block mapping of
/// `key: value` lines whose values are plain or quoted scalars on one line, flow lists and
/// mappings on one line (`[a, b]`, `{ award: x, year: 2019 }`), nested block mappings, and
/// block lists of such values. It makes the nodes Yams would (same strings, styles and
/// marks), in a fraction of the time, and gives up (nil) at anything else: escapes, anchors,
/// tags, block scalars, values over several lines, tabs, repeated keys, whatever is unusual
/// or wrong. Yams then reads the text as always, with its diagnostics.
enum PlainYAML {
    static func parse(_ yaml: String) -> FieldNode? {
        var text = yaml
        return text.withUTF8 { bytes in
            var reader = Reader(bytes)
            return reader.document()
        }
    }
}

private struct Reader {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Each line's first byte and the byte after its last (its `\n` excluded).
    private var lines: [(start: Int, end: Int)] = []
    /// The next line to read.
    private var next = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        var start = 0
        for index in 0..<bytes.count where bytes[index] == 0x0A {
            lines.append((start, index))
            start = index + 1
        }
        if start < bytes.count { lines.append((start, bytes.count)) }
    }

    mutating func document() -> FieldNode? {
        guard allPrintable(), let first = nextContentLine(), indent(of: first) == 0 else { return nil }
        guard let root = mapping(indent: 0) else { return nil }
        // Anything left is at a smaller indent than the root's: impossible, or not read here.
        return nextContentLine() == nil ? root : nil
    }

    // MARK: Block collections

    /// The block mapping whose keys stand at `indent`, starting at the next content line.
    private mutating func mapping(indent: Int) -> FieldNode? {
        var pairs: [(key: FieldNode, value: FieldNode)] = []
        var keys: [String] = []
        var mark: FieldNode.Mark?
        while let lineIndex = nextContentLine() {
            let lineIndent = self.indent(of: lineIndex)
            if lineIndent < indent { break }
            guard lineIndent == indent else { return nil }
            let line = lines[lineIndex]
            var at = line.start + indent
            guard let keyEnd = keyEnd(from: at, to: line.end) else { return nil }
            let key = string(at, keyEnd)
            guard isNew(key, in: &keys) else { return nil }
            let keyMark = self.mark(lineIndex, at)
            if mark == nil { mark = keyMark }
            let keyNode = FieldNode.scalar(key, style: .plain, mark: keyMark)
            next = lineIndex + 1
            at = skipSpaces(keyEnd + 1, line.end)
            let value: FieldNode
            if at == line.end || bytes[at] == 0x23 {
                guard at == line.end || bytes[at - 1] == 0x20 else { return nil }
                guard let nested = nestedValue(parentIndent: indent) else { return nil }
                value = nested
            } else {
                guard let inline = inlineValue(lineIndex, from: at, parentIndent: indent) else { return nil }
                value = inline
            }
            pairs.append((keyNode, value))
        }
        guard let mark else { return nil }
        return .mapping(pairs, mark: mark, text: nil)
    }

    /// The value of a key with nothing after its colon: a block list or a deeper mapping.
    /// An empty value (Yams gives it a mark of its own) is left to Yams.
    private mutating func nestedValue(parentIndent: Int) -> FieldNode? {
        guard let lineIndex = nextContentLine() else { return nil }
        let lineIndent = self.indent(of: lineIndex)
        let line = lines[lineIndex]
        if isEntry(line.start + lineIndent, line.end) {
            // A list may stand at its key's own indent.
            guard lineIndent >= parentIndent else { return nil }
            return sequence(indent: lineIndent)
        }
        guard lineIndent > parentIndent else { return nil }
        return mapping(indent: lineIndent)
    }

    /// A block list whose `- ` stand at `indent`; each entry a value on its line.
    private mutating func sequence(indent: Int) -> FieldNode? {
        var items: [FieldNode] = []
        var mark: FieldNode.Mark?
        while let lineIndex = nextContentLine() {
            let lineIndent = self.indent(of: lineIndex)
            let line = lines[lineIndex]
            if lineIndent < indent || (lineIndent == indent && !isEntry(line.start + indent, line.end)) { break }
            guard lineIndent == indent else { return nil }
            if mark == nil { mark = self.mark(lineIndex, line.start + indent) }
            next = lineIndex + 1
            let at = skipSpaces(line.start + indent + 2, line.end)
            guard at < line.end, bytes[at] != 0x23 else { return nil }
            // `- key: value` starts a mapping inside the list: left to Yams.
            if keyEnd(from: at, to: line.end) != nil { return nil }
            guard let item = inlineValue(lineIndex, from: at, parentIndent: indent) else { return nil }
            items.append(item)
        }
        guard let mark else { return nil }
        return .sequence(items, mark: mark)
    }

    /// A value that starts at `at` on its key's or entry's line and must end on it.
    private mutating func inlineValue(_ lineIndex: Int, from at: Int, parentIndent: Int) -> FieldNode? {
        let end = lines[lineIndex].end
        var position = at
        let value: FieldNode
        switch bytes[at] {
        case 0x5B, 0x7B:
            guard let flow = flowNode(lineIndex, &position, end) else { return nil }
            value = flow
        case 0x22, 0x27:
            guard let quoted = quoted(lineIndex, &position, end) else { return nil }
            value = quoted
        default:
            guard let plain = blockPlain(lineIndex, at, end) else { return nil }
            return continues(beyond: parentIndent) ? nil : plain
        }
        position = skipSpaces(position, end)
        guard position == end || (bytes[position] == 0x23 && bytes[position - 1] == 0x20) else { return nil }
        return continues(beyond: parentIndent) ? nil : value
    }

    /// Whether the next content line is deeper than `indent`: the value would go on there.
    private mutating func continues(beyond indent: Int) -> Bool {
        guard let lineIndex = nextContentLine() else { return false }
        return self.indent(of: lineIndex) > indent
    }

    // MARK: Scalars

    /// A plain scalar taking the rest of a line in a block: up to a comment, without
    /// trailing spaces. Nil when it could mean anything else (`: `, an indicator first).
    private func blockPlain(_ lineIndex: Int, _ start: Int, _ end: Int) -> FieldNode? {
        guard startsPlain(start, end) else { return nil }
        var last = start
        var index = start
        while index < end {
            let byte = bytes[index]
            if byte == 0x23, bytes[index - 1] == 0x20 { break }
            if byte == 0x3A, index + 1 == end || bytes[index + 1] == 0x20 { return nil }
            if byte != 0x20 { last = index + 1 }
            index += 1
        }
        return .scalar(string(start, last), style: .plain, mark: mark(lineIndex, start))
    }

    /// `"…"` without escapes or `'…'`, closed on the same line.
    private func quoted(_ lineIndex: Int, _ position: inout Int, _ end: Int) -> FieldNode? {
        let quote = bytes[position]
        let start = position + 1
        var index = start
        var text: String?
        while index < end {
            let byte = bytes[index]
            if quote == 0x22, byte == 0x5C { return nil }
            if byte == quote {
                if quote == 0x27, index + 1 < end, bytes[index + 1] == 0x27 { return nil }
                text = string(start, index)
                break
            }
            index += 1
        }
        guard let text else { return nil }
        let node = FieldNode.scalar(text, style: quote == 0x22 ? .doubleQuoted : .singleQuoted, mark: mark(lineIndex, position))
        position = index + 1
        return node
    }

    /// A plain scalar inside `[…]` or `{…}`: up to `,`, `]` or `}`.
    private func flowPlain(_ lineIndex: Int, _ position: inout Int, _ end: Int) -> FieldNode? {
        let start = position
        guard startsPlain(start, end) else { return nil }
        var last = start
        var index = start
        while index < end {
            let byte = bytes[index]
            if byte == 0x2C || byte == 0x5D || byte == 0x7D { break }
            if byte == 0x3A || byte == 0x23 || byte == 0x5B || byte == 0x7B { return nil }
            if byte != 0x20 { last = index + 1 }
            index += 1
        }
        position = index
        return .scalar(string(start, last), style: .plain, mark: mark(lineIndex, start))
    }

    // MARK: Flow collections

    private func flowNode(_ lineIndex: Int, _ position: inout Int, _ end: Int) -> FieldNode? {
        switch bytes[position] {
        case 0x5B: return flowSequence(lineIndex, &position, end)
        case 0x7B: return flowMapping(lineIndex, &position, end)
        case 0x22, 0x27: return quoted(lineIndex, &position, end)
        default: return flowPlain(lineIndex, &position, end)
        }
    }

    /// `[a, "b", {…}]`, closed on the same line, without a comma before the `]`.
    private func flowSequence(_ lineIndex: Int, _ position: inout Int, _ end: Int) -> FieldNode? {
        let mark = self.mark(lineIndex, position)
        var items: [FieldNode] = []
        position = skipSpaces(position + 1, end)
        if position < end, bytes[position] == 0x5D {
            position += 1
            return .sequence(items, mark: mark)
        }
        while position < end {
            guard let item = flowNode(lineIndex, &position, end) else { return nil }
            items.append(item)
            position = skipSpaces(position, end)
            guard position < end else { return nil }
            if bytes[position] == 0x5D {
                position += 1
                return .sequence(items, mark: mark)
            }
            guard bytes[position] == 0x2C else { return nil }
            position = skipSpaces(position + 1, end)
        }
        return nil
    }

    /// `{ key: value, … }`, closed on the same line, keys plain words, each once.
    private func flowMapping(_ lineIndex: Int, _ position: inout Int, _ end: Int) -> FieldNode? {
        let mark = self.mark(lineIndex, position)
        var pairs: [(key: FieldNode, value: FieldNode)] = []
        var keys: [String] = []
        position = skipSpaces(position + 1, end)
        if position < end, bytes[position] == 0x7D {
            position += 1
            return .mapping(pairs, mark: mark, text: nil)
        }
        while position < end {
            guard let keyEnd = keyEnd(from: position, to: end) else { return nil }
            let key = string(position, keyEnd)
            guard isNew(key, in: &keys) else { return nil }
            let keyNode = FieldNode.scalar(key, style: .plain, mark: self.mark(lineIndex, position))
            position = skipSpaces(keyEnd + 1, end)
            guard position < end, bytes[position] != 0x2C, bytes[position] != 0x7D,
                  let value = flowNode(lineIndex, &position, end) else { return nil }
            pairs.append((keyNode, value))
            position = skipSpaces(position, end)
            guard position < end else { return nil }
            if bytes[position] == 0x7D {
                position += 1
                return .mapping(pairs, mark: mark, text: nil)
            }
            guard bytes[position] == 0x2C else { return nil }
            position = skipSpaces(position + 1, end)
        }
        return nil
    }

    // MARK: Pieces

    /// Whether `key` is not yet among a mapping's `keys`, which it then joins. A mapping has a
    /// few keys: comparing with each costs less than hashing it into a set.
    private func isNew(_ key: String, in keys: inout [String]) -> Bool {
        guard !keys.contains(key) else { return false }
        keys.append(key)
        return true
    }

    /// Where a key made of letters, digits, `_` and `-` ends, when `: ` or a colon at the
    /// end of the line follows it.
    private func keyEnd(from start: Int, to end: Int) -> Int? {
        var index = start
        while index < end, index - start < 128 {
            let byte = bytes[index]
            let isWordByte = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
                || byte == 0x5F || (byte == 0x2D && index > start)
            if isWordByte { index += 1; continue }
            guard byte == 0x3A, index > start, index + 1 == end || bytes[index + 1] == 0x20 else { return nil }
            return index
        }
        return nil
    }

    /// Whether a plain scalar may start here: not empty, nor an indicator first.
    private func startsPlain(_ start: Int, _ end: Int) -> Bool {
        guard start < end else { return false }
        switch bytes[start] {
        case 0x2D, 0x3F, 0x3A, 0x2C, 0x5B, 0x5D, 0x7B, 0x7D, 0x23, 0x26, 0x2A, 0x21, 0x7C, 0x3E, 0x27, 0x22, 0x25, 0x40, 0x60, 0x20:
            return false
        default:
            return true
        }
    }

    /// `- ` (or a lone `-`) at `at`.
    private func isEntry(_ at: Int, _ end: Int) -> Bool {
        at < end && bytes[at] == 0x2D && (at + 1 == end || bytes[at + 1] == 0x20)
    }

    private func skipSpaces(_ from: Int, _ end: Int) -> Int {
        var index = from
        while index < end, bytes[index] == 0x20 { index += 1 }
        return index
    }

    private func indent(of lineIndex: Int) -> Int {
        let line = lines[lineIndex]
        return skipSpaces(line.start, line.end) - line.start
    }

    /// The next line that is neither blank nor only a comment, from `next` on; the lines
    /// skipped are passed.
    private mutating func nextContentLine() -> Int? {
        while next < lines.count {
            let line = lines[next]
            let first = skipSpaces(line.start, line.end)
            if first < line.end, bytes[first] != 0x23 { return next }
            next += 1
        }
        return nil
    }

    /// Only characters YAML allows, no tab, no carriage return and no line break other
    /// than `\n` (U+0085, U+2028, U+2029), no byte-order mark, no C1 control; and no
    /// document marker (`---`, `...`), which would end the document.
    private func allPrintable() -> Bool {
        for line in lines where line.end - line.start >= 3 {
            let first = bytes[line.start]
            if (first == 0x2D || first == 0x2E), bytes[line.start + 1] == first, bytes[line.start + 2] == first { return false }
        }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x0A, 0x20..<0x7F: break
            case 0xC2: if index + 1 < bytes.count, bytes[index + 1] < 0xA0 { return false }
            case 0xE2: if index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 { return false }
            case 0xEF:
                if index + 2 < bytes.count,
                   (bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF) || (bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE) {
                    return false
                }
            case 0x80...0xFF: break
            default: return false
            }
            index += 1
        }
        return true
    }

    private func string(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// Yams's place of a byte: line and column from 1, the column counted in characters.
    private func mark(_ lineIndex: Int, _ at: Int) -> FieldNode.Mark {
        var column = 1
        for index in lines[lineIndex].start..<at where bytes[index] & 0xC0 != 0x80 { column += 1 }
        return FieldNode.Mark(line: lineIndex + 1, column: column)
    }
}
