import Foundation

/// The image stage: every photo under `media/` is decoded once (or found in the cache),
/// turned upright, made in a few widths in WebP and JPEG without metadata, and a bad file
/// is reported instead of published. Runs on every core.
public enum ImageProcessor {
    /// What the content asks of the media files.
    public struct Request: Sendable {
        /// Every file under `media/` (`media/x.jpg`).
        public var media: Set<String>
        /// The roles a photo is shown in; every photo is made as a `.photo` anyway.
        public var roles: [String: Set<ImageRole>] = [:]
        /// Files offered for download: published with their own bytes.
        public var downloads: Set<String> = []

        public init(media: Set<String>) { self.media = media }
    }

    public struct Result: Sendable {
        /// By media path; a bad photo has none.
        public var images: [String: PublishedImage] = [:]
        /// Files to publish: where the bytes are, and the output path.
        public var files: [PublishedFile] = []
        public var diagnostics: [Diagnostic] = []
        /// Bytes of each file offered for download, pictures or not.
        public var fileSizes: [String: Int] = [:]
        /// Photos decoded in this build, and photos whose every size came from the cache.
        public var processed = 0
        public var reused = 0
    }

    /// A photo file larger than this is refused without being read.
    static let maxFileBytes = 64 << 20
    /// Pictures above this many pixels, or wider or taller than `maxSide`, are refused before
    /// decoding: a small file can claim a huge picture and exhaust the memory.
    static let maxPixels = 120_000_000
    static let maxSide = 20_000

    /// With `store` false (`check`), nothing is written: photos the cache does not hold are
    /// decoded to be checked, then dropped.
    public static func process(_ request: Request, content: URL, contentDisplay: String, cache folder: URL,
                               store: Bool = true) -> Result {
        var result = Result()
        for path in request.downloads where request.media.contains(path) {
            result.fileSizes[path] = ImageCache.stat(content.appendingPathComponent(path).path)?.size
        }
        let photos = request.media.filter(ImageKind.isImageName).sorted()
        guard !photos.isEmpty else { return result }
        guard Vips.available else {
            result.diagnostics.append(Diagnostic(.error, "image-library", "Không khởi động được thư viện xử lý ảnh libvips.",
                                                 file: contentDisplay + "/media", hint: "Cài libvips (Debian: libvips-dev) rồi dựng lại."))
            return result
        }
        let cache = ImageCache(folder: folder)
        do {
            if store { try cache.prepare() }
        } catch {
            result.diagnostics.append(Diagnostic(.error, "image-cache", "Không tạo được thư mục bộ đệm ảnh \(cache.root.path): \(error.cause).",
                                                 file: contentDisplay + "/media", hint: error.remedy ?? "Chọn thư mục khác bằng --cache."))
            return result
        }
        let index = cache.loadIndex()
        let job = Job(content: content, display: contentDisplay, cache: cache, index: index, store: store)
        let outcomes = photos.parallelMap { path in
            job.run(path, roles: request.roles[path, default: []].union([.photo]), download: request.downloads.contains(path))
        }
        var newIndex: [String: ImageCache.Stamp] = [:]
        var used: Set<String> = []
        // A published name is taken once: `a.640w.jpg` in media/ would be a size of `a.jpg` too.
        var taken: Set<String> = []
        for (path, outcome) in zip(photos, outcomes) {
            result.diagnostics += outcome.diagnostics
            if let stamp = outcome.stamp { newIndex[path] = stamp }
            used.formUnion(outcome.keys)
            guard let image = outcome.image else { continue }
            if let clash = outcome.files.first(where: { taken.contains($0.destination) }) {
                result.diagnostics.append(Diagnostic(.warning, "image-name", "Ảnh trùng tên với một cỡ ảnh đã tạo (\(clash.destination)); ảnh không được đăng.",
                                                     file: contentDisplay + "/" + path, hint: "Đổi tên tệp, bỏ phần `.640w` hay `.portrait-320w` ở cuối tên."))
                continue
            }
            taken.formUnion(outcome.files.map(\.destination))
            result.images[path] = image
            result.files += outcome.files
            if outcome.decoded { result.processed += 1 } else { result.reused += 1 }
        }
        if store {
            // The photos are published either way; a cache that cannot be kept tidy only costs
            // the next build time (an index lost) or room (entries left).
            do {
                try cache.saveIndex(newIndex)
            } catch {
                result.diagnostics.append(Diagnostic(.warning, "image-cache", "Không ghi được chỉ mục bộ đệm ảnh \(cache.root.path): \(error.cause); lần dựng sau sẽ đọc lại mọi ảnh.",
                                                     file: contentDisplay + "/media", hint: error.remedy ?? "Kiểm tra thư mục bộ đệm."))
            }
            do {
                try cache.prune(keeping: used)
            } catch {
                result.diagnostics.append(Diagnostic(.warning, "image-cache", "Không xoá được các ảnh cũ trong bộ đệm \(cache.root.path): \(error.cause); bộ đệm chiếm thêm chỗ.",
                                                     file: contentDisplay + "/media", hint: error.remedy ?? "Kiểm tra thư mục bộ đệm."))
            }
        }
        return result
    }

