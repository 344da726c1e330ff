import Foundation

/// Reads one score sheet. Excel's ways of saving are read as they come: a byte-order mark,
/// `\r\n` line ends, `;` between fields (then decimals may be written `87,5`), fields in quotes.
enum ScoresSheetReader {
    static let columns = ["period", "self", "collective"]

    /// The sheet, or nil when its header cannot be read. Row problems are reported and the
    /// row left out, so every mistake of a sheet is reported in one build.
    static func read(_ text: String, id: String, year: Int, path: String, bag: DiagnosticBag) -> ScoreSheet? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let headerIndex = lines.firstIndex(where: { !isBlank($0, separator: nil) }) else {
            bag.add(.error("score-header", "Bảng điểm trống: cần dòng tiêu đề `period,self,collective` rồi mỗi kỳ một dòng.",
                           at: SourceLocation(file: path, line: 1, column: 1)))
            return nil
        }
        let headerLine = lines[headerIndex]
        let separator: Character = headerLine.contains(";") ? ";" : ","
        let header = fields(headerLine, separator: separator)
        let names = header.map { $0.text.trimmingCharacters(in: .whitespaces).lowercased() }
        var position: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            let at = SourceLocation(file: path, line: headerIndex + 1, column: header[index].column)
            if columns.contains(name), position[name] == nil {
                position[name] = index
            } else if !name.isEmpty {
                let guess = Suggestion.closest(to: name, among: columns)
                bag.add(.error("score-header", "Cột \"\(name)\" không có trong bảng điểm; các cột là `period`, `self`, `collective`.", at: at,
                               hint: guess.map { "Có phải bạn muốn viết `\($0)`?" } ?? "Dòng đầu phải là `period,self,collective`."))
            }
        }
        let missing = columns.filter { position[$0] == nil }
        if !missing.isEmpty {
            bag.add(.error("score-header", "Dòng tiêu đề thiếu cột \(missing.map { "`\($0)`" }.joined(separator: ", ")).",
                           at: SourceLocation(file: path, line: headerIndex + 1, column: 1),
                           hint: "Dòng đầu của bảng điểm phải là `period,self,collective` (hoặc `period;self;collective`)."))
            return nil
        }
        let reported = bag.items.count
        var rows: [ScoreRow] = []
        var seen: [Period: Int] = [:]
        for index in lines.indices where index > headerIndex && !isBlank(lines[index], separator: separator) {
            let line = index + 1
            let cells = fields(lines[index], separator: separator)
            func cell(_ name: String) -> (text: String, column: Int) {
                let i = position[name] ?? 0
                if i < cells.count { return (cells[i].text.trimmingCharacters(in: .whitespaces), cells[i].column) }
                return ("", lines[index].count + 1)
            }
            if cells.count > names.count {
                let extra = cells[names.count]
                let decimalHint = separator == "," ? " Nếu đây là số thập phân viết bằng dấu phẩy, hãy viết bằng dấu chấm (`87.5`) hoặc dùng `;` để ngăn cách các cột." : ""
                bag.add(.error("score-columns", "Dòng này có \(cells.count) cột, nhiều hơn \(names.count) cột của dòng tiêu đề.",
                               at: SourceLocation(file: path, line: line, column: extra.column),
                               hint: "Mỗi dòng gồm kỳ, điểm tự chấm, điểm tập thể chấm.\(decimalHint)"))
                continue
            }
            let periodCell = cell("period")
            let periodAt = SourceLocation(file: path, line: line, column: periodCell.column)
            guard let period = ScoresValues.period(periodCell.text, at: periodAt, year: year, bag: bag) else { continue }
            if let first = seen[period] {
                bag.add(.error("score-duplicate", "Kỳ \(period.text) đã có ở dòng \(first); mỗi kỳ chỉ một dòng.", at: periodAt,
                               hint: "Xóa một trong hai dòng, hoặc sửa lại kỳ cho đúng."))
                continue
            }
            seen[period] = line
            let selfCell = cell("self"), collectiveCell = cell("collective")
            let selfPoints = selfCell.text.isEmpty ? nil
                : ScoresValues.points(selfCell.text, column: "self", separator: separator,
                                      at: SourceLocation(file: path, line: line, column: selfCell.column), bag: bag)
            if !selfCell.text.isEmpty, selfPoints == nil { continue }
            guard !collectiveCell.text.isEmpty else {
                bag.add(.error("score-value", "Kỳ \(period.text) chưa có điểm tập thể chấm (cột `collective`).",
                               at: SourceLocation(file: path, line: line, column: collectiveCell.column),
                               hint: "Điền điểm tập thể chấm, hoặc xóa dòng nếu kỳ này chưa được chấm."))
                continue
            }
            guard let collective = ScoresValues.points(collectiveCell.text, column: "collective", separator: separator,
                                                       at: SourceLocation(file: path, line: line, column: collectiveCell.column), bag: bag)
            else { continue }
            rows.append(ScoreRow(period: period, selfPoints: selfPoints, collective: collective, at: periodAt))
        }
        return ScoreSheet(id: id, year: year, rows: rows.sorted { $0.period < $1.period },
                          source: SourceLocation(file: path, line: 1, column: 0), lastLine: max(1, lines.count - (lines.last?.isEmpty == true ? 1 : 0)),
                          hasRefusedLines: bag.items.count > reported)
    }

    /// Lines Excel leaves behind (`;;`) count as blank.
    private static func isBlank(_ line: Substring, separator: Character?) -> Bool {
        line.allSatisfy { $0.isWhitespace || $0 == separator }
    }

    /// The fields of a line with the 1-based column each starts at. A field in double quotes
    /// may hold the separator; `""` inside it is one quote.
    static func fields(_ line: Substring, separator: Character) -> [(text: String, column: Int)] {
        let characters = Array(line)
        var result: [(String, Int)] = []
        var current = "", start = 0, i = 0
        var quoted = false
        while i < characters.count {
            let character = characters[i]
            if quoted {
                if character == "\"", i + 1 < characters.count, characters[i + 1] == "\"" {
                    current.append("\"")
                    i += 1
                } else if character == "\"" {
                    quoted = false
                } else {
                    current.append(character)
                }
            } else if character == separator {
                result.append((current, start + 1))
                current = ""
                start = i + 1
            } else if character == "\"", current.allSatisfy(\.isWhitespace) {
                current = ""
                quoted = true
            } else {
                current.append(character)
            }
            i += 1
        }
        result.append((current, start + 1))
        return result
    }
}
