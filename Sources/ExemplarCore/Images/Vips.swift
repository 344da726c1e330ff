import CVips
import Foundation

/// The few libvips operations Exemplar needs, in Swift. libvips is thread-safe: every
/// function here may run on any core at the same time.
enum Vips {
    /// Started once per process. Each image is processed by one thread (the files are spread
    /// over the cores instead), and operations are not cached: every image is seen once.
    private static let started: Bool = {
        guard vips_init("exemplar") == 0 else { return false }
        vips_concurrency_set(1)
        vips_cache_set_max(0)
        exemplar_vips_quiet()
        return true
    }()

    static var available: Bool { started }

    struct Header {
        var width: Int
        var height: Int
        /// EXIF orientation 1…8; 5–8 turn the picture a quarter.
        var orientation: Int

        /// The size once turned upright.
        var upright: (width: Int, height: Int) {
            (5...8).contains(orientation) ? (height, width) : (width, height)
        }
    }

    /// Reads the header only: nothing is decoded.
    static func probe(_ bytes: Data) -> Header? {
        guard started else { return nil }
        var width: Int32 = 0, height: Int32 = 0, orientation: Int32 = 1
        let status = bytes.withUnsafeBytes { raw in
            exemplar_vips_probe(raw.baseAddress, raw.count, &width, &height, &orientation)
        }
        vips_error_clear()
        guard status == 0 else { return nil }
        return Header(width: Int(width), height: Int(height), orientation: Int(orientation))
    }

    /// A decoded picture held in memory.
    final class Picture {
        fileprivate let image: UnsafeMutablePointer<VipsImage>

        fileprivate init(_ image: UnsafeMutablePointer<VipsImage>) { self.image = image }
        deinit { g_object_unref(image) }

        var width: Int { Int(vips_image_get_width(image)) }
        var height: Int { Int(vips_image_get_height(image)) }

        /// A smaller copy; `crop` cuts to exactly this size instead of fitting inside it.
        func resized(width: Int, height: Int, crop: Bool) -> Picture? {
            defer { vips_error_clear() }
            return exemplar_vips_resize(image, Int32(width), Int32(height), crop ? 1 : 0).map(Picture.init)
        }

        /// The encoded bytes, without any metadata.
        func encoded(_ format: ImageFormat, quality: Int) -> Data? {
            defer { vips_error_clear() }
            var source = image
            var flattened: Picture?
            if format == .jpeg {
                guard let flat = exemplar_vips_flatten(image) else { return nil }
                flattened = Picture(flat)
                source = flat
            }
            var bytes: UnsafeMutableRawPointer?
            var length = 0
            let code: Int32 = switch format {
            case .jpeg: Int32(EXEMPLAR_JPEG)
            case .webp: Int32(EXEMPLAR_WEBP)
            case .png: Int32(EXEMPLAR_PNG)
            }
            let status = exemplar_vips_save(source, code, Int32(quality), &bytes, &length)
            withExtendedLifetime(flattened) {}
            guard status == 0, let bytes else { return nil }
            defer { g_free(bytes) }
            let data = Data(bytes: bytes, count: length)
            return format == .webp ? WebPChunks.stripped(data) : data
        }
    }

    /// Decodes and shrinks in one pass, upright. Nil when the file is damaged or cut short.
    static func thumbnail(_ bytes: Data, width: Int, height: Int, crop: Bool) -> Picture? {
        guard started else { return nil }
        defer { vips_error_clear() }
        let image = bytes.withUnsafeBytes { raw in
            exemplar_vips_thumbnail(raw.baseAddress, raw.count, Int32(width), Int32(height), crop ? 1 : 0)
        }
        return image.map(Picture.init)
    }

    /// SHA-256 as hex: what the cache knows a photo by.
    static func sha256(_ bytes: Data) -> String {
        let digest = bytes.withUnsafeBytes { raw in exemplar_sha256(raw.baseAddress, raw.count) }
        guard let digest else { return "" }
        defer { g_free(digest) }
        return String(cString: digest)
    }
}
