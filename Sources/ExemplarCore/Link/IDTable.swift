/// A table of the graph by item id (or media path). Pages look ids up hundreds of thousands
/// of times per build: each is hashed from its bytes (`KeyHash`) rather than with the standard
/// hasher, whose rounds cost more than the short ids they hash.
public struct IDTable<Value> {
    private var storage: [ItemKey: Value]

    public init() {
        storage = [:]
    }

    private init(storage: [ItemKey: Value]) {
        self.storage = storage
    }

    /// First occurrence wins.
    init(_ pairs: some Sequence<(String, Value)>) {
        storage = Dictionary(pairs.lazy.map { (ItemKey(id: $0.0), $0.1) }, uniquingKeysWith: { first, _ in first })
    }

    public subscript(id: String) -> Value? {
        get { storage[ItemKey(id: id)] }
        set { storage[ItemKey(id: id)] = newValue }
    }

    public subscript(id: String, default value: @autoclosure () -> Value) -> Value {
        get { storage[ItemKey(id: id), default: value()] }
        _modify { yield &storage[ItemKey(id: id), default: value()] }
    }

    public var count: Int { storage.count }
    public var isEmpty: Bool { storage.isEmpty }
    public var values: Dictionary<ItemKey, Value>.Values { storage.values }
    public var keys: LazyMapCollection<Dictionary<ItemKey, Value>.Keys, String> { storage.keys.lazy.map(\.id) }

    public func mapValues<T>(_ transform: (Value) throws -> T) rethrows -> IDTable<T> {
        IDTable<T>(storage: try storage.mapValues(transform))
    }

    public mutating func reserveCapacity(_ capacity: Int) {
        storage.reserveCapacity(capacity)
    }
}

extension IDTable: Sendable where Value: Sendable {}
extension IDTable: Equatable where Value: Equatable {}

extension IDTable: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, Value)...) {
        self.init(elements)
    }
}

extension IDTable: Sequence {
    public func makeIterator() -> some IteratorProtocol<(key: String, value: Value)> {
        storage.lazy.map { (key: $0.key.id, value: $0.value) }.makeIterator()
    }
}

/// An id as a key of `IDTable`.
public struct ItemKey: KeyHashed, Sendable {
    public let id: String

    public static func == (a: ItemKey, b: ItemKey) -> Bool { a.id == b.id }

    public var keyHash: UInt64 {
        var hash = KeyHash()
        hash.add(id)
        return hash.value
    }
}
