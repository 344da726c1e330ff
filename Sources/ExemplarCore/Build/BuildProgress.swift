import Foundation

/// What a build is doing, for a progress display: the stage it entered, and during rendering
/// how many pages are done. Reported from the threads that do the work.
public enum BuildProgress: Sendable, Equatable {
    case stage(BuildReport.Stage)
    case pages(done: Int, total: Int)
}

/// Counts rendered pages across threads and reports about every hundredth of them, so that a
/// display is fed often enough to move and seldom enough to cost nothing.
final class PageCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private let total: Int
    private let step: Int
    private let report: @Sendable (BuildProgress) -> Void

    init(total: Int, report: @escaping @Sendable (BuildProgress) -> Void) {
        self.total = total
        self.step = max(1, total / 100)
        self.report = report
    }

    func pageDone() {
        lock.lock()
        done += 1
        let now = done
        lock.unlock()
        if now % step == 0 || now == total { report(.pages(done: now, total: total)) }
    }
}
