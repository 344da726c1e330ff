/// Renders parsed templates with typed data. Text values are HTML-escaped; `.html`
/// values (the builder's own Markdown output) are inserted as they are.
///
/// Pages are written as UTF-8 bytes (`PageBytes`): appending bytes is a copy, where appending
/// to a `String` checked its storage and flags first, for each of the thousands of pieces of a page.
struct TemplateRenderer: Sendable {
    static let transforms: Set<String> = Set(Template.Transform.allCases.map(\.rawValue))

    let templates: [String: Template]
    /// The same templates as one flat program, which rendering walks.
    private let program: TemplateProgram

    init(templates: [String: Template]) {
        self.templates = templates
        program = TemplateProgram(templates)
    }

    /// `memo` keeps partials rendered for list items (cards) for other pages of the same build.
    func render(_ name: String, data: TemplateValue, memo: PartialMemo? = nil) -> String? {
        renderBytes(name, data: data, memo: memo).map { String(decoding: $0.bytes, as: UTF8.self) }
    }

    /// The page as UTF-8 bytes.
    func renderBytes(_ name: String, data: TemplateValue, memo: PartialMemo? = nil) -> PageBuffer? {
        guard let index = program.indexOf[name] else { return nil }
        var out = PageBytes(capacity: 32_768)
        var scope = Scope(stack: [data])
        scope.memo = memo
        let entry = program.entries[index]
        render(entry.start, entry.end, &scope, into: &out)
        return out.finished()
    }

    /// Where rendering stands. One value, changed in place and restored when a section,
    /// partial or parent ends: copying it for each section cost an allocation and a retain of
    /// every value on the stack, for every card of every list.
    private struct Scope {
        var stack: [TemplateValue]
        /// Position in the innermost list being iterated, for `first()`, `last()`, `index()`.
        var position: (index: Int, count: Int)?
        var blocks = BlockFillings()
        /// Stack size right after the innermost list pushed its current item.
        var itemDepth = 0
        var memo: PartialMemo?
        /// Set while a partial is rendered to be kept in the memo.
        var recording: PartialMemo.Recording?

        init(stack: [TemplateValue]) {
            self.stack = stack
            // Room for the sections of a page nested in each other, taken once.
            self.stack.reserveCapacity(16)
        }
    }

    /// Renders the ops from `start` up to `end`.
    private func render(_ start: Int32, _ end: Int32, _ scope: inout Scope, into out: inout PageBytes) {
        let program = self.program
        var index = Int(start)
        let end = Int(end)
        while index < end {
            let op = program.ops[index]
            switch op.kind {
            case .text:
                out.append(UnsafeBufferPointer(rebasing: program.bytes[Int(op.a) ..< Int(op.a + op.b)]))
                index += 1
            case .escaped, .raw:
                write(value(of: program.names[Int(op.a)], in: scope), escaped: op.kind == .escaped, into: &out)
                index += 1
            case .inverted:
                if !value(of: program.names[Int(op.a)], in: scope).isTruthy { render(Int32(index + 1), op.b, &scope, into: &out) }
                index = Int(op.b)
            case .section:
                let shown = value(of: program.names[Int(op.a)], in: scope)
                if case .list(let items) = shown {
                    let outer = (scope.position, scope.itemDepth)
                    for (position, item) in items.enumerated() {
                        scope.stack.append(item)
                        scope.position = (position, items.count)
                        scope.itemDepth = scope.stack.count
                        render(Int32(index + 1), op.b, &scope, into: &out)
                        scope.stack.removeLast()
                    }
                    (scope.position, scope.itemDepth) = outer
                } else if shown.isTruthy {
                    scope.stack.append(shown)
                    render(Int32(index + 1), op.b, &scope, into: &out)
                    scope.stack.removeLast()
                }
                index = Int(op.b)
            case .partial:
                if op.a >= 0 { renderPartial(Int(op.a), &scope, into: &out) }
                index += 1
            case .parent:
                if op.a >= 0 {
                    let outer = scope.blocks.count
                    scope.blocks.add(program.overrides[Int(op.c) ..< Int(op.c + op.d)])
                    renderPartial(Int(op.a), &scope, into: &out)
                    scope.blocks.truncate(to: outer)
                }
                index = Int(op.b)
            case .block:
                scope.recording?.blocks.insert(op.a)
                if let filling = scope.blocks.filling(op.a) {
                    render(filling.start, filling.end, &scope, into: &out)
                } else {
                    render(Int32(index + 1), op.b, &scope, into: &out)
                }
                index = Int(op.b)
            }
        }
    }

