import Foundation
import Testing

/// libvips is opened at run time, so `Sources/CVips/shim.h` declares the functions and
/// constants it uses itself instead of including libvips' headers. This compiles those
/// declarations against the installed headers (libvips-dev) with the toolchain's clang: a
/// function whose type drifted or a constant with another value fails here, not as a wrong
/// picture or a crash.
@Suite struct VipsDeclarationTests {
    /// Declared more loosely than the header, with the same calling convention: a pointer
    /// type for a libvips struct, `const` left out, an enum passed as `int`, a result ignored.
    static let loose: [String: String] = [
        "image_get_int": "the image is passed without const",
        "array_double_new": "the array is kept as void *",
        "area_unref": "the array is passed as void *",
        "object_ref": "the object returned is not used",
        "compute_checksum_for_data": "GChecksumType is passed as int",
    ]

    /// The shim's constants and the header's names for them.
    static let constants = [
        ("EXEMPLAR_ACCESS_SEQUENTIAL", "VIPS_ACCESS_SEQUENTIAL"), ("EXEMPLAR_SIZE_DOWN", "VIPS_SIZE_DOWN"),
        ("EXEMPLAR_INTERESTING_CENTRE", "VIPS_INTERESTING_CENTRE"), ("EXEMPLAR_INTERESTING_ATTENTION", "VIPS_INTERESTING_ATTENTION"),
        ("EXEMPLAR_LOG_LEVEL_WARNING", "G_LOG_LEVEL_WARNING"), ("EXEMPLAR_CHECKSUM_SHA256", "G_CHECKSUM_SHA256"),
    ]

    @Test func theShimDeclaresLibvipsAsItsHeadersDo() throws {
        let shim = SiteFixture.repository.appendingPathComponent("Sources/CVips/shim.h")
        let text = try String(contentsOf: shim, encoding: .utf8)
        // `{(void **)&exemplar_vips.FIELD, "symbol"}`: each function the shim looks up.
        let pattern = try NSRegularExpression(pattern: #"\{\(void \*\*\)&exemplar_vips\.(\w+), "(\w+)"\}"#)
        let lookups = pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match -> (String, String)? in
            guard let field = Range(match.range(at: 1), in: text), let symbol = Range(match.range(at: 2), in: text) else { return nil }
            return (String(text[field]), String(text[symbol]))
        }
        #expect(lookups.count >= 20, "the shim's lookup table was not found")
        for field in Self.loose.keys { #expect(lookups.contains { $0.0 == field }, "\(field) is no longer looked up") }

        var lines = ["#include <vips/vips.h>", "#include \"\(shim.path)\""]
        for (field, symbol) in lookups {
            let declared = "__typeof__(((struct exemplar_vips_api *)0)->\(field))"
            if Self.loose[field] == nil {
                lines.append("_Static_assert(__builtin_types_compatible_p(\(declared), __typeof__(&\(symbol))), \"\(field) is not declared as \(symbol)\");")
            } else {
                // At least the symbol exists, and a pointer of its size is stored.
                lines.append("_Static_assert(sizeof(&\(symbol)) == sizeof(\(declared)), \"\(field)\");")
            }
        }
        for (ours, theirs) in Self.constants {
            #expect(text.contains(ours), "\(ours) is no longer in the shim")
            lines.append("_Static_assert(\(ours) == \(theirs), \"\(ours) differs from \(theirs)\");")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vips-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("check.c")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: source)

        let flags = try Self.run(["pkg-config", "--cflags", "vips"])
        #expect(flags.status == 0, "pkg-config vips: \(flags.output) (scripts/setup.sh installs libvips-dev)")
        let arguments = flags.output.split(whereSeparator: \.isWhitespace).map(String.init)
        let compiled = try Self.run(["clang", "-std=gnu11", "-fsyntax-only"] + arguments + [source.path])
        #expect(compiled.status == 0, "\(compiled.output)")
    }

    private static func run(_ command: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
