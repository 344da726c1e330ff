// The normal build's entry point: replays saved inputs (crash files, corpus entries)
// through the same `fuzz` function libFuzzer calls, to reproduce and debug a finding
// without the fuzzer:
//
//     swift run ExemplarFuzz .build-fuzz/artifacts/crash-1234abcd
//     swift run ExemplarFuzz .build-fuzz/corpus            # every file in a folder
//
// Under the fuzzer build (`-D FUZZING`, see scripts/fuzz.sh) this file compiles to nothing:
// libFuzzer brings its own `main`, which calls `LLVMFuzzerTestOneInput`.
#if !FUZZING
import ExemplarCore
import Foundation

@main
struct Replay {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let verbose = arguments.contains("-v") || arguments.contains("--verbose")
        let paths = arguments.filter { !$0.hasPrefix("-") }
        if paths.isEmpty || arguments.contains("-h") || arguments.contains("--help") {
            print("""
                usage: ExemplarFuzz [-v] FILE|FOLDER...
                Replays fuzzer inputs (first byte: folder, mod 5 of \(fuzzFolders.joined(separator: "|")); \
                the rest: the file) through ContentLoader.readItem and checks its invariants.
                Aborts with a message on the first violated invariant. The fuzzer itself: scripts/fuzz.sh.
                """)
            exit(paths.isEmpty ? 2 : 0)
        }
        var count = 0
        for path in paths {
            for file in files(at: path) {
                guard let data = FileManager.default.contents(atPath: file) else {
                    FileHandle.standardError.write(Data("cannot read \(file)\n".utf8))
                    exit(1)
                }
                if verbose { describe(data, file: file) }
                let bytes = [UInt8](data)
                _ = bytes.withUnsafeBufferPointer { buffer in
                    // A non-null pointer even for an empty input, as libFuzzer passes.
                    fuzz(buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!, buffer.count)
                }
                count += 1
            }
        }
        print("ok: \(count) input(s) replayed, no invariant violated")
    }

    /// The file itself, or every regular file under a folder, in a stable order.
    static func files(at path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            FileHandle.standardError.write(Data("no such file: \(path)\n".utf8))
            exit(1)
        }
        guard isDirectory.boolValue else { return [path] }
        let names = (try? FileManager.default.subpathsOfDirectory(atPath: path)) ?? []
        return names.sorted().map { "\(path)/\($0)" }.filter {
            var isDir: ObjCBool = false
            return FileManager.default.fileExists(atPath: $0, isDirectory: &isDir) && !isDir.boolValue
        }
    }

    /// Prints what readItem makes of one input, for a human looking at a finding.
    static func describe(_ data: Data, file: String) {
        guard let first = data.first else { print("\(file): empty input (skipped by the fuzzer)"); return }
        let folder = fuzzFolders[Int(first) % fuzzFolders.count]
        let (item, diagnostics) = ContentLoader.readItem(bytes: data.dropFirst(), folder: folder, id: fuzzID)
        print("\(file): folder \(folder), \(data.count - 1) byte(s), item: \(item.map { "\($0)".prefix(60) } ?? "none")")
        for d in diagnostics {
            print("  \(d.severity) [\(d.code)] \(d.file):\(d.line):\(d.column) \(d.message)")
        }
    }
}
#endif
