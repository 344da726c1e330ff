/// Renders parsed templates with typed data. Text values are HTML-escaped; `.html`
/// values (the builder's own Markdown output) are inserted as they are.
struct TemplateRenderer: Sendable {
    static let transforms: Set<String> = ["empty", "count", "one", "first", "last", "index", "even", "odd"]

    let templates: [String: Template]

    /// `memo` keeps partials rendered for list items (cards) for other pages of the same build.
    func render(_ name: String, data: TemplateValue, memo: PartialMemo? = nil) -> String? {
        guard let template = templates[name] else { return nil }
        var out = ""
        out.reserveCapacity(16_384)
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

    private func render(_ nodes: [Template.Node], _ scope: inout Scope, into out: inout String) {
        for node in nodes {
            switch node {
            case .text(let text):
                out += text
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
    private func renderPartial(_ name: String, _ nodes: [Template.Node], _ scope: inout Scope, into out: inout String) {
        guard let memo = scope.memo, scope.recording == nil, scope.itemDepth == scope.stack.count,
              let item = scope.stack.last, let key = PartialMemo.key(name, item) else {
            render(nodes, &scope, into: &out)
            return
        }
        let itemIndex = scope.stack.count - 1
        let current = scope
        if let html = memo.html(key, item: item, blocks: scope.blocks, outside: { resolveFirst($0, in: current, below: itemIndex) }) {
            out += html
            return
        }
        guard memo.wantsRecording(key) else {
            render(nodes, &scope, into: &out)
            return
        }
        let recording = PartialMemo.Recording(itemIndex: itemIndex)
        scope.recording = recording
        let blocks = scope.blocks
        var html = ""
        render(nodes, &scope, into: &html)
        scope.recording = nil
        out += html
        if !recording.usesPosition {
            // What the surroundings gave each block shown: a block the partial overrides
            // itself (a parent inside it) still takes the outermost override when there is one.
            let used = recording.blocks.sorted().map { (name: $0, nodes: blocks[$0]) }
            memo.keep(key, PartialMemo.Entry(item: item, blocks: used, outside: recording.outside, html: html))
        }
    }

    /// What `name` resolves to from the frames below `index`, as a lookup that misses the item would.
    private func resolveFirst(_ name: String, in scope: Scope, below index: Int) -> TemplateValue? {
        var frame = index - 1
        while frame >= 0 {
            if let value = scope.stack[frame][name] { return value }
            frame -= 1
        }
        return nil
    }

    private func value(of name: Template.Name, in scope: Scope) -> TemplateValue {
        switch name.transform {
        case nil:
            return resolve(name.path, in: scope)
        case "empty":
            switch resolve(name.path, in: scope) {
            case .null: return .flag(true)
            case .list(let items): return .flag(items.isEmpty)
            case .text(let text), .html(let text): return .flag(text.isEmpty)
            default: return .flag(false)
            }
        case "count":
            if case .list(let items) = resolve(name.path, in: scope) { return .number(items.count) }
            return .number(0)
        case "one":
            // For a noun after a count: English says "1 item" but "2 items".
            switch resolve(name.path, in: scope) {
            case .number(let number): return .flag(number == 1)
            case .list(let items): return .flag(items.count == 1)
            default: return .flag(false)
            }
        default:
            scope.recording?.usesPosition = true
            guard let position = scope.position else { return .null }
            switch name.transform {
            case "first": return .flag(position.index == 0)
            case "last": return .flag(position.index == position.count - 1)
            case "index": return .number(position.index)
            case "even": return .flag(position.index % 2 == 0)
            default: return .flag(position.index % 2 == 1)
            }
        }
    }

    /// The first name is looked up from the innermost context outwards; the rest inside it.
    private func resolve(_ path: [String], in scope: Scope) -> TemplateValue {
        guard let first = path.first else { return scope.stack.last ?? .null }
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
        for key in path.dropFirst() {
            found = found?[key]
        }
        return found ?? .null
    }

    private func write(_ value: TemplateValue, escaped: Bool, into out: inout String) {
        switch value {
        case .text(let text): escaped ? HTMLEscape.append(text, to: &out) : out.append(text)
        case .html(let html): out.append(html)
        case .number(let number): out.append(String(number))
        case .flag(let flag): out.append(flag ? "true" : "false")
        case .list, .object, .record, .null: break
        }
    }
}

/// Escapes text for HTML content and attribute values, copying untouched runs whole.
enum HTMLEscape {
    static func append(_ text: String, to out: inout String) {
        let utf8 = text.utf8
        guard needsEscaping(text) else {
            out.append(text)
            return
        }
        var runStart = utf8.startIndex
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let replacement: String?
            switch utf8[index] {
            case 0x26: replacement = "&amp;"
            case 0x3C: replacement = "&lt;"
            case 0x3E: replacement = "&gt;"
            case 0x22: replacement = "&quot;"
            case 0x27: replacement = "&#39;"
            default: replacement = nil
            }
            if let replacement {
                out.append(contentsOf: text[runStart..<index])
                out.append(replacement)
                runStart = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        out.append(contentsOf: text[runStart..<utf8.endIndex])
    }

    /// `"`, `&`, `'`, `<` and `>` as bits of one word: all five lie below 0x40.
    private static let special: UInt64 = 1 << 0x22 | 1 << 0x26 | 1 << 0x27 | 1 << 0x3C | 1 << 0x3E

    /// Most values hold none of `&<>"'`: a scan of the contiguous bytes tells, much faster
    /// than iterating the UTF-8 view (and without copying the string to reach them).
    private static func needsEscaping(_ text: String) -> Bool {
        let scan = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.contains { $0 < 0x40 && special & (1 << UInt64($0)) != 0 }
        }
        if let scan { return scan }
        return text.utf8.contains { $0 < 0x40 && special & (1 << UInt64($0)) != 0 }
    }
}
