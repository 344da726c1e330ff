extension ImageProcessor.Request {
    /// What the site shows: a person's photo as a portrait, every other photo whole, and
    /// attachments for download with their own bytes.
    public init(_ graph: SiteGraph) {
        self.init(media: graph.media)
        for exemplar in graph.exemplars.values where exemplar.kind == .individual {
            if let photo = exemplar.photo?.value { roles[photo, default: []].insert(.portrait) }
        }
        for item in graph.initiatives.values {
            downloads.formUnion(item.attachments.map(\.value))
        }
    }
}
