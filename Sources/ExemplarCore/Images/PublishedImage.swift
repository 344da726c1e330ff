import Foundation

/// How a photo is shown, which decides its sizes and its cut.
public enum ImageRole: String, Sendable, Hashable, CaseIterable {
    /// The whole picture, its own proportions: collectives, events, thumbnails of attachments.
    case photo
    /// A person's portrait, cut to 3:4 around its most interesting part.
    case portrait

    /// Widths made, in pixels; never more than the picture has.
    var widths: [Int] { self == .portrait ? [160, 320, 640] : [160, 320, 640, 1280] }

    /// Height for a width, for a cut role.
    func cutHeight(forWidth width: Int) -> Int? { self == .portrait ? (width * 4 + 2) / 3 : nil }

    /// Changes whenever what a role produces changes, so older cache entries are not used.
    var settings: String { "\(rawValue)-v5" }
}

/// One size of a published photo, in WebP and JPEG.
public struct ImageVariant: Sendable, Hashable {
    public var width: Int
    public var height: Int
    /// Output paths, `media/…`.
    public var webp: String
    public var jpeg: String
}

/// The published sizes of one photo in one role, smallest first.
public struct ImageSet: Sendable, Hashable {
    public var variants: [ImageVariant]

    public var largest: ImageVariant? { variants.last }
}

/// Everything published for one media file that is a photo.
public struct PublishedImage: Sendable, Hashable {
    public var sets: [ImageRole: ImageSet] = [:]
    /// Bytes of the file published under the media path itself: the original for a
    /// download, otherwise an upright, stripped copy at most as large as the largest size.
    public var fileSize: Int = 0
}

/// A file the image stage publishes: `relative` under `root` (a cache entry, or the content
/// folder for a download), copied to `destination` in the output.
public struct PublishedFile: Sendable, Hashable {
    public var root: URL
    public var relative: String
    public var destination: String
}
