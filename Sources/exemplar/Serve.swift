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
            throw ValidationError(site.say("`--port` phải từ 1 đến 65535, ví dụ --port 8080.",
                                           "`--port` must be from 1 to 65535, e.g. --port 8080."))
        }
        guard !host.isEmpty, !host.contains(where: { $0.isWhitespace || "/[]".contains($0) }) else {
            throw ValidationError(site.say("`--host` phải là một địa chỉ như 127.0.0.1, ::1 hoặc 0.0.0.0.",
                                           "`--host` must be an address such as 127.0.0.1, ::1 or 0.0.0.0."))
        }
    }

    func run() throws {
        let say = site.say
        if let problem = PortCheck.problem(host: host, port: port) {
            Terminal.error(describe(problem) + "\n")
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
        // The temporary folder goes when the server stops: a power cut leaves nothing to keep.
        options.durable = output != nil
        let progress = ProgressRelay(site: site)
        options.progress = progress.report
        let rebuilder = SessionRebuild(options: options) { build in progress.around(build) }

        if site.baseURL == nil {
            say.warn("Xem thử với địa chỉ gốc \(localURL) thay cho base_url của site.yml; dựng thật bằng `exemplar build`.",
                     "Previewing with the base address \(localURL) instead of site.yml's base_url; build for real with `exemplar build`.")
        }
        if !Self.isLoopback(host) {
            say.warn("Lưu ý: máy chủ xem thử mở cho các máy khác trong mạng (--host \(host)). Chỉ dùng trong mạng tin cậy; bỏ --host để chỉ máy này xem được.",
                     "Note: the preview is open to other machines on the network (--host \(host)). Use it on a trusted network only; leave out --host to keep it to this machine.")
        }
        let first = rebuilder.rebuild(changes: [])
        let shown = ShownDiagnostics()
        _ = shown.fresh(first.diagnostics)
        site.printReport(first, summary: say("Đã dựng \(first.pagesRendered) trang.", "Built \(first.pagesRendered) pages."),
                         failure: say("Chưa dựng được trang web: sửa lỗi rồi lưu, trang sẽ tự dựng lại.",
                                      "The site could not be built: fix the errors and save, it rebuilds by itself."))

        let language = say.language
        let server = PreviewServer(
            configuration: .init(host: host, port: port, output: folder, basePath: basePath,
                                 watched: [options.content, options.theme], polling: poll),
            rebuilder: rebuilder, failed: { [site] in site.failed($0) },
            present: { MessageCatalogue.translate($0, to: language) },
            report: { [site] report, changes in Self.printRebuild(report, changes: changes, site: site, shown: shown) })
        let temporary = output == nil ? folder.deletingLastPathComponent() : nil
        if let temporary { Signals.removeOnStop(temporary.path) }
        let shownURL = "http://\(Self.isWildcard(host) ? "127.0.0.1" : urlHost):\(port)\(basePath)"
        let failure = describe(.taken)
        Task { [host, port] in
            do {
                try await server.run(first: first) {
                    say.warn("Xem thử tại \(shownURL); tự dựng lại khi nội dung hay giao diện đổi. Ctrl+C để dừng.",
                             "Preview at \(shownURL); it rebuilds when the content or the theme changes. Ctrl+C stops it.")
                }
            } catch {
                // The port was free a moment ago; most likely another program took it since.
                let taken = PortCheck.problem(host: host, port: port) != nil
                Terminal.error((taken ? failure : say("Máy chủ xem thử dừng vì lỗi: \(error)", "The preview server stopped: \(error)")) + "\n")
                Self.remove(temporary, say: say)
                Foundation.exit(1)
            }
        }
        // The main thread keeps the blocked signal set; the signal thread ends the process.
        while true { sleep(3600) }
    }

    private func describe(_ problem: PortCheck.Problem) -> String {
        let say = site.say
        switch problem {
        case .taken:
            let other = port == 8080 ? 8081 : 8080
            return say("Cổng \(port) trên \(host) đang được một chương trình khác dùng. Dừng chương trình đó, hoặc chọn cổng khác, ví dụ: exemplar serve --port \(other)",
                       "Port \(port) on \(host) is in use by another program. Stop that program, or choose another port, e.g. exemplar serve --port \(other)")
        case .privileged:
            return say("Không được dùng cổng \(port): cổng dưới 1024 cần quyền quản trị. Chọn cổng khác, ví dụ --port 8080.",
                       "Port \(port) is not allowed: ports below 1024 need administrator rights. Choose another, e.g. --port 8080.")
        case .notHere:
            return say("Địa chỉ \(host) không thuộc máy này. Dùng --host 127.0.0.1 (chỉ máy này) hoặc --host 0.0.0.0 (mọi máy trong mạng).",
                       "The address \(host) is not one of this machine's. Use --host 127.0.0.1 (this machine only) or --host 0.0.0.0 (every machine on the network).")
        }
    }

    /// The folder builds publish into: the one asked for, or a new one in the temporary folder.
    private func outputFolder() throws -> URL {
        if let output { return URL(fileURLWithPath: output).standardizedFileURL }
        let parent = FileManager.default.temporaryDirectory
            .appendingPathComponent("exemplar-serve-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            site.say.fileProblem("Không tạo được thư mục tạm \(parent.path)", "Could not create the temporary folder \(parent.path)", error)
            throw ExitCode.failure
        }
        return parent.appendingPathComponent("site")
    }

    private static func printRebuild(_ report: BuildReport, changes: [String], site: SiteOptions, shown: ShownDiagnostics) {
        let say = site.say
        let cwd = FileManager.default.currentDirectoryPath + "/"
        let names = changes.map { $0.hasPrefix(cwd) ? String($0.dropFirst(cwd.count)) : $0 }
        let more = names.count - 3
        let list = names.prefix(3).joined(separator: ", ") + (more > 0 ? say(" và \(more) tệp khác", " and \(more) more files") : "")
        say.warn("Đổi: \(list)", "Changed: \(list)")
        let time = String(format: "%.2f", report.elapsed)
        let rendered = report.pagesMade, changed = report.changedFiles.count
        // A machine reading JSON gets every diagnostic; a person, only what this save changed.
        let fresh = site.format == .text ? shown.fresh(report.diagnostics) : report.diagnostics
        let repeated = report.diagnostics.count - fresh.count
        if repeated > 0 {
            say.warn("\(repeated) lỗi và cảnh báo như lần dựng trước, không in lại.",
                     "\(Say.count(repeated, "diagnostic")) as in the previous build, not printed again.")
        }
        site.printReport(report, shown: fresh, summary: say("Đã dựng lại \(rendered) trang, \(changed) tệp đổi, trong \(time) giây.",
                                              "Rebuilt \(rendered) pages, \(changed) files changed, in \(time) s."),
                         failure: say("Nội dung còn lỗi: trình duyệt vẫn hiện bản dựng tốt gần nhất, kèm thông báo lỗi.",
                                      "The content has errors: the browser keeps showing the last good build, with the errors over it."))
    }

    private static func remove(_ folder: URL?, say: Say) {
        guard let folder else { return }
        do {
            try FileManager.default.removeItem(at: folder)
        } catch {
            say.fileProblem("Không xoá được \(folder.path)", "Could not remove \(folder.path)", error)
        }
    }

    private static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    private static func isWildcard(_ host: String) -> Bool {
        host == "0.0.0.0" || host == "::"
    }
}

