#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// The previous site, swapped out by a kept session's publish, removed on a thread of its own:
/// a server announces the new site without waiting for thousands of files to be unlinked.
///
/// It is moved aside as `.NAME.retired-PID` first, so the staging name is free for the next
/// build. A process stopped meanwhile removes it (`Interruption`); one killed leaves it to the
/// next build (`Leftovers`).
enum RetiredSite {
    private static let queue = DispatchQueue(label: "exemplar-retired-site")
    private static let group = DispatchGroup()

    /// Removes `folder` (the staging name, now holding the previous site of `target`) later.
    static func remove(_ folder: String, beside target: String) {
        wait()
        let retired = OutputPath.sibling(of: target, suffix: "retired-\(getpid())")
        Interruption.register(retired)
        guard rename(folder, retired) == 0 else {
            Interruption.unregister(retired)
            OutputFolder.removeStaging(folder)
            return
        }
        Interruption.unregister(folder)
        queue.async(group: group) {
            do {
                try Interruption.guarded { () throws(OutputFolder.Failure) in
                    try io("") { () throws(SystemError) in try FileIO.removeTree(retired, last: OutputFolder.marker) }
                    Interruption.unregister(retired)
                }
            } catch {}
        }
    }

    /// Returns once the last removal is done: before a build makes or cleans folders beside
    /// the output.
    static func wait() {
        group.wait()
    }
}
