/// A theme's templates as one flat program: every node an `Op` of plain integers in one
/// buffer, texts in one byte buffer, names in one key buffer. Rendering walks it with
/// indices alone: walking the parsed tree copied every node it passed, with a retain and a
/// release of its text, name and children, shared by all the threads rendering pages.
///
/// A section, block or parent is followed by its children and holds where they end; a
/// partial or parent holds the index of the template it renders, resolved once here.
final class TemplateProgram: @unchecked Sendable {
    struct Op {
        enum Kind: UInt8 {
            case text, escaped, raw, section, inverted, partial, parent, block
        }
        var kind: Kind
        /// text: first byte; escaped, raw, section, inverted: name; partial, parent: template
        /// (-1: the theme has none of that name); block: block id.
        var a: Int32
        /// text: byte count; section, inverted, parent, block: the op after the children.
        var b: Int32 = 0
        /// parent: its first override, and how many.
        var c: Int32 = 0
        var d: Int32 = 0
    }

    /// A `{{name}}` reference: keys in `keys`, the first one from `first`, the rest after it.
    struct Name {
        /// -1 for `.`.
        var first: Int32
        var count: Int32
        var transform: Template.Transform?
    }

    /// A block a parent fills in: the ops of its content.
    struct Override {
        var block: Int32
        var start: Int32
        var end: Int32
    }

    /// Where each template's ops are, by template index.
    struct Entry {
        var start: Int32
        var end: Int32
    }

    let ops: UnsafeMutableBufferPointer<Op>
    let bytes: UnsafeMutableBufferPointer<UInt8>
    let keys: UnsafeMutableBufferPointer<TemplateKey>
    let names: UnsafeMutableBufferPointer<Name>
    let overrides: UnsafeMutableBufferPointer<Override>
    let entries: [Entry]
    /// Template names by index, and indices by name.
    let templateNames: [String]
    let indexOf: [String: Int]
    /// Block names by id.
    let blockNames: [String]

    init(_ templates: [String: Template]) {
        var builder = Builder(templates)
        let order = templates.keys.sorted()
        var entries: [Entry] = []
        for name in order {
            let start = builder.ops.count
            if let template = templates[name] { builder.add(template.nodes) }
            entries.append(Entry(start: Int32(start), end: Int32(builder.ops.count)))
        }
        self.entries = entries
        templateNames = order
        indexOf = builder.indexOf
        blockNames = builder.blockNames
        ops = Self.copy(builder.ops)
        bytes = Self.copy(builder.bytes)
        keys = Self.copy(builder.keys)
        names = Self.copy(builder.names)
        overrides = Self.copy(builder.overrides)
    }

    deinit {
        for buffer in [UnsafeMutableRawBufferPointer(ops), UnsafeMutableRawBufferPointer(bytes),
                       UnsafeMutableRawBufferPointer(names), UnsafeMutableRawBufferPointer(overrides)] {
            buffer.deallocate()
        }
        _ = keys.deinitialize()
        keys.deallocate()
    }

    private static func copy<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
        let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(array.count, 1))
        _ = buffer.initialize(from: array)
        return UnsafeMutableBufferPointer(rebasing: buffer[..<array.count])
    }

    /// The keys of name `index` after the first.
    @inline(__always)
    func rest(of name: Name) -> UnsafeMutableBufferPointer<TemplateKey>.SubSequence {
        keys[Int(name.first) + 1 ..< Int(name.first + name.count)]
    }

    private struct Builder {
        var ops: [Op] = []
        var bytes: [UInt8] = []
        var keys: [TemplateKey] = []
        var names: [Name] = []
        var overrides: [Override] = []
        let indexOf: [String: Int]
        var blockIDs: [String: Int32] = [:]
        var blockNames: [String] = []

        init(_ templates: [String: Template]) {
            indexOf = Dictionary(uniqueKeysWithValues: templates.keys.sorted().enumerated().map { ($1, $0) })
        }

        mutating func add(_ nodes: [Template.Node]) {
            for node in nodes {
                switch node {
                case .text(let text):
                    ops.append(Op(kind: .text, a: Int32(bytes.count), b: Int32(text.count)))
                    bytes += text
                case .variable(let name, let escaped):
                    ops.append(Op(kind: escaped ? .escaped : .raw, a: add(name)))
                case .section(let name, let inverted, let children):
                    let at = open(Op(kind: inverted ? .inverted : .section, a: add(name)))
                    add(children)
                    close(at)
                case .partial(let name, _, _):
                    ops.append(Op(kind: .partial, a: Int32(indexOf[name] ?? -1)))
                case .parent(let name, let blocks, _):
                    let at = open(Op(kind: .parent, a: Int32(indexOf[name] ?? -1)))
                    var filled: [Override] = []
                    for (block, children) in blocks.sorted(by: { $0.key < $1.key }) {
                        let start = ops.count
                        add(children)
                        filled.append(Override(block: id(of: block), start: Int32(start), end: Int32(ops.count)))
                    }
                    ops[at].c = Int32(overrides.count)
                    ops[at].d = Int32(filled.count)
                    overrides += filled
                    close(at)
                case .block(let name, let defaults):
                    let at = open(Op(kind: .block, a: id(of: name)))
                    add(defaults)
                    close(at)
                }
            }
        }

        private mutating func open(_ op: Op) -> Int {
            ops.append(op)
            return ops.count - 1
        }

        private mutating func close(_ at: Int) {
            ops[at].b = Int32(ops.count)
        }

        private mutating func add(_ name: Template.Name) -> Int32 {
            let first = keys.count
            if let key = name.first { keys.append(key) }
            keys += name.rest
            names.append(Name(first: name.first == nil ? -1 : Int32(first), count: Int32(keys.count - first), transform: name.transform))
            return Int32(names.count - 1)
        }

        private mutating func id(of block: String) -> Int32 {
            if let id = blockIDs[block] { return id }
            blockIDs[block] = Int32(blockNames.count)
            blockNames.append(block)
            return Int32(blockNames.count - 1)
        }
    }
}

/// The blocks filled in where rendering stands: each parent entered adds its own after
/// those of the parents around it, and the outermost filling of a block wins, as in
/// Mustache inheritance.
struct BlockFillings: Equatable {
    private(set) var filled: [TemplateProgram.Override] = []

    init() {}

    var count: Int { filled.count }

    mutating func add(_ overrides: UnsafeMutableBufferPointer<TemplateProgram.Override>.SubSequence) {
        filled.append(contentsOf: overrides)
    }

    mutating func truncate(to count: Int) {
        filled.removeLast(filled.count - count)
    }

    /// The ops that fill `block`, as (start, end); nil: its default.
    func filling(_ block: Int32) -> (start: Int32, end: Int32)? {
        for override in filled where override.block == block { return (override.start, override.end) }
        return nil
    }

    static func == (lhs: BlockFillings, rhs: BlockFillings) -> Bool {
        lhs.filled.elementsEqual(rhs.filled) { $0.block == $1.block && $0.start == $1.start && $0.end == $1.end }
    }
}
