import Foundation

/// A spreadsheet of collectives or individuals turned into one profile file per row: columns
/// recognised by their headings, units, awards and fields matched by name to their ids, every
/// problem reported at its row and column. Nothing is written while any row has an error, and
/// a row already imported (same name and unit as an existing profile) is skipped, so the same
/// sheet can be imported again after a fix.
public struct ProfileImport {
    public struct Planned: Sendable {
        /// `individuals/nguyen-van-a.md`, relative to the content folder.
        public var path: String
        public var id: String
        public var text: String
        /// The row's line in the spreadsheet.
        public var line: Int
    }

    public var kind: ContentSchema.ItemKind
    /// The spreadsheet as the user named it, for diagnostics.
    public var display: String
    public var language: ContentSchema.Language
    public private(set) var planned: [Planned] = []
    public private(set) var diagnostics: [Diagnostic] = []

    private let content: Content
    private var files: ItemFiles
    private let defaultUnit: String?
    private var columns: [(ImportColumn?, CSVTable.Cell)] = []
    private var alreadyThere: [String: Int] = [:]

    /// `content` is the loaded content folder at `contentURL`: its units, awards and fields.
    public init(kind: ContentSchema.ItemKind, display: String, content: Content, contentURL: URL,
                defaultUnit: String?, language: ContentSchema.Language) {
        self.kind = kind
        self.display = display
        self.language = language
        self.content = content
        self.files = ItemFiles(content: contentURL)
        self.defaultUnit = defaultUnit
        for exemplar in content.exemplars where exemplar.kind.rawValue == kind.rawValue {
            alreadyThere[Self.identity(exemplar.name, exemplar.unit.value), default: 0] += 1
        }
    }

    private func say(_ vi: String, _ en: String) -> String { language == .en ? en : vi }

    public mutating func read(_ data: Data) throws {
        let table: CSVTable
        do {
            table = try CSVTable(data: data)
        } catch .encoding(let line) {
            diagnostics.append(Diagnostic(.error, "not-utf8", say("Tệp không phải UTF-8.", "The file is not UTF-8."),
                                          file: display, line: line,
                                          hint: say("Trong Excel chọn Lưu thành (Save As) → \"CSV UTF-8 (Comma delimited)\".",
                                                    "In Excel, Save As → \"CSV UTF-8 (Comma delimited)\".")))
            return
        } catch {
            diagnostics.append(Diagnostic(.error, "empty-table", say("Bảng trống: không có dòng tiêu đề.", "The table is empty: no heading row."),
                                          file: display, line: 1))
            return
        }
        recogniseColumns(table.header)
        guard columns.contains(where: { $0.0 == .name }) else {
            let heading = kind == .collective ? "Tên tập thể" : "Họ và tên"
            diagnostics.append(Diagnostic(.error, "missing-column",
                                          say("Không có cột tên (\"\(heading)\") trong dòng tiêu đề.", "No name column (\"\(heading)\") in the heading row."),
                                          file: display, line: table.header.first?.line ?? 1,
                                          hint: say("Các tiêu đề được nhận: docs/import.md.", "Recognised headings: docs/import.md.")))
            return
        }
        if !columns.contains(where: { $0.0 == .unit }), defaultUnit == nil {
            diagnostics.append(Diagnostic(.error, "missing-column", say("Không có cột \"Đơn vị\".", "No \"Đơn vị\" (unit) column."),
                                          file: display, line: table.header.first?.line ?? 1,
                                          hint: say("Thêm cột \"Đơn vị\", hoặc chọn một đơn vị cho mọi hàng bằng --unit.",
                                                    "Add a \"Đơn vị\" column, or give one unit for every row with --unit.")))
            return
        }
        var seen: [String: Int] = [:]
        for row in table.rows {
            try readRow(row, header: table.header, seen: &seen)
        }
    }

    // MARK: Columns

    private mutating func recogniseColumns(_ header: [CSVTable.Cell]) {
        var taken: Set<ImportColumn> = []
        for cell in header {
            var column = ImportColumn.recognise(cell.text)
            if let found = column, let key = found.key, !kind.keys.contains(where: { $0.key == key }) {
                column = nil
            }
            if let found = column, taken.contains(found) {
                warn("duplicate-column", say("Cột \"\(cell.text)\" cùng nghĩa với một cột trước; giá trị của nó được giữ trong `extra`.",
                                             "The column \"\(cell.text)\" means the same as an earlier one; its values go to `extra`."), cell)
                column = nil
            } else if column == nil, !cell.text.isEmpty {
                warn("unknown-column", say("Không nhận ra cột \"\(cell.text)\"; giá trị của nó được giữ trong `extra.\(Self.extraKey(cell.text))`.",
                                           "Column \"\(cell.text)\" is not recognised; its values are kept in `extra.\(Self.extraKey(cell.text))`."),
                     cell, hint: say("Các tiêu đề được nhận: docs/import.md.", "Recognised headings: docs/import.md."))
            }
            if let column { taken.insert(column) }
            columns.append((column, cell))
        }
    }

