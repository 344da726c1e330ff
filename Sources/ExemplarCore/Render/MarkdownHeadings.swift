import CMark
import Foundation

extension Markdown {
    /// The ids a body gives its headings, and every id it puts on its page.
    struct HeadingIDs {
        /// Each heading with the id it gets, in document order.
        var headings: [(node: OpaquePointer, id: String)] = []
        /// Those ids, plus `id="…"` written in raw HTML when the site lets it through.
        var all: Set<String> = []
    }

    /// `## Kết quả` gets `ket-qua`; a repeated heading, or one whose slug the theme already
    /// uses (`reservedIDs`), gets `-2`, `-3` …. One function decides the ids both for the
    /// page's own headings and for checking `#fragment` links that point at it, so the two
    /// cannot disagree.
    func headingIDs(_ document: OpaquePointer) -> HeadingIDs {
        var result = HeadingIDs()
        // The theme's ids are looked up where they are: copying them into this set cost more
        // than the rest of the work for a body of a few headings.
        var used: Set<String> = []
        // Ids raw HTML writes: on the page, but not in the way of the headings' own.
        var htmlIDs: Set<String> = []
        func taken(_ id: String) -> Bool { used.contains(id) || reservedIDs.contains(id) }
        var nextNumber: [String: Int] = [:]
        guard let iterator = cmark_iter_new(document) else { return result }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING:
                let slug = VietnameseText.slug(plainText(node))
                guard !slug.isEmpty else { continue }
                var id = slug
                if taken(id) {
                    // Each slug remembers where its search for a free number stopped, so a
                    // thousand equal headings cost a thousand lookups, not half a million.
                    var number = nextNumber[slug, default: 2]
                    repeat { id = "\(slug)-\(number)"; number += 1 } while taken(id)
                    nextNumber[slug] = number
                }
                used.insert(id)
                result.headings.append((node, id))
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                if allowRawHTML, let literal = cmark_node_get_literal(node) {
                    htmlIDs.formUnion(Theme.literalIDs(in: String(cString: literal)))
                }
            default:
                break
            }
        }
        result.all = htmlIDs.isEmpty ? used : used.union(htmlIDs)
        return result
    }

    /// Writes each heading's id: authors link to `page.md#ket-qua`, and the link resolver
    /// keeps the fragment, so the heading must carry it. libcmark cannot set attributes, so
    /// each heading is rendered on its own and put back as a custom block.
    func anchorHeadings(_ headings: [(node: OpaquePointer, id: String)], options: Int32) {
        for (heading, id) in headings {
            guard let rendered = cmark_render_html(heading, options) else { continue }
            defer { free(rendered) }
            let html = Self.bytes(of: rendered)
            guard html.starts(with: "<h".utf8), let open = html.firstIndex(of: UInt8(ascii: ">")),
                  let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            // `<h2` + ` id="…"` + `>…</h2>`, ended by the NUL libcmark reads up to.
            var anchored: [UInt8] = []
            anchored.reserveCapacity(html.count + id.utf8.count + 7)
            anchored.append(contentsOf: html[..<open])
            anchored.append(contentsOf: " id=\"".utf8)
            anchored.append(contentsOf: id.utf8)
            anchored.append(UInt8(ascii: "\""))
            anchored.append(contentsOf: html[open...])
            anchored.append(0)
            _ = anchored.withUnsafeBytes { cmark_node_set_on_enter(block, $0.baseAddress?.assumingMemoryBound(to: CChar.self)) }
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
