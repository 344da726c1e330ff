import ExemplarCore
import Foundation

/// The folders an item can come from; the first input byte picks one (mod 5).
let fuzzFolders = ["collectives", "individuals", "models", "events", "pages"]
/// The id every fuzzed item is read under, as if the file were `content/<folder>/fuzz-item.md`.
let fuzzID = "fuzz-item"

/// libFuzzer's entry point: byte 0 chooses the folder, the rest is the file's bytes.
///
/// Runs the whole per-file path (`ContentLoader.readItem`) and stops the process when a
/// result breaks one of the loader's promises, so libFuzzer saves the input as a crash.
/// The normal (non-fuzzer) build replays files through this same function; see `Replay.swift`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let folder = fuzzFolders[Int(data[0]) % fuzzFolders.count]
    let bytes = Data(bytes: data + 1, count: size - 1)
    let (item, diagnostics) = ContentLoader.readItem(bytes: bytes, folder: folder, id: fuzzID)
    checkInvariants(bytes: bytes, folder: folder, item: item, diagnostics: diagnostics)
    return 0
}

/// What `readItem` promises whatever the bytes are. A failure here is a bug in ExemplarCore.
func checkInvariants(bytes: Data, folder: String, item: ContentLoader.Item?, diagnostics: [Diagnostic]) {
    let path = "content/\(folder)/\(fuzzID).md"
    // A diagnostic may point one past the last line (e.g. "unexpected end of file"), not further.
    let lineCount = lines(in: bytes)

    for d in diagnostics {
        let what = { "diagnostic [\(d.code)] \(d.file):\(d.line):\(d.column) \"\(d.message)\"" }
        check(!d.file.isEmpty, "empty file in \(what())")
        check(d.file == path, "diagnostic names \"\(d.file)\", expected \"\(path)\": \(what())")
        check(!d.message.isEmpty, "empty message in \(what())")
        check(!d.code.isEmpty, "empty code in \(what())")
        check(d.line >= 0, "negative line in \(what())")
        check(d.column >= 0, "negative column in \(what())")
        check(d.line <= lineCount + 1, "line beyond the end of a \(lineCount)-line file in \(what())")
        if let hint = d.hint { check(!hint.isEmpty, "empty hint in \(what())") }
    }

    guard let item else {
        // Refusing a file silently would lose it from the site without telling anyone.
        check(diagnostics.hasErrors, "no item and no error for folder \(folder)")
        return
    }
    let (kind, id): (String, String)
    switch item {
    case .exemplar(let e):
        kind = "exemplar"; id = e.id
        let expected: Exemplar.Kind = folder == "collectives" ? .collective : .individual
        check(e.kind == expected, "exemplar of kind \(e.kind) read from folder \(folder)")
        check(folder == "collectives" || folder == "individuals", "exemplar read from folder \(folder)")
    case .initiative(let i):
        kind = "initiative"; id = i.id
        check(folder == "models", "initiative read from folder \(folder)")
    case .event(let e):
        kind = "event"; id = e.id
        check(folder == "events", "event read from folder \(folder)")
    case .page(let p):
        kind = "page"; id = p.id
        check(folder == "pages", "page read from folder \(folder)")
    }
    check(id == fuzzID, "\(kind) has id \"\(id)\", expected \"\(fuzzID)\"")
}

/// Diagnostic lines are checked against the file's line count with every line break counted
/// (`\n`, `\r\n`, a lone `\r`, U+0085, U+2028, U+2029): the loader turns each into `\n`, so
/// lines agree with what an editor shows. `EXEMPLAR_FUZZ_STRICT_LINES=1` counts `\n` only.
let strictLines = ProcessInfo.processInfo.environment["EXEMPLAR_FUZZ_STRICT_LINES"] == "1"

/// How many lines the file has (a UTF-8 BOM or `\r\n` changes nothing; see `strictLines`).
func lines(in bytes: Data) -> Int {
    var count = 1
    var before2: UInt8 = 0, before1: UInt8 = 0  // the two bytes before `byte`
    for byte in bytes {
        if byte == 0x0A {
            if strictLines || before1 != 0x0D { count += 1 }  // `\r\n` was counted at its `\r`
        } else if !strictLines {
            if byte == 0x0D { count += 1 }
            if byte == 0x85 && before1 == 0xC2 { count += 1 }  // U+0085
            if (byte == 0xA8 || byte == 0xA9) && before1 == 0x80 && before2 == 0xE2 { count += 1 }  // U+2028/9
        }
        (before2, before1) = (before1, byte)
    }
    return count
}

/// Like `precondition`, with the reason on stderr first; the abort makes libFuzzer save the input.
func check(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() {
        FileHandle.standardError.write(Data("ExemplarFuzz invariant violated: \(message())\n".utf8))
        abort()
    }
}
