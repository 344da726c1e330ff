import Foundation

/// Partials rendered for one list item, kept for one build: a card appears on every list,
/// unit, event and home page that shows its item, and is the same HTML each time.
///
/// An entry is reused only where it is sure to render the same: for the same item value
/// (a `TemplateRecord`, compared with `==`, which is immediate for the very same record), the same blocks
/// in effect, and the same values of every name the partial looked up outside the item
/// (`{{t.…}}`, or a name the item lacks and an enclosing context might hold on another
/// page). A partial that asked for its position in the list is not kept.
final class PartialMemo: @unchecked Sendable {
    struct Key: Hashable {
        let partial: String
        /// Where the item's storage lives: a fast hash only, every hit is checked with `==`.
        let storage: UInt

        /// The storage alone: hashing the partial's name too, for every card of every page,
        /// cost more than the few items shown by two partials ever collide.
        func hash(into hasher: inout Hasher) {
            hasher.combine(storage)
        }
    }

    /// A class: every page that shows a card goes through its entries, on every core, and
    /// passing one reference on costs one count where the parts of a struct cost one each.
    final class Entry: Sendable {
        let item: TemplateValue
        /// Each block the partial showed, with the ops the surroundings then filled it with
        /// (nil: none, its default). Blocks it never shows do not matter: a card is the same
        /// on every kind of page, whatever the page's own `{{$main}}`.
        let blocks: [(block: Int32, filling: (start: Int32, end: Int32)?)]
        /// Each name looked up outside the item, with what it was then (nil: found nowhere).
        let outside: [(name: TemplateKey, value: TemplateValue?)]
        /// UTF-8, at its own size.
        let html: [UInt8]

        init(item: TemplateValue, blocks: [(block: Int32, filling: (start: Int32, end: Int32)?)],
             outside: [(name: TemplateKey, value: TemplateValue?)], html: [UInt8]) {
            self.item = item
            self.blocks = blocks
            self.outside = outside
            self.html = html
        }
    }

    /// What a partial being rendered for the memo looked up outside its item.
    final class Recording {
        /// Stack index of the item: names found below it, or nowhere, are noted.
        let itemIndex: Int
        var outside: [(name: TemplateKey, value: TemplateValue?)] = []
        var usesPosition = false
        /// Ids of the blocks shown.
        var blocks: Set<Int32> = []

        init(itemIndex: Int) {
            self.itemIndex = itemIndex
        }
    }

    /// At most this many variants per item and partial (a card shown with different heading
    /// levels); more are rendered each time.
    private static let variants = 4

    private let lock = NSLock()
    private var entries: [Key: [Entry]] = [:]

    static func key(_ partial: String, _ item: TemplateValue) -> Key? {
        // Only records: cards, made once and kept for the whole build. A page's own objects
        // live for one page, and the address of one gone is soon another's: keyed by address,
        // they filled the memo with entries of objects no later page would show again.
        guard case .record(let record) = item else { return nil }
        return Key(partial: partial, storage: UInt(bitPattern: ObjectIdentifier(record).hashValue))
    }

    /// The kept HTML, if an entry matches; `outside` resolves a name as the page would now.
    func html(_ key: Key, item: TemplateValue, blocks: BlockFillings,
              outside: (TemplateKey) -> TemplateValue?) -> [UInt8]? {
        lock.lock()
        let candidates = entries[key] ?? []
        lock.unlock()
        for entry in candidates where entry.item == item && entry.blocks.allSatisfy({ Self.same($0.filling, blocks.filling($0.block)) })
            && entry.outside.allSatisfy({ outside($0.name) == $0.value }) {
            return entry.html
        }
        return nil
    }

    /// Whether to record this rendering for keeping: from an item's first use, as only cards
    /// are keyed and nearly every card is shown on several lists.
    func wantsRecording(_ key: Key) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return (entries[key]?.count ?? 0) < Self.variants
    }

    func keep(_ key: Key, _ entry: Entry) {
        lock.lock()
        defer { lock.unlock() }
        if (entries[key]?.count ?? 0) < Self.variants { entries[key, default: []].append(entry) }
    }

    /// How many renderings are kept, over all items.
    var kept: Int {
        lock.lock()
        defer { lock.unlock() }
        return entries.values.reduce(0) { $0 + $1.count }
    }

    /// The same filling: none in both, or the very same ops of the same template.
    private static func same(_ a: (start: Int32, end: Int32)?, _ b: (start: Int32, end: Int32)?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return a.start == b.start && a.end == b.end
    }
}
