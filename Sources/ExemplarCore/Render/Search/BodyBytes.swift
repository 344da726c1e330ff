import Foundation

/// A body's Markdown for the index as UTF-8 bytes, read from its file in one pass.
/// The index reads every body of the site once more after loading, and a String made of
/// each (validated, normalised, split, stripped, validated again) cost more than cutting it
/// into words. A file that is not plain NFC Vietnamese with `\n` line ends, or whose body no
/// longer starts on the line loaded, goes through `Body.read` as rendering does, so both
/// ways give the same text.
enum BodyBytes {
    static func of(_ body: Body) -> [UInt8] {
        // A body that can no longer be read is reported by its own page.
        guard !body.isBlank, case .success(let bytes) = body.bytes() else { return [] }
        return bytes
    }

    /// The body of the file's bytes, or nil when they need the general path: a byte
    /// sequence outside the scalars `VietnameseText.isSurelyNFC` accepts (which also leaves
    /// out every invalid sequence), a line break other than `\n`, or front matter that does
    /// not split as `FrontMatter.split` splits it with the body on `firstLine`. `knownPlain`:
    /// the file is as loading found it plain, and is not checked again.
    static func fast(_ data: Data, firstLine: Int, knownPlain: Bool = false) -> [UInt8]? {
        data.withUnsafeBytes { raw -> [UInt8]? in
            var bytes = raw.bindMemory(to: UInt8.self)
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = UnsafeBufferPointer(rebasing: bytes[3...]) }
            guard knownPlain || PlainBytes.isPlain(bytes), let start = bodyStart(bytes, firstLine: firstLine) else { return nil }
            return Array(bytes[start...])
        }
    }

    /// Where the body starts, when the front matter splits as loading split it
    /// (`FrontMatter.ranges`) with the body on line `firstLine`.
    static func bodyStart(_ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int) -> Int? {
        do {
            let ranges = try FrontMatter.ranges(bytes)
            return ranges.bodyFirstLine == firstLine ? ranges.bodyStart : nil
        } catch {
            return nil
        }
    }
}

/// Reads a body's file for the index into a buffer kept from body to body, and says where
/// the body starts, when the front matter is plain (`PlainBytes.isPlain`) and splits with
/// the body on the line loaded; the caller checks the body's own bytes as it cuts them.
enum BodyReader {
    /// The range of the body in `buffer`, or nil when the body must be read the general way
    /// (not on file, unreadable, or not split as loaded).
    static func read(_ body: Body, into buffer: inout [UInt8]) -> Range<Int>? {
        guard case .file(let url) = body.storage else { return nil }
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        // Room for one byte more than the file holds, so the read that meets its end needs no more.
        if buffer.count <= Int(info.st_size) { buffer = [UInt8](repeating: 0, count: Int(info.st_size) + 4096) }
        var length = 0
        while true {
            if length == buffer.count { buffer += [UInt8](repeating: 0, count: max(4096, buffer.count / 2)) }
            let count = buffer.withUnsafeMutableBytes { room in
                Foundation.read(descriptor, room.baseAddress! + length, room.count - length)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { break }
            length += count
        }
        // The file loading found plain, unchanged since: its front matter need not be checked again.
        let knownPlain = body.plainStamp != nil && body.plainStamp == SourceStamp(info)
        return buffer.withUnsafeBufferPointer { all -> Range<Int>? in
            let offset = all.starts(with: [0xEF, 0xBB, 0xBF]) && length >= 3 ? 3 : 0
            let bytes = UnsafeBufferPointer(rebasing: all[offset..<length])
            guard let start = BodyBytes.bodyStart(bytes, firstLine: body.firstLine),
                  knownPlain || PlainBytes.isPlain(UnsafeBufferPointer(rebasing: bytes[..<start])) else { return nil }
            return offset + start..<length
        }
    }
}
