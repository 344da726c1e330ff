/// What a kept session holds, counted: how many inputs each kind of page recorded, the cards'
/// and the search documents'. What grows with pages × items shows here before it shows in
/// memory. For the benchmark (`bench/session.sh`), not for the site.
@_spi(Bench)
public struct SessionInventory: Sendable {
    public struct Kind: Sendable {
        /// The output file's first folder (`ca-nhan`), or the file at the top (`index.html`).
        public var name: String
        public var pages = 0
        public var inputs = 0
    }

    /// By recorded inputs, most first.
    public var kinds: [Kind] = []
    public var cards = 0
    public var cardInputs = 0
    public var searchDocuments = 0
    public var searchInputs = 0
}
