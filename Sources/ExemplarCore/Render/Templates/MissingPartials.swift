/// Partials that templates use but the theme does not have. Every page template extends
/// `layout`, so one missing file would otherwise be a dozen identical errors: each missing
/// partial is one error, at its first use, naming the other templates that need it.
struct MissingPartials {
    /// Missing partial → where it is used, as (template, line), in template name order.
    private var uses: [String: [(template: String, line: Int)]] = [:]

    init(_ templates: [String: Template]) {
        for template in templates.values.sorted(by: { $0.name < $1.name }) {
            for (reference, line) in template.references where templates[reference] == nil {
                uses[reference, default: []].append((template.name, line))
            }
        }
    }

    var names: Set<String> { Set(uses.keys) }

    func diagnostics(displayPath: String) -> [Diagnostic] {
        uses.keys.sorted().compactMap { reference in
            guard let uses = uses[reference], let first = uses.first else { return nil }
            let others = Array(Set(uses.dropFirst().map(\.template)).subtracting([first.template])).sorted()
            let also = others.isEmpty ? "" : " (các mẫu \(others.joined(separator: ", ")) cũng dùng)"
            return Diagnostic(.error, "missing-partial",
                              "Mẫu \(first.template) dùng {{>\(reference)}} nhưng không có \(reference).mustache\(also).",
                              file: "\(displayPath)/templates/\(first.template).mustache", line: first.line,
                              hint: "Tạo tệp \(reference).mustache (chép từ giao diện mặc định) hoặc sửa tên trong mẫu.")
        }
    }
}
