@testable import ExemplarCore
import Foundation
import Testing

/// The search index as the browser reads it: folded keys, spellings, fields and shards,
/// checked in the files a real build writes.
@Suite struct SearchTests {
    // MARK: Folding and words

    @Test func keysFoldMarksCapitalsAndD() {
        let words = SearchText.words("Phan Anh ĐỨC, giáo dục – 15/QĐ-LĐLĐ")
        #expect(words.map(\.key) == ["phan", "anh", "duc", "giao", "duc", "15", "qd", "ldld"])
        // The key is the project's fold of each word, whatever the path through the tables.
        for word in ["Đức", "Nguyễn", "Thuỷ", "Hoà", "ĐẶNG", "Ước"] {
            #expect(SearchText.words(word).map(\.key) == [VietnameseText.fold(word)])
        }
    }

    @Test func spellingKeepsMarksButNotWhereTheToneSits() {
        func spelling(_ text: String) -> String? { SearchText.words(text).first?.spelling }
        // Old and new tone placement are one spelling; capitals and NFD input too.
        #expect(spelling("hoà") == spelling("hòa"))
        #expect(spelling("Thuỷ") == spelling("thủy"))
        #expect(spelling("ĐỨC") == spelling("đức"))
        #expect(spelling("Đức".decomposedStringWithCanonicalMapping) == spelling("Đức"))
        // Different marks stay different spellings of one key.
        #expect(spelling("Đức") != spelling("Dục"))
        #expect(spelling("hòa") != spelling("hóa"))
        #expect(spelling("hoa") != spelling("hòa"))
        #expect(spelling("duc") == "duc")
        #expect(SearchText.words("Đức").first?.key == SearchText.words("Dục").first?.key)
    }

    @Test func wordsAreRunsOfLettersAndDigits() {
        #expect(SearchText.words("  ").isEmpty)
        #expect(SearchText.words("a.b—c\u{00A0}d").map(\.key) == ["a", "b", "c", "d"])
        #expect(SearchText.words(String(repeating: "x", count: 41) + " ok").map(\.key) == ["ok"])
    }

    @Test func asciiBytesInWordsAreLettersAndDigits() {
        for byte in UInt8(0)..<0x80 {
            let character = Character(Unicode.Scalar(byte))
            let word = character.isLetter || character.isNumber
            #expect(SearchText.words("x\(character)y").count == (word ? 1 : 2), "\(byte)")
        }
    }

    @Test func postingNumbersAreWrittenAsSwiftWritesThem() {
        for number: Int32 in [0, 7, 10, 99, 512, 65_535, 1_000_000, .max, -1, -40, .min] {
            var bytes: [UInt8] = []
            SearchIndex.appendDecimal(number, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == String(number))
        }
    }

    @Test func plainTextDropsMarkupAndLinkTargets() {
        let text = PlainText.strip("## Kết quả\n\nChị **Hoa** cùng [tập thể](../collectives/x.md) <b>làm</b>.")
        #expect(text == "Kết quả Chị Hoa cùng tập thể làm .")
    }

