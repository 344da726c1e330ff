/// The second stage: checks what the loader could not see file by file —
/// references between files, duplicates, media, and the plan's rules.
public enum Validator {
    /// `today` is the build day: it decides which events have happened (BuildOptions.today).
    public static func validate(_ content: Content, today: CalendarDate) -> [Diagnostic] {
        let ids = KnownIDs(content)
        var diagnostics = DuplicateCheck.run(content)
        diagnostics += ReferenceCheck(ids: ids).run(content)
        diagnostics += MediaCheck(media: content.media, unloaded: content.unloaded).run(content)
        diagnostics += DomainRules(content: content, today: today).run()
        diagnostics += ScoreCheck(content: content, today: today).run()
        return diagnostics
    }
}

/// Every id that a reference may name, by what it names.
struct KnownIDs {
    var units: IDSet
    var awards: IDSet
    var fields: IDSet
    var criteria: [Exemplar.Kind: IDSet]
    var exemplars: IDSet
    var initiatives: IDSet

    init(_ content: Content) {
        let unloaded = content.unloaded
        func catalogue(_ ids: [String], _ file: String) -> IDSet {
            IDSet(ids: Set(ids), unloaded: unloaded.entries[file, default: []], fileFailed: unloaded.catalogues.contains(file))
        }
        units = catalogue(content.units.map(\.id), "units.yml")
        awards = catalogue(content.awards.map(\.id), "awards.yml")
        fields = catalogue(content.fields.map(\.id), "fields.yml")
        let byKind = Dictionary(grouping: content.criteria, by: \.appliesTo)
        criteria = Dictionary(uniqueKeysWithValues: Exemplar.Kind.allCases.map { kind in
            (kind, catalogue(byKind[kind, default: []].map(\.id), "criteria.yml"))
        })
        exemplars = IDSet(ids: Set(content.exemplars.map(\.id)), unloaded: unloaded.exemplars,
                          fileFailed: !unloaded.folders.isDisjoint(with: ["collectives", "individuals"]))
        initiatives = IDSet(ids: Set(content.initiatives.map(\.id)), unloaded: unloaded.items["models", default: []],
                            fileFailed: unloaded.folders.contains("models"))
    }
}

/// The ids of one kind of thing, and what may exist but could not be read.
struct IDSet {
    var ids: Set<String>
    /// Ids of files or entries that exist but failed to load: their own error is enough.
    var unloaded: Set<String> = []
    /// The whole file failed (a broken `units.yml`): no reference to it can be judged.
    var fileFailed = false

    /// Whether a reference to `id` is a mistake of the file that writes it.
    func isUnknown(_ id: String) -> Bool {
        !id.isEmpty && !ids.contains(id) && !fileFailed && !unloaded.contains(id)
    }
}
