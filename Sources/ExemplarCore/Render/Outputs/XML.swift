/// Escaping for text and attribute values in the XML files the site publishes.
enum XML {
    static func escape(_ text: String) -> String {
        if isPlain(text) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: if isAllowed(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// Whether `text` needs nothing escaped nor dropped, read from its bytes: addresses and
    /// most titles. Anything that might (a control byte, one of `&<>"'`, the EF BF lead of
    /// U+FFFE and U+FFFF) sends it through the scalar by scalar path.
    private static func isPlain(_ text: String) -> Bool {
        let scan = text.utf8.withContiguousStorageIfAvailable { bytes in
            !bytes.contains { byte in
                switch byte {
                case 0x09, 0x0A, 0x0D: return false
                case 0..<0x20, 0x22, 0x26, 0x27, 0x3C, 0x3E, 0xEF: return true
                default: return false
                }
            }
        }
        return scan ?? false
    }

    /// XML 1.0 forbids most control characters and U+FFFE/U+FFFF even as references; YAML
    /// lets an author write them (`"\x01"`), and one would make the whole feed unreadable.
    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
