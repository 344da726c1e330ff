/// Files editors write beside the one being edited (swap, backup, lock and temporary
/// files): saving them is not an edit of the site.
enum EditorFiles {
    static func isIgnored(_ name: some StringProtocol) -> Bool {
        if name.hasPrefix(".") || name.hasSuffix("~") || name == "4913" { return true }  // hidden, backup, vim's probe
        if name.hasPrefix("#"), name.hasSuffix("#") { return true }  // emacs auto-save
        let suffixes = [".swp", ".swo", ".swx", ".tmp", ".temp", ".part", ".crdownload", ".kate-swp", "___jb_tmp___", "___jb_old___"]
        return suffixes.contains { name.hasSuffix($0) }
    }
}
