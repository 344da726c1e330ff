import Foundation
import Testing
@testable import ExemplarCore

/// The exports' CSV fields, read back by the same reader that imports spreadsheets.
@Suite struct CSVFieldTests {
    @Test func lineBreaksOfEveryKindAreQuoted() {
        for text in ["a\nb", "a\rb", "a\r\nb", "a,b", "say \"hi\""] {
            let field = FigureExport.field(text)
            #expect(field.hasPrefix("\"") && field.hasSuffix("\""), "\(text.debugDescription) → \(field.debugDescription)")
        }
        #expect(FigureExport.field("Công đoàn Đồng Hới") == "Công đoàn Đồng Hới")
    }

    @Test func fieldsSurviveARoundTripThroughASpreadsheetReader() throws {
        let texts = ["Quyết định\nsố 12", "Hòa, Đức", "\"Mái ấm\"", "Lê Thị Hà", "dòng 1\ndòng 2\ndòng 3"]
        let line = texts.map(FigureExport.field).joined(separator: ",")
        let table = try CSVTable(data: Data(("id,a,b,c,d,e\r\n" + "1," + line + "\r\n").utf8))
        #expect(table.rows.count == 1)
        #expect(table.rows.first?.dropFirst().map(\.text) == texts)
    }
}
