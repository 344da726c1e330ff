/// The parts of a filter form both kinds of list build the same way.
enum FilterForm {
    /// A select's options, each with its `value` and `label`.
    static func options(_ pairs: [(value: String, label: String)]) -> TemplateValue {
        .list(pairs.map { ["value": .text($0.value), "label": .text($0.label)] })
    }

    /// The selects of the form, by the key of their options in the choices and their name.
    static let selectKeys: [(TemplateKey, String)] = [("units", "unit"), ("years", "year"), ("fields", "field"), ("kinds", "kind"), ("awards", "award")]

    /// The keys of the selects `choices` offers an option in (`units`, `years` …), in order.
    static func selects(_ choices: TemplateValue?) -> [TemplateKey] {
        selectKeys.map(\.0).filter { key in
            if case .list(let options)? = choices?[key] { return !options.isEmpty }
            return false
        }
    }

    /// The choices as the filter script reads them: each select's name with its options as
    /// `[value, label]` pairs.
    static func json(_ choices: TemplateValue?) -> String {
        var members: [String: JSONValue] = [:]
        for (key, name) in selectKeys {
            guard case .list(let options)? = choices?[key], !options.isEmpty else { continue }
            members[name] = .array(options.map { option in
                func text(_ name: TemplateKey) -> JSONValue {
                    if case .text(let value)? = option[name] { return .string(value) }
                    return .string("")
                }
                return .array([text("value"), text("label")])
            })
        }
        return JSONValue.object(members).text
    }

    /// The form's data when one of its selects has an option at all; nil: no filter is shown.
    static func offered(_ data: TemplateData) -> TemplateValue? {
        let any = data.values.contains { if case .list(let items) = $0 { return !items.isEmpty } else { return false } }
        return any ? .object(data) : nil
    }
}

/// What one exemplar offers the filters of the lists it is in, worked out once per build
/// rather than once per list: its unit and the units above it, and its years, fields and
/// awards, each once, fields and awards only when the catalogues know them.
struct FilterFacets: Sendable, Equatable {
    var units: [String]
    var years: Set<Int>
    var fields: Set<String>
    var awards: Set<String>
}

/// The values that narrow one exemplar list, for each select, with the members they were
/// counted from: kept with a session's cards, so that its next build counts a list again only
/// when its members or one of their facets changed.
struct FilterCounts: Sendable {
    let ids: [String]
    let units: Set<String>
    let years: Set<Int>
    let fields: Set<String>
    let awards: Set<String>
}

extension Views {
    func filterFacets(_ exemplar: Exemplar) -> FilterFacets {
        FilterFacets(units: unitAncestry(exemplar.unit.value),
                     years: Set(exemplar.years.map(\.value)),
                     fields: Set(exemplar.fields.map(\.value).filter { graph.fields[$0] != nil }),
                     awards: Set(exemplar.awards.map(\.award.value).filter { graph.awards[$0] != nil }))
    }
}
