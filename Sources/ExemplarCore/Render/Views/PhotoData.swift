/// Page data for a photo: its published sizes as `srcset` for WebP and JPEG, the largest
/// size's `width` and `height` (the picture's proportions, so nothing moves while it loads)
/// and its description. Themes choose `sizes` and lazy loading, as they know the layout.
extension Views {
    func photoData(_ path: String, role: ImageRole, alt: String) -> TemplateValue? {
        guard let image = graph.images[path], let set = image.sets[role] ?? image.sets[.photo],
              let largest = set.largest else { return nil }
        // The fallback `src` for browsers without srcset: a middle size is light and sharp enough.
        let fallback = set.variants[set.variants.count / 2]
        return .object([
            "url": .text(mediaURL(fallback.jpeg)),
            "alt": .text(alt),
            "width": .number(largest.width),
            "height": .number(largest.height),
            "srcset": .text(set.variants.map { "\(mediaURL($0.jpeg)) \($0.width)w" }.joined(separator: ", ")),
            "srcset_webp": .text(set.variants.map { "\(mediaURL($0.webp)) \($0.width)w" }.joined(separator: ", ")),
            "is_portrait": .flag(role == .portrait && image.sets[.portrait] != nil),
            "full": .text(mediaURL(largest.jpeg)),
        ])
    }

    /// The photo of an exemplar: a person's cut as a portrait, a collective's whole.
    func exemplarPhoto(_ exemplar: Exemplar) -> TemplateValue? {
        guard let path = exemplar.photo?.value else { return nil }
        return photoData(path, role: exemplar.kind == .individual ? .portrait : .photo,
                         alt: exemplar.photoAlt ?? "\(text("photo_of")) \(exemplar.name)")
    }

    /// Absolute address of a photo's largest JPEG, for previews on other sites.
    func shareImage(_ path: String) -> TemplateValue? {
        guard let largest = graph.images[path]?.sets[.photo]?.largest else { return nil }
        return .text(absolute(mediaURL(largest.jpeg)))
    }
}

extension Views {
    /// A file offered for download: its name, its size, and a thumbnail when it is a picture
    /// (a scanned certificate), the link leading to the full file.
    func attachmentData(_ file: Ref, title: String?) -> TemplateValue {
        let path = file.value
        let name = path.split(separator: "/").last.map(String.init) ?? path
        var data: TemplateData = [
            "url": .text(mediaURL(path)),
            "name": .text(name),
            "title": .text(title ?? name),
        ]
        // The kind of file, as its extension names it (PDF, DOCX, JPG).
        let type = name.split(separator: ".").count > 1 ? name.split(separator: ".").last.map { $0.uppercased() } : nil
        data["type"] = type.map(TemplateValue.text) ?? .null
        data["size"] = graph.fileSizes[path].map { .text(fileSize($0)) } ?? .null
        data["thumbnail"] = photoData(path, role: .photo, alt: "") ?? .null
        return .object(data)
    }

    /// `350 KB`, `1,2 MB` (the decimal mark of the site's language).
    func fileSize(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        if bytes < 1024 * 1024 { return "\((bytes + 1023) / 1024) KB" }
        let tenths = (bytes * 10 + 1024 * 1024 / 2) / (1024 * 1024)
        let mark = graph.site.language == "en" ? "." : ","
        return "\(tenths / 10)\(mark)\(tenths % 10) MB"
    }
}