    static func extraKey(_ heading: String) -> String {
        VietnameseText.slug(heading).replacingOccurrences(of: "-", with: "_")
    }

    /// Spreadsheet column letters: A … Z, AA ….
    static func letter(_ index: Int) -> String {
        var index = index + 1, letters = ""
        while index > 0 {
            let remainder = (index - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            index = (index - 1) / 26
        }
        return letters
    }

    // MARK: Rows

    private struct Row {
        var cells: [ImportColumn: CSVTable.Cell] = [:]
        var extra: [(String, String)] = []
    }

    private mutating func readRow(_ cells: [CSVTable.Cell], header: [CSVTable.Cell], seen: inout [String: Int]) throws {
        var row = Row()
        for (index, (column, heading)) in columns.enumerated() {
            guard index < cells.count, !cells[index].text.trimmingWhitespace.isEmpty else { continue }
            if let column {
                if column != .number { row.cells[column] = cells[index] }
            } else if !heading.text.isEmpty {
                row.extra.append((Self.extraKey(heading.text), cells[index].text))
            }
        }
        let line = cells.first?.line ?? 0
        let errorsBefore = diagnostics.errorCount
        guard let nameCell = row.cells[.name] else {
            error("missing-value", say("Hàng ở dòng \(line) không có tên.", "The row on line \(line) has no name."),
                  cells.first ?? header[0], column: .name)
            return
        }
        let name = nameCell.text.trimmingWhitespace
        var values: [String: ItemTemplate.Value] = ["name": .inline(YAMLText.scalar(name)), "draft": .inline("false")]

        var unitID = defaultUnit
        if let cell = row.cells[.unit] {
            unitID = reference(cell, in: CatalogueMatcher(units: content.units), column: .unit, what: say("đơn vị", "unit"),
                               hint: say("Thêm đơn vị vào units.yml, hoặc viết đúng tên hay mã của nó.", "Add the unit to units.yml, or write its exact name or id."))
        } else if defaultUnit == nil {
            error("missing-value", say("\(name): thiếu đơn vị.", "\(name): no unit."), nameCell, column: .unit)
        }
        if let unitID { values["unit"] = .inline(unitID) }

        for (column, key) in [(ImportColumn.position, "position"), (.leader, "leader"), (.supervisor, "supervisor"), (.summary, "summary")] {
            if let cell = row.cells[column] { values[key] = .inline(YAMLText.scalar(oneLine(cell.text))) }
        }
        if let cell = row.cells[.scope] { values["scope"] = scope(cell).map { .inline($0) } }
        if let cell = row.cells[.fields] {
            let ids = parts(cell.text).compactMap {
                reference(CSVTable.Cell(text: $0, line: cell.line, column: cell.column),
                          in: CatalogueMatcher(content.fields.map { .init(id: $0.id, name: $0.name) }), column: .fields,
                          what: say("mặt công tác", "field of work"), hint: say("Thêm vào fields.yml, hoặc viết đúng tên.", "Add it to fields.yml, or write its exact name."))
            }
            if !ids.isEmpty { values["fields"] = .inline(YAMLText.list(ids)) }
        }
        if let cell = row.cells[.registered], let date = date(cell, column: .registered) { values["registered"] = .inline(date.iso) }
        if let cell = row.cells[.selectionDecision] {
            let date = row.cells[.selectionDate].flatMap { self.date($0, column: .selectionDate) }
            values["selection"] = .inline(YAMLText.mapping([("decision", YAMLText.scalar(cell.text, alwaysQuote: true)),
                                                            ("date", date?.iso ?? "")]))
        }
        if let cell = row.cells[.years] {
            let years = self.years(cell)
            if !years.isEmpty { values["years"] = .inline("[" + years.map(String.init).joined(separator: ", ") + "]") }
        }
        if let cell = row.cells[.tags] { values["tags"] = .inline(YAMLText.list(parts(cell.text).map(VietnameseText.slug))) }
        if let cell = row.cells[.photo] {
            let path = cell.text.trimmingWhitespace
            values["photo"] = .inline(YAMLText.scalar(path.hasPrefix("media/") ? path : "media/" + path))
        }
        let awards = grants(row)
        if !awards.isEmpty { values["awards"] = .items(awards) }
        if !row.extra.isEmpty {
            values["extra"] = .block(row.extra.map { "\($0.0): \(YAMLText.scalar(oneLine($0.1)))" })
        }

        guard diagnostics.errorCount == errorsBefore else { return }
        let identity = Self.identity(name, unitID ?? "")
        seen[identity, default: 0] += 1
        if seen[identity, default: 0] <= alreadyThere[identity, default: 0] {
            warn("already-imported", say("\(name) (\(unitID ?? "")) đã có hồ sơ; hàng này không được nhập lại.",
                                         "\(name) (\(unitID ?? "")) already has a profile; this row is not imported again."), nameCell)
            return
        }
        guard let id = try files.allocate(name: name, kind: kind) else {
            error("missing-value", say("Tên \"\(name)\" không có chữ cái hay chữ số để làm tên tệp.",
                                       "The name \"\(name)\" has no letter or digit to make a file name from."), nameCell, column: .name)
            return
        }
        let body = row.cells[.body].map { $0.text.trimmingWhitespace + "\n" }
            ?? NewItem(kind: kind, name: name, unit: nil, today: .today(), language: language).body
        let text = ItemTemplate(kind: kind, language: language).document(values: values, body: body)
        planned.append(Planned(path: ItemFiles.relativePath(id: id, kind: kind), id: id, text: text, line: line))
    }

    /// Awards of a row: one per line or `;`-separated part of the award cell, with the decision,
    /// its date and the year in the same position of their own cells.
    private mutating func grants(_ row: Row) -> [String] {
        guard let cell = row.cells[.award] else { return [] }
        let names = parts(cell.text, commas: false)
        let decisions = row.cells[.decision].map { parts($0.text, commas: false) } ?? []
        let dateCells = row.cells[.decisionDate].map { parts($0.text, commas: false) } ?? []
        let yearCells = row.cells[.awardYear].map { parts($0.text, commas: false) } ?? []
        let matcher = CatalogueMatcher(awards: content.awards)
        var grants: [String] = []
        for (index, name) in names.enumerated() {
            let (bare, yearInName) = Self.splitYear(name)
            let at = CSVTable.Cell(text: bare, line: cell.line, column: cell.column)
            guard let id = reference(at, in: matcher, column: .award, what: say("hình thức khen thưởng", "award"),
                                     hint: say("Thêm vào awards.yml, hoặc viết đúng tên (docs/content-model.md, mục 4.1).",
                                               "Add it to awards.yml, or write its exact name (docs/content-model.md, section 4.1).")) else { continue }
            let date = index < dateCells.count
                ? self.date(CSVTable.Cell(text: dateCells[index], line: row.cells[.decisionDate]?.line ?? cell.line,
                                          column: row.cells[.decisionDate]?.column ?? cell.column), column: .decisionDate) : nil
            var year = yearInName ?? date?.year
            if index < yearCells.count, let cellYear = Int(yearCells[index].trimmingWhitespace) { year = cellYear }
            let decision = index < decisions.count ? YAMLText.scalar(decisions[index], alwaysQuote: true) : ""
            grants.append(YAMLText.mapping([("award", id), ("year", year.map(String.init) ?? ""),
                                            ("decision", decision), ("date", date?.iso ?? "")]))
        }
        return grants
    }

    // MARK: Values

    private mutating func reference(_ cell: CSVTable.Cell, in matcher: CatalogueMatcher, column: ImportColumn,
                                    what: String, hint: String) -> String? {
        if let entry = matcher.match(cell.text) { return entry.id }
        if let entry = matcher.loose(cell.text) {
            warn("loose-match", say("\"\(cell.text.trimmingWhitespace)\" được hiểu là \(what) \"\(entry.name)\" (`\(entry.id)`)",
                                    "\"\(cell.text.trimmingWhitespace)\" is read as the \(what) \"\(entry.name)\" (`\(entry.id)`)")
                 + place(cell, column: column) + ".", cell,
                 hint: say("Kiểm tra lại; nếu sai, viết đúng tên hoặc mã trong bảng tính.", "Check it; if it is wrong, write the exact name or id in the sheet."))
            return entry.id
        }
        let guess = matcher.closest(cell.text)
        error("unknown-reference", say("Không có \(what) nào tên \"\(cell.text.trimmingWhitespace)\".",
                                       "No \(what) is called \"\(cell.text.trimmingWhitespace)\"."),
              cell, column: column,
              hint: guess.map { say("Có phải là \"\($0.name)\" (`\($0.id)`)?", "Did you mean \"\($0.name)\" (`\($0.id)`)?") } ?? hint)
        return nil
    }

    private mutating func scope(_ cell: CSVTable.Cell) -> String? {
        let key = VietnameseText.slug(cell.text)
        if ["toan-dien", "comprehensive", "dien-hinh-toan-dien"].contains(key) { return "comprehensive" }
        if key.hasPrefix("tung-mat") || key.hasPrefix("chuyen-de") || key.hasPrefix("dien-hinh-tung-mat") || key == "field" { return "field" }
        error("wrong-type", say("Loại điển hình \"\(cell.text)\" không rõ: viết \"Toàn diện\" hoặc \"Từng mặt công tác\".",
                                "Unclear scope \"\(cell.text)\": write \"Toàn diện\" or \"Từng mặt công tác\"."), cell, column: .scope)
        return nil
    }

    /// `20/12/2018` (day first, as written in Vietnam) or `2018-12-20`.
    private mutating func date(_ cell: CSVTable.Cell, column: ImportColumn) -> CalendarDate? {
        let text = cell.text.trimmingWhitespace
        if let date = CalendarDate(iso: text) ?? CalendarDate.dayFirst(text) { return date }
        error("wrong-type", say("\"\(text)\" không phải là ngày; viết ngày/tháng/năm, ví dụ 20/12/2018.",
                                "\"\(text)\" is not a date; write day/month/year, e.g. 20/12/2018."), cell, column: column)
        return nil
    }

    /// `2018, 2019`, `2018; 2020` or a range `2018–2020`.
    private mutating func years(_ cell: CSVTable.Cell) -> [Int] {
        let text = cell.text.replacingOccurrences(of: "–", with: "-").replacingOccurrences(of: "—", with: "-")
        var years: [Int] = []
        for part in parts(text) {
            let bounds = part.split(separator: "-").map { Int(String($0).trimmingWhitespace) }
            if bounds.count == 2, let from = bounds[0], let to = bounds[1], from <= to, ContentSchema.years.contains(from),
               ContentSchema.years.contains(to) {
                years += Array(from...to)
            } else if bounds.count == 1, let year = bounds[0], ContentSchema.years.contains(year) {
                years.append(year)
            } else {
                error("wrong-type", say("\"\(part)\" không phải là năm (1900–2200).", "\"\(part)\" is not a year (1900–2200)."),
                      cell, column: .years)
            }
        }
        return Array(Set(years)).sorted()
    }

    /// A cell's parts: one per line or `;`, and also per `,` unless the parts are names that may hold commas.
    private func parts(_ text: String, commas: Bool = true) -> [String] {
        let pieces = text.split { (character: Character) -> Bool in
            character == "\n" || character == ";" || (commas && character == ",")
        }
        return pieces.map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
    }

    /// `Bằng khen LĐLĐ tỉnh năm 2018` or `… (2018)`: the award's name and its year.
    static func splitYear(_ text: String) -> (String, Int?) {
        var words = text.split(separator: " ").map(String.init)
        var year: Int?
        if let last = words.last, let number = Int(last.trimmingCharacters(in: CharacterSet(charactersIn: "()"))),
           ContentSchema.years.contains(number) {
            year = number
            words.removeLast()
            if let word = words.last, VietnameseText.fold(word) == "nam" { words.removeLast() }
        }
        return (words.joined(separator: " "), year)
    }

    private func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { String($0).trimmingWhitespace }.joined(separator: " ")
    }

