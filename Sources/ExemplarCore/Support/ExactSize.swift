extension String {
    /// The same text in storage of its own size. Text appended piece by piece has up to twice
    /// the room it needs; one kept for a whole build is worth copying once.
    func exactlySized() -> String {
        var text = self
        return text.withUTF8 { String(decoding: $0, as: UTF8.self) }
    }
}
