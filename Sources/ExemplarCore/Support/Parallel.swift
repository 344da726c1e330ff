import Foundation

extension Array where Element: Sendable {
    /// `map` on every core. The order of results matches the input.
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            nonisolated(unsafe) let output = buffer
            self.withUnsafeBufferPointer { input in
                nonisolated(unsafe) let input = input
                DispatchQueue.concurrentPerform(iterations: input.count) { index in
                    (output.baseAddress! + index).initialize(to: transform(input[index]))
                }
            }
            initialized = count
        }
    }

    /// `transform` of runs of neighbouring elements on every core: for work that carries something
    /// from one element to the next. A few runs per core, of 64 elements at least: the results are
    /// then put together at little cost, in the runs' order.
    func parallelRuns<T: Sendable>(_ transform: @Sendable (ArraySlice<Element>) -> T) -> [T] {
        let runs = 4 * ProcessInfo.processInfo.activeProcessorCount
        let length = Swift.max(64, (count + runs - 1) / runs)
        let starts = [Int](stride(from: 0, to: count, by: length))
        return starts.parallelMap { start in transform(self[start..<Swift.min(start + length, count)]) }
    }
}

/// Work begun at once on another core, while the caller goes on with other work; `result()`
/// waits for it. The caller's own `parallelMap`s keep every core, which they would not inside
/// a `concurrentPerform` (a nested one runs on its thread alone).
final class BackgroundWork<T: Sendable>: @unchecked Sendable {
    private let finished = DispatchGroup()
    private let work: @Sendable () -> T
    /// Set once, by the worker, before it leaves `finished`; read only after waiting on it.
    private var value: T?

    init(_ work: @escaping @Sendable () -> T) {
        self.work = work
        finished.enter()
        DispatchQueue.global().async {
            self.value = work()
            self.finished.leave()
        }
    }

    /// The worker's value; were it ever missing, the work is done again here rather than lost.
    func result() -> T {
        finished.wait()
        return value ?? work()
    }
}
