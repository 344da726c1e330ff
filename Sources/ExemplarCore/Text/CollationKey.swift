import Foundation

/// A precomputed Vietnamese sort key, so sorting n names costs n key builds instead of
/// n log n locale-aware comparisons.
///
/// Primary: letters in the Vietnamese alphabet order (a ă â b c d đ e ê … o ô ơ … u ư …),
/// spaces and punctuation before digits before letters. Secondary: tones, in the
/// dictionary order ngang, huyền, hỏi, ngã, sắc, nặng. Tertiary: lower case first.
/// Written by hand because Foundation's locale-aware comparison on Linux is not a
/// consistent order for Vietnamese (it ranks "hoà" equal to "hồ" and above "hô").
public struct CollationKey: Comparable, Sendable, Hashable {
    private var primary: [UInt32] = []
    private var secondary: [UInt8] = []
    private var tertiary: [UInt8] = []

    public init(_ text: String) {
        for scalar in LatinDecomposition.shared.decompose(text) {
            switch scalar.value {
            case 0x0306, 0x0302, 0x031B: // breve, circumflex, horn: a new letter (ă â ê ô ơ ư)
                if let last = primary.last { primary[primary.count - 1] = last + Self.modifierStep(scalar.value) }
            case 0x0300: tone(1) // huyền
            case 0x0309: tone(2) // hỏi
            case 0x0303: tone(3) // ngã
            case 0x0301: tone(4) // sắc
            case 0x0323: tone(5) // nặng
            default:
                if scalar.value >= 0x300, scalar.properties.generalCategory == .nonspacingMark { continue }
                append(scalar)
            }
        }
    }

    private mutating func tone(_ weight: UInt8) {
        if !secondary.isEmpty { secondary[secondary.count - 1] = weight }
    }

    private mutating func append(_ scalar: Unicode.Scalar) {
        let value = scalar.value
        let isUpper: Bool
        let lower: UInt32
        if value < 0x80 {
            // ASCII, the bulk of every name after decomposition: no Unicode tables needed.
            isUpper = (0x41...0x5A).contains(value)
            lower = isUpper ? value + 0x20 : value
        } else {
            isUpper = scalar.properties.isUppercase
            lower = isUpper ? (String(scalar).lowercased().unicodeScalars.first?.value ?? value) : value
        }
        let weight: UInt32
        switch lower {
        case 0x61...0x7A: weight = Self.letterBase + (lower - 0x61) * 4   // a–z, with room for ă â, đ, ê, ô ơ, ư
        case 0x111: weight = Self.letterBase + (0x64 - 0x61) * 4 + 1       // đ right after d
        case 0x30...0x39: weight = Self.digitBase + lower
        case 0x20, 0x09, 0x0A: weight = 1
        case _ where value >= 0x80 && scalar.properties.isWhitespace: weight = 1
        case 0..<0x80: weight = 2 + lower                                  // ASCII punctuation
        default: weight = Self.otherBase + lower
        }
        primary.append(weight)
        secondary.append(0)
        tertiary.append(isUpper ? 1 : 0)
    }

    private static let letterBase: UInt32 = 1_000
    private static let digitBase: UInt32 = 500
    private static let otherBase: UInt32 = 2_000

    /// a+breve = ă, a+circumflex = â; o+circumflex = ô, o+horn = ơ; e+circumflex = ê; u+horn = ư.
    private static func modifierStep(_ mark: UInt32) -> UInt32 {
        switch mark {
        case 0x0306: return 1
        case 0x0302: return 2
        default: return 3 // horn: ơ after ô; ư after u
        }
    }

    public static func < (lhs: CollationKey, rhs: CollationKey) -> Bool {
        if lhs.primary != rhs.primary { return lhs.primary.lexicographicallyPrecedes(rhs.primary) }
        if lhs.secondary != rhs.secondary { return lhs.secondary.lexicographicallyPrecedes(rhs.secondary) }
        return lhs.tertiary.lexicographicallyPrecedes(rhs.tertiary)
    }
}
