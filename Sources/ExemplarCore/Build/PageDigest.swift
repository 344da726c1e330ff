import Foundation

/// What a kept session remembers of an output file instead of its bytes: enough to tell
/// whether a new rendering differs, and whether the published copy is still that file.
/// Seeded per process like every `Hasher`: digests are compared within one session only.
struct PageDigest: Hashable, Sendable {
    let size: Int
    let hash: Int

    /// For a build that keeps nothing.
    init() {
        size = 0
        hash = 0
    }

    init(_ data: Data) {
        size = data.count
        var hasher = Hasher()
        data.withUnsafeBytes { hasher.combine(bytes: $0) }
        hash = hasher.finalize()
    }
}

/// An output file of a page as a session keeps it: its digest, and its bytes only when the
/// session serves from memory (no output folder to read them back from).
struct PageFile: Sendable {
    var path: String
    var digest: PageDigest
    var data: Data?
}
