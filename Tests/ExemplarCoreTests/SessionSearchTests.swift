@testable import ExemplarCore
import Foundation
import Testing

/// A kept session updates the search index: an edit reads again only the documents it
/// touched, and the index files are the bytes a fresh build writes.
@Suite(.serialized) struct SessionSearchTests {
    @Test func bodyEditReadsOneDocumentAndTheIndexIsAFreshBuilds() throws {
        let lab = try SampleLab()
        defer { lab.remove() }
        let session = SiteSession(options: lab.options)
        let first = session.build()
        #expect(first.succeeded)
        #expect(first.searchDocumentsMade > 20)

        let profile = try #require(FileManager.default.contentsOfDirectory(atPath: lab.content.appendingPathComponent("individuals").path)
            .filter { $0.hasSuffix(".md") }.sorted().first)
        let file = lab.content.appendingPathComponent("individuals/\(profile)")
        let original = try String(contentsOf: file, encoding: .utf8)
        try Data((original + "\nĐoàn viên gọi chị là Zyxwợt.\n").utf8).write(to: file)
        let edited = session.build(changes: [ChangedPath(file)])
        #expect(edited.succeeded)
        #expect(edited.searchDocumentsMade == 1)
        let index = try lab.tree("public").filter { $0.key.hasPrefix("tim-kiem/i/") }
        #expect(index.contains { String(decoding: $0.value, as: UTF8.self).contains("\"zyxwot\":") }, "the new word is a key of the index")
        try expectFreshIndex(lab)

