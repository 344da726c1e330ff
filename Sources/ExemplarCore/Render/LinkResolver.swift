import Foundation

/// Decides what a link written in a body points to on the built site.
struct LinkResolver: Sendable {
    enum Resolution: Equatable {
        case keep
        /// The link's address on the site, and the content file it names when that is a
        /// page's `.md` (not media), whose ids a `#fragment` must match.
        case rewritten(String, file: String? = nil)
        case unsafe
        case broken(String)
    }

    /// Site-relative URL paths of every page (`ca-nhan/x/`) and media file.
    let pagePaths: Set<String>
    let urlOfContentPath: [String: String]
    /// Files that exist but failed to load; their own error is reported, not the links to them.
    let unloadedPaths: Set<String>
    let basePath: String

    /// A link as a page input: what `resolve` gets, in one string (`Input.link`).
    static func inputKey(_ url: String, from folder: String) -> String { folder + "\n" + url }

    /// `resolve` for a link noted by `inputKey`.
    func resolve(inputKey: String) -> Resolution {
        guard let newline = inputKey.firstIndex(of: "\n") else { return .keep }
        return resolve(String(inputKey[inputKey.index(after: newline)...]), from: String(inputKey[..<newline]))
    }

    func resolve(_ url: String, from folder: String) -> Resolution {
        if url.isEmpty || url.hasPrefix("#") { return .keep }
        let (path, fragment) = split(url)
        let lower = path.lowercased()
        for scheme in ["javascript:", "vbscript:", "data:", "file:"] where lower.hasPrefix(scheme) { return .unsafe }
        if lower.contains(":") || path.hasPrefix("//") { return .keep }
        if path.hasPrefix("/") {
            let local = String(path.dropFirst())
            let decoded = local.removingPercentEncodingIfAny
            if local.isEmpty || pagePaths.contains(decoded) { return .rewritten(basePath + local + fragment) }
            // Pages are folders: `/mo-hinh/x` is served as `/mo-hinh/x/`, and only the
            // latter resolves on every static host, so the link gets the page's own address.
            if pagePaths.contains(decoded + "/") { return .rewritten(basePath + local + "/" + fragment) }
            return .broken("trang web không có địa chỉ /\(local)")
        }
        guard let target = normalise(folder + "/" + path) ?? normalise(path) else {
            return .broken("đường dẫn ra ngoài thư mục nội dung")
        }
        // Relative to the item's folder, or written from the content folder.
        let candidates = [target, normalise(path) ?? ""]
        for file in candidates {
            guard let page = urlOfContentPath[file] else { continue }
            return .rewritten(basePath + page + fragment, file: file.hasSuffix(".md") ? file : nil)
        }
        // The site is not published while that file has an error, so the link is left as written.
        if candidates.contains(where: { unloadedPaths.contains($0) || inUnreadableFolder($0) }) { return .keep }
        return .broken("không có tệp nội dung \(target) (hoặc tệp đó là bản nháp)")
    }

    /// Folders that could not be listed are in `unloadedPaths` as `folder/*`.
    private func inUnreadableFolder(_ path: String) -> Bool {
        var prefix = Substring(path)
        while let slash = prefix.lastIndex(of: "/") {
            prefix = prefix[..<slash]
            if unloadedPaths.contains(prefix + "/*") { return true }
        }
        return false
    }

    private func split(_ url: String) -> (String, String) {
        guard let hash = url.firstIndex(of: "#") else { return (url, "") }
        return (String(url[..<hash]), String(url[hash...]))
    }

    /// Resolves `.` and `..`; nil when the path climbs above the content folder.
    private func normalise(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(part)
            }
        }
        return parts.joined(separator: "/").removingPercentEncodingIfAny
    }
}

extension LinkResolver {
    /// Links as the planned site resolves them.
    init(graph: SiteGraph, plan: SitePlan) {
        self.init(pagePaths: Set(plan.pages.map(\.path)).union(graph.media), urlOfContentPath: plan.urlOfContentPath,
                  unloadedPaths: graph.unloadedPaths, basePath: graph.site.basePath)
    }
}

private extension String {
    var removingPercentEncodingIfAny: String {
        contains("%") ? (removingPercentEncoding ?? self) : self
    }
}
