/// Every id written in one file must name something that exists.
struct ReferenceCheck {
    let ids: KnownIDs

    func run(_ content: Content) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for unit in content.units {
            if let parent = unit.parent { check(parent, key: "parent", in: ids.units, what: "đơn vị", file: "units.yml", into: &out) }
        }
        out += UnitTree.cycles(content.units)
        for exemplar in content.exemplars {
            check(exemplar.unit, key: "unit", in: ids.units, what: "đơn vị", file: "units.yml", into: &out)
            for field in exemplar.fields { check(field, key: "fields", in: ids.fields, what: "mặt công tác", file: "fields.yml", into: &out) }
            let criteria = ids.criteria[exemplar.kind] ?? IDSet(ids: [])
            for criterion in exemplar.criteria {
                check(criterion, key: "criteria", in: criteria, what: "tiêu chí \(exemplar.kind == .collective ? "tập thể" : "cá nhân")",
                      file: "criteria.yml", into: &out)
            }
            for grant in exemplar.awards { check(grant.award, key: "award", in: ids.awards, what: "hình thức khen thưởng", file: "awards.yml", into: &out) }
            for model in exemplar.models { check(model, key: "models", in: ids.initiatives, what: "mô hình, sáng kiến", file: "models/", into: &out) }
        }
        for item in content.initiatives {
            check(item.unit, key: "unit", in: ids.units, what: "đơn vị", file: "units.yml", into: &out)
            for owner in item.owners { check(owner, key: "owners", in: ids.exemplars, what: "điển hình", file: "collectives/ hoặc individuals/", into: &out) }
            for field in item.fields { check(field, key: "fields", in: ids.fields, what: "mặt công tác", file: "fields.yml", into: &out) }
            for adoption in item.adoptedBy { check(adoption.unit, key: "adopted_by.unit", in: ids.units, what: "đơn vị", file: "units.yml", into: &out) }
        }
        for event in content.events {
            if let host = event.host { check(host, key: "host", in: ids.units, what: "đơn vị", file: "units.yml", into: &out) }
            for person in event.participants { check(person, key: "participants", in: ids.exemplars, what: "điển hình", file: "collectives/ hoặc individuals/", into: &out) }
            for model in event.models { check(model, key: "models", in: ids.initiatives, what: "mô hình, sáng kiến", file: "models/", into: &out) }
        }
        return out
    }

    private func check(_ ref: Ref, key: String, in known: IDSet, what: String, file: String,
                       into out: inout [Diagnostic]) {
        guard known.isUnknown(ref.value) else { return }
        let guess = Suggestion.closest(to: ref.value, among: known.ids)
            ?? Suggestion.extended(ref.value, among: known.ids)
        out.append(.error("unknown-reference", "`\(key)`: không có \(what) nào mang mã `\(ref.value)`.", at: ref.at,
                          hint: guess.map { "Có phải bạn muốn viết `\($0)`?" } ?? "Kiểm tra mã trong \(file)."))
    }
}

/// The unit hierarchy: a unit may not be its own ancestor.
enum UnitTree {
    static func cycles(_ units: [Unit]) -> [Diagnostic] {
        let parents = Dictionary(units.compactMap { unit in unit.parent.map { (unit.id, $0.value) } },
                                 uniquingKeysWith: { first, _ in first })
        var out: [Diagnostic] = []
        for unit in units {
            var seen: Set<String> = [unit.id]
            var current = parents[unit.id]
            while let next = current {
                if next == unit.id {
                    out.append(.error("unit-cycle", "Đơn vị `\(unit.id)` là cấp trên của chính nó qua chuỗi `parent`.",
                                      at: unit.parent?.at ?? unit.source, hint: "Sửa `parent` để cây đơn vị không có vòng."))
                    break
                }
                guard seen.insert(next).inserted else { break }
                current = parents[next]
            }
        }
        return out
    }
}
