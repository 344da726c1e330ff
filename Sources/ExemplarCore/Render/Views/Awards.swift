/// What an award's list page says about the award itself.
extension Views {
    /// The interface name of a level code (`province` → "Cấp tỉnh"); a level the theme has
    /// no string for is the author's own wording and shows as written.
    func levelText(_ level: String?) -> String? {
        guard let level, !level.isEmpty else { return nil }
        let key = "award_level_\(level)"
        let shown = text(key)
        return shown == key ? level : shown
    }
}
