@testable import ExemplarCore
import Foundation
import Testing

@Suite struct TextTests {
    @Test func slugsMapDToD() {
        #expect(VietnameseText.slug("Công đoàn ngành Y tế") == "cong-doan-nganh-y-te")
        #expect(VietnameseText.slug("LĐLĐ huyện Lệ Thủy") == "ldld-huyen-le-thuy")
        #expect(VietnameseText.slug("  Đặng Thị Ánh -- 2020! ") == "dang-thi-anh-2020")
    }

    /// Ids and file names: lower-case ASCII letters and digits joined by single dashes.
    @Test func slugsAreLettersAndDigitsJoinedBySingleDashes() {
        for good in ["a", "cong-doan-y-te", "2020", "x-1-y"] { #expect(VietnameseText.isSlug(good), "\(good)") }
        for bad in ["", "-", "-a", "a-", "a--b", "A", "cong doan", "công-đoàn", "a_b", "a/b", "../x"] {
            #expect(!VietnameseText.isSlug(bad), "\(bad)")
        }
        // Against the rule as written in words, on random strings of the characters that matter.
        var random = SplitMix(seed: 16)
        let letters = Array("ab09-_ Aé-")
        for _ in 0..<2_000 {
            let text = String((0..<Int.random(in: 0...6, using: &random)).map { _ in letters.randomElement(using: &random)! })
            let rule = !text.isEmpty && text.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
                && text.first != "-" && text.last != "-" && text.range(of: "--") == nil
            #expect(VietnameseText.isSlug(text) == rule, "\(text)")
        }
    }

    @Test func foldingIgnoresTonePlacementAndNormalForm() {
        let decomposed = "Hòa".decomposedStringWithCanonicalMapping
        #expect(VietnameseText.fold("Hòa") == VietnameseText.fold("Hoà"))
        #expect(VietnameseText.fold(decomposed) == "hoa")
        #expect(VietnameseText.nfc(decomposed) == "Hòa")
        #expect(VietnameseText.fold("ĐẶNG Thị ÂN, Ấp Ưu-12") == "dang thi an, ap uu-12")
        #expect(VietnameseText.fold("CĐCS Trường THPT") == "cdcs truong thpt")
        #expect(VietnameseText.fold("ABC-12 x") == "abc-12 x")
    }

    /// The letter table gives what decomposing the whole text gives, for every letter of its
    /// blocks alone and in texts mixing them with marks, capitals and other scripts.
    @Test func foldTableAgreesWithDecomposing() {
        for value in Array(0x00C0...0x036F) + Array(0x1E00...0x1EFF) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "A" + String(Character(scalar)) + "z"
            #expect(VietnameseText.fold(text) == VietnameseText.foldDecomposing(text), "U+\(String(value, radix: 16))")
        }
        let texts = ["Nguyễn Thị Hoà", "ĐẶNG Thị ÂN", "Ǆemal Æsir ŉ", "e\u{301}\u{323}a\u{0340}", "Ωmega Ấp", "ﬁ Ⅻ ǅ", "Kelvin \u{212A}"]
        for text in texts {
            #expect(VietnameseText.fold(text) == VietnameseText.foldDecomposing(text), "\(text)")
            #expect(VietnameseText.slug(text) == VietnameseText.slug(VietnameseText.foldDecomposing(text)), "\(text)")
        }
    }

    @Test func peopleSortByGivenNameWithVietnameseCollation() {
        let names = ["Trần Văn Đức", "Nguyễn Thị Ánh", "Lê Văn Dũng", "Phạm Thị An", "Hoàng Văn Ân", "Bùi Thị Ư", "Võ Văn Ửng", "Nguyễn Văn Uy"]
        let sorted = names.sorted(by: VietnameseText.personOrder)
        #expect(sorted == ["Phạm Thị An", "Nguyễn Thị Ánh", "Hoàng Văn Ân", "Lê Văn Dũng", "Trần Văn Đức", "Nguyễn Văn Uy", "Bùi Thị Ư", "Võ Văn Ửng"])
        // Same given name: family name decides.
        #expect(["Trần Thị Hoa", "Lê Thị Hoa"].sorted(by: VietnameseText.personOrder) == ["Lê Thị Hoa", "Trần Thị Hoa"])
    }

    @Test func datesInVietnameseStyle() throws {
        #expect(try #require(CalendarDate(iso: "2016-09-06")).vietnamese == "06/9/2016")
        #expect(try #require(CalendarDate(iso: "2018-03-01")).vietnamese == "01/3/2018")
        #expect(try #require(CalendarDate(iso: "2018-02-15")).vietnamese == "15/02/2018")
        for iso in ["2018-03-01", "2016-12-31", "2020-10-09", "2019-01-10"] {
            #expect(try #require(CalendarDate(iso: iso)).iso == iso)
        }
        #expect(try #require(CalendarDate(iso: "2016-12-31")).vietnamese == "31/12/2016")
        // As `Int` reads each part: an optional `+`, ASCII digits only.
        #expect(CalendarDate(iso: "+201-3-4") == CalendarDate(year: 201, month: 3, day: 4))
        #expect(CalendarDate(iso: "2019-+3-04") == CalendarDate(year: 2019, month: 3, day: 4))
        for bad in ["19-03-04", "2019-003-04", "2019--04", "2019-03-04-05", "2019-03", "２０１９-03-04", "2019-0x-04", "+-03-04", "20190304", ""] {
            #expect(CalendarDate(iso: bad) == nil, "\(bad)")
        }
        #expect(CalendarDate(iso: "2019-02-29") == nil)
        #expect(CalendarDate(iso: "2020-02-29") != nil)
        #expect(CalendarDate(iso: "2020-13-01") == nil)
    }

