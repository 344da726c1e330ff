import ExemplarCore
import Foundation
import Testing

/// The content schema and the loader describe the same keys: what the schema lists, the
/// loader reads; what the loader reads, the schema lists; and every example has the right shape.
@Suite struct ContentSchemaTests {
    /// A key no one would mean, so the `unknown-key` hint lists every key the loader reads.
    static let stray = "qqqqqqqqqqqqqqqqqqqqqqqqq"

    static func required(_ kind: ContentSchema.ItemKind) -> String {
        kind.keys.filter(\.required).map { spec in
            switch spec.type {
            case .date: "\(spec.key): 2019-10-18"
            case .reference(.unit): "\(spec.key): ban-nu-cong"
            default: "\(spec.key): Tên"
            }
        }.joined(separator: "\n")
    }

    @Test(arguments: ContentSchema.ItemKind.allCases)
    func theLoaderReadsExactlyTheSchemasKeys(_ kind: ContentSchema.ItemKind) throws {
        var files = SiteFixture.basic
        let path = "\(kind.folder)/thu.md"
        files[path] = "---\n\(Self.required(kind))\n\(Self.stray): 1\n---\nNội dung.\n"
        let site = try SiteFixture(files)
        defer { site.remove() }
        let report = Builder.build(site.options(write: false))
        let warning = try #require(report.diagnostics.first { $0.code == "unknown-key" && $0.file.hasSuffix(path) })
        let hint = try #require(warning.hint)
        let listed = try #require(hint.components(separatedBy: ": ").last)
        let loaderKeys = Set(listed.trimmingCharacters(in: CharacterSet(charactersIn: ".")).components(separatedBy: ", "))
        var schemaKeys = Set(kind.keys.map(\.key))
        // The loader reads every exemplar key for both kinds and warns about the other kind's.
        if kind == .collective { schemaKeys.formUnion(["position", "supervisor"]) }
        if kind == .individual { schemaKeys.insert("leader") }
        #expect(loaderKeys == schemaKeys)
    }

    @Test(arguments: ContentSchema.ItemKind.allCases)
    func examplesHaveTheShapeTheLoaderExpects(_ kind: ContentSchema.ItemKind) throws {
        var values: [String: ItemTemplate.Value] = [:]
        for spec in kind.keys {
            if case .mappings = spec.type, let example = spec.example {
                values[spec.key] = .items([example, example])
            } else if let example = spec.example {
                values[spec.key] = .inline(example)
            }
        }
        for line in Self.required(kind).split(separator: "\n") where values[String(line.prefix { $0 != ":" })] == nil {
            let key = String(line.prefix { $0 != ":" })
            values[key] = .inline(String(line.dropFirst(key.count + 2)))
        }
        var files = SiteFixture.basic
        let path = "\(kind.folder)/thu.md"
        files[path] = ItemTemplate(kind: kind).document(values: values, body: "Nội dung.")
        let site = try SiteFixture(files)
        defer { site.remove() }
        let report = Builder.build(site.options(write: false))
        let shapeErrors = ["yaml-syntax", "wrong-type", "unknown-key", "unknown-value", "out-of-range", "impossible-date",
                           "missing-key", "duplicate-key"]
        let mine = report.diagnostics.filter { $0.file.hasSuffix(path) && shapeErrors.contains($0.code) }
        #expect(mine.isEmpty, "\(mine.map(\.message))")
    }

    /// The reference for authors documents every key the schema holds, each in a table row.
    @Test func theReferenceDocumentsEveryKey() throws {
        let docs = try String(contentsOf: SiteFixture.repository.appendingPathComponent("docs/content-model.md"), encoding: .utf8)
        let rows = Set(docs.split(separator: "\n").filter { $0.hasPrefix("| `") }.compactMap { line in
            line.dropFirst(3).split(separator: "`").first.map(String.init)
        })
        var keys = ContentSchema.site + ContentSchema.unit + ContentSchema.award + ContentSchema.field
        for kind in ContentSchema.ItemKind.allCases { keys += kind.keys }
        for spec in keys {
            #expect(rows.contains(spec.key), "\(spec.key)")
            // Keys of nested mappings are described in their parent's row or a table of their own.
            for nested in Self.nested(spec) { #expect(docs.contains("`\(nested.key)`"), "\(spec.key).\(nested.key)") }
        }
    }

    static func nested(_ spec: ContentSchema.KeySpec) -> [ContentSchema.KeySpec] {
        switch spec.type {
        case .mapping(let keys), .mappings(let keys): keys
        default: []
        }
    }
}
