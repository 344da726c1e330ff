import Foundation

/// The inputs a session's pages and cards read, each kept once under a number: a page keeps
/// the numbers of its inputs rather than a set of them. Which pages an edit affects is then
/// found by comparing each distinct input once (`changes`) and testing every page's numbers
/// against the result, instead of hashing every input of every page; and a large site's
/// pages do not each hold a set of enums and strings.
final class InputIDs: @unchecked Sendable {
    private let lock = NSLock()
    private var numbers: [PageInput: UInt32] = [:]
    private var inputs: [PageInput] = []

    /// The numbers of `read`, giving new inputs the next numbers. Called from every core.
    func numbers(of read: Set<PageInput>) -> [UInt32] {
        lock.lock()
        defer { lock.unlock() }
        var out: [UInt32] = []
        out.reserveCapacity(read.count)
        for input in read {
            if let number = numbers[input] {
                out.append(number)
            } else {
                let number = UInt32(inputs.count)
                numbers[input] = number
                inputs.append(input)
                out.append(number)
            }
        }
        return out
    }

    /// The inputs of `numbers` given by `numbers(of:)`.
    func inputs(of numbers: [UInt32]) -> [PageInput] {
        lock.withLock { numbers.map { inputs[Int($0)] } }
    }

    /// The number of an input already kept; nil for one never read.
    func number(of input: PageInput) -> UInt32? {
        lock.withLock { numbers[input] }
    }

    /// Whether each input kept so far has another value in the new site, by number; those
    /// made from the new build's cards and filter choices are compared by `withCards`.
    func changes(_ comparison: InputComparison) -> InputChanges {
        let all = lock.withLock { inputs }
        let flags = InputChanges.compare(all) { input in
            !input.dependsOnCards && comparison.changed(input, cards: Views.Cards())
        }
        return InputChanges(inputs: all, changed: flags, cardsCompared: false)
    }
}

/// Which of the inputs numbered by `InputIDs` changed, as far as they were numbered when asked.
struct InputChanges: Sendable {
    /// The inputs by number when the changes were found.
    let inputs: [PageInput]
    let changed: [Bool]
    /// Whether the inputs made from the new cards were compared too.
    let cardsCompared: Bool

    /// These changes with the inputs made from the new build's cards compared as well.
    func withCards(_ comparison: InputComparison, cards: Views.Cards) -> InputChanges {
        let before = changed
        let flags = Self.compare(inputs) { input in
            input.dependsOnCards ? comparison.changed(input, cards: cards) : false
        }
        return InputChanges(inputs: inputs, changed: zip(before, flags).map { $0 || $1 }, cardsCompared: true)
    }

    /// Whether any of `numbers` changed, once `withCards` has compared every input. A number
    /// given after these changes were found counts as changed.
    func any(_ numbers: [UInt32]) -> Bool {
        numbers.contains { Int($0) >= changed.count || changed[Int($0)] }
    }

    /// Whether any of `numbers` changed, before `withCards`: one made from cards is compared
    /// with `cards`, the cards made so far.
    func any(_ numbers: [UInt32], comparison: InputComparison, cards: Views.Cards) -> Bool {
        numbers.contains { number in
            let index = Int(number)
            guard index < changed.count else { return true }
            if !cardsCompared, inputs[index].dependsOnCards { return comparison.changed(inputs[index], cards: cards) }
            return changed[index]
        }
    }

    /// Whether `input` has another value now: by its number when it has one, compared otherwise.
    func changed(_ input: PageInput, ids: InputIDs, comparison: InputComparison, cards: Views.Cards) -> Bool {
        if cardsCompared || !input.dependsOnCards, let number = ids.number(of: input), Int(number) < changed.count {
            return changed[Int(number)]
        }
        return comparison.changed(input, cards: cards)
    }

    /// `test` of every input, on every core.
    fileprivate static func compare(_ inputs: [PageInput], _ test: @Sendable (PageInput) -> Bool) -> [Bool] {
        let chunkSize = max(1024, inputs.count / 32)
        let chunks = stride(from: 0, to: inputs.count, by: chunkSize).map { $0..<min($0 + chunkSize, inputs.count) }
        return chunks.parallelMap { range in range.map { test(inputs[$0]) } }.flatMap { $0 }
    }
}

extension PageInput {
    /// Whether comparing it needs the new build's cards or filter choices.
    var dependsOnCards: Bool {
        switch self {
        case .card, .filters, .filterForm: return true
        default: return false
        }
    }
}
