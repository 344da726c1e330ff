/// A request's path turned into a file path inside the site, or the reason it is refused.
/// Only what is certainly inside the site passes: every `.`/`..` segment, backslash, NUL
/// or escaped slash is refused, whether written plainly, percent-encoded or encoded twice.
enum RequestPath: Equatable {
    /// Segments below the site's root, each decoded once; `isFolder` when the path ended in `/`.
    case file(segments: [String], isFolder: Bool)
    /// The path is outside the site's base path.
    case outside
    /// The path could reach outside the site or cannot be a file name: 400.
    case refused

    /// `target` is the request target as sent (path and query); `basePath` starts and ends with `/`.
    init(target: String, basePath: String) {
        var raw = Substring(target)
        if let mark = raw.firstIndex(where: { $0 == "?" || $0 == "#" }) { raw = raw[..<mark] }
        guard raw.hasPrefix("/") else { self = .refused; return }
        let base = basePath.dropLast()  // "/dien-hinh" or ""
        guard raw.hasPrefix(base), raw.dropFirst(base.count).hasPrefix("/") else { self = .outside; return }
        raw = raw.dropFirst(base.count + 1)
        let isFolder = raw.isEmpty || raw.hasSuffix("/")
        var segments: [String] = []
        for part in raw.split(separator: "/", omittingEmptySubsequences: false) where !part.isEmpty {
            guard let decoded = Self.percentDecoded(part), Self.isPlainName(decoded),
                  !decoded.contains("%") || Self.percentDecoded(Substring(decoded)).map(Self.isPlainName) != false
            else { self = .refused; return }
            segments.append(decoded)
        }
        self = .file(segments: segments, isFolder: isFolder)
    }

    /// A segment that names one file in one folder: no traversal, no separator, no control
    /// character. A name that decodes a second time into one of those is refused too.
    private static func isPlainName(_ name: String) -> Bool {
        if name == "." || name == ".." { return false }
        return !name.unicodeScalars.contains { $0 == "/" || $0 == "\\" || $0.value < 0x20 || $0.value == 0x7F }
    }

    /// Percent-decoding of one segment as UTF-8; nil for a malformed escape or invalid UTF-8.
    static func percentDecoded(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
