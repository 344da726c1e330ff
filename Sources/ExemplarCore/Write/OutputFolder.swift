#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The last stage: the site is written into a staging folder beside the output and swapped
/// into place in one atomic step only when everything succeeded, so readers never see half a
/// site, a failed or stopped build leaves the previous one untouched, and at every instant
/// the output is either the whole old site or the whole new one.
public final class OutputFolder: OutputTarget, @unchecked Sendable {
    /// Written at the root of every output and staging folder, so a later build knows the
    /// folder is ours to replace or to clean up.
    static let marker = ".exemplar-output"

    /// The folder published into (a link given as output is resolved to its target).
    public let target: URL
    let staging: URL
    /// How many files the previous build published, from its marker; nil when unknown.
    let previousFileCount: Int?
    /// Held from the start until the folder is committed or discarded.
    public let lock: OutputLock
    private let targetPath: String
    private let stagingPath: String
    /// Files linked from the published folder, with their state when their bytes were
    /// checked: a file edited by hand afterwards is noticed before publishing.
    private var linked: [String: FileStamp] = [:]
    private let linkedLock = NSLock()
    /// Swap the new site in even when every file is the same as the published one: set when
    /// the published folder was changed by hand and may hold files that are not the site's.
    var replacing = false
    /// Flush the new site to the disk before the swap (`BuildOptions.durable`).
    var durable = true
    /// Starts the flush while pages are still being written.
    private let early: EarlyFlush
    /// Whether the output folder existed when the build began: if not, no file of it is
    /// looked at before each file is written.
    private let published: Bool
    /// Whether the staging folder is a kept session's spare (`SpareSite`): the previous site,
    /// whose files are written over; and the files the new site has, to remove the others.
    private let usesSpare: Bool
    private let keepsSpare: Bool
    private var siteFiles: Set<String> = []

    public struct Failure: Error, CustomStringConvertible {
        public let message: String
        let cause: SystemError?
        public let hint: String?

        init(_ message: String, _ cause: SystemError?, hint: String? = nil) {
            self.message = message
            self.cause = cause
            self.hint = hint ?? cause?.remedy
        }

        init(_ message: String, hint: String) {
            self.init(message, nil, hint: hint)
        }

        public var description: String {
            cause.map { "\(message): \($0.cause)." } ?? "\(message)."
        }

        func diagnostic(file: String) -> Diagnostic {
            Diagnostic(.error, "output", description, file: file, hint: hint)
        }
    }

    /// Takes the output's lock (or shares `lock`, held by a long-running process), removes
    /// what killed builds left beside the output, and creates the staging folder.
    /// `spare`: a kept session's publish, which keeps the previous site to write over next time.
    public init(target: URL, lock: OutputLock? = nil, spare: Bool = false) throws(Failure) {
        targetPath = try OutputPath.resolve(target)
        self.target = URL(fileURLWithPath: targetPath)
        if let lock { self.lock = lock } else { self.lock = try OutputLock.acquire(folder: targetPath) }
        stagingPath = OutputPath.sibling(of: targetPath, suffix: "staging-\(getpid())")
        staging = URL(fileURLWithPath: stagingPath)
        early = EarlyFlush(folder: stagingPath)
        try Leftovers.clean(beside: targetPath)
        published = FileIO.exists(targetPath)
        previousFileCount = Self.fileCount(inMarkerOf: targetPath)
        keepsSpare = spare
        usesSpare = spare && SpareSite.take(beside: targetPath, as: stagingPath)
        if usesSpare {
            try io("Không ghi được \(stagingPath)/\(Self.marker)") { () throws(SystemError) in
                try FileIO.write(Data(Self.building.utf8), to: stagingPath + "/" + Self.marker, makingParents: false, toDisk: false) }
        } else {
            try Self.makeStaging(stagingPath)
        }
        TestPause.at("staging")
    }

    /// Creates a staging folder with its marker, registered so that a stopping process
    /// removes it; `removeStaging` is its counterpart.
    static func makeStaging(_ path: String) throws(Failure) {
        Interruption.register(path)
        try io("Không tạo được thư mục tạm \(path)") { () throws(SystemError) in
            try FileIO.makeFolder(path) }
        try io("Không ghi được \(path)/\(marker)") { () throws(SystemError) in
            try FileIO.write(Data(building.utf8), to: path + "/" + marker, makingParents: false, toDisk: false) }
    }

