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
    func apply(_ html: UnsafeBufferPointer<UInt8>, reads: Reads?) -> [UInt8] {
        var next = Self.imageStart(in: html, from: 0)
        guard next != nil else { return Array(html) }
        var out: [UInt8] = []
        out.reserveCapacity(html.count + 512)
        var rest = 0
        while let start = next {
            let urlStart = start + Self.imageOpening.count
            out.append(contentsOf: html[rest..<urlStart])
            rest = urlStart
            guard let end = html[urlStart...].firstIndex(of: UInt8(ascii: "\"")) else { break }
            out.append(contentsOf: html[urlStart...end])
            rest = end + 1
            let address = String(decoding: html[urlStart..<end], as: UTF8.self).replacingOccurrences(of: "&amp;", with: "&")
            if let sized = attributes[address] {
                out.append(contentsOf: sized.extra.utf8)
                reads?.note(.entry(.images, sized.path))
            } else if let reads, address.hasPrefix(basePath),
                      let path = String(address.dropFirst(basePath.count)).removingPercentEncoding {
                // A photo without sizes yet (not made, or not a photo): it may get them later.
                reads.note(.entry(.images, path))
            }
            next = Self.imageStart(in: html, from: rest)
        }
        out.append(contentsOf: html[rest...])
        return out
    }

    /// The bytes libcmark opens an image with, before its address.
    private static let imageOpening: [UInt8] = Array("<img src=\"".utf8)

    /// Where the next `<img src="` starts: each `<` is found with `memchr`, which passes the
    /// text between tags many bytes at a time, and only there are the bytes compared.
    private static func imageStart(in bytes: UnsafeBufferPointer<UInt8>, from offset: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let needle = imageOpening
        var offset = offset
        while bytes.count - offset >= needle.count {
            guard let found = memchr(base + offset, Int32(needle[0]), bytes.count - offset) else { return nil }
            let start: Int = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            if bytes.count - start >= needle.count, memcmp(base + start, needle, needle.count) == 0 { return start }
            offset = start + 1
        }
        return nil
    }
}