    @Test func frontMatterSplitsOnFenceLinesOnly() throws {
        let parts = try FrontMatter.split("---\ntitle: a---b\n---  \nBody\n\n---\nmore\n")
        #expect(parts.yaml == "title: a---b")
        #expect(parts.bodyFirstLine == 4)
        #expect(parts.body == "Body\n\n---\nmore\n")
        #expect(throws: FrontMatter.Failure.missingClosingFence) { try FrontMatter.split("---\ntitle: x\n") }
        #expect(throws: FrontMatter.Failure.missingOpeningFence) { try FrontMatter.split("title: x\n---\n") }
    }

    @Test func didYouMean() {
        #expect(Suggestion.closest(to: "superviser", among: ["supervisor", "summary"]) == "supervisor")
        #expect(Suggestion.closest(to: "xyz", among: ["supervisor"]) == nil)
    }
}

@Suite struct CollationTests {
    /// Dictionary order: letters first (a ă â, d đ, e ê, o ô ơ, u ư), then tones
    /// (ngang, huyền, hỏi, ngã, sắc, nặng) at the first letter that differs, then case.
    @Test func keyFollowsVietnameseDictionaryOrder() {
        let expected = ["an", "àn", "ản", "ãn", "án", "ạn", "anh", "ánh", "ăn", "ằn", "ân", "ấn", "ba", "bà", "bả", "bã", "bá", "bạ",
                        "da", "dũng", "dứa", "đa", "đà", "đức", "e", "ê", "ề", "ế", "ho", "hoa", "Hoa", "hoà", "hòa", "hỏa",
                        "hô", "hồ", "hơ", "hờ", "nguyen", "Nguyễn", "u", "uy", "ư", "ửng", "y", "ý"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<10 {
            #expect(expected.shuffled(using: &rng).sorted { CollationKey($0) < CollationKey($1) } == expected)
        }
        // NFD input sorts the same as NFC.
        #expect(CollationKey("Đức".decomposedStringWithCanonicalMapping) == CollationKey("Đức"))
    }

    /// Letter by letter by table, or the whole text by Foundation when a scalar is not in it.
    @Test func latinDecompositionIsCanonicalDecomposition() {
        let letters = [0x0080...0x024F, 0x1E00...0x1EFF, 0x2000...0x206F].flatMap { $0.map { String(UnicodeScalar($0)!) } }
        let texts = letters + ["Nguyễn Thị Ánh Hồng", "Đặng Ửng", "e\u{0323}\u{0302}", "ệ\u{0301}", "Ơ\u{0327}\u{031B}a", "漢字 ỗ", "ı̇ ǅ Ǆ"]
        for text in texts {
            #expect(LatinDecomposition.shared.decompose(text) == Array(text.decomposedStringWithCanonicalMapping.unicodeScalars), "\(text)")
        }
    }

    @Test func nfcFastPathOnlyAcceptsTextThatIsAlreadyNFC() {
        for value in Array(0..<0x300) + Array(0x1E00...0x1EFF) + Array(0x2002...0x206F) + Array(0x20A0...0x20CF) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a" + String(scalar) + "b"
            #expect(VietnameseText.isSurelyNFC(text))
            #expect(text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(text.unicodeScalars), "U+\(String(value, radix: 16))")
        }
        #expect(!VietnameseText.isSurelyNFC("Hòa".decomposedStringWithCanonicalMapping))
        // Just outside each block, and beyond the Basic Multilingual Plane.
        for value in [0x300, 0x1DFF, 0x1F00, 0x2001, 0x2070, 0x209F, 0x20D0, 0x3000, 0x1F600] {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(!VietnameseText.isSurelyNFC("a" + String(scalar) + "b"), "U+\(String(value, radix: 16))")
        }
        #expect(VietnameseText.nfc("Hòa".decomposedStringWithCanonicalMapping) == "Hòa")
    }

    /// Each break becomes `\n`; letters whose UTF-8 bytes end like U+0085 or U+2028 stay.
    @Test func lineBreaksBecomeNewlines() {
        #expect(SourceText.unixLineEnds("Vũ\u{85}Ẩn\u{2028}ũ\u{2029}\r\nđ\r") == "Vũ\nẨn\nũ\n\nđ\n")
        #expect(SourceText.unixLineEnds("Vũ Thị Ẩn ẨẪẬ ũ") == "Vũ Thị Ẩn ẨẪẬ ũ")
        for separator in ["\u{85}", "\u{2028}", "\u{2029}", "\r"] {
            #expect(SourceText.unixLineEnds("Vũ" + separator + "Ẩn") == "Vũ\nẨn")
            // The same lead bytes in other characters before it: quotes, dashes, ©, a no-break space.
            #expect(SourceText.unixLineEnds("“Vũ” – ©\u{A0}…" + separator) == "“Vũ” – ©\u{A0}…\n")
        }
        #expect(SourceText.unixLineEnds("“Vũ” – ©\u{A0}… ễ ẩ") == "“Vũ” – ©\u{A0}… ễ ẩ")
    }
}
