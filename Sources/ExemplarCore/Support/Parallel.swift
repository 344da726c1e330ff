import Dispatch

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
}
