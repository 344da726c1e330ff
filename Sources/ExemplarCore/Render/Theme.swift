import Foundation

/// A theme folder: Mustache templates, interface strings per language, and static assets.
public struct Theme: Sendable {
    /// Templates every theme must have: one per page kind, plus the layout they extend.
    static let requiredTemplates = [
        "layout", "home", "exemplars", "exemplar", "initiatives", "initiative",
        "events", "event", "units", "unit", "page", "terms", "404",
    ]

    let renderer: TemplateRenderer
    let strings: [String: String]
    /// The strings as template data, built once rather than for every page.
    let stringsValue: TemplateValue
    /// `theme/assets`, copied to `assets/` in the output.
    let assets: URL?
    /// Templates already reported as missing or unparsable: pages that need one of them fail
    /// without a message each, so one broken file is one error, not one per page.
    let reported: Set<String>
    /// Element ids the templates write (`id="awards"`): heading ids in bodies avoid them,
    /// since an id used twice on a page makes `#links` land on the wrong element.
    let reservedIDs: Set<String>

    public static func load(from root: URL, displayPath: String, language: String) -> (Theme?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let templatesURL = root.appendingPathComponent("templates")
        let fileManager = FileManager()
        let names: [String]
        do {
            names = try FileIO.names(in: templatesURL.path)
        } catch let error where error.code != ENOENT && error.code != ENOTDIR {
            return (nil, [Diagnostic(.error, "missing-theme", "Không đọc được thư mục mẫu giao diện \(displayPath)/templates: \(error.cause).",
                                     file: displayPath + "/templates", hint: error.remedy)])
        } catch {
            return (nil, [Diagnostic(.error, "missing-theme", "Không tìm thấy thư mục mẫu giao diện \(displayPath)/templates.",
                                     file: displayPath, hint: "Chỉ đường dẫn tới giao diện bằng `--theme`.")])
        }
        var templates: [String: Template] = [:]
        var reservedIDs: Set<String> = []
        for name in names.sorted() where name.hasSuffix(".mustache") {
            let path = "\(displayPath)/templates/\(name)"
            let templateName = String(name.dropLast(".mustache".count))
            do {
                let text = try SourceText.read(templatesURL.appendingPathComponent(name))
                reservedIDs.formUnion(literalIDs(in: text))
                templates[templateName] = try TemplateParser.parse(text, name: templateName)
            } catch let error as TemplateParser.Failure {
                diagnostics.append(Diagnostic(.error, "template-syntax", "Lỗi cú pháp mẫu: \(error.message).",
                                              file: path, line: error.line, column: error.column))
            } catch let error as SourceText.Failure {
                var diagnostic = ItemFile.readFailure(error, at: SourceLocation(file: path, line: 0, column: 0))
                diagnostic.code = diagnostic.code == "not-utf8" ? diagnostic.code : "template-unreadable"
                diagnostics.append(diagnostic)
            } catch {
                diagnostics.append(Diagnostic(.error, "template-unreadable", "Không đọc được mẫu: \(error).", file: path))
            }
        }
        let missingPartials = MissingPartials(templates)
        diagnostics += missingPartials.diagnostics(displayPath: displayPath)
        // A required template that is also a missing partial (`layout`) is already reported.
        for name in requiredTemplates where templates[name] == nil && !missingPartials.names.contains(name)
            && !diagnostics.contains(where: { $0.file.hasSuffix("/\(name).mustache") }) {
            diagnostics.append(Diagnostic(.error, "missing-template", "Giao diện thiếu mẫu \(name).mustache.",
                                          file: "\(displayPath)/templates/\(name).mustache",
                                          hint: "Mỗi loại trang cần một mẫu; chép mẫu từ giao diện mặc định."))
        }
        let strings = loadStrings(root.appendingPathComponent("strings/\(language).yml"),
                                  path: "\(displayPath)/strings/\(language).yml", into: &diagnostics)
        let assetsURL = root.appendingPathComponent("assets")
        let assets = fileManager.fileExists(atPath: assetsURL.path) ? assetsURL : nil
        let reported = Set(requiredTemplates.filter { templates[$0] == nil })
        let theme = Theme(renderer: TemplateRenderer(templates: templates), strings: strings,
                          stringsValue: .object(Dictionary(uniqueKeysWithValues: strings.map { (TemplateKey($0.key), TemplateValue.text($0.value)) })), assets: assets,
                          reported: reported, reservedIDs: reservedIDs)
        return (theme, diagnostics)
    }

    /// The fixed values of `id="…"` attributes in a template's text.
    static func literalIDs(in text: String) -> [String] {
        var ids: [String] = []
        var attribute = text.utf8Range(of: "id=\"", from: text.startIndex)
        while let found = attribute {
            // Up to the next `id="`, as the text between two of them.
            attribute = text.utf8Range(of: "id=\"", from: found.upperBound)
            let rest = text[found.upperBound..<(attribute?.lowerBound ?? text.endIndex)]
            guard let end = rest.firstIndex(of: "\"") else { continue }
            let id = String(rest[..<end])
            if !id.isEmpty, !id.contains("{") { ids.append(id) }
        }
        return ids
    }

    /// Interface strings: a flat YAML mapping of key to text.
    private static func loadStrings(_ url: URL, path: String, into diagnostics: inout [Diagnostic]) -> [String: String] {
        let bag = DiagnosticBag()
        defer { diagnostics += bag.items }
        guard FileManager().fileExists(atPath: url.path) else {
            bag.add(Diagnostic(.error, "missing-strings", "Giao diện thiếu tệp chuỗi giao diện cho ngôn ngữ này.", file: path))
            return [:]
        }
        guard case let .mapping(mapping, _, _)? = YAMLFile.open(url, path: path, bag: bag) else { return [:] }
        var strings: [String: String] = [:]
        for (key, value) in mapping {
            if let key = key.string, let value = value.string { strings[key] = value }
        }
        return strings
    }

    func render(_ data: TemplateData, template: String, memo: PartialMemo? = nil) -> String? {
        renderer.render(template, data: .object(data), memo: memo)
    }

    /// The page as UTF-8 bytes, to be written as they are.
    func renderBytes(_ data: TemplateData, template: String, memo: PartialMemo? = nil) -> PageBuffer? {
        renderer.renderBytes(template, data: .object(data), memo: memo)
    }

    /// The interface string for `key`; the key itself when missing, so the gap shows on the page.
    func text(_ key: String) -> String { strings[key] ?? key }
}
