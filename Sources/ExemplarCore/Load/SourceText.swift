import Foundation

/// Reads an input file as text the way every stage expects it: UTF-8, NFC, `\n` line ends.
enum SourceText {
    enum Failure: Error {
        case unreadable(String, hint: String?)
        case notUTF8(line: Int)
    }

    /// Only a regular file is read: a FIFO or a device would block or never end.
    static func read(_ url: URL) throws(Failure) -> String {
        try decodeNoting(readBytes(url).data).text
    }

    /// The file's bytes as they are, and its stamp as it was opened.
    static func readBytes(_ url: URL) throws(Failure) -> (data: Data, stamp: SourceStamp?) {
        var stamp: SourceStamp?
        do {
            let data = try FileIO.readFile(url.path, stamp: &stamp)
            return (data, stamp)
        } catch {
            switch error {
            case .system(let error):
                throw .unreadable(error.cause, hint: error.remedy)
            case .notRegular(let kind):
                throw .unreadable("đó là \(kind), không phải tệp thường", hint: "Thay bằng tệp văn bản thật, hoặc xoá nó đi.")
            }
        }
    }

    static func decode(_ data: Data) throws(Failure) -> String {
        try decodeNoting(data).text
    }

    /// The bytes after a byte-order mark, which the text leaves out.
    static func withoutByteOrderMark(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? UnsafeBufferPointer(rebasing: bytes[3...]) : bytes
    }

    /// The text, and whether it is the bytes as they were: valid UTF-8 that no step changed
    /// is what `BodyBytes.isPlain` accepts, so rendering need not check the file again.
    static func decodeNoting(_ data: Data) throws(Failure) -> (text: String, plain: Bool) {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .notUTF8(line: firstInvalidLine(bytes))
        }
        if hasOtherLineBreaks(text) { return (VietnameseText.nfc(unixLineEnds(text)), false) }
        if VietnameseText.isSurelyNFC(text) { return (text, true) }
        return (text.precomposedStringWithCanonicalMapping, false)
    }

    /// Every line break becomes `\n`, so the builder, the YAML parser and the author's
    /// editor count the same lines: `\r\n`, a lone `\r`, and U+0085, U+2028, U+2029.
    static func unixLineEnds(_ text: String) -> String {
        guard hasOtherLineBreaks(text) else { return text }
        var scalars = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\r": scalars.append("\n")
            case "\n" where previousWasCR: break
            case "\u{85}", "\u{2028}", "\u{2029}": scalars.append("\n")
            default: scalars.append(scalar)
            }
            previousWasCR = scalar == "\r"
        }
        return String(scalars)
    }

    /// Whether `text` holds `\r`, U+0085, U+2028 or U+2029, read from its UTF-8 bytes
    /// (C2 85, E2 80 A8, E2 80 A9). Each is looked for by its first byte with `memchr`, which
    /// skips the text many bytes at a time; C2 and E2 are rare in Vietnamese.
    private static func hasOtherLineBreaks(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            let end = base + bytes.count
            if memchr(base, 0x0D, bytes.count) != nil { return true }
            func follows(_ lead: UInt8, _ rest: (UnsafePointer<UInt8>) -> Bool, length: Int) -> Bool {
                var from = base
                while from < end, let found = memchr(from, Int32(lead), end - from) {
                    let at = UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
                    if end - at >= length, rest(at + 1) { return true }
                    from = at + 1
                }
                return false
            }
            return follows(0xC2, { $0[0] == 0x85 }, length: 2)
                || follows(0xE2, { $0[0] == 0x80 && ($0[1] == 0xA8 || $0[1] == 0xA9) }, length: 3)
        }
    }

    /// The line holding the first byte sequence that is not UTF-8, so the author can find it.
    private static func firstInvalidLine(_ bytes: Data.SubSequence) -> Int {
        var line = 1
        var start = bytes.startIndex
        while start < bytes.endIndex {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.endIndex
            if String(validating: bytes[start..<end], as: UTF8.self) == nil { return line }
            line += 1
            start = end < bytes.endIndex ? bytes.index(after: end) : end
        }
        return line
    }
}
