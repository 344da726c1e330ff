import Foundation

/// The YAML catalogues: `units.yml`, `criteria.yml`, `awards.yml`, `fields.yml`.
enum CatalogueReader {
    static func units(_ url: URL, path: String, bag: DiagnosticBag) -> [Unit] {
        let node = YAMLFile.open(url, path: path, bag: bag)
        return YAMLFile.entries(node, path: path, bag: bag, what: "Mỗi đơn vị").compactMap { f in
            let id = f.id()
            let name = f.string("name", required: true)
            let kind: Unit.Kind? = f.choice("kind", required: true)
            let parent = f.string("parent")
            f.finish(context: "một đơn vị (id, name, kind, parent)")
            guard let id, let name, let kind else { return nil }
            return Unit(id: id.value, name: name.value, kind: kind, parent: parent, source: id.at)
        }
    }

    static func awards(_ url: URL, path: String, bag: DiagnosticBag) -> [Award] {
        let node = YAMLFile.open(url, path: path, bag: bag)
        return YAMLFile.entries(node, path: path, bag: bag, what: "Mỗi danh hiệu").compactMap { f in
            let id = f.id()
            let name = f.string("name", required: true)
            let rank = f.int("rank", required: true)
            let level = f.string("level")?.value
            f.finish(context: "một hình thức khen thưởng (id, name, rank, level)")
            guard let id, let name, let rank else { return nil }
            return Award(id: id.value, name: name.value, rank: rank.value, level: level, source: id.at)
        }
    }

    static func fields(_ url: URL, path: String, bag: DiagnosticBag) -> [Field] {
        let node = YAMLFile.open(url, path: path, bag: bag)
        return YAMLFile.entries(node, path: path, bag: bag, what: "Mỗi mặt công tác").compactMap { f in
            let id = f.id()
            let name = f.string("name", required: true)
            f.finish(context: "một mặt công tác (id, name)")
            guard let id, let name else { return nil }
            return Field(id: id.value, name: name.value, source: id.at)
        }
    }

    /// `criteria.yml` is a mapping with a list per kind: `collective:` and `individual:`.
    static func criteria(_ url: URL, path: String, bag: DiagnosticBag) -> [Criterion] {
        let node = YAMLFile.open(url, path: path, bag: bag)
        guard let root = YAMLFields(node, file: path, firstLine: 1, bag: bag, what: "Tệp tiêu chí") else { return [] }
        var criteria: [Criterion] = []
        for kind in Exemplar.Kind.allCases {
            for f in root.mappings(kind.rawValue) {
                let id = f.id()
                let text = f.string("text", required: true)
                f.finish(context: "một tiêu chí (id, text)")
                if let id, let text {
                    criteria.append(Criterion(id: id.value, text: text.value, appliesTo: kind, source: id.at))
                }
            }
        }
        root.finish(context: "tệp tiêu chí (collective, individual)")
        return criteria
    }

    /// A site's entries extend the default list; an entry with the same id replaces the default one.
    static func merge<T>(defaults: [T], site: [T], id: (T) -> String) -> [T] {
        let replaced = Set(site.map(id))
        return defaults.filter { !replaced.contains(id($0)) } + site
    }
}
