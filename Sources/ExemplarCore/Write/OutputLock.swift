#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// An exclusive hold on one output folder, so that two processes never publish into it at
/// once (their sites would mix). It is a `flock` on `.NAME.lock` beside the folder: the
/// system releases it when the process ends, however it ends, so a killed build never
/// leaves it held. A long-running process (a preview server) keeps one for as long as it
/// publishes; within one process, taking the lock again shares the hold already taken, so
/// builds of one process into one output must follow one another (they share a staging name).
public final class OutputLock: @unchecked Sendable {
    /// The output folder this lock guards, with links resolved.
    public let folder: String
    /// The lock file beside it.
    public let path: String
    private let descriptor: Int32

    private static let registry = NSLock()
    nonisolated(unsafe) private static var held: [String: Weak] = [:]
    private struct Weak { weak var lock: OutputLock? }

    private init(folder: String, path: String, descriptor: Int32) {
        self.folder = folder
        self.path = path
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Takes the lock of `output` without waiting: if another process holds it, throws a
    /// failure naming that process.
    public static func acquire(output: URL) throws(OutputFolder.Failure) -> OutputLock {
        try acquire(folder: OutputPath.resolve(output))
    }

    static func acquire(folder: String) throws(OutputFolder.Failure) -> OutputLock {
        registry.lock()
        defer { registry.unlock() }
        if let lock = held[folder]?.lock { return lock }
        let path = OutputPath.sibling(of: folder, suffix: "lock")
        try io("Không tạo được thư mục chứa \(folder)") { () throws(SystemError) in try FileIO.makeParents(of: folder) }
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else {
            throw OutputFolder.Failure("Không tạo được tệp khoá \(path)", .current())
        }
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let error = SystemError.current()
            if error.code == EINTR { continue }
            var holder: String?
            do { holder = String(decoding: try FileIO.readRegular(descriptor), as: UTF8.self) } catch {}
            close(descriptor)
            guard error.code == EWOULDBLOCK else {
                throw OutputFolder.Failure("Không khoá được thư mục kết quả qua \(path)", error)
            }
            let pid = holder?.split(separator: "\n").first.map(String.init) ?? ""
            let who = pid.isEmpty ? "một tiến trình khác" : "tiến trình \(pid)"
            throw OutputFolder.Failure(
                "Thư mục kết quả \(folder) đang được \(who) dựng hoặc phục vụ; hai lần dựng cùng lúc sẽ trộn lẫn hai trang web",
                hint: "Chờ lệnh kia chạy xong rồi chạy lại" + (pid.isEmpty ? "." : ", hoặc dừng nó (`kill \(pid)`)."))
        }
        // Who holds the lock, for the message another process shows; a failure here only
        // makes that message less precise.
        if ftruncate(descriptor, 0) == 0 {
            do { try FileIO.writeAll(Data("\(getpid())\n".utf8), to: descriptor) } catch {}
        }
        let lock = OutputLock(folder: folder, path: path, descriptor: descriptor)
        held[folder] = Weak(lock: lock)
        return lock
    }
}

/// Where an output folder really is, and the names Exemplar gives to what it keeps beside it.
enum OutputPath {
    /// The folder `output` names. When `output` is a symbolic link (`public -> /srv/www`), the
    /// site is published into the link's target and the link is kept: replacing the link by a
    /// folder would leave the server's folder empty.
    static func resolve(_ output: URL) throws(OutputFolder.Failure) -> String {
        let path = output.standardizedFileURL.path
        guard FileIO.isLink(path) else {
            let parent = (path as NSString).deletingLastPathComponent
            return canonical(parent) + "/" + (path as NSString).lastPathComponent
        }
        guard let resolved = realpath(path, nil) else {
            throw OutputFolder.Failure("Thư mục kết quả \(path) là liên kết (symlink) tới nơi không dùng được", .current(),
                                       hint: "Tạo thư mục mà liên kết trỏ tới, hoặc sửa liên kết (`ln -sfn THƯ-MỤC \(path)`).")
        }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// A path with every link resolved, as far as it exists.
    private static func canonical(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        let text = String(cString: resolved)
        return text == "/" ? "" : text
    }

    /// `.NAME.suffix` beside `folder`.
    static func sibling(of folder: String, suffix: String) -> String {
        let name = (folder as NSString).lastPathComponent
        return (folder as NSString).deletingLastPathComponent + "/.\(name).\(suffix)"
    }
}