    /// The marker of a staging folder being written. It never reaches a reader through a
    /// power cut (the finished site's marker replaces it), so it is not sent to the disk early.
    private static var building: String { "exemplar\nbuilding: \(getpid())\n" }

    /// Removes a staging folder, marker last; if it cannot be removed now, the next build
    /// removes it. A stopping process leaves the removal to `Interruption`.
    static func removeStaging(_ path: String) {
        do {
            try Interruption.guarded { () throws(Failure) in
                try io("") { () throws(SystemError) in try FileIO.removeTree(path, last: marker) }
                Interruption.unregister(path)
            }
        } catch {}
    }

    static func fileCount(inMarkerOf folder: String) -> Int? {
        let text: String
        do {
            text = String(decoding: try FileIO.readFile(folder + "/" + marker, noFollow: true), as: UTF8.self)
        } catch {
            return nil
        }
        return text.split(separator: "\n").first { $0.hasPrefix("files: ") }.flatMap { Int($0.dropFirst(7)) }
    }

    /// What writing one file did to the published folder.
    public enum Outcome: Sendable {
        /// The previous output holds these bytes already.
        case unchanged
        /// The previous output holds other bytes under this name.
        case changed
        /// The previous output has no file of this name.
        case added
    }

    /// Writes one file and tells how it compares with the published one. A file whose bytes
    /// the published folder already holds is not written: `commit` links it into place from
    /// there, so an unchanged page keeps its date and costs no disk write. Its state is noted
    /// before its bytes are compared; if it changes afterwards (edited by hand during the
    /// build), `commit` refuses to pass it off as rendered.
    @discardableResult
    public func write(_ relative: String, _ data: some ContiguousBytes) throws(Failure) -> Outcome {
        try write(relative, data, otherThan: nil)
    }

    /// `write`, told that the published file, while in the state `otherThan`, holds other bytes.
    func write(_ relative: String, _ data: some ContiguousBytes, otherThan: FileStamp?) throws(Failure) -> Outcome {
        try Interruption.guarded { () throws(Failure) -> Outcome in
            let publishedFile = targetPath + "/" + relative
            let stamp = published ? FileStamp(publishedFile) : nil
            let count = data.withUnsafeBytes(\.count)
            if let stamp, stamp.isRegular, stamp.size == count, stamp != otherThan, FileIO.compare(publishedFile, data) == .same {
                linkedLock.lock()
                linked[relative] = stamp
                linkedLock.unlock()
                return .unchanged
            }
            let destination = stagingPath + "/" + relative
            try io("Không tạo được thư mục cho \(relative)") { () throws(SystemError) in
                // A spare's own file is written over where it is: its folder exists already.
                if usesSpare, try SpareSite.clear(destination, below: stagingPath) {
                    if try FileIO.overwriteIfUnshared(data, at: destination, toDisk: false) { return }
                    // Someone still reads the page from two builds back: it keeps its file.
                    if unlink(destination) != 0, errno != ENOENT { throw .current() }
                }
                // A page's file is most often the only one in its folder, not made yet: making
                // the folder first saves trying to create the file in vain.
                if !usesSpare, relative.hasSuffix("/index.html") { try FileIO.makeParents(of: destination) }
                try FileIO.write(data, to: destination, makingParents: true, toDisk: false)
            }
            if durable { early.wrote(count) }
            if usesSpare {
                linkedLock.lock()
                siteFiles.insert(relative)
                linkedLock.unlock()
            }
            return stamp == nil ? .added : .changed
        }
    }

    /// Publishes again the published file `relative` without reading it, when it is still the
    /// file `stamp` describes (the caller knows its bytes are right). False: it changed or is
    /// gone, and the caller must `write` the bytes.
    func keep(_ relative: String, stamp: FileStamp) -> Bool {
        guard FileStamp(targetPath + "/" + relative) == stamp else { return false }
        linkedLock.lock()
        linked[relative] = stamp
        linkedLock.unlock()
        return true
    }

