/// "Did you mean …": the closest known word to a misspelt one.
enum Suggestion {
    /// The candidate nearest to `word` by edit distance, when it is close enough
    /// to be a plausible typo rather than a different word. Of equally near ones the first
    /// in code-point order, so the suggestion does not depend on the order of a set.
    static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let limit = max(2, word.count / 3)
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(word.lowercased(), candidate.lowercased())
            guard distance <= limit else { continue }
            if let found = best, distance > found.1 || (distance == found.1 && candidate >= found.0) { continue }
            best = (candidate, distance)
        }
        return best?.0
    }

    /// The one candidate that is `word` with words added or dropped at the end
    /// (`ban-tuyen-giao` / `ban-tuyen-giao-tinh`): what an id looks like after an editor
    /// renamed it, too far for `closest` yet plainly meant. Nil when several fit.
    static func extended(_ word: String, among candidates: some Sequence<String>) -> String? {
        let fits = candidates.filter { $0.hasPrefix(word + "-") || word.hasPrefix($0 + "-") }
        return fits.count == 1 ? fits[0] : nil
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
