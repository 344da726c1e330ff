import ExemplarCore
import Foundation

/// A long build's progress on standard error: one line rewritten in place on a terminal, plain
/// lines when the output goes to a file, a pipe or CI. A build that ends within a second shows
/// nothing (unless `--verbose`), so short builds and scripts see only the diagnostics.
final class ProgressDisplay: @unchecked Sendable {
    enum Mode {
        case off, line, plain
    }

    let mode: Mode
    private let say: Say
    private let delay: UInt64
    private let start = DispatchTime.now().uptimeNanoseconds
    private let lock = NSLock()
    private var lastDraw: UInt64 = 0
    private var lineShown = false
    private var stage: BuildReport.Stage?
    private var lastTenth = -1

    init(quiet: Bool, verbose: Bool, say: Say) {
        self.say = say
        let environment = ProcessInfo.processInfo.environment
        let terminal = isatty(STDERR_FILENO) != 0 && environment["CI"] == nil && environment["TERM"] != "dumb"
        mode = quiet ? .off : terminal ? .line : .plain
        delay = verbose ? 0 : 1_000_000_000
    }

    /// The function a build reports to.
    var report: (@Sendable (BuildProgress) -> Void)? {
        guard mode != .off else { return nil }
        return { @Sendable [self] progress in self.show(progress) }
    }

    private func show(_ progress: BuildProgress) {
        lock.lock()
        defer { lock.unlock() }
        let now = DispatchTime.now().uptimeNanoseconds
        switch progress {
        case .stage(let entered):
            stage = entered
            lastTenth = -1
            guard now - start >= delay else { return }
            if mode == .plain { Terminal.error(name(entered) + "…\n") } else { draw(name(entered) + "…", now: now, force: true) }
        case .pages(let done, let total):
            guard now - start >= delay, total > 0 else { return }
            let text = say("\(name(.render)): \(done)/\(total) trang", "\(name(.render)): \(done)/\(total) pages")
            switch mode {
            case .line: draw(text, now: now, force: done == total)
            case .plain:
                let tenth = done * 10 / total
                if tenth > lastTenth { lastTenth = tenth; Terminal.error(text + "\n") }
            case .off: break
            }
        }
    }

    /// Rewrites the progress line, at most ten times a second.
    private func draw(_ text: String, now: UInt64, force: Bool) {
        guard force || now - lastDraw >= 100_000_000 else { return }
        lastDraw = now
        lineShown = true
        Terminal.error("\r\u{1B}[K" + text)
    }

    /// Clears the progress line before diagnostics and the summary are printed.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if lineShown { Terminal.error("\r\u{1B}[K") }
        lineShown = false
    }

    func name(_ stage: BuildReport.Stage) -> String {
        switch stage {
        case .load: say("Đọc nội dung", "Reading the content")
        case .validate: say("Kiểm tra", "Checking")
        case .link: say("Liên kết các mục", "Linking the items")
        case .plan: say("Lập danh sách trang", "Planning the pages")
        case .render: say("Dựng trang", "Rendering")
        case .search: say("Lập chỉ mục tìm kiếm", "Indexing for search")
        case .images: say("Xử lý ảnh", "Processing photos")
        case .write: say("Ghi tệp", "Writing the files")
        }
    }
}
