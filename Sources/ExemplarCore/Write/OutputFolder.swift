import Foundation

/// The last stage: the site is written into a staging folder beside the output and
/// moved into place only when everything succeeded, so readers never see half a site
/// and a failed build leaves the previous one untouched.
public struct OutputFolder: Sendable {
    /// Written at the root of every output, so a later build knows the folder is ours to replace.
    static let marker = ".exemplar-output"

    public let target: URL
    let staging: URL
    /// How many files the previous build published, from its marker; nil when unknown.
    let previousFileCount: Int?

    public enum Failure: Error, CustomStringConvertible {
        case io(String)

        public var description: String {
            switch self { case .io(let message): return message }
        }
    }

    init(target: URL) throws(Failure) {
        self.target = target.standardizedFileURL
        let parent = self.target.deletingLastPathComponent()
        staging = parent.appendingPathComponent(".\(self.target.lastPathComponent).staging-\(ProcessInfo.processInfo.processIdentifier)")
        let fileManager = FileManager()
        let marker = try? String(contentsOf: self.target.appendingPathComponent(Self.marker), encoding: .utf8)
        previousFileCount = marker?.split(separator: "\n").first { $0.hasPrefix("files: ") }.flatMap { Int($0.dropFirst(7)) }
        try? fileManager.removeItem(at: staging)
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw .io("Không tạo được thư mục tạm \(staging.path): \(error.localizedDescription)")
        }
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
    /// the previous output already holds is not written at all: `commit` links the old file
    /// into place if the folder is replaced, so an unchanged page keeps its date and costs
    /// no disk write.
    @discardableResult
    func write(_ relative: String, _ data: Data) throws(Failure) -> Outcome {
        let comparison = FileIO.compare(target.path + "/" + relative, data)
        if comparison == .same { return .unchanged }
        let destination = staging.path + "/" + relative
        guard FileIO.makeParents(of: destination) else {
            throw .io("Không tạo được thư mục cho \(relative): \(FileIO.describeError())")
        }
        guard FileIO.write(data, to: destination) else {
            throw .io("Không ghi được \(relative): \(FileIO.describeError())")
        }
        return comparison == .absent ? .added : .changed
    }

    /// Copies a file as it is (media, theme assets), linking when unchanged.
    @discardableResult
    func copy(_ source: URL, to relative: String) throws(Failure) -> Outcome {
        let data: Data
        do {
            data = try Data(contentsOf: source)
        } catch {
            throw .io("Không đọc được \(source.path): \(error.localizedDescription)")
        }
        return try write(relative, data)
    }

    /// Swaps the staging folder into place, recording how many files it holds. When every
    /// file is the same as before and none was added or removed, the published folder is
    /// left exactly as it was: an unchanged build touches nothing.
    /// Returns whether the published folder changed.
    /// `unchanged` are the files `write` found identical to the published ones.
    @discardableResult
    func commit(files: Int, unchanged: [String]) throws(Failure) -> Bool {
        if unchanged.count == files, previousFileCount == files {
            discard()
            return false
        }
        let failures = unchanged.parallelMap { relative -> String? in
            let destination = staging.path + "/" + relative
            guard FileIO.makeParents(of: destination),
                  link(target.path + "/" + relative, destination) == 0 else { return relative }
            return nil
        }
        if let failed = failures.compactMap({ $0 }).first {
            throw .io("Không liên kết được \(failed) từ bản trước: \(FileIO.describeError())")
        }
        do {
            try Data("exemplar\nfiles: \(files)\n".utf8).write(to: staging.appendingPathComponent(Self.marker))
        } catch {
            throw .io("Không ghi được \(Self.marker): \(error.localizedDescription)")
        }
        let fileManager = FileManager()
        let retired = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            if fileManager.fileExists(atPath: target.path) {
                try? fileManager.removeItem(at: retired)
                try fileManager.moveItem(at: target, to: retired)
            }
            try fileManager.moveItem(at: staging, to: target)
        } catch {
            if fileManager.fileExists(atPath: retired.path), !fileManager.fileExists(atPath: target.path) {
                try? fileManager.moveItem(at: retired, to: target)
            }
            throw .io("Không thay được thư mục kết quả \(target.path): \(error.localizedDescription)")
        }
        try? fileManager.removeItem(at: retired)
        return true
    }

    /// Throws the staging folder away; the previous output stays as it was.
    func discard() {
        try? FileManager().removeItem(at: staging)
    }
}
