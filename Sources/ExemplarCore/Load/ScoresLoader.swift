import Foundation

/// Reads `scores/<year>/<exemplar-id>.csv`: its own step, apart from the Markdown items, so a
/// rebuild can read again only the sheet that changed (`readSheet`).
public enum ScoresLoader {
    /// Every sheet under the content folder's `scores/`, in path order, with the problems found
    /// file by file. Whether a sheet's exemplar exists is checked later (`ScoreCheck`).
    public static func loadScores(from root: URL, displayPath: String) -> ([ScoreSheet], [Diagnostic]) {
        let files = ContentFiles(root: root, displayPath: displayPath)
        let bag = DiagnosticBag()
        let folder = root.appendingPathComponent("scores")
        guard files.isDirectory(folder) else { return ([], []) }
        guard files.staysInside(folder) else {
            bag.add(Diagnostic(.error, "unsafe-path", "Thư mục scores/ là liên kết tới nơi nằm ngoài thư mục nội dung; không được đọc.",
                               file: files.display("scores"), hint: "Chép thư mục bảng điểm thật vào thư mục nội dung thay vì tạo liên kết."))
            return ([], bag.items)
        }
        var paths: [SheetPath] = []
        var unreadable: Set<String> = []
        for name in files.visibleEntries(folder, relative: "scores", bag: bag, unreadable: &unreadable) {
            let url = folder.appendingPathComponent(name)
            let display = files.display("scores/\(name)")
            guard files.isDirectory(url), name.count == 4, let year = Int(name), (1900...2200).contains(year) else {
                bag.add(Diagnostic(.warning, "unknown-file", "\"\(name)\" trong scores/ không phải thư mục của một năm nên bị bỏ qua.",
                                   file: display, hint: "Bảng điểm đặt theo năm: `scores/2019/<mã-điển-hình>.csv`."))
                continue
            }
            for sheet in files.visibleEntries(url, relative: "scores/\(name)", bag: bag, unreadable: &unreadable) {
                let sheetURL = url.appendingPathComponent(sheet)
                let sheetDisplay = files.display("scores/\(name)/\(sheet)")
                guard sheet.lowercased().hasSuffix(".csv"), !files.isDirectory(sheetURL) else {
                    bag.add(Diagnostic(.warning, "unknown-file", "\"\(sheet)\" trong scores/\(name)/ không phải tệp .csv nên bị bỏ qua.",
                                       file: sheetDisplay, hint: "Mỗi bảng điểm là một tệp `<mã-điển-hình>.csv`; trong Excel chọn Save As → CSV UTF-8."))
                    continue
                }
                guard files.staysInside(sheetURL) else {
                    bag.add(Diagnostic(.error, "unsafe-path", "\"\(sheet)\" là liên kết tới tệp nằm ngoài thư mục nội dung; tệp không được đọc.",
                                       file: sheetDisplay, hint: "Chép bảng điểm thật vào thư mục nội dung thay vì tạo liên kết."))
                    continue
                }
                paths.append(SheetPath(url: sheetURL, year: year, display: sheetDisplay))
            }
        }
        let read = paths.parallelMap { readSheet($0.url, year: $0.year, path: $0.display) }
        var sheets: [ScoreSheet] = []
        for (sheet, diagnostics) in read {
            bag.add(contentsOf: diagnostics)
            if let sheet { sheets.append(sheet) }
        }
        return (sheets, bag.items)
    }

    /// One sheet from disk; its id is the file name without `.csv`.
    public static func readSheet(_ url: URL, year: Int, path: String) -> (ScoreSheet?, [Diagnostic]) {
        let bag = DiagnosticBag()
        let id = VietnameseText.nfc(String(url.lastPathComponent.dropLast(4)))
        do {
            let text = try SourceText.read(url)
            return (ScoresSheetReader.read(text, id: id, year: year, path: path, bag: bag), bag.items)
        } catch {
            bag.add(ItemFile.readFailure(error, at: SourceLocation(file: path, line: 1)))
            return (nil, bag.items)
        }
    }

    private struct SheetPath: Sendable {
        var url: URL, year: Int, display: String
    }
}
