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
        let time = String(format: "%.2f", seconds)
        let summary = report.outputChanged
            ? "Đã dựng \(report.pagesRendered) trang vào \(output)/ trong \(time) giây; \(report.filesChanged) tệp mới hoặc đổi"
                + (report.filesRemoved > 0 ? ", \(report.filesRemoved) tệp bị bỏ." : ".")
            : "Đã dựng \(report.pagesRendered) trang trong \(time) giây; không có gì thay đổi, \(output)/ giữ nguyên."
        let images = report.imagesProcessed + report.imagesReused > 0
            ? " Ảnh: \(report.imagesProcessed) xử lý, \(report.imagesReused) lấy từ bộ đệm." : ""
        try site.finish(report, summary: summary + images,
                        failure: "Không dựng được trang web; thư mục \(output)/ cũ được giữ nguyên.")
    }
}