    /// Processing of one media file.
    private struct Job: Sendable {
        let content: URL
        let display: String
        let cache: ImageCache
        let index: [String: ImageCache.Stamp]
        let store: Bool

        struct Outcome: Sendable {
            var image: PublishedImage?
            var files: [PublishedFile] = []
            var diagnostics: [Diagnostic] = []
            var stamp: ImageCache.Stamp?
            var keys: [String] = []
            var decoded = false
        }

        func run(_ path: String, roles: Set<ImageRole>, download: Bool) -> Outcome {
            var outcome = Outcome()
            let url = content.appendingPathComponent(path)
            let file = display + "/" + path
            // A bad picture is left out with a warning; a cache the disk refuses is an error.
            func report(_ code: String, _ message: String, _ hint: String) -> Outcome {
                outcome.diagnostics.append(Diagnostic(code == "image-cache" ? .error : .warning, code, message, file: file, hint: hint))
                return outcome
            }
            guard let info = ImageCache.stat(url.path) else {
                let error = SystemError.current()
                return report("media-unreadable", "Không đọc được tệp ảnh: \(error.cause).", error.remedy ?? "Kiểm tra quyền đọc của tệp.")
            }
            let roles = roles.sorted { $0.rawValue < $1.rawValue }
            // An unchanged file whose sizes are all cached is not even read.
            if let known = index[path], known.size == info.size, known.modified == info.modified,
               let image = cached(path, hash: known.hash, roles: roles, download: download, into: &outcome) {
                outcome.image = image
                outcome.stamp = known
                return outcome
            }
            guard info.size <= ImageProcessor.maxFileBytes else {
                return report("image-too-large", "Tệp ảnh nặng \(info.size >> 20) MB, quá giới hạn \(ImageProcessor.maxFileBytes >> 20) MB; ảnh không được đăng.",
                              "Thu nhỏ ảnh (chiều rộng 2000–4000 điểm ảnh là đủ) rồi chép lại.")
            }
            let bytes: Data
            do {
                bytes = try FileIO.readBelow(content.path, path)
            } catch {
                let cause = switch error {
                case .system(let system): system.cause
                case .notRegular(let kind): "đó là \(kind), không phải tệp thường"
                }
                return report("media-unreadable", "Không đọc được tệp ảnh: \(cause).", "Chép tệp ảnh thật vào media/.")
            }
            let format: ImageFormat
            switch ImageKind(sniffing: bytes) {
            case .supported(let found): format = found
            case .unsupported(let name):
                return report("unsupported-image", "Ảnh định dạng \(name) chưa được hỗ trợ; ảnh không được đăng.",
                              "Lưu lại ảnh dưới dạng JPEG, PNG hoặc WebP.")
            case .notImage:
                return report("not-an-image", "Tệp có đuôi của ảnh nhưng nội dung không phải là ảnh; tệp không được đăng.",
                              "Chép đúng tệp ảnh vào media/ hoặc sửa lại đuôi tên tệp.")
            }
            let hash = Vips.sha256(bytes)
            let stamp = ImageCache.Stamp(size: bytes.count, modified: info.modified, hash: hash)
            if let image = cached(path, hash: hash, roles: roles, download: download, into: &outcome) {
                outcome.image = image
                outcome.stamp = stamp
                return outcome
            }
            guard let header = Vips.probe(bytes), header.width > 0, header.height > 0 else {
                return report("damaged-image", "Không đọc được ảnh \(format.rawValue.uppercased()): tệp hỏng hoặc bị cắt cụt; ảnh không được đăng.",
                              "Chép lại tệp ảnh gốc từ điện thoại hoặc máy ảnh.")
            }
            let pixels = header.width * header.height
            guard header.width <= ImageProcessor.maxSide, header.height <= ImageProcessor.maxSide, pixels <= ImageProcessor.maxPixels else {
                return report("image-too-large", "Ảnh \(header.width)×\(header.height) điểm ảnh quá lớn để xử lý (tối đa \(ImageProcessor.maxSide) điểm ảnh mỗi chiều và \(ImageProcessor.maxPixels / 1_000_000) triệu điểm ảnh); ảnh không được đăng.",
                              "Thu nhỏ ảnh (chiều rộng 2000–4000 điểm ảnh là đủ) rồi chép lại.")
            }
            if !store {
                guard Vips.thumbnail(bytes, width: min(header.upright.width, 160), height: 10_000_000, crop: false) != nil else {
                    return report("damaged-image", "Không giải mã được ảnh \(format.rawValue.uppercased()): tệp hỏng hoặc bị cắt cụt; ảnh không được đăng.",
                                  "Chép lại tệp ảnh gốc từ điện thoại hoặc máy ảnh.")
                }
                outcome.decoded = true
                return outcome
            }
            for role in roles {
                let key = ImageCache.key(hash: hash, role: role, path: path)
                if cache.sizes(of: key) != nil { continue }
                guard let (files, sizes) = Self.encode(bytes, path: path, header: header, role: role) else {
                    return report("damaged-image", "Không giải mã được ảnh \(format.rawValue.uppercased()): tệp hỏng hoặc bị cắt cụt; ảnh không được đăng.",
                                  "Chép lại tệp ảnh gốc từ điện thoại hoặc máy ảnh.")
                }
                do {
                    try cache.store(key, files: files, sizes: sizes)
                } catch {
                    return report("image-cache", "Không ghi được vào bộ đệm ảnh \(cache.root.path): \(error.cause).",
                                  error.remedy ?? "Giải phóng chỗ trên đĩa hoặc chọn thư mục khác bằng --cache.")
                }
            }
            outcome.decoded = true
            outcome.keys = []
            outcome.files = []
            guard let image = cached(path, hash: hash, roles: roles, download: download, into: &outcome) else {
                return report("image-cache", "Bộ đệm ảnh \(cache.root.path) không giữ được kết quả.", "Kiểm tra thư mục bộ đệm.")
            }
            outcome.image = image
            outcome.stamp = stamp
            return outcome
        }