    /// A partial or parent template: from the memo when it was rendered for the same list
    /// item in the same surroundings before; else rendered, and kept for its next use.
    private func renderPartial(_ template: Int, _ scope: inout Scope, into out: inout PageBytes) {
        let entry = program.entries[template]
        guard let memo = scope.memo, scope.recording == nil, scope.itemDepth == scope.stack.count,
              let item = scope.stack.last, let key = PartialMemo.key(program.templateNames[template], item) else {
            render(entry.start, entry.end, &scope, into: &out)
            return
        }
        let itemIndex = scope.stack.count - 1
        if let html = memo.html(key, item: item, blocks: scope.blocks, outside: { resolveFirst($0, in: scope, below: itemIndex) }) {
            out.append(html)
            return
        }
        guard memo.wantsRecording(key) else {
            render(entry.start, entry.end, &scope, into: &out)
            return
        }
        let recording = PartialMemo.Recording(itemIndex: itemIndex)
        scope.recording = recording
        let blocks = scope.blocks
        let start = out.count
        render(entry.start, entry.end, &scope, into: &out)
        scope.recording = nil
        if !recording.usesPosition {
            // What the surroundings filled each block shown with: a block the partial fills
            // itself (a parent inside it) still takes the outermost filling when there is one.
            let used = recording.blocks.sorted().map { (block: $0, filling: blocks.filling($0)) }
            // Copied out at its own size: it is kept for the whole build.
            let html = out.bytes(from: start)
            memo.keep(key, PartialMemo.Entry(item: item, blocks: used, outside: recording.outside, html: html))
        }
    }

    /// What `name` resolves to from the frames below `index`, as a lookup that misses the item would.
    private func resolveFirst(_ name: TemplateKey, in scope: Scope, below index: Int) -> TemplateValue? {
        var frame = index - 1
        while frame >= 0 {
            if let value = scope.stack[frame][name] { return value }
            frame -= 1
        }
        return nil
    }

    private func value(of name: TemplateProgram.Name, in scope: Scope) -> TemplateValue {
        guard let transform = name.transform else { return resolve(name, in: scope) }
        switch transform {
        case .empty:
            switch resolve(name, in: scope) {
            case .null: return .flag(true)
            case .list(let items): return .flag(items.isEmpty)
            case .text(let text): return .flag(text.isEmpty)
            case .html(let html): return .flag(html.isEmpty)
            default: return .flag(false)
            }
        case .count:
            if case .list(let items) = resolve(name, in: scope) { return .number(items.count) }
            return .number(0)
        case .one:
            // For a noun after a count: English says "1 item" but "2 items".
            switch resolve(name, in: scope) {
            case .number(let number): return .flag(number == 1)
            case .list(let items): return .flag(items.count == 1)
            default: return .flag(false)
            }
        case .first, .last, .index, .even, .odd:
            scope.recording?.usesPosition = true
            guard let position = scope.position else { return .null }
            switch transform {
            case .first: return .flag(position.index == 0)
            case .last: return .flag(position.index == position.count - 1)
            case .index: return .number(position.index)
            case .even: return .flag(position.index % 2 == 0)
            default: return .flag(position.index % 2 == 1)
            }
        }
    }

    /// The first name is looked up from the innermost context outwards; the rest inside it.
    private func resolve(_ name: TemplateProgram.Name, in scope: Scope) -> TemplateValue {
        guard name.first >= 0 else { return scope.stack.last ?? .null }
        let first = program.keys[Int(name.first)]
        var found: TemplateValue?
        var frame = scope.stack.count - 1
        while frame >= 0 {
            if let value = scope.stack[frame][first] { found = value; break }
            frame -= 1
        }
        // A partial kept for its item depends on what it found outside the item.
        if let recording = scope.recording, frame < recording.itemIndex {
            recording.outside.append((first, found))
        }
        for key in program.rest(of: name) {
            found = found?[key]
        }
        return found ?? .null
    }

