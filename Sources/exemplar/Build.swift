import ArgumentParser
import ExemplarCore
import Foundation

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Dựng trang web vào thư mục kết quả.")

    @OptionGroup var site: SiteOptions

    @Option(help: "Thư mục kết quả; chỉ được thay khi dựng thành công.")
    var output = "public"

    func run() throws {
        let report = Builder.build(site.buildOptions(output: output, write: true))
        let seconds = report.seconds.values.reduce(0, +)
        try site.finish(report, summary: "Đã dựng \(report.pagesRendered) trang vào \(output)/ trong \(String(format: "%.2f", seconds)) giây.",
                        failure: "Không dựng được trang web; thư mục \(output)/ cũ được giữ nguyên.")
    }
}
