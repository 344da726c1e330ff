/// One row of a site-wide output (an exemplar of `api/exemplars.json`, a holder of an award
/// list's JSON, a line of a report) as a session's earlier build made it: its text or its
/// template data and, by the numbers of the session's `InputIDs`, what making it read.
struct KeptRow: Sendable {
    let value: TemplateValue
    let inputs: [UInt32]
}

/// The rows of one page, kept between the builds of a session: a page made of every item of
/// the site is made again when one item changes, but only the rows whose inputs changed are
/// made again; the others are taken as they were and joined in the same order, so the file
/// is the same bytes a clean build writes. One page is built on one thread: no lock.
final class PageRows: @unchecked Sendable {
    /// The page's rows of the earlier build, by key (an item's id).
    let before: [String: KeptRow]
    /// The rows this build made or took, by key: what the next build starts from.
    private(set) var made: [String: KeptRow] = [:]
    /// The keys of the rows made in this build.
    private(set) var remade: [String] = []
    let ids: InputIDs
    /// Whether a row whose inputs have these numbers is still right in this build.
    let stillRight: @Sendable ([UInt32]) -> Bool

    init(before: [String: KeptRow], ids: InputIDs, stillRight: @escaping @Sendable ([UInt32]) -> Bool) {
        self.before = before
        self.ids = ids
        self.stillRight = stillRight
    }

    fileprivate func take(_ key: String, if usable: (TemplateValue) -> Bool) -> KeptRow? {
        guard let row = before[key], stillRight(row.inputs), usable(row.value) else { return nil }
        made[key] = row
        return row
    }

    fileprivate func keep(_ key: String, _ row: KeptRow) {
        made[key] = row
        remade.append(key)
    }
}

extension Views {
    /// The UTF-8 of row `key` of the page being built (a JSON row, used as it is): the earlier
    /// build's when nothing it read has changed, else made by `make` with these views, its
    /// reads noted for the next build. Without kept rows (`exemplar build`), simply `make(self)`.
    /// `notesInputs`: whether the page notes what the row read (a page that noted whole tables
    /// already stands for its rows' reads, and need not hold them thousands of times).
    func keptRow(_ key: String, notesInputs: Bool, make: (Views) -> [UInt8]) -> [UInt8] {
        let row = keptRow(key, notesInputs: notesInputs) { views in TemplateValue.html(make(views).exactlySized()) }
        if case .html(let bytes) = row { return bytes }
        return []
    }

    /// `keptRow` for template data: `usable` tells whether the earlier build's value fits where
    /// it goes now (a numbered line whose number is still the same).
    func keptRow(_ key: String, notesInputs: Bool, if usable: (TemplateValue) -> Bool = { _ in true },
                 make: (Views) -> TemplateValue) -> TemplateValue {
        guard let rows else { return make(self) }
        if let row = rows.take(key, if: usable) {
            if notesInputs, let reads { for input in rows.ids.inputs(of: row.inputs) { reads.note(input) } }
            return row.value
        }
        let read = Reads()
        let value = make(tracking(read))
        rows.keep(key, KeptRow(value: value, inputs: rows.ids.numbers(of: read.inputs)))
        if notesInputs, let reads { for input in read.inputs { reads.note(input) } }
        return value
    }
}