/// The diagnostics the terminal showed last: a rebuild prints those that are new, and how
/// many others stand as they were, instead of every warning of the site on each save.
private final class ShownDiagnostics: @unchecked Sendable {
    private let lock = NSLock()
    private var shown: Set<Diagnostic> = []

    /// Notes `diagnostics` as shown; returns those the previous call did not have.
    func fresh(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        lock.withLock {
            let before = shown
            shown = Set(diagnostics)
            return diagnostics.filter { !before.contains($0) }
        }
    }
}

/// Each build of the session gets its own progress display: a rebuild that ends within a
/// second prints nothing but its diagnostics, like a short `build`.
private final class ProgressRelay: @unchecked Sendable {
    private let site: SiteOptions
    private let lock = NSLock()
    private var display: ProgressDisplay?

    init(site: SiteOptions) {
        self.site = site
    }

    var report: @Sendable (BuildProgress) -> Void {
        { [self] progress in
            lock.lock()
            let current = display
            lock.unlock()
            current?.report?(progress)
        }
    }

    func around(_ build: () -> BuildReport) -> BuildReport {
        let fresh = ProgressDisplay(quiet: site.quiet || site.format == .json, verbose: site.verbose, say: site.say)
        lock.lock()
        display = fresh
        lock.unlock()
        let report = build()
        fresh.finish()
        return report
    }
}
