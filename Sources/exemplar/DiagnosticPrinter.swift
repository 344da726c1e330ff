import ArgumentParser
import ExemplarCore
import Foundation

/// Prints diagnostics like a compiler does, with the offending line, or as JSON for machines.
struct DiagnosticPrinter {
    enum Format: String, ExpressibleByArgument {
        case text, json
    }

    let format: Format
    /// The language messages, hints and labels are printed in.
    let language: ContentSchema.Language
    private let useColour = isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    init(format: Format, language: ContentSchema.Language = .vi) {
        self.format = format
        self.language = language
    }

    func print(_ diagnostics: [Diagnostic]) {
        let sorted = diagnostics.sortedByLocation().map { MessageCatalogue.translate($0, to: language) }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            do {
                Terminal.output(String(decoding: try encoder.encode(sorted), as: UTF8.self) + "\n")
            } catch {
                Terminal.error("Không in được thông báo dạng JSON: \(error)\n")
            }
        case .text:
            var lines = SourceLines()
            for diagnostic in sorted {
                Terminal.error(text(diagnostic, lines: &lines))
            }
        }
    }

    func summary(_ diagnostics: [Diagnostic], line: String) {
        let errors = diagnostics.errorCount, warnings = diagnostics.warningCount
        var line = line
        if errors + warnings > 0 {
            line += language == .en ? " \(Say.count(errors, "error")), \(Say.count(warnings, "warning"))." : " \(errors) lỗi, \(warnings) cảnh báo."
        }
        Terminal.error(line + "\n")
    }

    private func text(_ d: Diagnostic, lines: inout SourceLines) -> String {
        // File names and messages may carry newlines or terminal escape sequences (from a
        // file's name or content): printed as they are, they could forge lines or colours.
        var position = PrintableName.escape(d.file)
        if d.line > 0 { position += ":\(d.line)" }
        if d.line > 0, d.column > 0 { position += ":\(d.column)" }
        let en = language == .en
        let label = d.severity == .error ? paint(en ? "error" : "lỗi", "31") : paint(en ? "warning" : "cảnh báo", "33")
        var out = "\(paint(position, "1")): \(label): \(PrintableName.escape(d.message)) [\(d.code)]\n"
        if d.line > 0, let source = lines.line(d.line, of: d.file) {
            out += "    \(PrintableName.escape(source, keepingTabs: true))\n"
            if d.column > 0, d.column <= SourceLines.width {
                let prefix = source.unicodeScalars.prefix(d.column - 1).map { $0 == "\t" ? "\t" : " " }.joined()
                out += "    \(prefix)\(paint("^", "32"))\n"
            }
        }
        if let hint = d.hint { out += "    \(paint(en ? "hint" : "gợi ý", "36")): \(PrintableName.escape(hint))\n" }
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
            // The line is only shown as context: a file that cannot be read again shows none.
            var text = ""
            if let data = Self.regularFile(file) { text = VietnameseText.nfc(String(decoding: data, as: UTF8.self)) }
            // Columns are counted after a byte-order mark, which editors do not show.
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            // "\r\n" is one Character: files saved on Windows split on it too.
            cache[file] = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        }
        guard let lines = cache[file], number >= 1, number <= lines.count else { return nil }
        // Shortened once per line: a long line with thousands of diagnostics is not measured
        // again for each of them.
        let key = "\(number):\(file)"
        if let line = shown[key] { return line }
        let full = lines[number - 1]
        let short = full.prefix(Self.width)
        let line = short.endIndex < full.endIndex ? String(short) + "…" : String(full)
        shown[key] = line
        return line
    }

    /// How much of a line is shown.
    static let width = 160
    private var shown: [String: String] = [:]

    /// The bytes of a regular file; nil for anything else (a FIFO would block forever).
    private static func regularFile(_ path: String) -> Data? {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        do { return try handle.readToEnd() ?? Data() } catch { return nil }
    }
}