    @Test func bodyBytesAreTheBodyRenderingReads() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("body-bytes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let head = "---\nname: Đặng Thị Thu\n---\n"
        let body = "## Kết quả\n\nChị **Thu** (Đồng Hới) cùng [tập thể](../collectives/x.md) <b>làm</b> – “mới”.\n"
        // What each file is, and whether the one-pass read takes it (others go the general way).
        let cases: [(name: String, bytes: [UInt8], fast: Bool)] = [
            ("plain", Array((head + body).utf8), true),
            ("bom", [0xEF, 0xBB, 0xBF] + Array((head + body).utf8), true),
            ("fence with spaces", Array(("--- \nname: X\n---\t\n" + body).utf8), true),
            ("nfd", Array((head + body).decomposedStringWithCanonicalMapping.utf8), false),
            ("crlf", Array((head + body).replacingOccurrences(of: "\n", with: "\r\n").utf8), false),
            ("line separator", Array((head + body + "a\u{2028}b").utf8), false),
            ("other script", Array((head + body + "漢字 😀").utf8), false),
            ("not utf-8", Array((head + body).utf8) + [0xC3, 0x28], false),
        ]
        for (name, bytes, fast) in cases {
            let url = folder.appendingPathComponent(name + ".md")
            try Data(bytes).write(to: url)
            // Split as loading splits it: after the byte order mark, with `\n` line ends, in NFC.
            let text = String(decoding: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...], as: UTF8.self)
            let loaded = try FrontMatter.split(VietnameseText.nfc(SourceText.unixLineEnds(text)))
            let stored = Body(markdown: loaded.body, firstLine: loaded.bodyFirstLine).stored(in: url)
            #expect(BodyBytes.of(stored) == Array((stored.markdown() ?? "").utf8), "\(name)")
            #expect((BodyBytes.fast(Data(bytes), firstLine: loaded.bodyFirstLine) != nil) == fast, "\(name)")
        }
        // A file edited since it was loaded, its body now on another line, gives what rendering gets: nothing.
        let url = folder.appendingPathComponent("plain.md")
        let moved = Body(markdown: body, firstLine: 3).stored(in: url)
        #expect(BodyBytes.of(moved).isEmpty)
        #expect(moved.markdown() == nil)
        #expect(String(decoding: BodyBytes.of(Body(markdown: head + body, firstLine: 4).stored(in: url)), as: UTF8.self) == body)
    }

    @Test func wordsOfMarkdownAreTheWordsOfItsPlainText() {
        let samples = [
            "## Kết quả\n\nChị **Hoa** cùng [tập thể](../collectives/x.md) <b>làm</b>.",
            "a](b)c", "a](b\n)c", "a<b\n>c", "x<y", "x](", "]](a)(b)c", "<<a>b>c", "[Đức](a) [Dục](b \"t\")đồng", "\\*a*_b_`c`|d>e!f#g",
            "", "](x)", "<x>", "a]b", "x]", "a<", "đ](ê)ư<ơ>ă",
        ]
        func markdownWords(_ markdown: String) -> [SearchText.Word] {
            var cut: [SearchText.Word] = []
            Array(markdown.utf8).withUnsafeBufferPointer { bytes in
                SearchText.tokens(bytes, markdown: true) { cut.append(SearchText.word($0)) }
            }
            return cut
        }
        for markdown in samples {
            #expect(markdownWords(markdown) == SearchText.words(PlainText.strip(markdown)), "\(markdown)")
        }
        // Link targets and tags are left out.
        #expect(markdownWords("a](bcd) <efg>h").map(\.key) == ["a", "h"])
    }

    // MARK: The index a build writes

    private static let files: [String: String] = {
        var files = SiteFixture.basic
        files["individuals/phan-anh-duc.md"] = """
        ---
        name: Phan Anh Đức
        unit: ban-nu-cong
        years: [2019]
        summary: Cán bộ trẻ.
        ---
        Anh làm công tác giáo dục pháp luật cho công nhân.
        """
        files["individuals/tran-thi-hoa.md"] = """
        ---
        name: Trần Thị Hòa
        unit: cdcs-truong-thpt-le-thuy
        years: [2020]
        ---
        Chị Hòa dạy văn.
        """
        files["individuals/le-van-hoa.md"] = """
        ---
        name: Lê Văn Hoà
        unit: cdcs-truong-thpt-le-thuy
        years: [2020]
        ---
        Anh Hoà dạy toán, nói về đạo đức nghề giáo.
        """
        return files
    }()

    /// The built index: manifest, every term by key, and the documents.
    private struct Built {
        var manifest: [String: Any]
        var terms: [String: (spellings: [String], postings: [(document: Int, code: Int)])] = [:]
        var shardKeys: [[String]] = []
        /// The rows each shard carries, by document number.
        var shardRows: [[Int: [String]]] = []
        var documents: [[String]] = []
        /// Each pair shard's pairs and the documents whose rows it carries.
        var pairShards: [(pairs: [String], rows: Set<Int>)] = []

        func postings(_ key: String) -> [(document: Int, mask: Int, nameLength: Int, spelling: String)] {
            guard let term = terms[key] else { return [] }
            return term.postings.map { ($0.document, $0.code & 63, ($0.code >> 6) & 7, term.spellings[$0.code >> 9]) }
        }

        func document(named name: String) -> Int? { documents.firstIndex { $0[1] == name } }
    }

    private func build(_ files: [String: String] = Self.files) throws -> (SiteFixture, Built) {
        let site = try SiteFixture(files)
        let report = site.build()
        #expect(report.published, "\(report.diagnostics)")
        func json(_ path: String) throws -> Any {
            let data = try Data(contentsOf: site.output.appendingPathComponent("tim-kiem/i/" + path))
            return try JSONSerialization.jsonObject(with: data)
        }
        let manifest = try #require(try json("m.json") as? [String: Any])
        var built = Built(manifest: manifest)
        let shards = try #require(manifest["shards"] as? [String])
        for number in shards.indices {
            let file = try #require(try json("t/\(number).json") as? [String: Any])
            let shard = try #require(file["k"] as? [String: [Any]])
            let rows = try #require(file["r"] as? [[Any]])
            built.shardKeys.append(shard.keys.sorted())
            var carried: [Int: [String]] = [:]
            for row in rows {
                let number = try #require(row.first as? Int)
                carried[number] = row.dropFirst().compactMap { $0 as? String }
            }
            built.shardRows.append(carried)
            for (key, value) in shard {
                let spellings = try #require(value.first as? [String])
                let pairs = try #require(value.last as? [Int])
                var document = 0
                var postings: [(Int, Int)] = []
                for index in stride(from: 0, to: pairs.count, by: 2) {
                    document += pairs[index]
                    postings.append((document, pairs[index + 1]))
                }
                built.terms[key] = (spellings, postings)
            }
        }
        for number in (manifest["pairs"] as? [String] ?? []).indices {
            let file = try #require(try json("p/\(number).json") as? [String: Any])
            let pairs = try #require(file["k"] as? [String])
            let rows = try #require(file["r"] as? [[Any]])
            built.pairShards.append((pairs, Set(rows.compactMap { $0.first as? Int })))
        }
        let count = try #require(manifest["documents"] as? Int)
        let perFile = try #require(manifest["per_file"] as? Int)
        for file in 0..<((count + perFile - 1) / perFile) {
            built.documents += try #require(try json("d/\(file).json") as? [[String]])
        }
        return (site, built)
    }

    @Test func everyKindIsIndexedWithItsPageAndFields() throws {
        let (site, index) = try build()
        defer { site.remove() }
        // Exemplars, the model, the event, units and the free page, each at its page's path.
        for (name, path) in [("Phan Anh Đức", "ca-nhan/phan-anh-duc/"), ("Nguyễn Thị Hoa", "ca-nhan/nguyen-thi-hoa/"),
                             ("LĐLĐ huyện Lệ Thủy", "don-vi/ldld-huyen-le-thuy/")] {
            let number = try #require(index.document(named: name), "\(name) is not indexed")
            #expect(index.documents[number][0] == path)
            #expect(site.page(path + "index.html") != nil)
        }
        let kinds = try #require(index.manifest["groups"] as? [[Any]])
        #expect(kinds.count == SearchDocument.Group.allCases.count)
        // A name word is in the name field; a word only in the body is in the body field only.
        let duc = try #require(index.document(named: "Phan Anh Đức"))
        let name = try #require(index.postings("duc").first { $0.document == duc })
        #expect(name.mask & 1 != 0)
        #expect(name.nameLength == 3)
        let body = try #require(index.postings("phap").first { $0.document == duc })
        #expect(body.mask == 1 << SearchDocument.Field.body.rawValue)
        // Units, positions and summaries are fields of their own.
        let hoa = try #require(index.document(named: "Nguyễn Thị Hoa"))
        let position = try #require(index.postings("pho").first { $0.document == hoa })
        #expect(position.mask & (1 << SearchDocument.Field.position.rawValue) != 0)
        let unit = try #require(index.postings("nu").first { $0.document == hoa })
        #expect(unit.mask & (1 << SearchDocument.Field.unit.rawValue) != 0)
        // Link targets in bodies are not words of the text.
        #expect(index.postings("md").isEmpty)
    }

    @Test func spellingsTellMarksApartButNotTonePlacement() throws {
        let (site, index) = try build()
        defer { site.remove() }
        let old = try #require(index.document(named: "Lê Văn Hoà"))
        let new = try #require(index.document(named: "Trần Thị Hòa"))
        let plain = try #require(index.document(named: "Nguyễn Thị Hoa"))
        let hoa = index.postings("hoa")
        let spellingOf = Dictionary(hoa.map { ($0.document, $0.spelling) }, uniquingKeysWith: { first, _ in first })
        #expect(spellingOf[old] != nil && spellingOf[old] == spellingOf[new])
        #expect(spellingOf[plain] != spellingOf[new])
        // "đức" in a body and "Đức" in a name are one key with one spelling.
        let duc = index.postings("duc")
        let person = try #require(duc.first { $0.document == index.document(named: "Phan Anh Đức") })
        let teacher = try #require(duc.first { $0.document == old })
        #expect(person.spelling == teacher.spelling)
        #expect(teacher.mask == 1 << SearchDocument.Field.body.rawValue)
    }

    @Test func shardsCarryTheRowsOfEachKeysBestDocuments() throws {
        var files = Self.files
        // 30 pages hold "mươngx" in their body, 3 in their title: a name outweighs a body.
        for number in 0..<30 {
            files["pages/trang-\(number).md"] = "---\ntitle: Trang \(number)\n---\nNói về mươngx hôm nay.\n"
        }
        for number in 0..<3 {
            files["pages/z-\(number).md"] = "---\ntitle: Mươngx \(number)\n---\nKhác.\n"
        }
        let (site, index) = try build(files)
        defer { site.remove() }
        let shards = try #require(index.manifest["shards"] as? [String])
        func carried(_ key: String) -> [Int: [String]] {
            let number = (shards.lastIndex { !key.unicodeScalars.lexicographicallyPrecedes($0.unicodeScalars) }) ?? 0
            return index.shardRows[number].filter { row in index.postings(key).contains { $0.document == row.key } }
        }
        let common = carried("muongx")
        let titled = index.postings("muongx").filter { $0.mask & 1 != 0 }.map(\.document)
        #expect(titled.count == 3)
        for number in titled { #expect(common[number] != nil, "a document with the word in its name is not carried") }
        // The others are the first in the site's order among equals.
        let body = index.postings("muongx").filter { $0.mask & 1 == 0 }.map(\.document).sorted()
        for number in body.prefix(SearchIndex.rowsPerSpelling - 3) { #expect(common[number] != nil) }
        // A key of few documents carries every one; a row is the document's own.
        let rare = carried("phap")
        #expect(rare.count == index.postings("phap").count)
        for (number, row) in common.merging(rare, uniquingKeysWith: { a, _ in a }) { #expect(row == index.documents[number]) }
    }

    /// Two common words together: the first page of "nguyen van" is none of either word's own
    /// best documents, and a pair shard carries it, as `search.js` ranks it.
    @Test func pairShardsCarryTheBestDocumentsOfTwoCommonWords() throws {
        var files = Self.files
        // Short titles hold one of the two words, or the third word of the long ones: each is
        // a word's best alone. (No numbers: each would be a rare word, carried whole.)
        for number in 0..<30 {
            files["pages/a-\(number).md"] = "---\ntitle: Nguyễn Xa\n---\nKhác.\n"
            files["pages/b-\(number).md"] = "---\ntitle: Văn Xb\n---\nKhác.\n"
            files["pages/e-\(number).md"] = "---\ntitle: Xc\n---\nKhác.\n"
        }
        // Longer titles hold both; bodies hold both too, which weigh less than a title.
        for number in 0..<25 {
            files["pages/c-\(number).md"] = "---\ntitle: Nguyễn Văn Xc\n---\nKhác.\n"
            files["pages/d-\(number).md"] = "---\ntitle: Trang\n---\nNguyễn văn.\n"
        }
        let (site, index) = try build(files)
        defer { site.remove() }
        // What the query shows first, ranked from the postings: both words, heaviest first.
        let weights = Dictionary(grouping: index.postings("nguyen") + index.postings("van"), by: \.document)
            .filter { $0.value.count == 2 }
            .mapValues { $0.reduce(0.0) { $0 + SearchIndex.weights[$1.mask + $1.nameLength * 64] } }
        let first = weights.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(20).map(\.key)
        #expect(first.count == 20)
        let both = Set(index.postings("nguyen").filter { $0.mask & 1 != 0 }.map(\.document))
            .intersection(index.postings("van").filter { $0.mask & 1 != 0 }.map(\.document))
        #expect(Set(first).isSubset(of: both), "a title with both words ranks first")
        let shards = try #require(index.manifest["shards"] as? [String])
        func termRows(_ key: String) -> Set<Int> {
            let number = (shards.lastIndex { !key.unicodeScalars.lexicographicallyPrecedes($0.unicodeScalars) }) ?? 0
            return Set(index.shardRows[number].keys)
        }
        let alone = termRows("nguyen").union(termRows("van"))
        #expect(!Set(first).isSubset(of: alone), "the words' own shards carry the first page already")
        let pairFirsts = try #require(index.manifest["pairs"] as? [String])
        let number = try #require(pairFirsts.lastIndex { !"nguyen van".unicodeScalars.lexicographicallyPrecedes($0.unicodeScalars) })
        #expect(index.pairShards[number].pairs.contains("nguyen van"))
        for document in first { #expect(alone.contains(document) || index.pairShards[number].rows.contains(document)) }
        // Pair shards hold sorted ranges, named by their first pair.
        let ordered: (String, String) -> Bool = { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
        let all = index.pairShards.flatMap(\.pairs)
        #expect(all == all.sorted(by: ordered))
        #expect(pairFirsts == index.pairShards.map { $0.pairs[0] })
        // A rare word's shard carries all its documents: it makes no pair.
        #expect(!all.contains { $0.split(separator: " ").contains("hoa") })
    }

    /// Three common words of a name: the first page of "nguyen van an" is none of each word's
    /// best documents nor of any two of them together, and a triple in the pair shards carries
    /// it, typed without marks and with them.
    @Test func tripleRowsCarryTheFirstPageOfAThreeWordName() throws {
        var files = Self.files
        // Each word's best alone, and each two words' best together, are shorter titles.
        for number in 0..<30 {
            files["pages/a-\(number).md"] = "---\ntitle: Nguyễn Xa\n---\nKhác.\n"
            files["pages/b-\(number).md"] = "---\ntitle: Văn Xa\n---\nKhác.\n"
            files["pages/c-\(number).md"] = "---\ntitle: An Xa\n---\nKhác.\n"
            files["pages/d-\(number).md"] = "---\ntitle: Nguyễn Văn Xb\n---\nKhác.\n"
            files["pages/e-\(number).md"] = "---\ntitle: Văn An Xb\n---\nKhác.\n"
            files["pages/f-\(number).md"] = "---\ntitle: Nguyễn An Xb\n---\nKhác.\n"
        }
        // Names with all three, spelled two ways, and bodies with all three, which weigh less.
        for number in 0..<25 {
            files["pages/g-\(number).md"] = "---\ntitle: Nguyễn Văn An Xc\n---\nKhác.\n"
            files["pages/h-\(number).md"] = "---\ntitle: Nguyễn Văn Ân Xc\n---\nKhác.\n"
            files["pages/i-\(number).md"] = "---\ntitle: Trang\n---\nNguyễn văn an.\n"
        }
        let (site, index) = try build(files)
        defer { site.remove() }
        let words = ["nguyen", "van", "an"]
        let shards = try #require(index.manifest["shards"] as? [String])
        let pairFirsts = try #require(index.manifest["pairs"] as? [String])
        func shard(_ key: String, _ firsts: [String]) -> Int {
            firsts.lastIndex { !key.unicodeScalars.lexicographicallyPrecedes($0.unicodeScalars) } ?? 0
        }
        // What a query of the three shows first, ranked from the postings as search.js ranks:
        // exact spellings (of the words typed with marks), then weight, then document order.
        func firstPage(_ spelled: [String?]) -> [Int] {
            var score: [Int: (words: Int, value: Double)] = [:]
            for (word, spelling) in zip(words, spelled) {
                for posting in index.postings(word) {
                    let exact = posting.spelling == spelling ? 512.0 : 0
                    let value = SearchIndex.weights[posting.mask + posting.nameLength * 64] + exact
                    score[posting.document, default: (0, 0)].words += 1
                    score[posting.document, default: (0, 0)].value += value
                }
            }
            return score.filter { $0.value.words == 3 }
                .sorted { $0.value.value != $1.value.value ? $0.value.value > $1.value.value : $0.key < $1.key }
                .prefix(20).map(\.key)
        }
        let plain = firstPage([nil, nil, nil]), marked = firstPage(["nguyênX", "văn", "ân"])
        #expect(plain.count == 20 && marked.count == 20)
        #expect(plain.allSatisfy { index.documents[$0][1].hasSuffix(" Xc") }, "a name with the three ranks first")
        #expect(marked.allSatisfy { index.documents[$0][1].hasPrefix("Nguyễn Văn Ân") }, "exact spellings rank first")
        #expect(Set(plain) != Set(marked))
        // Neither the three words' term shards nor the best twenty of any two of them (here
        // all in one pair shard with the triple: ranked from the postings) hold the first page.
        var fetched = Set(words.flatMap { index.shardRows[shard($0, shards)].keys })
        for (a, b) in [("nguyen", "van"), ("van", "an"), ("nguyen", "an")] {
            let both = Dictionary(grouping: index.postings(a) + index.postings(b), by: \.document).filter { $0.value.count == 2 }
                .mapValues { $0.reduce(0.0) { $0 + SearchIndex.weights[$1.mask + $1.nameLength * 64] } }
            let best = both.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(20).map(\.key)
            #expect(!best.contains { index.documents[$0][1].hasSuffix(" Xc") })
            fetched.formUnion(best)
        }
        #expect(!Set(plain).isSubset(of: fetched))
        // The triple, named by its keys in key order, carries the rest of both pages.
        let number = shard("an nguyen van", pairFirsts)
        #expect(index.pairShards[number].pairs.contains("an nguyen van"))
        for pair in ["nguyen van", "an van", "an nguyen"] {
            #expect(index.pairShards[shard(pair, pairFirsts)].pairs.contains(pair), "\(pair) is a pair")
            fetched.formUnion(index.pairShards[shard(pair, pairFirsts)].rows)
        }
        fetched.formUnion(index.pairShards[number].rows)
        #expect(Set(plain).isSubset(of: fetched) && Set(marked).isSubset(of: fetched))
        let all = index.pairShards.flatMap(\.pairs)
        #expect(all == all.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) })
    }

    /// A term carries, for each spelling, its heaviest documents, the first in order among equals.
    @Test func aTermCarriesItsBestDocumentsPerSpelling() {
        var term = SearchIndex.Term(key: "hoa")
        let body: Int32 = 1 << 5, name: Int32 = 1 + 3 * 64
        for number in 0..<30 { term.add(number, spelling: 7, rest: number % 10 == 9 ? name : body) }
        for number in 30..<35 { term.add(number, spelling: 8, rest: body) }
        term.chooseCarried()
        let named: [Int32] = [9, 19, 29]
        let expected = Set(named + (0..<30).filter { !named.contains($0) }.prefix(SearchIndex.rowsPerSpelling - 3) + (30..<35))
        #expect(term.carried == expected.sorted())
    }

    /// Patching a term in place gives what adding its documents in order gives, spellings
    /// and their order included.
    @Test func patchedTermIsTheTermMadeFromNothing() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            var postings: [Int: (spelling: Int32, rest: Int32)] = [:]
            for _ in 0..<Int.random(in: 0..<12, using: &random) {
                postings[Int.random(in: 0..<40, using: &random)] = (Int32.random(in: 0..<3, using: &random), Int32.random(in: 1..<512, using: &random))
            }
            func made() -> SearchIndex.Term {
                var term = SearchIndex.Term(key: "k")
                for (number, posting) in postings.sorted(by: { $0.key < $1.key }) { term.add(number, spelling: posting.spelling, rest: posting.rest) }
                return term
            }
            var term = made()
            for _ in 0..<6 {
                let number = Int.random(in: 0..<40, using: &random)
                let posting: (spelling: Int32, rest: Int32)? = Bool.random(using: &random)
                    ? nil : (Int32.random(in: 0..<3, using: &random), Int32.random(in: 1..<512, using: &random))
                postings[number] = posting
                term.patch(number, posting)
                let fresh = made()
                #expect(term.pairs == fresh.pairs && term.spellings == fresh.spellings && term.lastDocument == fresh.lastDocument)
            }
        }
    }

    @Test func shardsCoverSortedKeyRanges() throws {
        var files = Self.files
        // Enough distinct words to need several shards.
        for number in 0..<40 {
            let words = (0..<120).map { "tu\(number)x\($0)" }.joined(separator: " ")
            files["pages/trang-\(number).md"] = "---\ntitle: Trang \(number)\n---\n\(words)\n"
        }
        let (site, index) = try build(files)
        defer { site.remove() }
        let first = try #require(index.manifest["shards"] as? [String])
        #expect(first.count > 2)
        let ordered: (String, String) -> Bool = { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
        for (number, keys) in index.shardKeys.enumerated() {
            #expect(keys.first == first[number])
            if number + 1 < first.count, let last = keys.last { #expect(ordered(last, first[number + 1])) }
        }
        #expect(first == first.sorted(by: ordered))
    }

    @Test func sameSiteSameIndexBytes() throws {
        let (site, _) = try build()
        defer { site.remove() }
        func snapshot() throws -> [String: Data] {
            let folder = site.output.appendingPathComponent("tim-kiem/i")
            var out: [String: Data] = [:]
            for case let url as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) ?? .init() {
                if let data = try? Data(contentsOf: url) { out[url.path] = data }
            }
            return out
        }
        let first = try snapshot()
        try FileManager.default.removeItem(at: site.output)
        _ = site.build()
        #expect(try snapshot() == first)
        #expect(first.count > 3)
    }

    @Test func searchPageAndHeaderBox() throws {
        let (site, _) = try build()
        defer { site.remove() }
        let page = try #require(site.page("tim-kiem/index.html"))
        #expect(page.contains("data-index=\"/dien-hinh/tim-kiem/i/\""))
        #expect(page.contains("search.js"))
        // Without JavaScript the page offers the lists to browse.
        #expect(page.contains("class=\"search-nojs\""))
        #expect(page.contains("href=\"/dien-hinh/ca-nhan/\""))
        let profile = try #require(site.page("ca-nhan/nguyen-thi-hoa/index.html"))
        #expect(profile.contains("action=\"/dien-hinh/tim-kiem/\""))
        #expect(profile.contains("name=\"q\""))
        #expect(!profile.contains("search.js"))
    }

    @Test func aPageCannotTakeTheSearchFolder() throws {
        var files = SiteFixture.basic
        files["pages/tim-kiem.md"] = "---\ntitle: Tìm\n---\nx\n"
        let site = try SiteFixture(files)
        defer { site.remove() }
        let report = site.build()
        #expect(report.diagnostics.contains { $0.code == "url-collision" && $0.file.contains("tim-kiem") })
    }
}
