import Foundation
import Testing

/// The options of a list page's filter as the filter script gets them: from the choices file
/// the page names in `data-choices`, by select name (`unit`, `year` …), each as value and label.
struct FilterOptions {
    var selects: [String: [(value: String, label: String)]]
    /// The choices file's path under the output folder.
    var file: String

    /// nil when the page has no filter. `base` is the site's base path (`/dien-hinh/`).
    static func of(_ page: String, output: URL, base: String) throws -> FilterOptions? {
        guard let start = page.range(of: "data-choices=\""),
              let end = page[start.upperBound...].firstIndex(of: "\"") else { return nil }
        let url = String(page[start.upperBound..<end])
        #expect(url.hasPrefix(base), "\(url)")
        let file = String(url.dropFirst(base.count))
        let data = try Data(contentsOf: output.appendingPathComponent(file))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: [[String]]], "\(file)")
        var selects: [String: [(value: String, label: String)]] = [:]
        for (name, options) in json {
            selects[name] = options.compactMap { $0.count == 2 ? ($0[0], $0[1]) : nil }
        }
        return FilterOptions(selects: selects, file: file)
    }

    func values(_ select: String) -> [String] { selects[select]?.map(\.value) ?? [] }

    func contains(_ select: String, value: String, label: String) -> Bool {
        selects[select]?.contains { $0.value == value && $0.label == label } ?? false
    }
}
