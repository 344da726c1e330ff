import Foundation

/// Reads an input file as text the way every stage expects it: UTF-8, NFC, `\n` line ends.
enum SourceText {
    enum Failure: Error {
        case unreadable(String)
        case notUTF8(line: Int)
    }

    static func read(_ url: URL) throws(Failure) -> String {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadable(error.localizedDescription)
        }
        return try decode(data)
    }

    static func decode(_ data: Data) throws(Failure) -> String {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .notUTF8(line: firstInvalidLine(bytes))
        }
        return VietnameseText.nfc(unixLineEnds(text))
    }

    /// Every line break becomes `\n`, so the builder, the YAML parser and the author's
    /// editor count the same lines: `\r\n`, a lone `\r`, and U+0085, U+2028, U+2029.
    static func unixLineEnds(_ text: String) -> String {
        let hasOther = text.unicodeScalars.contains { $0 == "\r" || $0 == "\u{85}" || $0 == "\u{2028}" || $0 == "\u{2029}" }
        guard hasOther else { return text }
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
