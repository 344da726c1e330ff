/// An object whose names are shared by every record of its kind: every exemplar's card holds
/// the same sixteen names, so a card stores only its values, in the order of its `Layout`.
/// Ten thousand cards kept for a whole build cost their values, not ten thousand hash tables
/// (a third of the memory), and a card passed around is one reference.
public final class TemplateRecord: Sendable, Equatable {
    /// The names of a kind of record and where each one's value is.
    final class Layout: Sendable {
        let names: [TemplateKey]
        let slots: [TemplateKey: Int]

        init(_ names: [TemplateKey]) {
            self.names = names
            slots = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    let layout: Layout
    let values: [TemplateValue]

    /// The record of `fields`, sharing `layout` when it has the very same names.
    init(_ fields: [TemplateKey: TemplateValue], layout shared: Layout?) {
        let layout = shared.flatMap { $0.names.count == fields.count && $0.names.allSatisfy { fields[$0] != nil } ? $0 : nil }
            ?? Layout(fields.keys.sorted())
        self.layout = layout
        values = layout.names.map { fields[$0] ?? .null }
    }

    /// The record of `values`, given in the order of `layout`'s names: for records made by
    /// the thousand, without the dictionary of the initialiser above.
    init(layout: Layout, values: [TemplateValue]) {
        self.layout = layout
        self.values = values
    }

    subscript(name: TemplateKey) -> TemplateValue? {
        layout.slots[name].map { values[$0] }
    }

    /// The same names and values as an ordinary object, to be changed.
    var fields: [TemplateKey: TemplateValue] {
        Dictionary(zip(layout.names, values), uniquingKeysWith: { first, _ in first })
    }

    public static func == (lhs: TemplateRecord, rhs: TemplateRecord) -> Bool {
        lhs === rhs || (lhs.layout.names == rhs.layout.names && lhs.values == rhs.values)
    }
}
