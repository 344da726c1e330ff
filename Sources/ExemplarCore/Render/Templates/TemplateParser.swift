/// Parses Mustache text into a `Template`: variables, sections, inverted sections, comments,
/// partials, and template inheritance (parents and blocks), as the default theme uses them.
/// A tag alone on its line leaves no blank line behind; `{{=<% %>=}}` changes the delimiters.
struct TemplateParser {
    struct Failure: Error, Equatable {
        var message: String
        var line: Int
        var column: Int
    }

    private enum Tag {
        case variable(String, escaped: Bool)
        case open(String, inverted: Bool)
        case close(String)
        case partial(String)
        case parent(String)
        case block(String)
        case comment
        case delimiters(open: String, close: String)

        var isStandaloneKind: Bool {
            if case .variable = self { return false }
            return true
        }
    }

    /// An open section, parent or block and what it has collected so far.
    private struct Frame {
        var tag: Tag
        var name: String
        var nodes: [Template.Node] = []
        var line: Int
        var column: Int
    }

    static func parse(_ text: String, name: String) throws(Failure) -> Template {
        var stack = [Frame(tag: .comment, name: "", line: 1, column: 1)]
        var index = text.startIndex
        var pendingText = ""
        var opener = "{{", closer = "}}"
        var lines = LineCounter(text)
        func flushText() {
            if !pendingText.isEmpty { stack[stack.count - 1].nodes.append(.text(Array(pendingText.utf8))) }
            pendingText = ""
        }
        while index < text.endIndex {
            guard let open = text.utf8Range(of: opener, from: index) else {
                pendingText += text[index...]
                break
            }
            let (line, column) = lines.position(of: open.lowerBound)
            let triple = text[open.upperBound...].hasPrefix("{")
            let tagCloser = triple ? "}" + closer : closer
            let contentStart = triple ? text.index(after: open.upperBound) : open.upperBound
            guard let close = text.utf8Range(of: tagCloser, from: contentStart) else {
                throw Failure(message: "tag mở bằng \(opener) nhưng không đóng bằng \(tagCloser)", line: line, column: column)
            }
            let tag = try parseTag(String(text[contentStart..<close.lowerBound]), triple: triple, line: line, column: column)
            var before = text[index..<open.lowerBound]
            var after = close.upperBound
            var indent = ""
            if tag.isStandaloneKind, let trimmed = standalone(text, tagStart: open.lowerBound, tagEnd: close.upperBound) {
                before = text[index..<trimmed.lineStart]
                after = trimmed.nextLine
                indent = String(text[trimmed.lineStart..<open.lowerBound])
            }
            pendingText += before
            index = after
            flushText()
            switch tag {
            case .comment: break
            case .delimiters(let open, let close): (opener, closer) = (open, close)
            case .variable(let raw, let escaped):
                stack[stack.count - 1].nodes.append(.variable(try parseName(raw, line: line, column: column), escaped: escaped))
            case .partial(let partial):
                stack[stack.count - 1].nodes.append(.partial(partial, indent: indent, line: line))
            case .open(let raw, _), .parent(let raw), .block(let raw):
                stack.append(Frame(tag: tag, name: raw, line: line, column: column))
            case .close(let raw):
                guard stack.count > 1, let frame = stack.popLast() else {
                    throw Failure(message: "{{/\(raw)}} đóng một khối chưa mở", line: line, column: column)
                }
                guard frame.name == raw else {
                    throw Failure(message: "{{/\(raw)}} không khớp với khối {{\(frame.name)}} mở ở dòng \(frame.line)", line: line, column: column)
                }
                stack[stack.count - 1].nodes.append(try node(for: frame))
            }
        }
        flushText()
        if stack.count > 1, let open = stack.last {
            throw Failure(message: "khối {{\(open.name)}} chưa được đóng bằng {{/\(open.name)}}", line: open.line, column: open.column)
        }
        return Template(name: name, nodes: stack[0].nodes)
    }

    private static func node(for frame: Frame) throws(Failure) -> Template.Node {
        switch frame.tag {
        case .open(let raw, let inverted):
            return .section(try parseName(raw, line: frame.line, column: frame.column), inverted: inverted, frame.nodes)
        case .parent(let name):
            var blocks: [String: [Template.Node]] = [:]
            for case let .block(blockName, nodes) in frame.nodes { blocks[blockName] = nodes }
            return .parent(name, blocks: blocks, line: frame.line)
        default:
            return .block(frame.name, frame.nodes)
        }
    }