        /// The published image when the cache holds every role, with the files to publish.
        private func cached(_ path: String, hash: String, roles: [ImageRole], download: Bool, into outcome: inout Outcome) -> PublishedImage? {
            var image = PublishedImage()
            var files: [PublishedFile] = []
            var keys: [String] = []
            let stem = ImageNames.stem(of: path)
            for role in roles {
                let key = ImageCache.key(hash: hash, role: role, path: path)
                guard let sizes = cache.sizes(of: key) else { return nil }
                let entry = cache.entry(key)
                var variants: [ImageVariant] = []
                for (width, height) in sizes {
                    let variant = ImageVariant(width: width, height: height,
                                               webp: ImageNames.variant(stem, role: role, width: width, format: .webp),
                                               jpeg: ImageNames.variant(stem, role: role, width: width, format: .jpeg))
                    files.append(PublishedFile(root: entry, relative: "\(width).webp", destination: variant.webp))
                    files.append(PublishedFile(root: entry, relative: "\(width).jpg", destination: variant.jpeg))
                    variants.append(variant)
                }
                image.sets[role] = ImageSet(variants: variants)
                keys.append(key)
                if role == .photo, !download, let largest = sizes.last {
                    let full = ImageNames.fullName(for: path, largestWidth: largest.0)
                    files.append(PublishedFile(root: entry, relative: full, destination: path))
                    image.fileSize = ImageCache.stat(entry.appendingPathComponent(full).path)?.size ?? 0
                }
            }
            if download {
                files.append(PublishedFile(root: content, relative: path, destination: path))
                image.fileSize = ImageCache.stat(content.appendingPathComponent(path).path)?.size ?? 0
            }
            outcome.files = files
            outcome.keys = keys
            return image
        }

