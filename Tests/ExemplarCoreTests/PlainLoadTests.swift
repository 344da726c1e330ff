@testable import ExemplarCore
import Foundation
import Testing

/// A content file read as plain bytes gives what reading it as text gives: the same
/// diagnostics, fields and body, and the plain stamp only when its bytes are its text.
@Suite struct PlainLoadTests {
    /// Pieces whose mixes cover each branch of the byte checks: ASCII runs longer and shorter
    /// than a word, every accepted and refused lead, line breaks, cut and stray sequences.
    private static let pieces: [[UInt8]] = [
        Array("a".utf8), Array("abcdefghij".utf8), Array(" ".utf8), Array("\n".utf8), Array("\t".utf8),
        [0x0B], [0x0C], [0x0D], [0x1F], Array("ồ".utf8), Array("đ".utf8), Array("–".utf8), Array("€".utf8),
        Array("\u{A0}".utf8), Array("\u{2003}".utf8), Array("\u{200D}".utf8), Array("\u{85}".utf8),
        Array("\u{2028}".utf8), Array("\u{2029}".utf8), Array("\u{301}".utf8), Array("\u{1F600}".utf8),
        Array("\u{3000}".utf8), [0xC3], [0xE1, 0xBB], [0x80], [0xFF], [0xEF, 0xBB, 0xBF],
    ]

    private static func mixes(count: Int, length: Int) -> [[UInt8]] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...length, using: &generator)).flatMap { _ in pieces.randomElement(using: &generator)! }
        }
    }

    /// Plain as the text says it: valid UTF-8, surely NFC, and no line break but `\n`.
    @Test func plainBytesAreWhatTheirTextSays() {
        for bytes in Self.mixes(count: 20000, length: 24) {
            let text = String(validating: bytes, as: UTF8.self)
            let plain = text.map { text in
                VietnameseText.isSurelyNFC(text) && !text.unicodeScalars.contains { ["\r", "\u{85}", "\u{2028}", "\u{2029}"].contains($0) }
            } ?? false
            bytes.withUnsafeBufferPointer { buffer in
                #expect(PlainBytes.isPlain(buffer) == plain, "\(bytes)")
            }
        }
    }

    @Test func blankIsWhatTheTextSays() {
        for bytes in Self.mixes(count: 20000, length: 6) {
            bytes.withUnsafeBufferPointer { buffer in
                guard PlainBytes.isPlain(buffer) else { return }
                #expect(PlainBytes.isBlank(buffer) == String(decoding: buffer, as: UTF8.self).allSatisfy(\.isWhitespace), "\(bytes)")
            }
        }
    }

    @Test func openingAFileIsReadingItsText() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plain-load-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let heads = ["---\nname: Hoà\nunit: u\n---\n", "\u{FEFF}---\nname: A\n---\n", "---\n---\n", "---\nname: [x\n---\n",
                     "---\nname: A\n", "name: A\n---\n", "---\r\nname: A\r\n---\r\n", "---\nname: Hoa\u{300}\n---\n",
                     "---\nname: A\nnam: B\n---", "--- \nname: \"Lê\"\n---\t\n"]
        let bodies = ["", "\n", " \n\t", "Nội dung.\n", "\u{A0}", "\u{2003}\u{200D}", "x\u{2028}y", "e\u{301}", "\n\n# Đầu\n"]
        var index = 0
        for head in heads {
            for body in bodies {
                for bytes in [Array((head + body).utf8), Array((head + body).utf8) + [0xFF]] {
                    index += 1
                    let url = folder.appendingPathComponent("f\(index).md")
                    try Data(bytes).write(to: url)
                    let opened = DiagnosticBag()
                    let file = ItemFile.open(url, path: "content/individuals/f.md", bag: opened)
                    let read = DiagnosticBag()
                    var parsed: ItemFile?
                    do {
                        parsed = ItemFile.parse(try SourceText.decode(Data(bytes)), id: "f\(index)", path: "content/individuals/f.md", bag: read)
                    } catch {
                        read.add(ItemFile.readFailure(error, at: SourceLocation(file: "content/individuals/f.md", line: 1, column: 0)))
                    }
                    #expect(opened.items == read.items, "\(bytes)")
                    #expect(file?.body == parsed?.body.stored(in: url), "\(bytes)")
                    #expect(file?.fields.string("name")?.value == parsed?.fields.string("name")?.value, "\(bytes)")
                    if let file {
                        let plain = bytes.withUnsafeBufferPointer { PlainBytes.isPlain(SourceText.withoutByteOrderMark($0)) }
                        #expect((file.body.plainStamp != nil) == plain, "\(bytes)")
                    }
                }
            }
        }
    }
}
