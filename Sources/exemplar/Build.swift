import ArgumentParser
import ExemplarCore
import Foundation

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Dựng trang web vào thư mục kết quả.")

    @OptionGroup var site: SiteOptions

    @Option(help: "Thư mục kết quả; chỉ được thay khi dựng thành công.")
    var output = "public"

    func run() throws {
        let report = site.build(site.buildOptions(output: output, write: true))
        let time = String(format: "%.2f", report.elapsed)
        let say = site.say
        let summary = report.outputChanged
            ? say("Đã dựng \(report.pagesRendered) trang vào \(output)/ trong \(time) giây; \(report.filesChanged) tệp mới hoặc đổi"
                    + (report.filesRemoved > 0 ? ", \(report.filesRemoved) tệp bị bỏ." : "."),
                  "Built \(Say.count(report.pagesRendered, "page")) into \(output)/ in \(time) s; \(Say.count(report.filesChanged, "file")) new or changed"
                    + (report.filesRemoved > 0 ? ", \(report.filesRemoved) removed." : "."))
            : say("Đã dựng \(report.pagesRendered) trang trong \(time) giây; không có gì thay đổi, \(output)/ giữ nguyên.",
                  "Built \(Say.count(report.pagesRendered, "page")) in \(time) s; nothing changed, \(output)/ is as it was.")
        let images = report.imagesProcessed + report.imagesReused > 0
            ? say(" Ảnh: \(report.imagesProcessed) xử lý, \(report.imagesReused) lấy từ bộ đệm.",
                  " Photos: \(report.imagesProcessed) processed, \(report.imagesReused) from the cache.") : ""
        try site.finish(report, summary: summary + images,
                        failure: say("Không dựng được trang web; thư mục \(output)/ cũ được giữ nguyên.",
                                     "The site was not built; the previous \(output)/ is kept."))
    }
}