        /// Decodes once at the largest size, makes the smaller ones from it, encodes them all.
        /// The files are named as the cache holds them; nil when the picture cannot be decoded.
        static func encode(_ bytes: Data, path: String, header: Vips.Header, role: ImageRole) -> ([String: Data], [(Int, Int)])? {
            let upright = header.upright
            // The cut for a portrait: the largest 3:4 frame inside the picture.
            let frameWidth = role == .portrait ? min(upright.width, upright.height * 3 / 4) : upright.width
            guard frameWidth > 0 else { return nil }
            // The role's widths below the picture's own, then the largest it allows: a small
            // picture is published at its own width, never enlarged.
            let largest = min(frameWidth, role.widths.last ?? frameWidth)
            let widths = role.widths.filter { $0 < largest } + [largest]
            func height(_ width: Int) -> Int { role.cutHeight(forWidth: width).map { min($0, upright.height) } ?? 10_000_000 }
            guard let base = Vips.thumbnail(bytes, width: largest, height: height(largest), crop: role == .portrait) else { return nil }
            var files: [String: Data] = [:]
            var sizes: [(Int, Int)] = []
            for width in widths {
                let picture = width == largest ? base : base.resized(width: width, height: height(width), crop: role == .portrait)
                guard let picture, let webp = picture.encoded(.webp, quality: 72), let jpeg = picture.encoded(.jpeg, quality: 80) else { return nil }
                files["\(picture.width).webp"] = webp
                files["\(picture.width).jpg"] = jpeg
                sizes.append((picture.width, picture.height))
            }
            if role == .photo, ImageNames.format(ofName: path) == .png {
                guard let png = base.encoded(.png, quality: 0) else { return nil }
                files["full.png"] = png
            }
            return (files, sizes)
        }
    }
}

/// Where each size of a photo is published, beside the photo's own path.
enum ImageNames {
    /// `media/a/b.jpg` → `media/a/b`.
    static func stem(of path: String) -> String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return path }
        return String(path[..<dot])
    }

    /// `media/b.640w.webp`, `media/b.portrait-320w.jpg`.
    static func variant(_ stem: String, role: ImageRole, width: Int, format: ImageFormat) -> String {
        let prefix = role == .photo ? "" : "\(role.rawValue)-"
        return "\(stem).\(prefix)\(width)w.\(format.fileExtension)"
    }

    /// The cached file published under the photo's own path: the largest size in the
    /// photo's own format.
    static func fullName(for path: String, largestWidth: Int) -> String {
        switch format(ofName: path) {
        case .png: return "full.png"
        case .webp: return "\(largestWidth).webp"
        case .jpeg: return "\(largestWidth).jpg"
        }
    }

    /// The format a name promises; JPEG for names of formats Exemplar does not write.
    static func format(ofName path: String) -> ImageFormat {
        switch path.split(separator: ".").last?.lowercased() {
        case "png": return .png
        case "webp": return .webp
        default: return .jpeg
        }
    }
}
