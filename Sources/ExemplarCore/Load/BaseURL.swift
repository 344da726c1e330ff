/// The rules for `base_url` (and `--base-url`): every link, the feed and the sitemap are
/// built from it, so a stray quote or space would be copied into every page of the site.
public enum BaseURL {
    public static let example = "https://ldld.example.vn/dien-hinh/"

    /// Characters that cannot appear in an address as written, or that would end it early
    /// in HTML attributes (`"`, `'`, `<`, `>`), or start a query or fragment (`?`, `#`).
    private static let forbidden: Set<Character> = ["\"", "'", "<", ">", "`", "\\", "{", "}", "|", "^", "?", "#"]

    /// What is wrong with `value`, in Vietnamese, or nil when it is a usable address.
    /// A missing trailing slash is fine: links add it.
    public static func problem(_ value: String) -> String? {
        if let bad = value.first(where: { $0.isWhitespace || $0.unicodeScalars.contains { $0.properties.generalCategory == .control } }) {
            return bad == " " ? "có dấu cách" : "có ký tự trắng hoặc ký tự điều khiển"
        }
        if let bad = value.first(where: forbidden.contains) { return "có ký tự `\(bad)`" }
        // A path alone (`/dien-hinh/`) is a site whose host is not known yet: links work,
        // the feed and sitemap carry paths only.
        if value.hasPrefix("/"), !value.hasPrefix("//") { return nil }
        let lower = value.lowercased()
        guard let scheme = ["https://", "http://"].first(where: lower.hasPrefix) else {
            return "không bắt đầu bằng `https://`, `http://` hoặc `/`"
        }
        let host = value.dropFirst(scheme.count).prefix { $0 != "/" }
        if host.isEmpty || host.hasPrefix(":") || host.hasSuffix(":") { return "thiếu tên máy chủ sau `\(scheme)`" }
        return nil
    }
}
