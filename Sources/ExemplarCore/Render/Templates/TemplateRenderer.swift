/// Renders parsed templates with typed data. Text values are HTML-escaped; `.html`
/// values (the builder's own Markdown output) are inserted as they are.
///
/// Pages are written as UTF-8 bytes: appending bytes is a copy, where appending to a `String`
/// checked its storage and flags first, for each of the thousands of pieces of a page.
struct TemplateRenderer: Sendable {
    static let transforms: Set<String> = Set(Template.Transform.allCases.map(\.rawValue))

    let templates: [String: Template]

    /// `memo` keeps partials rendered for list items (cards) for other pages of the same build.
    func render(_ name: String, data: TemplateValue, memo: PartialMemo? = nil) -> String? {
        renderBytes(name, data: data, memo: memo).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The page as UTF-8 bytes.
    func renderBytes(_ name: String, data: TemplateValue, memo: PartialMemo? = nil) -> [UInt8]? {
        guard let template = templates[name] else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(32_768)
        var scope = Scope(stack: [data])
        scope.memo = memo
        render(template.nodes, &scope, into: &out)
        return out
    }

    /// Where rendering stands. One value, changed in place and restored when a section,
    /// partial or parent ends: copying it for each section cost an allocation and a retain of
    /// every value on the stack, for every card of every list.
    private struct Scope {
        var stack: [TemplateValue]
        /// Position in the innermost list being iterated, for `first()`, `last()`, `index()`.
        var position: (index: Int, count: Int)?
        var blocks: [String: [Template.Node]] = [:]
        /// Stack size right after the innermost list pushed its current item.
        var itemDepth = 0
        var memo: PartialMemo?
        /// Set while a partial is rendered to be kept in the memo.
        var recording: PartialMemo.Recording?

        init(stack: [TemplateValue]) {
            self.stack = stack
        }
    }

    private func render(_ nodes: [Template.Node], _ scope: inout Scope, into out: inout [UInt8]) {
        for node in nodes {
            switch node {
            case .text(let bytes):
                out.append(contentsOf: bytes)
            case .variable(let name, let escaped):
                write(value(of: name, in: scope), escaped: escaped, into: &out)
            case .section(let name, let inverted, let children):
                let shown = value(of: name, in: scope)
                if inverted {
                    if !shown.isTruthy { render(children, &scope, into: &out) }
                } else if case .list(let items) = shown {
                    let outer = (scope.position, scope.itemDepth)
                    for (index, item) in items.enumerated() {
                        scope.stack.append(item)
                        scope.position = (index, items.count)
                        scope.itemDepth = scope.stack.count
                        render(children, &scope, into: &out)
                        scope.stack.removeLast()
                    }
                    (scope.position, scope.itemDepth) = outer
                } else if shown.isTruthy {
                    scope.stack.append(shown)
                    render(children, &scope, into: &out)
                    scope.stack.removeLast()
                }
            case .partial(let name, _, _):
                if let template = templates[name] { renderPartial(name, template.nodes, &scope, into: &out) }
            case .parent(let name, let blocks, _):
                guard let template = templates[name] else { continue }
                let outer = scope.blocks
                // The outermost override of a block wins, as in Mustache inheritance.
                scope.blocks = blocks.merging(outer) { _, outer in outer }
                renderPartial(name, template.nodes, &scope, into: &out)
                scope.blocks = outer
            case .block(let name, let defaults):
                scope.recording?.blocks.insert(name)
                render(scope.blocks[name] ?? defaults, &scope, into: &out)
            }
        }
    }

    /// A partial or parent template: from the memo when it was rendered for the same list
    /// item in the same surroundings before; else rendered, and kept from the item's second use.
    private func renderPartial(_ name: String, _ nodes: [Template.Node], _ scope: inout Scope, into out: inout [UInt8]) {
        guard let memo = scope.memo, scope.recording == nil, scope.itemDepth == scope.stack.count,
              let item = scope.stack.last, let key = PartialMemo.key(name, item) else {
            render(nodes, &scope, into: &out)
            return
        }
        let itemIndex = scope.stack.count - 1
        let current = scope
        if let html = memo.html(key, item: item, blocks: scope.blocks, outside: { resolveFirst($0, in: current, below: itemIndex) }) {
            out.append(contentsOf: html)
            return
        }
        guard memo.wantsRecording(key) else {
            render(nodes, &scope, into: &out)
            return
        }
        let recording = PartialMemo.Recording(itemIndex: itemIndex)
        scope.recording = recording
        let blocks = scope.blocks
        let start = out.count
        render(nodes, &scope, into: &out)
        scope.recording = nil
        if !recording.usesPosition {
            // What the surroundings gave each block shown: a block the partial overrides
            // itself (a parent inside it) still takes the outermost override when there is one.
            let used = recording.blocks.sorted().map { (name: $0, nodes: blocks[$0]) }
            // Copied out at its own size: it is kept for the whole build.
            let html = out.withUnsafeBufferPointer { [UInt8](UnsafeBufferPointer(rebasing: $0[start...])) }
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

    private func value(of name: Template.Name, in scope: Scope) -> TemplateValue {
        guard let transform = name.transform else { return resolve(name, in: scope) }
        switch transform {
        case .empty:
            switch resolve(name, in: scope) {
            case .null: return .flag(true)
            case .list(let items): return .flag(items.isEmpty)
            case .text(let text), .html(let text): return .flag(text.isEmpty)
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
    private func resolve(_ name: Template.Name, in scope: Scope) -> TemplateValue {
        guard let first = name.first else { return scope.stack.last ?? .null }
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
        for key in name.rest {
            found = found?[key]
        }
        return found ?? .null
    }

    private func write(_ value: TemplateValue, escaped: Bool, into out: inout [UInt8]) {
        switch value {
        case .text(let text): escaped ? HTMLEscape.append(text, to: &out) : out.appendUTF8(text)
        case .html(let html): out.appendUTF8(html)
        case .number(let number): out.appendUTF8(String(number))
        case .flag(let flag): out.appendUTF8(flag ? "true" : "false")
        case .list, .object, .record, .null: break
        }
    }
}

extension Array where Element == UInt8 {
    /// Appends the UTF-8 bytes of `text`, copied whole from its storage.
    mutating func appendUTF8(_ text: String) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { append(contentsOf: $0) }
        if done == nil { append(contentsOf: text.utf8) }
    }
}

/// Escapes text for HTML content and attribute values, copying untouched runs whole.
enum HTMLEscape {
    static func append(_ text: String, to out: inout [UInt8]) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { append($0, to: &out) }
        if done == nil { Array(text.utf8).withUnsafeBufferPointer { append($0, to: &out) } }
    }

    /// `"`, `&`, `'`, `<` and `>` as bits of one word: all five lie below 0x40.
    private static let special: UInt64 = 1 << 0x22 | 1 << 0x26 | 1 << 0x27 | 1 << 0x3C | 1 << 0x3E

    private static func append(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        guard let base = bytes.baseAddress else { return }
        var runStart = 0
        var index = 0
        while index < bytes.count {
            // Most text holds none of the five: eight bytes are passed at a time.
            if index + 8 <= bytes.count, !mayHoldSpecial(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index += 8
                continue
            }
            let byte = base[index]
            if byte < 0x40, special & (1 << UInt64(byte)) != 0 {
                if runStart < index { out.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: index - runStart)) }
                switch byte {
                case 0x26: out.append(contentsOf: "&amp;".utf8)
                case 0x3C: out.append(contentsOf: "&lt;".utf8)
                case 0x3E: out.append(contentsOf: "&gt;".utf8)
                case 0x22: out.append(contentsOf: "&quot;".utf8)
                default: out.append(contentsOf: "&#39;".utf8)
                }
                runStart = index + 1
            }
            index += 1
        }
        if runStart < bytes.count { out.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: bytes.count - runStart)) }
    }

    /// Whether one of the eight bytes of `word` may be one of the five: each is looked for
    /// as a zero byte of `word` XOR eight copies of it (exact: no byte is missed).
    private static func mayHoldSpecial(_ word: UInt64) -> Bool {
        func holds(_ byte: UInt64) -> Bool {
            let x = word ^ (byte &* 0x0101_0101_0101_0101)
            return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0
        }
        return holds(0x22) || holds(0x26) || holds(0x27) || holds(0x3C) || holds(0x3E)
    }
}
