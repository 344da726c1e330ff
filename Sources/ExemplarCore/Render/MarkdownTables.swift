import CMark
import Foundation

extension Markdown {
    /// A paragraph of the body that is a pipe table, and the body line it starts on.
    struct FoundTable {
        let node: OpaquePointer
        let table: PipeTable
        let line: Int
    }

    /// The table a paragraph's source lines spell, when it stands at the top level
    /// (inside a list or quote the source lines carry prefixes).
    func pipeTable(_ paragraph: OpaquePointer, lines: [Substring]) -> PipeTable? {
        guard let parent = cmark_node_parent(paragraph), cmark_node_get_type(parent) == CMARK_NODE_DOCUMENT else { return nil }
        let first = Int(cmark_node_get_start_line(paragraph)), last = Int(cmark_node_get_end_line(paragraph))
        guard first >= 1, last >= first, last <= lines.count else { return nil }
        return PipeTable(lines[(first - 1)...(last - 1)].map { String($0).trimmingCharacters(in: .newlines) })
    }

    /// Puts the table's HTML in place of its paragraph. Cells are Markdown of their own,
    /// so links in them are rewritten and checked like any other.
    func replace(_ found: FoundTable, folder: String, file: String, ownIDs: Set<String>, options: Int32) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func row(_ cells: [String], tag: String, line: Int) -> String {
            let html = cells.enumerated().map { column, text -> String in
                let (inner, problems) = inline(text, line: line, folder: folder, file: file, ownIDs: ownIDs, options: options)
                diagnostics += problems
                let scope = tag == "th" ? " scope=\"col\"" : ""
                let style = found.table.alignments[column].map { " style=\"text-align: \($0)\"" } ?? ""
                return "<\(tag)\(scope)\(style)>\(inner)</\(tag)>"
            }
            return "<tr>" + html.joined() + "</tr>\n"
        }
        var html = "<div class=\"table-wrap\">\n<table>\n<thead>\n" + row(found.table.header, tag: "th", line: found.line) + "</thead>\n"
        if !found.table.rows.isEmpty {
            html += "<tbody>\n"
            for (index, cells) in found.table.rows.enumerated() { html += row(cells, tag: "td", line: found.line + 2 + index) }
            html += "</tbody>\n"
        }
        html += "</table>\n</div>\n"
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return diagnostics }
        cmark_node_set_on_enter(block, html)
        cmark_node_replace(found.node, block)
        cmark_node_free(found.node)
        return diagnostics
    }

    /// One cell's Markdown as inline HTML, its links resolved, its problems at `line`.
    private func inline(_ text: String, line: Int, folder: String, file: String, ownIDs: Set<String>,
                        options: Int32) -> (String, [Diagnostic]) {
        let length = text.utf8.count
        guard !text.isEmpty, let document = text.withCString({ cmark_parse_document($0, length, options) }) else { return ("", []) }
        defer { cmark_node_free(document) }
        var nested: [FoundTable] = []
        let diagnostics = rewrite(document, firstLine: line, folder: folder, file: file, lines: [], ownIDs: ownIDs, tables: &nested)
        guard let rendered = cmark_render_html(document, options) else { return ("", diagnostics) }
        defer { free(rendered) }
        var html = String(cString: rendered).trimmingCharacters(in: .newlines)
        // A cell is one paragraph; its <p> would add a margin inside the cell.
        if html.hasPrefix("<p>"), html.hasSuffix("</p>") { html = String(html.dropFirst(3).dropLast(4)) }
        return (html, diagnostics)
    }
}
