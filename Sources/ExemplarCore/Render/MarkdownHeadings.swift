import CMark
import Foundation

extension Markdown {
    /// `## Kết quả` becomes `<h2 id="ket-qua">`: authors link to `page.md#ket-qua`, and the
    /// link resolver keeps the fragment, so the heading must carry it. libcmark cannot set
    /// attributes, so each heading is rendered on its own and put back as a custom block.
    func anchorHeadings(_ document: OpaquePointer, options: Int32) {
        var headings: [OpaquePointer] = []
        if let iterator = cmark_iter_new(document) {
            while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                   cmark_node_get_type(node) == CMARK_NODE_HEADING { headings.append(node) }
            }
            cmark_iter_free(iterator)
        }
        var used = reservedIDs
        for heading in headings {
            let slug = VietnameseText.slug(plainText(heading))
            guard !slug.isEmpty, let rendered = cmark_render_html(heading, options) else { continue }
            var html = String(cString: rendered)
            free(rendered)
            guard html.hasPrefix("<h"), let open = html.firstIndex(of: ">"),
                  let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            var id = slug
            var number = 2
            while used.contains(id) { id = "\(slug)-\(number)"; number += 1 }
            used.insert(id)
            html.insert(contentsOf: " id=\"\(id)\"", at: open)
            cmark_node_set_on_enter(block, html)
            cmark_node_replace(heading, block)
            cmark_node_free(heading)
        }
    }

    /// The words of a heading, without its markup.
    private func plainText(_ node: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(node) else { return text }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(child) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return text
    }
}