    /// The state of a published file (after `commit`), for `keep` in a later build.
    func publishedStamp(_ relative: String) -> FileStamp? {
        FileStamp(targetPath + "/" + relative)
    }

    /// Swaps the staging folder into place, recording how many files it holds. When every
    /// file is the same as before and none was added or removed, the published folder is
    /// left exactly as it was: an unchanged build touches nothing.
    /// Returns whether the published folder changed.
    /// `unchanged` are the files `write` found identical to the published ones; `removed`, the
    /// files of the previous site this one no longer has, go with the previous folder.
    /// `replacing` swaps even an unchanged site in (the published folder holds files of others).
    @discardableResult
    public func commit(files: Int, unchanged: [String], removed: [String] = []) throws(Failure) -> Bool {
        if !replacing, unchanged.count == files, previousFileCount == files {
            try checkReusedFiles(in: targetPath)
            discard()
            return false
        }
        if usesSpare {
            let site = linkedLock.withLock { siteFiles.union(linked.keys) }.union([Self.marker])
            try io("Không dọn được thư mục tạm \(stagingPath)") { () throws(SystemError) in
                try SpareSite.removeStrays(in: stagingPath, keeping: site) }
        }
        try linkReusedFiles()
        try Interruption.guarded { () throws(Failure) in
            try io("Không ghi được \(Self.marker)") { () throws(SystemError) in
            try FileIO.write(Data("exemplar\nfiles: \(files)\n".utf8), to: stagingPath + "/" + Self.marker,
                             makingParents: false, toDisk: false) }
        }
        // Everything reaches the disk before the swap: after a power cut the output holds
        // either the old site or the whole new one, never files the disk had not yet written.
        early.stop()
        if durable {
            try io("Không ghi được xuống đĩa thư mục tạm \(stagingPath)") { () throws(SystemError) in
                try Durability.flush(stagingPath) }
        }
        TestPause.at("before-swap")
        try checkReusedFiles(in: stagingPath)
        try Interruption.guarded { () throws(Failure) in try swapIntoPlace() }
        let parent = (targetPath as NSString).deletingLastPathComponent
        if durable {
            try io("Không ghi được xuống đĩa thư mục \(parent)") { () throws(SystemError) in
                try Durability.flushFolder(parent.isEmpty ? "/" : parent) }
        }
        TestPause.at("after-swap")
        // The staging name now holds the previous site. If it cannot be removed, the next
        // build removes it: the new site is published either way.
        discard()
        return true
    }

    /// One atomic exchange where the file system has it; otherwise two renames, undone if
    /// the second fails (a crash between them leaves `.NAME.old-PID`, which the next build
    /// puts back before anything else).
    private func swapIntoPlace() throws(Failure) {
        guard FileIO.exists(targetPath) else {
            if rename(stagingPath, targetPath) != 0 { throw swapFailure(.current()) }
            return
        }
        switch LinuxCalls.exchange(stagingPath, targetPath) {
        case .done:
            return
        case .failed(let error):
            throw swapFailure(error)
        case .unsupported:
            let retired = OutputPath.sibling(of: targetPath, suffix: "old-\(getpid())")
            Interruption.register(retired)
            if rename(targetPath, retired) != 0 { throw swapFailure(.current()) }
            if rename(stagingPath, targetPath) != 0 {
                let error = SystemError.current()
                if rename(retired, targetPath) == 0 { Interruption.unregister(retired) }
                throw swapFailure(error)
            }
            do { try FileIO.removeTree(retired, last: OutputFolder.marker) } catch {}
            Interruption.unregister(retired)
        }
    }

    private func swapFailure(_ error: SystemError) -> Failure {
        if error.code == EBUSY || error.code == EXDEV {
            return Failure("Không thay được thư mục kết quả \(targetPath): đó là điểm gắn kết (mount point) hoặc nằm trên ổ đĩa khác thư mục tạm", error,
                           hint: OutputGuard.mountPointHint(targetPath))
        }
        return Failure("Không thay được thư mục kết quả \(targetPath)", error)
    }

