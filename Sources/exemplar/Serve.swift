import ArgumentParser
import ExemplarCore
import ExemplarServe
import Foundation

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Dựng trang, phục vụ để xem thử và tự dựng lại, tải lại trình duyệt khi nội dung hay giao diện đổi.")

    @OptionGroup var site: SiteOptions

    @Option(help: "Cổng để nghe.")
    var port = 8080

    @Option(help: "Địa chỉ để nghe. Mặc định 127.0.0.1: chỉ máy này xem được; 0.0.0.0 mở cho mọi máy trong mạng.")
    var host = "127.0.0.1"

    @Option(help: "Thư mục kết quả. Mặc định một thư mục tạm, xoá khi dừng, để public/ không bị thay bằng bản xem thử.")
    var output: String?

    @Flag(help: "Dò thay đổi bằng cách quét thư mục định kỳ thay vì inotify.")
    var poll = false

    func validate() throws {
        try site.validate()
        guard (1...65535).contains(port) else {
            throw ValidationError("`--port` phải từ 1 đến 65535, ví dụ --port 8080.")
        }
        guard !host.isEmpty, !host.contains(where: { $0.isWhitespace || "/[]".contains($0) }) else {
            throw ValidationError("`--host` phải là một địa chỉ như 127.0.0.1, ::1 hoặc 0.0.0.0.")
        }
    }

    func run() throws {
        if let problem = PortCheck.problem(host: host, port: port) {
            say(problem)
            throw ExitCode.failure
        }
        let urlHost = host.contains(":") ? "[\(host)]" : host
        let localURL = "http://\(urlHost):\(port)/"
        let baseURL = site.baseURL ?? localURL
        var config = SiteConfig()
        config.baseURL = baseURL
        let basePath = config.basePath
        let folder = try outputFolder()

        var options = site.buildOptions(output: folder.path, write: true)
        options.baseURL = baseURL
        options.outputDisplay = output ?? folder.path
        let rebuilder = FullRebuild(options: options)

        if site.baseURL == nil {
            say("Xem thử với địa chỉ gốc \(localURL) thay cho base_url của site.yml; dựng thật bằng `exemplar build`.")
        }
        if !Self.isLoopback(host) {
            say("Lưu ý: máy chủ xem thử mở cho các máy khác trong mạng (--host \(host)). Chỉ dùng trong mạng tin cậy; bỏ --host để chỉ máy này xem được.")
        }
        let first = rebuilder.rebuild(changes: [])
        site.printReport(first, summary: "Đã dựng \(first.pagesRendered) trang.",
                         failure: "Chưa dựng được trang web: sửa lỗi rồi lưu, trang sẽ tự dựng lại.")

        let watched = [options.content, options.theme]
        let server = PreviewServer(
            configuration: .init(host: host, port: port, output: folder, basePath: basePath, watched: watched, polling: poll),
            rebuilder: rebuilder, failed: { [site] in site.failed($0) },
            report: { [site] report, changes in Self.printRebuild(report, changes: changes, site: site) })
        let temporary = output == nil ? folder.deletingLastPathComponent() : nil
        if let temporary { Signals.removeOnStop(temporary.path) }
        let shownURL = "http://\(Self.isWildcard(host) ? "127.0.0.1" : urlHost):\(port)\(basePath)"
        Task { [host, port] in
            do {
                try await server.run(first: first) {
                    say("Xem thử tại \(shownURL); tự dựng lại khi nội dung hay giao diện đổi. Ctrl+C để dừng.")
                }
            } catch {
                say("\(PortCheck.problem(host: host, port: port) ?? "Máy chủ xem thử dừng vì lỗi: \(error)")")
                Self.remove(temporary)
                Foundation.exit(1)
            }
        }
        // The main thread keeps the blocked signal set; the signal thread ends the process.
        while true { sleep(3600) }
    }

    /// The folder builds publish into: the one asked for, or a new one in the temporary folder.
    private func outputFolder() throws -> URL {
        if let output { return URL(fileURLWithPath: output).standardizedFileURL }
        let parent = FileManager.default.temporaryDirectory
            .appendingPathComponent("exemplar-serve-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            say("Không tạo được thư mục tạm \(parent.path): \(error.localizedDescription)")
            throw ExitCode.failure
        }
        return parent.appendingPathComponent("site")
    }

    private static func printRebuild(_ report: BuildReport, changes: [String], site: SiteOptions) {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        let names = changes.map { $0.hasPrefix(cwd) ? String($0.dropFirst(cwd.count)) : $0 }
        let shown = names.prefix(3).joined(separator: ", ") + (names.count > 3 ? " và \(names.count - 3) tệp khác" : "")
        say("Đổi: \(shown)")
        let time = String(format: "%.2f", report.seconds.values.reduce(0, +))
        site.printReport(report, summary: "Đã dựng lại \(report.pagesRendered) trang trong \(time) giây.",
                         failure: "Nội dung còn lỗi: trình duyệt vẫn hiện bản dựng tốt gần nhất, kèm thông báo lỗi.")
    }

    private static func remove(_ folder: URL?) {
        guard let folder else { return }
        do {
            try FileManager.default.removeItem(at: folder)
        } catch {
            say("Không xoá được thư mục tạm \(folder.path): \(error.localizedDescription)")
        }
    }

    private static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    private static func isWildcard(_ host: String) -> Bool {
        host == "0.0.0.0" || host == "::"
    }
}

private func say(_ line: String) {
    Terminal.error(line + "\n")
}