    private func write(_ value: TemplateValue, escaped: Bool, into out: inout PageBytes) {
        switch value {
        case .text(let text): if escaped { HTMLEscape.append(text, to: &out) } else { out.appendUTF8(text) }
        case .html(let html): out.append(html)
        case .number(let number): out.append(decimal: number)
        case .flag(let flag): if flag { out.append("true") } else { out.append("false") }
        case .list, .object, .record, .null: break
        }
    }
}

/// Escapes text for HTML content and attribute values, copying untouched runs whole.
enum HTMLEscape {
    static func append(_ text: String, to out: inout PageBytes) {
        text.withUTF8Bytes { append($0, to: &out) }
    }

    /// `"`, `&`, `'`, `<` and `>` as bits of one word: all five lie below 0x40.
    private static let special: UInt64 = 1 << 0x22 | 1 << 0x26 | 1 << 0x27 | 1 << 0x3C | 1 << 0x3E

    private static func append(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout PageBytes) {
        guard let base = bytes.baseAddress else { return }
        var runStart = 0
        while true {
            let at = firstSpecial(in: bytes, from: runStart)
            if runStart < at { out.append(UnsafeBufferPointer(start: base + runStart, count: at - runStart)) }
            guard at < bytes.count else { return }
            switch base[at] {
            case 0x26: out.append("&amp;")
            case 0x3C: out.append("&lt;")
            case 0x3E: out.append("&gt;")
            case 0x22: out.append("&quot;")
            default: out.append("&#39;")
            }
            runStart = at + 1
        }
    }

    /// Where the first of the five is from `start` on; `bytes.count` if none is. Most text holds
    /// none: sixteen bytes are tested at a time, then eight; the last few are taken in one
    /// word that overlaps bytes already passed rather than one by one.
    private static func firstSpecial(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return start }
        let words = UnsafeRawPointer(base)
        var index = start
        while index + 16 <= bytes.count {
            let found = specials(in: words.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self))
            if found.low != 0 { return index + found.low.trailingZeroBitCount / 8 }
            if found.high != 0 { return index + 8 + found.high.trailingZeroBitCount / 8 }
            index += 16
        }
        while index + 8 <= bytes.count, !mayHoldSpecial(words.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
            index += 8
        }
        if index + 8 > bytes.count, bytes.count - start >= 8,
           !mayHoldSpecial(words.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self)) {
            return bytes.count
        }
        // The word at `index` holds one, or fewer than eight bytes are left: byte by byte.
        while index < bytes.count {
            let byte = base[index]
            if byte < 0x40, special & (1 << UInt64(byte)) != 0 { return index }
            index += 1
        }
        return index
    }

    /// The five among sixteen bytes, as a byte of ones for each, in two halves: `"` alone,
    /// `&` and `'` as one once the low bit is set, `<` and `>` as one once bit 1 is set.
    private static func specials(in chunk: SIMD16<UInt8>) -> (low: UInt64, high: UInt64) {
        // Each constant a whole vector: compared with a scalar, the lanes were tested one by one.
        let quote = SIMD16<UInt8>(repeating: 0x22), apostrophe = SIMD16<UInt8>(repeating: 0x27)
        let greater = SIMD16<UInt8>(repeating: 0x3E)
        let bit0 = SIMD16<UInt8>(repeating: 0x01), bit1 = SIMD16<UInt8>(repeating: 0x02)
        let found = (chunk .== quote) .| ((chunk | bit0) .== apostrophe) .| ((chunk | bit1) .== greater)
        let halves = unsafeBitCast(found, to: SIMD2<UInt64>.self)
        return (halves[0], halves[1])
    }

    /// Whether one of the eight bytes of `word` is one of the five. Three tests cover them:
    /// `"` alone, `&` and `'` (0x26, 0x27) as one once the low bit is set, and `<` and `>`
    /// (0x3C, 0x3E) as one once bit 1 is set; each looks for a zero byte of `word` XOR eight
    /// copies of the value, which is exact: no byte is missed.
    private static func mayHoldSpecial(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        func holdsZero(_ x: UInt64) -> Bool {
            (x &- ones) & ~x & 0x8080_8080_8080_8080 != 0
        }
        return holdsZero(word ^ (0x22 &* ones)) || holdsZero((word | ones) ^ (0x27 &* ones))
            || holdsZero((word | (0x02 &* ones)) ^ (0x3E &* ones))
    }
}
