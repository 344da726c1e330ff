import ArgumentParser
import ExemplarCore
import Foundation

/// Prints diagnostics like a compiler does, with the offending line, or as JSON for machines.
struct DiagnosticPrinter {
    enum Format: String, ExpressibleByArgument {
        case text, json
    }

    let format: Format
    private let useColour = isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    init(format: Format) {
        self.format = format
    }

    func print(_ diagnostics: [Diagnostic]) {
        let sorted = diagnostics.sortedByLocation()
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            if let data = try? encoder.encode(sorted) {
                FileHandle.standardOutput.write(data + Data("\n".utf8))
            }
        case .text:
            var lines = SourceLines()
            for diagnostic in sorted {
                FileHandle.standardError.write(Data(text(diagnostic, lines: &lines).utf8))
            }
        }
    }

    func summary(_ diagnostics: [Diagnostic], line: String) {
        let errors = diagnostics.errorCount, warnings = diagnostics.warningCount
        var line = line
        if errors + warnings > 0 { line += " \(errors) lỗi, \(warnings) cảnh báo." }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    private func text(_ d: Diagnostic, lines: inout SourceLines) -> String {
        var position = d.file
        if d.line > 0 { position += ":\(d.line)" }
        if d.line > 0, d.column > 0 { position += ":\(d.column)" }
        let label = d.severity == .error ? paint("lỗi", "31") : paint("cảnh báo", "33")
        var out = "\(paint(position, "1")): \(label): \(d.message) [\(d.code)]\n"
        if d.line > 0, let source = lines.line(d.line, of: d.file) {
            out += "    \(source)\n"
            if d.column > 0 {
                let prefix = source.unicodeScalars.prefix(d.column - 1).map { $0 == "\t" ? "\t" : " " }.joined()
                out += "    \(prefix)\(paint("^", "32"))\n"
            }
        }
        if let hint = d.hint { out += "    \(paint("gợi ý", "36")): \(hint)\n" }
        return out
    }

    private func paint(_ text: String, _ code: String) -> String {
        useColour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

/// Lines of the files diagnostics point at, read once each.
private struct SourceLines {
    private var cache: [String: [Substring]] = [:]

    mutating func line(_ number: Int, of file: String) -> String? {
        if cache[file] == nil {
            let text = (try? String(contentsOfFile: file, encoding: .utf8)).map { VietnameseText.nfc($0) } ?? ""
            // "\r\n" is one Character: files saved on Windows split on it too.
            cache[file] = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        }
        guard let lines = cache[file], number >= 1, number <= lines.count else { return nil }
        let line = String(lines[number - 1])
        return line.count > 160 ? String(line.prefix(160)) + "…" : line
    }
}