    private var reused: [(String, FileStamp)] {
        linkedLock.lock()
        defer { linkedLock.unlock() }
        return linked.sorted { $0.key < $1.key }
    }

    /// Hard-links the unchanged files from the published folder, on every core; each
    /// failure keeps the errno of its own call.
    private func linkReusedFiles() throws(Failure) {
        let failures = reused.parallelMap { relative, _ -> (String, SystemError)? in
            do {
                try Interruption.guarded { () throws(Failure) in
                    let destination = stagingPath + "/" + relative
                    try io(relative) { () throws(SystemError) in
                        let published = targetPath + "/" + relative
                        if usesSpare, try SpareSite.clearForLink(destination, to: published, below: stagingPath) { return }
                        // The folder is made only when the link cannot be for want of it.
                        if link(published, destination) == 0 { return }
                        guard errno == ENOENT else { throw .current() }
                        try FileIO.makeParents(of: destination)
                        if link(published, destination) != 0 { throw .current() }
                    }
                }
                return nil
            } catch {
                return (relative, (error as? Failure)?.cause ?? SystemError(code: EINTR))
            }
        }
        if let (relative, cause) = failures.lazy.compactMap({ $0 }).first {
            throw Failure("Không liên kết được \(relative) từ bản trước", cause)
        }
    }

    /// Fails when a reused file changed after its bytes were compared: it was edited by hand
    /// during the build, and publishing it would pass the edit off as rendered.
    private func checkReusedFiles(in folder: String) throws(Failure) {
        for (relative, stamp) in reused where FileStamp(folder + "/" + relative) != stamp {
            discard()
            throw Failure("Tệp \(relative) trong thư mục kết quả bị sửa trong lúc đang dựng; trang web mới không được công bố",
                          hint: "Đừng sửa tay thư mục kết quả (mọi thay đổi ở đó bị thay ở lần dựng sau); sửa nội dung rồi chạy lại lệnh dựng.")
        }
    }

    /// Throws the staging folder away; the previous output stays as it was. If it cannot be
    /// removed now, the next build removes it.
    /// A stopping process leaves the removal to `Interruption`.
    public func discard() {
        early.stop()
        // A kept session's staging folder stays as its spare, to be written over next time.
        if keepsSpare { SpareSite.keep(stagingPath, beside: targetPath) } else { Self.removeStaging(stagingPath) }
    }
}

extension OutputFolder.Failure {
    init(read error: FileIO.ReadFailure, _ path: String) {
        switch error {
        case .system(let cause): self.init("Không đọc được \(path)", cause)
        case .notRegular(let kind):
            self.init("Không chép \(path): đó là \(kind), không phải tệp thường", hint: "Thay bằng tệp thật.")
        }
    }
}

/// What identifies a file's content: writing into it changes its modification time. (Its
/// change time is left out: linking the file changes it too.)
struct FileStamp: Equatable {
    let inode: UInt64
    let size: Int
    let modified: timespec
    let isRegular: Bool

    init?(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    /// `relative` below the open folder `folder` (`""`: the folder itself), without following
    /// a final link: cheaper than a whole path when many files of one folder are looked at.
    init?(at folder: Int32, _ relative: String) {
        var info = stat()
        let found = relative.isEmpty ? fstat(folder, &info) : fstatat(folder, relative, &info, AT_SYMLINK_NOFOLLOW)
        guard found == 0 else { return nil }
        self.init(info)
    }

    private init(_ info: stat) {
        inode = UInt64(info.st_ino)
        size = Int(info.st_size)
        modified = info.st_mtim
        isRegular = (info.st_mode & S_IFMT) == S_IFREG
    }

    static func == (a: FileStamp, b: FileStamp) -> Bool {
        a.inode == b.inode && a.size == b.size && a.isRegular == b.isRegular
            && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
    }
}

/// Runs a file operation, turning its failure into the output's, with `message` saying what failed.
func io<T>(_ message: @autoclosure () -> String, _ body: () throws(SystemError) -> T) throws(OutputFolder.Failure) -> T {
    do {
        return try body()
    } catch {
        throw OutputFolder.Failure(message(), error)
    }
}