    private static func parseTag(_ raw: String, triple: Bool, line: Int, column: Int) throws(Failure) -> Tag {
        let content = raw.trimmingWhitespace
        if triple { return .variable(content, escaped: false) }
        guard let sigil = content.first else {
            throw Failure(message: "tag rỗng {{}}", line: line, column: column)
        }
        let rest = String(content.dropFirst()).trimmingWhitespace
        switch sigil {
        case "!": return .comment
        case "#": return .open(rest, inverted: false)
        case "^": return .open(rest, inverted: true)
        case "/": return .close(rest)
        case ">": return .partial(rest)
        case "<": return .parent(rest)
        case "$": return .block(rest)
        case "&": return .variable(rest, escaped: false)
        case "=":
            let parts = rest.hasSuffix("=") ? rest.dropLast().split(whereSeparator: { $0 == " " || $0 == "\t" }) : []
            guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
                throw Failure(message: "tag đổi dấu phân cách phải có dạng {{=<% %>=}}", line: line, column: column)
            }
            return .delimiters(open: String(parts[0]), close: String(parts[1]))
        case "%":
            throw Failure(message: "pragma {{%…}} không được hỗ trợ", line: line, column: column)
        default: return .variable(content, escaped: true)
        }
    }

    /// `a.b`, `.`, `empty(list)`, `count(list)`, `last()`.
    static func parseName(_ raw: String, line: Int, column: Int) throws(Failure) -> Template.Name {
        var transform: Template.Transform?
        var path = raw
        if let open = raw.firstIndex(of: "("), raw.hasSuffix(")") {
            let word = String(raw[..<open])
            path = String(raw[raw.index(after: open)..<raw.index(before: raw.endIndex)])
            guard let known = Template.Transform(rawValue: word) else {
                throw Failure(message: "không có phép biến đổi \(word)(); dùng: \(TemplateRenderer.transforms.sorted().joined(separator: ", "))",
                              line: line, column: column)
            }
            transform = known
        }
        guard !path.utf8.contains(UInt8(ascii: "(")) && !path.utf8.contains(UInt8(ascii: ")")) else {
            throw Failure(message: "\"\(raw)\": không lồng được phép biến đổi vào nhau; tính giá trị đó trong dữ liệu thay vì trong mẫu",
                          line: line, column: column)
        }
        guard !path.utf8.contains(UInt8(ascii: " ")) else { throw Failure(message: "tên \"\(raw)\" có dấu cách", line: line, column: column) }
        let components = path == "." || path.isEmpty ? [] : path.split(separator: ".").map(String.init)
        return Template.Name(path: components, transform: transform, text: raw)
    }

    /// When a tag is alone on its line: where that line starts and where the next begins.
    private static func standalone(_ text: String, tagStart: String.Index, tagEnd: String.Index) -> (lineStart: String.Index, nextLine: String.Index)? {
        var lineStart = tagStart
        while lineStart > text.startIndex {
            let previous = text.index(before: lineStart)
            if text[previous] == "\n" || text[previous] == "\r\n" { break }
            guard text[previous] == " " || text[previous] == "\t" else { return nil }
            lineStart = previous
        }
        var next = tagEnd
        while next < text.endIndex, text[next] == " " || text[next] == "\t" { next = text.index(after: next) }
        if next == text.endIndex { return (lineStart, next) }
        guard text[next] == "\n" || text[next] == "\r\n" else { return nil }
        return (lineStart, text.index(after: next))
    }

    /// Line and column of tags, counted from the previous tag onwards: tags come in order,
    /// and counting from the start for each one made a large theme quadratic to load.
    private struct LineCounter {
        let text: String
        var counted: String.Index
        var line = 1
        var lineStart: String.Index

        init(_ text: String) {
            self.text = text
            counted = text.startIndex
            lineStart = text.startIndex
        }

        mutating func position(of index: String.Index) -> (Int, Int) {
            if index < counted {
                (counted, line, lineStart) = (text.startIndex, 1, text.startIndex)
            }
            // Line feeds by byte: a `\r\n` holds one, and no other character does.
            let bytes = text.utf8
            var at = counted
            while at < index {
                let next = bytes.index(after: at)
                if bytes[at] == UInt8(ascii: "\n") {
                    line += 1
                    lineStart = next
                }
                at = next
            }
            counted = index
            return (line, text.distance(from: lineStart, to: index) + 1)
        }
    }
}
