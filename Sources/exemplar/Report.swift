import ArgumentParser
import ExemplarCore
import Foundation

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "In báo cáo điển hình của một năm (hoặc 6 tháng): danh sách, đơn vị, khen thưởng, xếp loại.")

    @OptionGroup var source: SourceOptions
    @Option(help: "Năm của báo cáo, ví dụ 2019.")
    var year: Int
    @Option(help: "1: 6 tháng đầu năm, 2: 6 tháng cuối năm; bỏ trống: cả năm.")
    var half: Int?
    @Option(help: "Dạng báo cáo: html (trang in khổ A4), csv hoặc json.")
    var format: ReportRun.Format = .html
    @Option(help: "Ghi báo cáo vào tệp này thay vì in ra.")
    var output: String?

    func validate() throws {
        if let half, ![1, 2].contains(half) {
            throw ValidationError(say("`--half` là 1 (6 tháng đầu năm) hoặc 2 (6 tháng cuối năm), không phải \(half).",
                                      "`--half` is 1 (first half-year) or 2 (second half-year), not \(half)."))
        }
        guard (1900...2200).contains(year) else {
            throw ValidationError(say("`--year` phải là một năm, ví dụ 2019.", "`--year` must be a year, such as 2019."))
        }
    }

    private var say: Say { source.say }

    func run() throws {
        let options = source.buildOptions(output: "public", write: false)
        let (text, diagnostics) = ReportRun.run(options, year: year, half: half, format: format)
        let printer = DiagnosticPrinter(format: .text, language: say.language)
        printer.print(diagnostics)
        guard let text else {
            printer.summary(diagnostics, line: say("Không có báo cáo.", "No report."))
            throw ExitCode.failure
        }
        if let output {
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                say.fileProblem("Không ghi được \(output)", "Could not write \(output)", error)
                throw ExitCode.failure
            }
        } else {
            Terminal.output(text)
        }
    }
}
extension ReportRun.Format: ExpressibleByArgument {}
