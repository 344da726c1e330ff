#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// What builds that were killed left beside the output: `.NAME.staging-PID` (a site half
/// written, or after the swap the previous site) and `.NAME.old-PID` (the previous site,
/// moved aside where the file system cannot swap in one step), `.NAME.spare-PID` (a
/// server's previous site, kept to be written over: `SpareSite`) and `.NAME.spares-PID` (the
/// files a server's in-place publishes replaced, kept to be written over: `InPlaceOutput`).
/// Only folders that are provably ours are touched: our name, our marker inside, and a
/// process that is gone.
enum Leftovers {
    /// Runs with the output's lock held, so no live build of this output owns any of them.
    static func clean(beside target: String) throws(OutputFolder.Failure) {
        let parent = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        let names: [String]
        do {
            names = try FileIO.names(in: parent.isEmpty ? "/" : parent)
        } catch let error where error.code == ENOENT {
            return
        } catch {
            throw OutputFolder.Failure("Không đọc được thư mục chứa thư mục kết quả \(parent)", error)
        }
        for entry in names.sorted() {
            guard let kind = leftover(entry, of: name) else { continue }
            let path = parent + "/" + entry
            // Without the marker only an empty folder is removed (a build killed between
            // creating its staging folder and marking it); rmdir refuses anything else.
            guard FileIO.exists(path + "/" + OutputFolder.marker) else {
                rmdir(path)
                continue
            }
            // A swap that fell back to two renames and was killed between them left no
            // output at all: the previous site goes back first.
            if kind == "old", !FileIO.exists(target), rename(path, target) == 0 { continue }
            try io("Không xoá được \(path), phần còn lại của một lần dựng bị dừng") { () throws(SystemError) in
                try FileIO.removeTree(path, last: OutputFolder.marker)
            }
        }
    }

    /// `staging`, `old`, `spare` or `spares` when `entry` is one of ours whose process is gone.
    private static func leftover(_ entry: String, of name: String) -> String? {
        for kind in ["staging", "old", "spare", "spares"] {
            let prefix = ".\(name).\(kind)-"
            guard entry.hasPrefix(prefix), let pid = pid_t(entry.dropFirst(prefix.count)), pid > 0 else { continue }
            // This process's own spares are in use, not left over.
            if kind == "spare" || kind == "spares", pid == getpid() { return nil }
            return isGone(pid) ? kind : nil
        }
        return nil
    }

    /// Whether no process has this id. Our own id means a killed process whose id was reused
    /// by this one: this process has not created its folders yet.
    private static func isGone(_ pid: pid_t) -> Bool {
        if pid == getpid() { return true }
        return kill(pid, 0) != 0 && errno == ESRCH
    }
}
