import Foundation

/// Photos in bodies (`![…](../media/a.jpg)`) get the sizes the image stage made. libcmark
/// writes `<img src="…" alt="…" />`; the attributes are added after the address, so the
/// body needs no raw HTML.
struct BodyImages: Sendable {
    /// The media path and ` srcset="…" sizes="…" width="…" height="…" loading="lazy"`, by the
    /// address libcmark writes.
    let attributes: [String: (path: String, extra: String)]
    /// Where media addresses start (`/` or the base path of `base_url`).
    let basePath: String

    init(graph: SiteGraph) {
        basePath = graph.site.basePath
        var attributes: [String: (path: String, extra: String)] = [:]
        func address(_ path: String) -> String {
            graph.site.basePath + (path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path)
        }
        for (path, image) in graph.images {
            guard let set = image.sets[.photo], let largest = set.largest else { continue }
            let srcset = set.variants.map { "\(address($0.jpeg)) \($0.width)w" }.joined(separator: ", ")
            attributes[address(path)] = (path, " srcset=\"\(srcset)\" sizes=\"(max-width: 48rem) 100vw, 48rem\""
                + " width=\"\(largest.width)\" height=\"\(largest.height)\" loading=\"lazy\"")
        }
        self.attributes = attributes
    }

    /// `reads` learns which photos' sizes the body shows.
    func apply(_ html: String, reads: Reads?) -> String {
        guard Self.mayHoldImage(html), html.contains("<img src=\"") else { return html }
        var out = ""
        var rest = html[...]
        while let start = rest.range(of: "<img src=\"") {
            out += rest[..<start.upperBound]
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            let url = String(rest[..<end])
            out += url + "\""
            rest = rest[rest.index(after: end)...]
            let address = url.replacingOccurrences(of: "&amp;", with: "&")
            if let found = attributes[address] {
                out += found.extra
                reads?.note(.entry(.images, found.path))
            } else if let reads, address.hasPrefix(basePath),
                      let path = String(address.dropFirst(basePath.count)).removingPercentEncoding {
                // A photo without sizes yet (not made, or not a photo): it may get them later.
                reads.note(.entry(.images, path))
            }
        }
        return out + rest
    }

    /// Whether the bytes `<img src="` occur: each `<` is found with `memchr`, which passes the
    /// text between tags many bytes at a time, and only there are the bytes compared.
    private static func mayHoldImage(_ html: String) -> Bool {
        let needle: [UInt8] = Array("<img src=\"".utf8)
        var html = html
        return html.withUTF8 { (bytes: UnsafeBufferPointer<UInt8>) -> Bool in
            guard let base = bytes.baseAddress else { return false }
            var offset = 0
            while bytes.count - offset >= needle.count {
                guard let found = memchr(base + offset, Int32(needle[0]), bytes.count - offset) else { return false }
                let start: Int = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                if bytes.count - start >= needle.count, memcmp(base + start, needle, needle.count) == 0 { return true }
                offset = start + 1
            }
            return false
        }
    }
}
