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
}
