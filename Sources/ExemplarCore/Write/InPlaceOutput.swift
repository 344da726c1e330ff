#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Publishing a rebuild file by file, for a kept session that knows what its previous build
/// published and that the folder still holds it: only the files that changed are written,
/// and those gone from the site removed, instead of a whole new folder for one edited page.
///
/// Each changed file is written into a staging folder beside the output (the same file
/// system; flat, under a number, so that staging makes no folders), flushed to the disk,
/// then renamed over the published file: a reader opens either
/// the whole old file or the whole new one, and a publish stopped at any point (a signal, a
/// kill, a power cut) leaves every file old or new, never half written. Files the site no
/// longer has are removed after the renames, with the folders they leave empty. Unlike the
/// whole-folder swap, the site as a whole changes file by file: a visitor may load one page
/// of the new build and the next of the old for the moment the renames take.
final class InPlaceOutput: OutputTarget, @unchecked Sendable {
    let previousFileCount: Int?
    /// Flush new files before their names point at them, and the folders after (`BuildOptions.durable`).
    var durable = true
    private let targetPath: String
    private let stagingPath: String
    /// Held for the session's life; kept here so a publish never outlives it.
    private let lock: OutputLock
    /// The output folder, open: the published files are looked at through it.
    private let folder: Int32
    /// Output files written so far, each with its name in the staging folder.
    private var staged: [(relative: String, name: String)] = []
    private var stagedNames = 0
    private let stagedLock = NSLock()
    /// Output folders (relative, `""` for the output itself) whose entries the publish changed,
    /// made or removed: what must be flushed, and what a later build must find as left.
    private(set) var touchedFolders: Set<String> = []
    private(set) var removedFolders: Set<String> = []

