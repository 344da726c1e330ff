import CVips
import Foundation

/// The few libvips operations Exemplar needs, in Swift. libvips is thread-safe: every
/// function here may run on any core at the same time.
enum Vips {
    /// Started once per process. Each image is processed by one thread (the files are spread
    /// over the cores instead), and operations are not cached: every image is seen once.
    /// libvips' functions, found when it is first needed (`Sources/CVips/shim.h`); nil when
    /// it cannot be opened or started.
    nonisolated(unsafe) private static let table: UnsafeMutablePointer<exemplar_vips_api>? = {
        let table = UnsafeMutablePointer<exemplar_vips_api>.allocate(capacity: 1)
        table.initialize(to: exemplar_vips_api())
        guard exemplar_vips_open(table) == 0, exemplar_vips_init(table, "exemplar") == 0 else { return nil }
        exemplar_vips_concurrency_set(table, 1)
        exemplar_vips_cache_set_max(table, 0)
        exemplar_vips_quiet(table)
        return table
    }()

    private static var started: Bool { table != nil }
    /// Only read once `started` (or `available`) said yes.
    private static var api: UnsafeMutablePointer<exemplar_vips_api> { table! }

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
            exemplar_vips_probe(Vips.api, raw.baseAddress, raw.count, &width, &height, &orientation)
        }
        exemplar_vips_error_clear(Vips.api)
        guard status == 0 else { return nil }
        return Header(width: Int(width), height: Int(height), orientation: Int(orientation))
    }

    /// A decoded picture held in memory.
    final class Picture {
        fileprivate let image: OpaquePointer

        fileprivate init(_ image: OpaquePointer) { self.image = image }
        deinit { exemplar_g_object_unref(Vips.api, UnsafeMutableRawPointer(image)) }

        var width: Int { Int(exemplar_vips_width(Vips.api, image)) }
        var height: Int { Int(exemplar_vips_height(Vips.api, image)) }

        /// A smaller copy; `crop` cuts to exactly this size instead of fitting inside it.
        func resized(width: Int, height: Int, crop: Bool) -> Picture? {
            defer { exemplar_vips_error_clear(Vips.api) }
            return exemplar_vips_resize(Vips.api, image, Int32(width), Int32(height), crop ? 1 : 0).map(Picture.init)
        }

        /// The encoded bytes, without any metadata.
        func encoded(_ format: ImageFormat, quality: Int) -> Data? {
            defer { exemplar_vips_error_clear(Vips.api) }
            var source = image
            var flattened: Picture?
            if format == .jpeg {
                guard let flat = exemplar_vips_flatten(Vips.api, image) else { return nil }
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
            let status = exemplar_vips_save(Vips.api, source, code, Int32(quality), &bytes, &length)
            withExtendedLifetime(flattened) {}
            guard status == 0, let bytes else { return nil }
            defer { exemplar_g_free(Vips.api, bytes) }
            let data = Data(bytes: bytes, count: length)
            return format == .webp ? WebPChunks.stripped(data) : data
        }
    }

    /// Decodes and shrinks in one pass, upright. Nil when the file is damaged or cut short.
    static func thumbnail(_ bytes: Data, width: Int, height: Int, crop: Bool) -> Picture? {
        guard started else { return nil }
        defer { exemplar_vips_error_clear(Vips.api) }
        let image = bytes.withUnsafeBytes { raw in
            exemplar_vips_thumbnail(Vips.api, raw.baseAddress, raw.count, Int32(width), Int32(height), crop ? 1 : 0)
        }
        return image.map(Picture.init)
    }

    /// SHA-256 as hex: what the cache knows a photo by.
    static func sha256(_ bytes: Data) -> String {
        guard started else { return "" }
        let digest = bytes.withUnsafeBytes { raw in exemplar_sha256(Vips.api, raw.baseAddress, raw.count) }
        guard let digest else { return "" }
        defer { exemplar_g_free(Vips.api, digest) }
        return String(cString: digest)
    }
}
