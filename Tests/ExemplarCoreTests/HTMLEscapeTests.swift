@testable import ExemplarCore
import Testing

/// Escaping passes sixteen, then eight bytes at a time where none is special: every special
/// character must still be caught at every position, next to every other byte.
@Suite struct HTMLEscapeTests {
    private static func plain(_ text: String) -> String {
        var out = ""
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    @Test func everyByteNextToEverySpecialCharacterAtEveryPosition() {
        let neighbours = (0x01...0x7F).map { String(UnicodeScalar(UInt8($0))) } + ["ệ", "Đ", "—"]
        for special in ["&", "<", ">", "\"", "'"] {
            for neighbour in neighbours {
                for position in 0..<33 {
                    var characters = Array(repeating: neighbour, count: 33)
                    characters[position] = special
                    let text = characters.joined()
                    var out = PageBytes(capacity: 16)
                    HTMLEscape.append(text, to: &out)
                    #expect(String(decoding: out.bytes(), as: UTF8.self) == Self.plain(text), "\(text.debugDescription)")
                }
            }
        }
    }

    /// Texts of every length up to three words, with one special character at every position
    /// or none: short texts, and the last bytes of long ones, are read as one word that overlaps
    /// bytes already passed.
    @Test func everyLengthWithAndWithoutASpecialCharacter() {
        for length in 0...40 {
            for position in -1..<length {
                var characters = Array(repeating: "ệ", count: length).enumerated().map { $0.offset % 3 == 0 ? "a" : $0.element }
                if position >= 0 { characters[position] = position % 2 == 0 ? "<" : "'" }
                let text = characters.joined()
                var out = PageBytes(capacity: 16)
                HTMLEscape.append(text, to: &out)
                #expect(String(decoding: out.bytes(), as: UTF8.self) == Self.plain(text), "\(text.debugDescription)")
            }
        }
    }
}
