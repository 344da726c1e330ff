import Foundation

/// The canonical decomposition (NFD) of each Latin letter and punctuation mark, worked out
/// once, so that sort keys of names decompose them by a table look-up per letter instead of
/// Foundation's decomposition of the whole text.
///
/// Letter by letter gives the whole text's decomposition when every scalar is ASCII or in
/// the table: each decomposes to a base letter (a starter) followed by its marks in
/// canonical order, so no mark is reordered across letters.
struct LatinDecomposition: Sendable {
    static let shared = LatinDecomposition()

    /// Latin-1 and Latin Extended-A and -B; Latin Extended Additional (most Vietnamese
    /// letters); General Punctuation (dashes and quotes, which names and titles hold). No
    /// scalar of these ranges is a combining mark or decomposes to one first.
    private static let lowRange: ClosedRange<UInt32> = 0x0080...0x024F
    private static let extendedRange: ClosedRange<UInt32> = 0x1E00...0x1EFF
    private static let punctuationRange: ClosedRange<UInt32> = 0x2000...0x206F

    private let low: [[Unicode.Scalar]]
    private let extended: [[Unicode.Scalar]]
    private let punctuation: [[Unicode.Scalar]]

    private init() {
        func entry(_ value: UInt32) -> [Unicode.Scalar] {
            guard let scalar = Unicode.Scalar(value) else { return [] }
            return Array(String(Character(scalar)).decomposedStringWithCanonicalMapping.unicodeScalars)
        }
        low = Self.lowRange.map(entry)
        extended = Self.extendedRange.map(entry)
        punctuation = Self.punctuationRange.map(entry)
    }

    /// The scalars of `text` decomposed, as `decomposedStringWithCanonicalMapping` gives them.
    func decompose(_ text: String) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0..<0x80: result.append(scalar)
            case Self.lowRange: result.append(contentsOf: low[Int(value - Self.lowRange.lowerBound)])
            case Self.extendedRange: result.append(contentsOf: extended[Int(value - Self.extendedRange.lowerBound)])
            case Self.punctuationRange: result.append(contentsOf: punctuation[Int(value - Self.punctuationRange.lowerBound)])
            default: return Array(text.decomposedStringWithCanonicalMapping.unicodeScalars)
            }
        }
        return result
    }
}
