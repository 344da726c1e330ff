/// The second stage: checks what the loader could not see file by file —
/// references between files, duplicates, media, and the plan's rules.
public enum Validator {
    /// `today` is the build day: it decides which events have happened (BuildOptions.today).
    public static func validate(_ content: Content, today: CalendarDate) -> [Diagnostic] {
        let ids = KnownIDs(content)
        var diagnostics = DuplicateCheck.run(content)
        diagnostics += ReferenceCheck(ids: ids).run(content)
        diagnostics += MediaCheck(media: content.media).run(content)
        diagnostics += DomainRules(content: content, today: today).run()
        return diagnostics
    }
}

/// Every id that a reference may name, by what it names.
struct KnownIDs {
    var units: Set<String>
    var awards: Set<String>
    var fields: Set<String>
    var criteria: [Exemplar.Kind: Set<String>]
    var exemplars: Set<String>
    var initiatives: Set<String>

    init(_ content: Content) {
        units = Set(content.units.map(\.id))
        awards = Set(content.awards.map(\.id))
        fields = Set(content.fields.map(\.id))
        criteria = Dictionary(grouping: content.criteria, by: \.appliesTo).mapValues { Set($0.map(\.id)) }
        exemplars = Set(content.exemplars.map(\.id))
        initiatives = Set(content.initiatives.map(\.id))
    }
}
