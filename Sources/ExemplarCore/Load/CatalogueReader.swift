import Foundation

/// The YAML catalogues: `units.yml`, `criteria.yml`, `awards.yml`, `fields.yml`.
enum CatalogueReader {
    /// A catalogue's entries, and what it held that could not be read: entries with an id
    /// but a missing or wrong key, or the whole file when it does not parse.
    struct Read<Entry> {
        var entries: [Entry] = []
        var unloadedIDs: Set<String> = []
        var failed = false
    }

    static func units(_ url: URL, path: String, bag: DiagnosticBag) -> Read<Unit> {
        list(url, path: path, bag: bag, what: "Mỗi đơn vị") { f in
            let id = f.id()
            let name = f.string("name", required: true)
            let kind: Unit.Kind? = f.choice("kind", required: true)
            let parent = f.string("parent")
            f.finish(context: "một đơn vị (id, name, kind, parent)")
            guard let id, let name, let kind else { return (id?.value, nil) }
            return (id.value, Unit(id: id.value, name: name.value, kind: kind, parent: parent, source: id.at))
        }
    }

    static func awards(_ url: URL, path: String, bag: DiagnosticBag) -> Read<Award> {
        list(url, path: path, bag: bag, what: "Mỗi danh hiệu") { f in
            let id = f.id()
            let name = f.string("name", required: true)
            let rank = f.int("rank", required: true)
            let level = f.string("level")?.value
            let description = f.string("description")?.value
            f.finish(context: "một hình thức khen thưởng (id, name, rank, level, description)")
            guard let id, let name, let rank else { return (id?.value, nil) }
            return (id.value, Award(id: id.value, name: name.value, rank: rank.value, level: level, description: description, source: id.at))
        }
    }

    static func fields(_ url: URL, path: String, bag: DiagnosticBag) -> Read<Field> {
        list(url, path: path, bag: bag, what: "Mỗi mặt công tác") { f in
            let id = f.id()
            let name = f.string("name", required: true)
            f.finish(context: "một mặt công tác (id, name)")
            guard let id, let name else { return (id?.value, nil) }
            return (id.value, Field(id: id.value, name: name.value, source: id.at))
        }
    }

    /// A catalogue that is a list of entries. `entry` gives the id it could read (if any)
    /// and the entry, or nil for the entry when a key it needs is missing or wrong.
    private static func list<Entry>(_ url: URL, path: String, bag: DiagnosticBag, what: String,
                                    entry: (YAMLFields) -> (String?, Entry?)) -> Read<Entry> {
        let opened = YAMLFile.read(url, path: path, bag: bag)
        var read = Read<Entry>()
        guard !opened.failed, let list = YAMLFile.entries(opened.node, path: path, bag: bag, what: what) else {
            read.failed = true
            return read
        }
        for fields in list {
            switch entry(fields) {
            case (_, let value?): read.entries.append(value)
            case (let id?, nil): read.unloadedIDs.insert(id)
            case (nil, nil): if let refused = fields.refusedID { read.unloadedIDs.insert(refused) }
            }
        }
        return read
    }

    /// `criteria.yml` is a mapping with a list per kind: `collective:` and `individual:`.
    static func criteria(_ url: URL, path: String, bag: DiagnosticBag) -> Read<Criterion> {
        let opened = YAMLFile.read(url, path: path, bag: bag)
        var read = Read<Criterion>()
        guard !opened.failed, let root = YAMLFields(opened.node, file: path, firstLine: 1, bag: bag, what: "Tệp tiêu chí") else {
            read.failed = true
            return read
        }
        for kind in Exemplar.Kind.allCases {
            for f in root.mappings(kind.rawValue) {
                let id = f.id()
                let text = f.string("text", required: true)
                f.finish(context: "một tiêu chí (id, text)")
                if let id, let text {
                    read.entries.append(Criterion(id: id.value, text: text.value, appliesTo: kind, source: id.at))
                } else if let id = id?.value ?? f.refusedID {
                    read.unloadedIDs.insert(id)
                }
            }
        }
        root.finish(context: "tệp tiêu chí (collective, individual)")
        return read
    }

    /// A site's entries extend the default list; an entry with the same id replaces the default one.
    static func merge<T>(defaults: [T], site: [T], id: (T) -> String) -> [T] {
        let replaced = Set(site.map(id))
        return defaults.filter { !replaced.contains(id($0)) } + site
    }
}
