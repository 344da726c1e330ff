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
/// Each changed file is written into a folder beside the output (the same file system; flat,
/// so that it needs no folders), flushed to the disk, then swapped with the published file in
/// one step (`RENAME_EXCHANGE`): a reader opens either the whole old file or the whole new
/// one, and a publish stopped at any point (a signal, a kill, a power cut) leaves every file
/// old or new, never half written. Files the site no longer has are removed after the swaps,
/// with the folders they leave empty. Unlike the whole-folder swap, the site as a whole
/// changes file by file: a visitor may load one page of the new build and the next of the
/// old for the moment the swaps take.
///
/// The folder beside (`.NAME.spares-PID`) lives as long as the process: the old files the
/// swaps took out stay there under the name of their output path, and the next publish that
/// changes that path writes over its old file instead of creating one. A server renaming a
/// unit again and again then neither creates nor deletes files; on ext4, creating files
/// soon after deleting as many makes the kernel step over every inode freed moments before.
/// An old file is written over only when no one has it open any more (a reader that opened
/// the page before the swap), and no other name links to it; otherwise a new one is made.
final class InPlaceOutput: OutputTarget, @unchecked Sendable {
    let previousFileCount: Int?
    /// Flush new files before their names point at them, and the folders after (`BuildOptions.durable`).
    var durable = true
    private let targetPath: String
    /// The folder of files being published and of the old ones kept to be written over.
    private let sparesPath: String
    /// Held for the session's life; kept here so a publish never outlives it.
    private let lock: OutputLock
    /// The output folder, open: the published files are looked at through it.
    private let folder: Int32
    /// Output files written so far, each with its name in the spares folder, and whether it
    /// replaces a published file (swapped) or is new there (renamed).
    private var staged: [(relative: String, name: String, swap: Bool)] = []
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
        sparesPath = OutputPath.sibling(of: targetPath, suffix: "spares-\(getpid())")
        previousFileCount = OutputFolder.fileCount(inMarkerOf: targetPath)
        folder = open(targetPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { throw OutputFolder.Failure("Không đọc được \(targetPath)", .current()) }
        if FileIO.exists(sparesPath + "/" + OutputFolder.marker) {
            Interruption.register(sparesPath)
        } else {
            try OutputFolder.makeStaging(sparesPath)
        }
    }

    deinit { close(folder) }

    func write(_ relative: String, _ data: some ContiguousBytes, otherThan: FileStamp?) throws(OutputFolder.Failure) -> OutputFolder.Outcome {
        try Interruption.guarded { () throws(OutputFolder.Failure) -> OutputFolder.Outcome in
            let published = targetPath + "/" + relative
            let stamp = FileStamp(published)
            if let stamp, stamp.isRegular, stamp.size == data.withUnsafeBytes(\.count), stamp != otherThan, FileIO.compare(published, data) == .same {
                return .unchanged
            }
            let name = Self.spareName(relative) ?? stagedLock.withLock { () -> String in
                stagedNames += 1
                return "%n\(stagedNames)"
            }
            try io("Không ghi được \(relative)") { () throws(SystemError) in
                try Self.stage(data, at: sparesPath + "/" + name, toDisk: durable)
            }
            stagedLock.withLock { staged.append((relative, name, stamp?.isRegular == true)) }
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
        let nextMarker = sparesPath + "/" + Self.markerName
        if markerChanged {
            try io("Không ghi được \(OutputFolder.marker)") { () throws(SystemError) in
                try FileIO.write(marker, to: nextMarker, makingParents: false, toDisk: durable) }
        }
        // The new bytes reach the disk before any name points at them.
        let written = staged.map { sparesPath + "/" + $0.name } + (markerChanged ? [nextMarker] : [])
        if durable {
            try io("Không ghi được xuống đĩa thư mục tạm \(sparesPath)") { () throws(SystemError) in
                try Durability.flush(files: written, folders: [], within: sparesPath) }
        }
        TestPause.at("before-rename")
        for (relative, name, swap) in staged {
            try Interruption.guarded { () throws(OutputFolder.Failure) in
                try io("Không thay được \(relative) trong thư mục kết quả") { () throws(SystemError) in
                    try makeFolders(Self.folder(of: relative))
                    try publish(sparesPath + "/" + name, at: targetPath + "/" + relative, swap: swap)
                }
            }
            touchedFolders.insert(Self.folder(of: relative))
        }
        stagedLock.withLock { self.staged = [] }
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
                    if rename(nextMarker, targetPath + "/" + OutputFolder.marker) != 0 {
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

    /// Drops what this publish staged and did not publish: files under their output path's
    /// name stay, to be written over; numbered ones and the next marker go.
    func discard() {
        let left = stagedLock.withLock { () -> [String] in
            defer { staged = [] }
            return staged.map(\.name).filter { $0.hasPrefix("%") }
        }
        for name in left + [Self.markerName] { unlink(sparesPath + "/" + name) }
    }

    /// The name in the spares folder of the file at output path `relative`: the path with `%`
    /// and `/` escaped (`so-lieu%2F2019%2Findex.html`); nil when that is longer than a name
    /// may be (the file is then staged under a number, and not kept after it is replaced).
    static func spareName(_ relative: String) -> String? {
        var name = ""
        for character in relative.unicodeScalars {
            switch character {
            case "%": name += "%25"
            case "/": name += "%2F"
            default: name.unicodeScalars.append(character)
            }
        }
        return name.utf8.count <= 255 ? name : nil
    }

    /// The next marker's name in the spares folder: no escaped output path starts with `%m`.
    private static let markerName = "%marker"

    /// Writes `data` at `path` in the spares folder: over the old file there when no one has it
    /// open and no other name links to it, keeping its inode and blocks; else into a new file.
    private static func stage(_ data: some ContiguousBytes, at path: String, toDisk: Bool) throws(SystemError) {
        if try FileIO.overwriteIfUnshared(data, at: path, toDisk: toDisk) { return }
        // None there, or still read by someone, linked elsewhere, or not a file: a new one is made.
        if unlink(path) != 0, errno != ENOENT { try FileIO.removeTree(path) }
        try FileIO.write(data, to: path, makingParents: false, toDisk: toDisk)
    }

    /// Puts the staged file `staged` at `published`: swapped with the file there, which stays
    /// in the spares folder under the staged name, when `swap`; else renamed, and gone from there.
    private func publish(_ staged: String, at published: String, swap: Bool) throws(SystemError) {
        if swap {
            switch LinuxCalls.exchange(staged, published) {
            case .done: return
            case .unsupported: break
            // Removed since it was looked at: the new file is simply put there.
            case .failed(let error) where error.code == ENOENT: break
            case .failed(let error): throw error
            }
        }
        if rename(staged, published) != 0 { throw .current() }
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
