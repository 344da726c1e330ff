import Foundation

/// Theme stylesheets are published without comments and without the whitespace that only
/// lays the source out: every page links the stylesheet, and a profile page's HTML and CSS
/// have a budget. Strings are copied as they are; a run of whitespace elsewhere becomes one
/// space, dropped next to `{`, `}`, `;` and `,`, where it never changes the meaning.
enum CSSMinifier {
    static func minify(_ css: Data) -> Data {
        let bytes = [UInt8](css)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        var pendingSpace = false
        func isSeparator(_ byte: UInt8) -> Bool { byte == 0x7B || byte == 0x7D || byte == 0x3B || byte == 0x2C }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x2F, index + 1 < bytes.count, bytes[index + 1] == 0x2A {  // /* comment */
                index += 2
                while index + 1 < bytes.count, !(bytes[index] == 0x2A && bytes[index + 1] == 0x2F) { index += 1 }
                index += 2
                pendingSpace = true
                continue
            }
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                pendingSpace = true
                index += 1
                continue
            }
            if pendingSpace, let last = out.last, !isSeparator(last), !isSeparator(byte) { out.append(0x20) }
            pendingSpace = false
            if byte == 0x22 || byte == 0x27 {  // a string, escapes included, up to its closing quote
                out.append(byte)
                index += 1
                while index < bytes.count, bytes[index] != byte, bytes[index] != 0x0A {
                    if bytes[index] == 0x5C, index + 1 < bytes.count { out.append(bytes[index]); index += 1 }
                    out.append(bytes[index])
                    index += 1
                }
                if index < bytes.count { out.append(bytes[index]); index += 1 }
                continue
            }
            out.append(byte)
            index += 1
        }
        if !out.isEmpty { out.append(0x0A) }
        return Data(out)
    }
}
