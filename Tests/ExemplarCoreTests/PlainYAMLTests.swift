@testable import ExemplarCore
import Foundation
import Testing
import Yams

/// The quick front-matter reader must give exactly Yams's nodes whenever it reads a text,
/// and leave to Yams whatever it does not read the same way.
@Suite struct PlainYAMLTests {
    /// What of a node the readers use: kind, strings, scalar styles, marks, order.
    private static func shape(_ node: FieldNode) -> String {
        let mark = node.mark.map { "@\($0.line):\($0.column)" } ?? "@-"
        switch node {
        case .scalar(let text, let style, _): return "s\(style.rawValue)\(mark)\(text.debugDescription)"
        case .sequence(let sequence, _): return "q\(mark)[" + sequence.map(shape).joined(separator: ",") + "]"
        case .mapping(let mapping, _, let text):
            return "m\(mark)\(text ?? ""){" + mapping.map { shape($0.key) + ":" + shape($0.value) }.joined(separator: ",") + "}"
        case .other: return "alias"
        }
    }

    /// Nil when Yams refuses the text.
    private static func yams(_ yaml: String) -> String? {
        (try? Yams.compose(yaml: yaml, .basic, .default, .utf8)).flatMap { $0 }.map { shape(FieldNode($0)) }
    }

    /// Whether the quick reader agrees with Yams on `yaml`: same nodes, or it gave up.
    /// Returns whether it read the text.
    @discardableResult
    private static func check(_ yaml: String, _ comment: Comment? = nil) -> Bool {
        guard let quick = PlainYAML.parse(yaml) else { return false }
        #expect(shape(quick) == yams(yaml), comment ?? Comment(rawValue: yaml.debugDescription))
        return true
    }

    private static let typical = """
        name: "Bùi Anh Hoàng"
        unit: cong-doan-co-so-xuan-thanh
        position: "Ủy viên Ủy ban Kiểm tra"
        fields: []
        registered: 2017-02-07
        selection: { decision: "97/QĐ-LĐLĐ", date: 2017-03-01 }
        years: [2017, 2018]
        criteria: [chap-hanh, hoan-thanh-xuat-sac]   # các tiêu chí
        awards:
          - { award: bang-khen-ldld-tinh, year: 2017, decision: "364/QĐ-LĐLĐ", date: 2017-05-07 }
          - { award: bang-khen-ubnd-tinh, year: 2017 }

        # ghi chú
        summary: 'Cán bộ công đoàn, "điển hình" #1'
        contact:
          phone: 0912 345 678
          email: a@b.vn
        tags:
        - an-toan-lao-dong
        - nu-cong
        draft: false
        """

    @Test func readsTypicalFrontMatterAsYamsDoes() {
        #expect(Self.check(Self.typical))
    }

    @Test func readsEveryContentFileOfTheSampleAsYamsDoes() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("content")
        var read = 0
        var files = 0
        for case let url as URL in FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!
        where url.pathExtension == "md" || url.pathExtension == "yml" {
            let text = try String(contentsOf: url, encoding: .utf8)
            let yaml = url.pathExtension == "yml" ? text : ((try? FrontMatter.split(text))?.yaml ?? "")
            files += 1
            if Self.check(yaml, Comment(rawValue: url.path)) { read += 1 }
        }
        // Most of the sample is read without Yams: the quick path is not dead code.
        #expect(files > 10 && read * 2 > files, "\(read) of \(files)")
    }

    @Test func leavesWhatItDoesNotReadTheSameWayToYams() {
        let unusual = [
            "a: b: c", "a: [b, c", "a: \"x\\ty\"", "a: 'it''s'", "a: &x b\nc: *x", "a: !!str 1", "a: |\n  x\n",
            "a: b\n  c", "a:\n", "a: x\na: y", "a: { b: 1, b: 2 }", "- a\n- b", "a:\tb", "a: b\r\nc: d", "a: -1",
            "a: [b, ]", "a: {b}", "a: { b:c }", "a: \"x\" y", "a:\n  - b: c", "a: ?x", "a: b #c\n  d", "a: \u{85}",
            "---\na: b", "a: b\n...\n", "a: b\n b: c", "a:\n  b: c\n d: e", "a: %x", "a: @x", "a: `x`", "a: [b, [c]]x",
        ]
        for yaml in unusual { Self.check(yaml) }
        #expect(PlainYAML.parse("a: b: c") == nil)
        #expect(PlainYAML.parse("a: x\na: y") == nil)
        #expect(PlainYAML.parse("a:\n") == nil)
    }

    /// Changes of the typical text at random places, with YAML's meaningful characters: every
    /// variant the quick reader reads must be read as Yams reads it.
    @Test func agreesWithYamsOnThousandsOfVariants() {
        let pieces = [":", ": ", " ", "  ", "\n", "\n  ", "#", " #", "-", "- ", "[", "]", "{", "}", ",", "\"", "'", "\\", "&", "*",
                      "!", "|", ">", "?", "%", "@", "`", "Ơ", "ạ", "x", "1", "\t", "---", "...", "\u{2028}", "\u{FEFF}"]
        var generator = SplitMix(seed: 2016)
        let base = Array(Self.typical.unicodeScalars)
        var read = 0
        for _ in 0..<4000 {
            var scalars = base
            for _ in 0..<(1 + Int(generator.next() % 3)) {
                let at = Int(generator.next() % UInt64(scalars.count + 1))
                switch generator.next() % 3 {
                case 0 where at < scalars.count: scalars.remove(at: at)
                default: scalars.insert(contentsOf: pieces[Int(generator.next() % UInt64(pieces.count))].unicodeScalars, at: at)
                }
            }
            var text = String.UnicodeScalarView()
            text.append(contentsOf: scalars)
            if Self.check(String(text)) { read += 1 }
        }
        #expect(read > 400, "\(read) variants read")
    }
}
