@testable import ExemplarCore
import Testing

/// Filter entries are written as bytes: each string must come out as `JSONValue` writes it.
@Suite struct JSONBytesTests {
    @Test func stringsAreEscapedAsJSONValueEscapesThem() {
        var texts = ["", "Nguyễn Thị Hoa", "say \"hi\"", "a\\b\\", "tab\there", "line\nbreak\r\n", "\u{7F}Đ—", "x\u{1F}y\u{0}z"]
        texts += (0..<0x80).map { String(UnicodeScalar(UInt8($0))) + "ệ" }
        for text in texts {
            var expected = ""
            JSONValue.quote(text, into: &expected)
            var out = JSONBytes(capacity: 16)
            out.string(text)
            #expect(out.text == expected, "\(text.debugDescription)")
        }
    }

    @Test func membersComeWithCommasAndNullsAreLeftOut() {
        var out = JSONBytes(capacity: 64)
        out.openObject()
        out.member("a", nil)
        out.member("b", "1")
        out.key("c")
        out.stringOrNull(nil)
        out.member("d", "x\"y")
        out.closeObject()
        #expect(out.text == #"{"b":"1","c":null,"d":"x\"y"}"#)
    }
}