    static func identity(_ name: String, _ unit: String) -> String {
        VietnameseText.fold(name).split(separator: " ").joined(separator: " ") + "|" + unit
    }

    // MARK: Diagnostics

    /// Where a cell is, for an editor looking at the sheet: `hàng 5, cột C "Đơn vị"`.
    private func place(_ cell: CSVTable.Cell, column: ImportColumn) -> String {
        guard let index = columns.firstIndex(where: { $0.0 == column }) else { return "" }
        return say(" (cột \(Self.letter(index)) \"\(columns[index].1.text)\")", " (column \(Self.letter(index)) \"\(columns[index].1.text)\")")
    }

    private mutating func error(_ code: String, _ message: String, _ cell: CSVTable.Cell, column: ImportColumn, hint: String? = nil) {
        let sentence = message.hasSuffix(".") ? String(message.dropLast()) : message
        diagnostics.append(Diagnostic(.error, code, sentence + place(cell, column: column) + ".", file: display,
                                      line: cell.line, column: cell.column, hint: hint))
    }

    private mutating func warn(_ code: String, _ message: String, _ cell: CSVTable.Cell, hint: String? = nil) {
        diagnostics.append(Diagnostic(.warning, code, message, file: display, line: cell.line, column: cell.column, hint: hint))
    }
}
