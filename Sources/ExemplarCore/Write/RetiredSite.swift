#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A kept session's previous site, swapped out by a whole-folder publish, kept beside the
/// output as `.NAME.spare-PID` and written over by the next whole-folder publish instead of
/// being removed.
///
/// Removing a site of 30,000 files and creating another just after is slow on ext4: the kernel
/// steps over every inode freed moments before (`recently_deleted`) while it looks for free
/// ones, and a template edit spent more time there than rendering. Writing the new pages into
/// the spare's files keeps their inodes; only files shared with the published site (hard links)
/// and those the new site lacks are replaced or removed. A stopped server removes its spare;
/// a killed one leaves it to the next build (`Leftovers`).
enum SpareSite {
    static func path(beside target: String) -> String {
        OutputPath.sibling(of: target, suffix: "spare-\(getpid())")
    }

    /// Keeps `folder` (the staging name, now holding the previous site) as the spare; removes
    /// it when it cannot be kept.
    static func keep(_ folder: String, beside target: String) {
        let spare = path(beside: target)
        Interruption.register(spare)
        if rename(folder, spare) == 0 {
            Interruption.unregister(folder)
        } else {
            Interruption.unregister(spare)
            OutputFolder.removeStaging(folder)
        }
    }

    /// Makes the spare the staging folder `staging`; false when there is none.
    static func take(beside target: String, as staging: String) -> Bool {
        let spare = path(beside: target)
        Interruption.register(staging)
        guard rename(spare, staging) == 0 else {
            Interruption.unregister(staging)
            return false
        }
        Interruption.unregister(spare)
        return true
    }

    /// Makes `path` in a spare ready to be written: true when a file only this name points at
    /// is there, to be written over in place unless a reader still has it open; anything else there
    /// (a file shared with the published site, a link, a folder) is removed first, and so is a
    /// file standing where a parent folder must be.
    @discardableResult
    static func clear(_ path: String, below root: String) throws(SystemError) -> Bool {
        var info = stat()
        if lstat(path, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFREG, info.st_nlink == 1 { return true }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                try FileIO.removeTree(path)
            } else if unlink(path) != 0 {
                throw .current()
            }
            return false
        }
        guard errno == ENOTDIR else { return false }
        var folder = root
        for part in path.dropFirst(root.count + 1).split(separator: "/").dropLast() {
            folder += "/" + part
            if lstat(folder, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR, unlink(folder) != 0 { throw .current() }
        }
        return false
    }

    /// Makes `path` in a spare ready for a link to `published`: true when it is that file already.
    static func clearForLink(_ path: String, to published: String, below root: String) throws(SystemError) -> Bool {
        var mine = stat(), theirs = stat()
        if lstat(path, &mine) == 0, lstat(published, &theirs) == 0, mine.st_ino == theirs.st_ino, mine.st_dev == theirs.st_dev {
            return true
        }
        var info = stat()
        if lstat(path, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFDIR {
                try FileIO.removeTree(path)
            } else if unlink(path) != 0 {
                throw .current()
            }
        } else if errno == ENOTDIR {
            try clear(path, below: root)
        }
        return false
    }

    /// Removes from the spare staging folder `root` every file the new site does not have,
    /// and every folder left empty.
    static func removeStrays(in root: String, keeping site: Set<String>) throws(SystemError) {
        _ = try prune(root, "", keeping: site, depth: 0)
    }

    /// Whether `relative` (a folder below `root`) is empty once pruned. The top two levels are
    /// looked at on every core: a site has thousands of page folders under a few lists.
    private static func prune(_ root: String, _ relative: String, keeping site: Set<String>, depth: Int) throws(SystemError) -> Bool {
        let paths = try FileIO.names(in: relative.isEmpty ? root : root + "/" + relative)
            .map { relative.isEmpty ? $0 : relative + "/" + $0 }
        if depth < 2 {
            let removed = paths.parallelMap { path -> Result<Bool, SystemError> in
                do throws(SystemError) { return .success(try removeIfStray(root, path, keeping: site, depth: depth)) } catch { return .failure(error) }
            }
            var empty = true
            for outcome in removed where try !outcome.get() { empty = false }
            return empty
        }
        var empty = true
        for path in paths where try !removeIfStray(root, path, keeping: site, depth: depth) { empty = false }
        return empty
    }

    /// Removes `path` when the new site has no such file, or when it is a folder left empty;
    /// true when it is gone.
    private static func removeIfStray(_ root: String, _ path: String, keeping site: Set<String>, depth: Int) throws(SystemError) -> Bool {
        var info = stat()
        guard lstat(root + "/" + path, &info) == 0 else { return false }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            guard try prune(root, path, keeping: site, depth: depth + 1) else { return false }
            if rmdir(root + "/" + path) != 0 { throw .current() }
            return true
        }
        if site.contains(path) { return false }
        if unlink(root + "/" + path) != 0 { throw .current() }
        return true
    }
}