        // A new name moves the person in the lists and in the index: documents are renumbered.
        try Data(original.replacingOccurrences(of: "\nname: ", with: "\nname: Âu ").utf8).write(to: file)
        let renamed = session.build(changes: [ChangedPath(file)])
        #expect(renamed.succeeded)
        #expect(renamed.searchDocumentsMade < first.searchDocumentsMade / 2)
        try expectFreshIndex(lab)
    }

    /// A unit renamed moves in the unit order, which every document's unit filter value
    /// follows: only the documents that show its name are made again, and the filters' file
    /// is written with the new order, as a fresh build writes it.
    @Test func unitRenameMakesAgainOnlyTheDocumentsShowingItsName() throws {
        let lab = try SampleLab()
        defer { lab.remove() }
        let session = SiteSession(options: lab.options)
        let first = session.build()
        #expect(first.succeeded)
        let units = lab.content.appendingPathComponent("units.yml")
        let original = try String(contentsOf: units, encoding: .utf8)
        let renamed = original.replacingOccurrences(of: "  name: Ban Nữ công\n", with: "  name: Ấp Nữ công\n")
        #expect(renamed != original)
        try Data(renamed.utf8).write(to: units)
        let rename = session.build(changes: [ChangedPath(units)])
        #expect(rename.succeeded)
        #expect(rename.searchDocumentsMade > 0)
        #expect(rename.searchDocumentsMade < first.searchDocumentsMade / 2)
        try expectFreshIndex(lab)
    }

    /// Pair shards follow edits too: a body that gains the two words, a title that becomes a
    /// name holding both; each time the files are a fresh build's.
    @Test func pairShardsFollowEdits() throws {
        let lab = try SampleLab()
        defer { lab.remove() }
        let pages = lab.content.appendingPathComponent("pages")
        func page(_ name: String, _ title: String, _ body: String = "Khác.") throws { try Self.page(pages, name, title, body) }
        // As in SearchTests: each word's best alone are short titles; titles with both rank first.
        for number in 0..<30 {
            try page("a-\(number)", "Nguyễn Xa")
            try page("b-\(number)", "Văn Xb")
            try page("e-\(number)", "Xc")
        }
        for number in 0..<25 { try page("c-\(number)", "Nguyễn Văn Xc") }
        let session = SiteSession(options: lab.options)
        #expect(session.build().succeeded)
        let built = try lab.tree("public")
        #expect(built["tim-kiem/i/p/0.json"].map { String(decoding: $0, as: UTF8.self).contains("\"nguyen van\"") } == true)

        try page("c-3", "Nguyễn Văn Xc", "Nguyễn Văn nói.")
        let body = session.build(changes: [ChangedPath(pages.appendingPathComponent("c-3.md"))])
        #expect(body.succeeded)
        #expect(body.searchDocumentsMade == 1)
        try expectFreshIndex(lab)

        try page("e-7", "Nguyễn Văn")
        let title = session.build(changes: [ChangedPath(pages.appendingPathComponent("e-7.md"))])
        #expect(title.succeeded)
        try expectFreshIndex(lab)
    }

    /// Triples follow edits: a body that gains the third word, a title that gains it, a title
    /// that loses it; each time the files are a fresh build's.
    @Test func tripleRowsFollowEdits() throws {
        let lab = try SampleLab()
        defer { lab.remove() }
        let pages = lab.content.appendingPathComponent("pages")
        func page(_ name: String, _ title: String, _ body: String = "Khác.") throws { try Self.page(pages, name, title, body) }
        // As in SearchTests: each word's and each two words' best are shorter titles.
        for number in 0..<30 {
            try page("a-\(number)", "Nguyễn Xa")
            try page("b-\(number)", "Văn Xa")
            try page("c-\(number)", "An Xa")
            try page("d-\(number)", "Nguyễn Văn Xb")
            try page("e-\(number)", "Văn An Xb")
            try page("f-\(number)", "Nguyễn An Xb")
        }
        for number in 0..<25 { try page("g-\(number)", "Nguyễn Văn An Xc") }
        let session = SiteSession(options: lab.options)
        #expect(session.build().succeeded)
        let built = try lab.tree("public").filter { $0.key.hasPrefix("tim-kiem/i/p/") }
        #expect(built.values.contains { String(decoding: $0, as: UTF8.self).contains("\"an nguyen van\"") })

        for (name, title, body) in [("d-3", "Nguyễn Văn Xb", "An nói."), ("d-4", "Nguyễn Văn An", "Khác."),
                                    ("g-5", "Nguyễn Văn Xc", "Khác."), ("g-6", "Nguyễn Văn Ân Xc", "Khác.")] {
            try page(name, title, body)
            let edit = session.build(changes: [ChangedPath(pages.appendingPathComponent(name + ".md"))])
            #expect(edit.succeeded)
            try expectFreshIndex(lab)
        }
    }

    /// A build that keeps nothing writes the index's files as they are made, not all at the
    /// end: the same files, counted the same, as a kept session writes, pairs and triples too.
    @Test func cleanBuildWritesTheIndexAKeptSessionWrites() throws {
        let lab = try SampleLab()
        defer { lab.remove() }
        let pages = lab.content.appendingPathComponent("pages")
        for number in 0..<30 {
            try Self.page(pages, "a-\(number)", "Nguyễn Xa")
            try Self.page(pages, "b-\(number)", "Văn Xa")
            try Self.page(pages, "c-\(number)", "An Xb")
        }
        for number in 0..<25 { try Self.page(pages, "g-\(number)", "Nguyễn Văn An Xc") }
        let kept = SiteSession(options: lab.options).build()
        #expect(kept.succeeded)
        var options = lab.options
        options.output = lab.root.appendingPathComponent("clean")
        let clean = SiteSession(options: options, keepsPages: false).build()
        #expect(clean.succeeded)
        #expect(clean.filesWritten == kept.filesWritten)
        let ours = try lab.tree("clean").filter { $0.key.hasPrefix("tim-kiem/") }
        let theirs = try lab.tree("public").filter { $0.key.hasPrefix("tim-kiem/") }
        #expect(ours.keys.contains("tim-kiem/i/p/0.json") && ours.keys.contains("tim-kiem/i/t/1.json"))
        let differing = Set(ours.keys).union(theirs.keys).filter { ours[$0] != theirs[$0] }.sorted()
        #expect(differing.isEmpty, "index files differ from a kept session's: \(differing.prefix(5))")
    }

    /// Writes the free page `name` with `title` and `body`.
    static func page(_ pages: URL, _ name: String, _ title: String, _ body: String = "Khác.") throws {
        try Data("---\ntitle: \(title)\n---\n\(body)\n".utf8).write(to: pages.appendingPathComponent(name + ".md"))
    }

    /// The session's published index is the one a fresh build of the same content writes.
    func expectFreshIndex(_ lab: SampleLab) throws {
        let fresh = try lab.freshTree().filter { $0.key.hasPrefix("tim-kiem/") }
        let ours = try lab.tree("public").filter { $0.key.hasPrefix("tim-kiem/") }
        let differing = Set(fresh.keys).union(ours.keys).filter { fresh[$0] != ours[$0] }.sorted()
        #expect(differing.isEmpty, "index files differ from a fresh build: \(differing.prefix(5))")
    }
}
