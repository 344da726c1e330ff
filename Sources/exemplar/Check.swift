import ArgumentParser
import ExemplarCore

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Kiểm tra nội dung như khi dựng, nhưng không ghi gì.")

    @OptionGroup var site: SiteOptions

    func run() throws {
        let report = site.build(site.buildOptions(output: "public", write: false))
        try site.finish(report, summary: site.say("Nội dung hợp lệ: \(report.pagesRendered) trang.",
                                                  "The content is valid: \(Say.count(report.pagesRendered, "page"))."),
                        failure: site.say("Nội dung còn lỗi cần sửa trước khi dựng.", "The content has errors to fix before building."))
    }
}
