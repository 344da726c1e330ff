/// `VietnameseText.fold` for each letter of the Latin blocks, worked out once by the general
/// rule: folding a name or a heading is then a table look-up per letter instead of a
/// canonical decomposition of the whole text.
///
/// Letter by letter gives the same as the whole text: in these blocks a decomposition is a
/// base letter followed by marks of U+0300…U+036F, all nonspacing and all dropped, so the
/// reordering of marks that decomposing a whole text does cannot change what is kept.
struct FoldTable: Sendable {
    /// Where a scalar goes: one scalar, nothing (a mark), or not here (fold the text the long way).
    private static let dropped: UInt32 = 0xFFFF_FFFE
    private static let absent: UInt32 = 0xFFFF_FFFF

    /// U+00C0…U+036F (Latin-1 letters, Latin Extended-A and -B, IPA, spacing and combining
    /// marks) and U+1E00…U+1EFF (Latin Extended Additional: most Vietnamese letters).
    private static let lowRange: ClosedRange<UInt32> = 0x00C0...0x036F
    private static let extendedRange: ClosedRange<UInt32> = 0x1E00...0x1EFF

    static let shared = FoldTable()

    private let low: [UInt32]
    private let extended: [UInt32]

    private init() {
        func entry(_ value: UInt32) -> UInt32 {
            guard let scalar = Unicode.Scalar(value) else { return Self.absent }
            let folded = Array(VietnameseText.foldDecomposing(String(Character(scalar))).unicodeScalars)
            switch folded.count {
            case 0: return Self.dropped
            case 1: return folded[0].value
            default: return Self.absent
            }
        }
        low = Self.lowRange.map(entry)
        extended = Self.extendedRange.map(entry)
    }

    /// The folded text, or nil when a scalar is outside the table (the caller folds it the long way).
    func fold(_ text: String) -> String? {
        foldedBytes(text).map { String(decoding: $0, as: UTF8.self) }
    }

    /// `fold` as UTF-8 bytes, for callers that read them (slugs).
    func foldedBytes(_ text: String) -> [UInt8]? {
        // Made as UTF-8 bytes: appending scalars to a `String` one by one costs several times more.
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let mapped: UInt32
            switch value {
            case 0x41...0x5A: mapped = value + 0x20
            case 0..<0x80: mapped = value
            case Self.lowRange: mapped = low[Int(value - Self.lowRange.lowerBound)]
            case Self.extendedRange: mapped = extended[Int(value - Self.extendedRange.lowerBound)]
            default: return nil
            }
            if mapped == Self.dropped { continue }
            // Nearly every letter folds to ASCII: one byte, without a scalar's UTF-8 view.
            if mapped < 0x80 {
                result.append(UInt8(mapped))
                continue
            }
            guard mapped != Self.absent, let folded = Unicode.Scalar(mapped) else { return nil }
            result.append(contentsOf: folded.utf8)
        }
        return result
    }
}
