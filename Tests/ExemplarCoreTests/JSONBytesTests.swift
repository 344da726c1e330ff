@testable import ExemplarCore
import Testing

/// Every JSON file is written through `JSONBytes`: strings escaped as RFC 8259 asks and no
/// more, members separated by commas, values of a `JSONValue` tree in key order.
@Suite struct JSONBytesTests {
    @Test func stringsAreEscapedAsRFC8259Asks() {
        let cases: [(String, String)] = [
            ("", #""""#), ("Nguyễn Thị Hoa", #""Nguyễn Thị Hoa""#), ("say \"hi\"", #""say \"hi\"""#),
            ("a\\b\\", #""a\\b\\""#), ("tab\there", #""tab\there""#), ("line\nbreak\r\n", #""line\nbreak\r\n""#),
            ("\u{7F}Đ—/", "\"\u{7F}Đ—/\""), ("x\u{1F}y\u{0}z", #""x\u001fy\u0000z""#),
        ]
        for (text, expected) in cases {
            var out = JSONBytes(capacity: 16)
            out.string(text)
            #expect(out.text == expected, "\(text.debugDescription)")
        }
        // Every other character below 0x20 as `\u00xx`.
        for byte in (0..<0x20 as Range<UInt8>) where ![0x09, 0x0A, 0x0D].contains(byte) {
            var out = JSONBytes(capacity: 16)
            out.string(String(UnicodeScalar(byte)) + "ệ")
            let hex = String(byte, radix: 16)
            #expect(out.text == "\"\\u" + String(repeating: "0", count: 4 - hex.count) + hex + "ệ\"")
        }
    }

    @Test func integersAreWrittenAsDecimalDigits() {
        for number in [0, 7, -7, 10, 2019, -100_000, Int.max, Int.min] {
            var out = JSONBytes(capacity: 4)
            out.int(number)
            #expect(out.text == String(number))
        }
    }

    @Test func treesAreWrittenWithKeysInOrder() {
        let value = JSONValue.object(["b": .array([.int(1), .null, .number("2.5")]), "a": .object(["y": .string("z\""), "x": .object([:])])])
        #expect(value.text == #"{"a":{"x":{},"y":"z\""},"b":[1,null,2.5]}"#)
    }

    @Test func membersComeWithCommasAndNullsAreLeftOut() {
        var out = JSONBytes(capacity: 64)
        out.openObject()
        out.member("a", nil)
        out.member("b", "1")
        out.key("c")
        out.stringOrNull(nil)
        out.member("d", "x\"y")
        out.member("e", number: nil)
        out.member("f", number: 3)
        out.member("g", strings: [])
        out.member("h", strings: ["i", "j"])
        out.closeObject()
        #expect(out.text == #"{"b":"1","c":null,"d":"x\"y","f":3,"g":[],"h":["i","j"]}"#)
    }
}
