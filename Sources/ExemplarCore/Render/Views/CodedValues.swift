/// The values one filter select offers (units, years …) of every row of a list, each value
/// numbered: a list's choices are then counted in arrays of numbers, not by hashing names.
struct CodedValues<Value: Hashable & Sendable>: Sendable {
    private let values: [Value]
    /// Every row's value numbers, one row after another: row `r`'s are `numbers[starts[r]..<starts[r + 1]]`.
    private let numbers: [Int32]
    private let starts: [Int32]

    /// Numbered in runs of rows on every core, then the few values of each run into one numbering.
    init<Row: Sendable, S: Sequence<Value> & Sendable>(_ rows: [Row], _ rowValues: @Sendable (Row) -> S) {
        let runs = rows.parallelRuns { run in Run(run, rowValues) }
        var numbering: [Value: Int32] = [:]
        var values: [Value] = []
        var numbers: [Int32] = []
        var starts: [Int32] = [0]
        numbers.reserveCapacity(runs.reduce(0) { $0 + $1.numbers.count })
        starts.reserveCapacity(rows.count + 1)
        for run in runs {
            let global = run.values.map { value in
                if let number = numbering[value] { return number }
                numbering[value] = Int32(values.count)
                values.append(value)
                return Int32(values.count - 1)
            }
            let offset = Int32(numbers.count)
            numbers += run.numbers.map { global[Int($0)] }
            starts += run.ends.map { $0 + offset }
        }
        self.values = values
        self.numbers = numbers
        self.starts = starts
    }

    /// The values some of the rows `members` have and some lack, `total` being the size of
    /// their list: a value every member has filters nothing.
    func narrowing(_ members: [Int], _ total: Int) -> Set<Value> {
        var counts = [Int32](repeating: 0, count: values.count)
        var seen: [Int32] = []
        for row in members {
            for number in numbers[Int(starts[row])..<Int(starts[row + 1])] {
                if counts[Int(number)] == 0 { seen.append(number) }
                counts[Int(number)] += 1
            }
        }
        var narrowing = Set<Value>(minimumCapacity: seen.count)
        for number in seen where counts[Int(number)] < total { narrowing.insert(values[Int(number)]) }
        return narrowing
    }

    /// The rows of one run with their values numbered from 0 in the order met.
    private struct Run: Sendable {
        var values: [Value] = []
        var numbers: [Int32] = []
        /// Where each row's numbers end.
        var ends: [Int32] = []

        init<Row, S: Sequence<Value>>(_ rows: ArraySlice<Row>, _ rowValues: (Row) -> S) {
            var numbering: [Value: Int32] = [:]
            ends.reserveCapacity(rows.count)
            for row in rows {
                for value in rowValues(row) {
                    if let number = numbering[value] {
                        numbers.append(number)
                    } else {
                        numbering[value] = Int32(values.count)
                        numbers.append(Int32(values.count))
                        values.append(value)
                    }
                }
                ends.append(Int32(numbers.count))
            }
        }
    }
}
