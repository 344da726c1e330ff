import Foundation

/// The formats Exemplar reads and writes.
enum ImageFormat: String, Sendable {
    case jpeg, png, webp

    var fileExtension: String { self == .jpeg ? "jpg" : rawValue }
}

/// What the first bytes of a file say it is.
enum ImageKind: Equatable {
    case supported(ImageFormat)
    /// A picture in a format Exemplar does not process (HEIC, GIF, TIFF …), by name.
    case unsupported(String)
    /// Not a picture at all.
    case notImage

    /// File names that promise a picture: such a file is processed, or reported.
    static let imageExtensions: Set<String> = [
        "jpg", "jpeg", "jpe", "png", "webp", "gif", "heic", "heif", "avif", "tif", "tiff", "bmp", "jxl", "jp2", "svg",
    ]

    static func isImageName(_ path: String) -> Bool {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return false }
        return imageExtensions.contains(path[path.index(after: dot)...].lowercased())
    }

    init(sniffing bytes: Data) {
        let head = [UInt8](bytes.prefix(32))
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + prefix.count && Array(head[offset..<offset + prefix.count]) == prefix
        }
        func ascii(_ text: String, at offset: Int = 0) -> Bool { starts(Array(text.utf8), at: offset) }
        if starts([0xFF, 0xD8, 0xFF]) { self = .supported(.jpeg) }
        else if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { self = .supported(.png) }
        else if ascii("RIFF"), ascii("WEBP", at: 8) { self = .supported(.webp) }
        else if ascii("GIF8") { self = .unsupported("GIF") }
        else if ascii("ftyp", at: 4) { self = ascii("avif", at: 8) || ascii("avis", at: 8) ? .unsupported("AVIF") : .unsupported("HEIC") }
        else if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) { self = .unsupported("TIFF") }
        else if ascii("BM") { self = .unsupported("BMP") }
        else if starts([0xFF, 0x0A]) || starts([0, 0, 0, 0x0C, 0x4A, 0x58, 0x4C, 0x20]) { self = .unsupported("JPEG XL") }
        else if starts([0, 0, 0, 0x0C, 0x6A, 0x50, 0x20, 0x20]) { self = .unsupported("JPEG 2000") }
        else if ascii("<svg") || ascii("<?xml") { self = .unsupported("SVG") }
        else { self = .notImage }
    }
}
