import Foundation

/// What a rendered file holds: a text built as a `String` (feeds, data files, the search
/// index), or UTF-8 bytes written straight: by the JSON writer, or a page by the templates
/// (in the buffer they wrote it in). Bytes go to the disk as they are, without being made a
/// `String` first, which would check and copy them all.
enum PageText: Sendable, Equatable, ContiguousBytes {
    case string(String)
    case bytes([UInt8])
    case page(PageBuffer)

    /// The bytes to write.
    var data: Data {
        switch self {
        case .string(let text): return Data(text.utf8)
        case .bytes(let bytes): return Data(bytes)
        case .page(let page): return Data(page.bytes)
        }
    }

    /// Its bytes where they lie, for writing them without copying them into a `Data` first.
    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        switch self {
        case .string(var text): return try text.withUTF8 { try body(UnsafeRawBufferPointer($0)) }
        case .bytes(let bytes): return try bytes.withUnsafeBytes(body)
        case .page(let page): return try page.withUnsafeBytes(body)
        }
    }

    /// The text, for callers that read it.
    var string: String {
        switch self {
        case .string(let text): return text
        case .bytes(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .page(let page): return String(decoding: page.bytes, as: UTF8.self)
        }
    }

    /// The same bytes, whichever way each was made.
    static func == (lhs: PageText, rhs: PageText) -> Bool {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)): return a == b
        case (.bytes(let a), .bytes(let b)): return a == b
        case (.string(let text), .bytes(let bytes)), (.bytes(let bytes), .string(let text)): return text.utf8.elementsEqual(bytes)
        default: return lhs.withUnsafeBytes { a in rhs.withUnsafeBytes { b in a.elementsEqual(b) } }
        }
    }
}