    /// `lock` is the output's, held by the session between builds.
    init(target: URL, lock: OutputLock) throws(OutputFolder.Failure) {
        targetPath = try OutputPath.resolve(target)
        self.lock = lock
        stagingPath = OutputPath.sibling(of: targetPath, suffix: "staging-\(getpid())")
        previousFileCount = OutputFolder.fileCount(inMarkerOf: targetPath)
        folder = open(targetPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { throw OutputFolder.Failure("Không đọc được \(targetPath)", .current()) }
        try OutputFolder.makeStaging(stagingPath)
    }

    deinit { close(folder) }

    func write(_ relative: String, _ data: some ContiguousBytes, otherThan: FileStamp?) throws(OutputFolder.Failure) -> OutputFolder.Outcome {
        try Interruption.guarded { () throws(OutputFolder.Failure) -> OutputFolder.Outcome in
            let published = targetPath + "/" + relative
            let stamp = FileStamp(published)
            if let stamp, stamp.isRegular, stamp.size == data.withUnsafeBytes(\.count), stamp != otherThan, FileIO.compare(published, data) == .same {
                return .unchanged
            }
            let name = stagedLock.withLock { () -> String in
                stagedNames += 1
                return String(stagedNames)
            }
            try io("Không ghi được \(relative)") { () throws(SystemError) in
                try FileIO.write(data, to: stagingPath + "/" + name, makingParents: false, toDisk: durable)
            }
            stagedLock.withLock { staged.append((relative, name)) }
            return stamp == nil ? .added : .changed
        }
    }

    func keep(_ relative: String, stamp: FileStamp) -> Bool {
        FileStamp(at: folder, relative) == stamp
    }

    func publishedStamp(_ relative: String) -> FileStamp? {
        FileStamp(targetPath + "/" + relative)
    }

    func commit(files: Int, unchanged: [String], removed: [String]) throws(OutputFolder.Failure) -> Bool {
        let staged = stagedLock.withLock { self.staged.sorted { $0.relative < $1.relative } }
        let marker = Data("exemplar\nfiles: \(files)\n".utf8)
        let markerChanged = FileIO.compare(targetPath + "/" + OutputFolder.marker, marker) != .same
        guard !staged.isEmpty || !removed.isEmpty || markerChanged else {
            discard()
            return false
        }
        if markerChanged {
            try io("Không ghi được \(OutputFolder.marker)") { () throws(SystemError) in
                try FileIO.write(marker, to: stagingPath + "/" + OutputFolder.marker + ".next", makingParents: false, toDisk: durable) }
        }
        // The new bytes reach the disk before any name points at them.
        let written = staged.map { stagingPath + "/" + $0.name } + (markerChanged ? [stagingPath + "/" + OutputFolder.marker + ".next"] : [])
        if durable {
            try io("Không ghi được xuống đĩa thư mục tạm \(stagingPath)") { () throws(SystemError) in
                try Durability.flush(files: written, folders: [], within: stagingPath) }
        }
        TestPause.at("before-rename")
        for (relative, name) in staged {
            try Interruption.guarded { () throws(OutputFolder.Failure) in
                try io("Không thay được \(relative) trong thư mục kết quả") { () throws(SystemError) in
                    try makeFolders(Self.folder(of: relative))
                    if rename(stagingPath + "/" + name, targetPath + "/" + relative) != 0 { throw .current() }
                }
            }
            touchedFolders.insert(Self.folder(of: relative))
        }
        for relative in removed {
            try Interruption.guarded { () throws(OutputFolder.Failure) in
                try io("Không xoá được \(relative) khỏi thư mục kết quả") { () throws(SystemError) in
                    if unlink(targetPath + "/" + relative) != 0, errno != ENOENT { throw .current() }
                }
            }
            touchedFolders.insert(Self.folder(of: relative))
            removeEmptyFolders(from: Self.folder(of: relative))
        }
        if markerChanged {
            try Interruption.guarded { () throws(OutputFolder.Failure) in
                try io("Không ghi được \(OutputFolder.marker)") { () throws(SystemError) in
                    if rename(stagingPath + "/" + OutputFolder.marker + ".next", targetPath + "/" + OutputFolder.marker) != 0 {
                        throw .current()
                    }
                }
            }
            touchedFolders.insert("")
        }
        TestPause.at("after-rename")
        // The renames and removals reach the disk too: flushing a folder makes its entries durable.
        let folders = touchedFolders.subtracting(removedFolders).sorted().map { $0.isEmpty ? targetPath : targetPath + "/" + $0 }
        if durable {
            try io("Không ghi được xuống đĩa thư mục \(targetPath)") { () throws(SystemError) in
                try Durability.flush(files: [], folders: folders, within: targetPath) }
        }
        discard()
        return true
    }

    func discard() {
        OutputFolder.removeStaging(stagingPath)
    }

    /// `a/b` for `a/b/index.html`, `""` for a file at the top.
    static func folder(of relative: String) -> String {
        guard let slash = relative.lastIndex(of: "/") else { return "" }
        return String(relative[..<slash])
    }

    /// Creates an output folder and those above it that are missing, noting each.
    private func makeFolders(_ relative: String) throws(SystemError) {
        guard !relative.isEmpty else { return }
        let path = targetPath + "/" + relative
        if mkdir(path, 0o755) == 0 {
            touchedFolders.insert(relative)
            touchedFolders.insert(Self.folder(of: relative))
            removedFolders.remove(relative)
            return
        }
        let error = SystemError.current()
        if error.code == EEXIST { return }
        guard error.code == ENOENT else { throw error }
        try makeFolders(Self.folder(of: relative))
        try makeFolders(relative)
    }

    /// Removes `relative` and the folders above it while they are empty (never the output itself).
    private func removeEmptyFolders(from relative: String) {
        var folder = relative
        while !folder.isEmpty, rmdir(targetPath + "/" + folder) == 0 {
            removedFolders.insert(folder)
            folder = Self.folder(of: folder)
            touchedFolders.insert(folder)
        }
    }
}
