@testable import ExemplarCore
import Foundation
import Testing

/// `Body.bytes`, what Markdown renders, is the text `Body.read` gives, whichever way the
/// file is read: cut as bytes when plain, else decoded, normalised and split.
@Suite struct BodyReadTests {
    @Test func bytesAreTheTextReadGives() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("body-read-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let head = "---\nname: Đặng Thị Thu\n---\n"
        let body = "## Kết quả\n\nChị **Thu** (Đồng Hới) | cùng [tập thể](../collectives/x.md) – “mới”.\n"
        let cases: [(name: String, bytes: [UInt8])] = [
            ("plain", Array((head + body).utf8)),
            ("bom", [0xEF, 0xBB, 0xBF] + Array((head + body).utf8)),
            ("nfd", Array((head + body).decomposedStringWithCanonicalMapping.utf8)),
            ("crlf", Array((head + body).replacingOccurrences(of: "\n", with: "\r\n").utf8)),
            ("other script", Array((head + body + "漢字 😀").utf8)),
            ("empty body", Array(head.utf8)),
        ]
        for (name, bytes) in cases {
            let url = folder.appendingPathComponent(name + ".md")
            try Data(bytes).write(to: url)
            let text = try SourceText.decode(Data(bytes))
            let loaded = try FrontMatter.split(text)
            let stored = Body(markdown: loaded.body, firstLine: loaded.bodyFirstLine).stored(in: url)
            #expect(try stored.bytes().get() == Array(loaded.body.utf8), "\(name)")
            #expect(try stored.bytes().get() == Array(stored.read().get().utf8), "\(name)")
        }
        // Edited since loading, the body on another line, or gone: what `read` says.
        let plain = folder.appendingPathComponent("plain.md")
        #expect(Body(markdown: body, firstLine: 3).stored(in: plain).bytes() == .failure(.changed))
        let gone = Body(markdown: body, firstLine: 4).stored(in: folder.appendingPathComponent("gone.md"))
        guard case .failure(.unreadable) = gone.bytes() else {
            Issue.record("a file that is gone reads as unreadable")
            return
        }
    }
}
