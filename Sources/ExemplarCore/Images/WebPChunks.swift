import Foundation

/// libvips 8.14 writes an EXIF chunk into WebP even when told to strip: the encoded file's
/// metadata chunks are removed here, so no version can publish them.
enum WebPChunks {
    private static let metadata: Set<String> = ["EXIF", "XMP ", "ICCP"]
    /// The VP8X flags announcing ICC, EXIF and XMP chunks.
    private static let metadataFlags: UInt8 = 0x20 | 0x08 | 0x04

    /// The file without EXIF, XMP and ICC chunks; nil when it is not a well-formed WebP.
    static func stripped(_ data: Data) -> Data? {
        let bytes = [UInt8](data)
        guard bytes.count >= 12, bytes[0..<4].elementsEqual("RIFF".utf8), bytes[8..<12].elementsEqual("WEBP".utf8) else { return nil }
        var body: [UInt8] = Array("WEBP".utf8)
        var index = 12
        while index < bytes.count {
            guard index + 8 <= bytes.count else { return nil }
            let name = String(decoding: bytes[index..<index + 4], as: UTF8.self)
            let size = Int(bytes[index + 4]) | Int(bytes[index + 5]) << 8 | Int(bytes[index + 6]) << 16 | Int(bytes[index + 7]) << 24
            let end = index + 8 + size + size % 2
            guard end <= bytes.count else { return nil }
            if !metadata.contains(name) {
                var chunk = Array(bytes[index..<end])
                if name == "VP8X", chunk.count > 8 { chunk[8] &= ~metadataFlags }
                body += chunk
            }
            index = end
        }
        let size = UInt32(body.count)
        return Data(Array("RIFF".utf8) + [0, 8, 16, 24].map { UInt8(truncatingIfNeeded: size >> $0) } + body)
    }
}
