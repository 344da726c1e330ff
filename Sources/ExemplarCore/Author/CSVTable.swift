import Foundation

/// A spreadsheet saved as CSV by Excel or LibreOffice: UTF-8 with or without a byte-order mark
/// (or UTF-16 from "Unicode Text"), `,`, `;` or tab between cells, CRLF or LF, quoted cells
/// with `""` for a quote and line breaks inside. Every cell keeps where it was written.
public struct CSVTable: Sendable {
    public struct Cell: Sendable, Equatable {
        public var text: String
        /// The line of the file the cell starts on, 1-based.
        public var line: Int
        /// Its column on that line, in characters, 1-based (what a caret points at).
        public var column: Int
    }

    public enum Failure: Error, Equatable {
        /// Not UTF-8 or UTF-16: the line of the first bad byte.
        case encoding(line: Int)
        case empty
    }

    public var header: [Cell]
    public var rows: [[Cell]]
    public var delimiter: Character

    public init(data: Data) throws(Failure) {
        let text = try Self.decode(data)
        let records = Self.records(text)
        guard let first = records.firstIndex(where: { !Self.isBlank($0) }) else { throw .empty }
        header = records[first]
        delimiter = Self.delimiter(of: text)
        rows = records[(first + 1)...].filter { !Self.isBlank($0) }
    }

    /// Text of the file: UTF-16 when it says so with its byte-order mark, else UTF-8.
    static func decode(_ data: Data) throws(Failure) -> String {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            guard let text = String(data: data, encoding: .utf16) else { throw .encoding(line: 1) }
            return VietnameseText.nfc(text)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            // The line of the first byte that is not UTF-8: where the decoder had to replace one.
            let lossy = String(decoding: bytes, as: UTF8.self).unicodeScalars
            let bad = lossy.firstIndex(of: "\u{FFFD}") ?? lossy.endIndex
            throw .encoding(line: lossy[..<bad].count { $0 == "\n" } + 1)
        }
        return VietnameseText.nfc(text)
    }

    private static func isBlank(_ record: [Cell]) -> Bool {
        record.allSatisfy { $0.text.trimmingWhitespace.isEmpty }
    }

    /// The delimiter is the one of `;`, `,` and tab the first line holds most of, outside quotes
    /// (Excel writes `;` where the decimal separator is a comma, as in Vietnam).
    static func delimiter(of text: String) -> Character {
        var counts: [Character: Int] = [",": 0, ";": 0, "\t": 0]
        var quoted = false
        for character in text {
            if character == "\"" { quoted.toggle() }
            if !quoted, character == "\n" || character == "\r\n" { break }
            if !quoted, counts[character] != nil { counts[character, default: 0] += 1 }
        }
        return [";", "\t"].reduce(",") { best, next in counts[next, default: 0] > counts[best, default: 0] ? next : best }
    }

    static func records(_ text: String) -> [[Cell]] {
        let delimiter = delimiter(of: text)
        var records: [[Cell]] = []
        var record: [Cell] = []
        var cell = ""
        var line = 1, column = 1
        var start = (line: 1, column: 1)
        var quoted = false, wasQuoted = false
        var characters = text.makeIterator()
        var pending: Character? = nil
        func finishCell() {
            record.append(Cell(text: wasQuoted ? cell : cell.trimmingWhitespace, line: start.line, column: start.column))
            cell = ""
            wasQuoted = false
        }
        while let character = pending ?? characters.next() {
            pending = nil
            // A byte-order mark is no character of the cell, and editors do not show it.
            if cell.isEmpty, !wasQuoted, !quoted, character == "\u{FEFF}" { continue }
            if record.isEmpty, cell.isEmpty, !wasQuoted, !quoted { start = (line, column) }
            if quoted {
                if character == "\"" {
                    let next = characters.next()
                    if next == "\"" {
                        cell.append("\"")
                        column += 2
                        continue
                    }
                    quoted = false
                    column += 1
                    pending = next
                    continue
                }
                cell.append(character == "\r\n" ? "\n" : character)
                if character == "\n" || character == "\r\n" { line += 1; column = 1 } else { column += 1 }
                continue
            }
            switch character {
            case "\"" where cell.trimmingWhitespace.isEmpty && !wasQuoted:
                cell = ""
                quoted = true
                wasQuoted = true
                column += 1
            case delimiter:
                finishCell()
                column += 1
                start = (line, column)
            case "\n", "\r\n", "\r":
                finishCell()
                records.append(record)
                record = []
                line += 1
                column = 1
                start = (line, column)
            default:
                cell.append(character)
                column += 1
            }
        }
        if !cell.isEmpty || wasQuoted || !record.isEmpty {
            finishCell()
            records.append(record)
        }
        return records
    }
}
