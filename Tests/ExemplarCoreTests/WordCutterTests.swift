@testable import ExemplarCore
import Foundation
import Testing

/// The cutter folds each word as written once and reuses it: its postings must be what
/// cutting every field word by word gives, document after document.
@Suite struct WordCutterTests {
    /// Each key once, in the order first met, with the spelling met first and every field's bit;
    /// name words carry the name's length in words (at most 7).
    private func expected(_ document: SearchDocument) -> [(key: String, spelling: String, rest: Int)] {
        var out: [(key: String, spelling: String, rest: Int)] = []
        for (field, text) in document.fields {
            for word in SearchText.words(text) {
                if let at = out.firstIndex(where: { $0.key == word.key }) {
                    out[at].rest |= 1 << field.rawValue
                } else {
                    out.append((word.key, word.spelling, 1 << field.rawValue))
                }
            }
        }
        let nameLength = min(7, SearchText.words(document.name).count)
        return out.map { $0.rest & 1 != 0 ? ($0.key, $0.spelling, $0.rest + nameLength * 64) : $0 }
    }

    private func document(_ name: String, _ fields: [(SearchDocument.Field, String)]) -> SearchDocument {
        SearchDocument(group: .individual, path: "ca-nhan/x/", name: name, label: "", unit: nil, years: [],
                       yearsText: "", snippet: "", fields: [(.name, name)] + fields)
    }

    @Test func postingsAreThoseOfCuttingEachFieldWordByWord() {
        let long = String(repeating: "ư", count: 40) + " " + String(repeating: "a", count: 41)
        let documents = [
            document("Phan Anh Đức", [(.unit, "Công đoàn giáo dục"), (.body, "Anh ĐỨC dạy đạo đức; đức, Đức và duc. \(long)")]),
            // The same words written otherwise: capitals, NFD, old tone placement, other marks.
            document("Nguyễn Thị Hoà", [(.position, "Chủ tịch"), (.summary, "Chị hòa nhã, HOÀ đồng"),
                                        (.body, "Nguyễn Thị Hòa".decomposedStringWithCanonicalMapping + " phan anh duc 15/QĐ-LĐLĐ")]),
            document("Một người có tên rất là dài đến tám chữ", [(.terms, "2019 2020 Bằng khen"), (.body, "")]),
            document("Phan Anh Đức", [(.body, "Đức đức ĐỨC dục")]),
        ]
        var cutter = WordCutter()
        for document in documents {
            let got = cutter.postings(of: document).map { (cutter.keys[Int($0.key)], cutter.spellings[Int($0.spelling)], Int($0.rest)) }
            let want = expected(document)
            #expect(got.map(\.0) == want.map(\.key), "keys of \(document.name)")
            #expect(got.map(\.1) == want.map(\.spelling), "spellings of \(document.name)")
            #expect(got.map(\.2) == want.map(\.rest), "fields of \(document.name)")
        }
        // A word written one way is one entry; its key is shared by every way of writing it.
        #expect(Set(cutter.keys).count == cutter.keys.count)
        #expect(cutter.keys.contains("duc") && !cutter.keys.contains(String(repeating: "a", count: 41)))
    }

    /// Many distinct words: the cutter's table grows and still finds each again.
    @Test func manyDistinctWordsAreEachFoundAgain() {
        let words = (0..<20_000).map { "từ\($0)" }
        var cutter = WordCutter()
        let first = cutter.postings(of: document("x", [(.body, words.joined(separator: " "))]))
        let second = cutter.postings(of: document("x", [(.body, words.reversed().joined(separator: " "))]))
        #expect(first.count == 20_001 && second.count == 20_001)
        #expect(Set(first.map(\.key)) == Set(second.map(\.key)))
        #expect(cutter.keys.count == 20_001)
        #expect(cutter.keys[Int(first[1].key)] == "tu0")
    }

    /// A body on file is read and cut in one pass when it is plain, and cut from its Markdown
    /// otherwise (found anywhere, even inside a link target or after many words): either way
    /// its postings are those of cutting the Markdown rendering reads, and the words the
    /// document's fields share with it keep only their own fields.
    @Test func aBodyOnFileIsCutAsItsMarkdown() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cutter-body-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let head = "---\nname: Đặng Thị Thu\n---\n"
        let words = String(repeating: "Chị **Thu** cùng [tập thể](../collectives/x.md) <b>làm</b> “mới” đồng nghiệp. ", count: 30)
        let cases: [(name: String, bytes: [UInt8])] = [
            ("plain", Array((head + words).utf8)),
            ("bom", [0xEF, 0xBB, 0xBF] + Array((head + words).utf8)),
            ("nfd", Array((head + words).decomposedStringWithCanonicalMapping.utf8)),
            ("nfd at the end", Array((head + words + "Hoà".decomposedStringWithCanonicalMapping).utf8)),
            ("nfd in a link target", Array((head + words + "[Hoa](x-hoà.md) xong".decomposedStringWithCanonicalMapping).utf8)),
            ("nfd in a tag", Array((head + words + "<a title=\"hoà\">Hoa</a>".decomposedStringWithCanonicalMapping).utf8)),
            ("crlf at the end", Array((head + words + "\r\nHết").utf8)),
            ("line separator", Array((head + words + "a\u{2028}b").utf8)),
            ("next line", Array((head + words + "a\u{85}b").utf8)),
            ("other script", Array((head + words + "漢字 😀").utf8)),
            // Not UTF-8: rendering reads no text, and the index none either.
            ("not utf-8", Array((head + words).utf8) + [0xC3, 0x28]),
            ("cut short", Array((head + words).utf8) + [0xE1, 0xBB]),
            ("long words", Array((head + words + String(repeating: "đ", count: 12) + " " + String(repeating: "ư", count: 41)).utf8)),
        ]
        var onFile = WordCutter(), fromText = WordCutter()
        for (name, bytes) in cases {
            let url = folder.appendingPathComponent(name + ".md")
            try Data(bytes).write(to: url)
            let text = String(decoding: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...], as: UTF8.self)
            let loaded = try FrontMatter.split(VietnameseText.nfc(SourceText.unixLineEnds(text)))
            let stored = Body(markdown: loaded.body, firstLine: loaded.bodyFirstLine).stored(in: url)
            var read = document("Đặng Thị Thu", [(.summary, "Chị Thu làm mới")])
            read.bodyFile = stored
            var given = read
            given.bodyFile = nil
            given.body = Array((stored.markdown() ?? "").utf8)
            #expect(given.body.isEmpty == (String(bytes: bytes, encoding: .utf8) == nil), "\(name)")
            let got = onFile.postings(of: read).map { (onFile.keys[Int($0.key)], onFile.spellings[Int($0.spelling)], $0.rest) }
            let want = fromText.postings(of: given).map { (fromText.keys[Int($0.key)], fromText.spellings[Int($0.spelling)], $0.rest) }
            #expect(got.map(\.0) == want.map(\.0), "keys of \(name)")
            #expect(got.map(\.1) == want.map(\.1), "spellings of \(name)")
            #expect(got.map(\.2) == want.map(\.2), "fields of \(name)")
        }
    }
}
