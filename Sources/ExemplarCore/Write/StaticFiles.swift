import Foundation

extension OutputTarget {
    /// Copies the media the content uses and the theme's assets as they are. Each is read
    /// without following links (`copy(from:_:to:)`), so a file swapped for a link to elsewhere
    /// during the build is refused rather than published.
    func copyStatic(media: Set<String>, content: URL, contentDisplay: String, images: [PublishedFile] = [],
                           assets: URL?, assetsDisplay: String,
                           record: (OutputFolder.Outcome, String) -> Void) -> [Diagnostic] {
        var jobs: [(root: URL, relative: String, destination: String, display: String)] =
            media.sorted().map { (content, $0, $0, contentDisplay + "/" + $0) }
        jobs += images.map { ($0.root, $0.relative, $0.destination, $0.root.appendingPathComponent($0.relative).path) }
        var problems: [Diagnostic] = []
        if let assets {
            for entry in FolderWalk.walk(assets.path, skipHidden: false) {
                switch entry {
                case .file(let path):
                    jobs.append((assets, path, "assets/" + path, assetsDisplay + "/" + path))
                case let problem:
                    problems += FolderWalk.diagnostics(problem, folder: assetsDisplay, code: "output",
                                                       skipped: "nên không được chép vào trang web")
                }
            }
        }
        let outcomes = jobs.parallelMap { job in
            Result { () throws(OutputFolder.Failure) -> OutputFolder.Outcome in try copy(from: job.root, job.relative, to: job.destination) }
        }
        var failures: [(OutputFolder.Failure, String)] = []
        for (outcome, job) in zip(outcomes, jobs) {
            switch outcome {
            case .success(let outcome): record(outcome, job.destination)
            case .failure(let failure): failures.append((failure, job.display))
            }
        }
        return problems + OutputFolder.Failure.diagnostics(failures)
    }
}

extension OutputFolder.Failure {
    /// One diagnostic per cause: a full disk fails every page the same way, and a thousand
    /// identical lines would bury it. The first file is named, with how many more there are.
    public static func diagnostics(_ failures: [(OutputFolder.Failure, String)]) -> [Diagnostic] {
        var order: [Int32?] = []
        var groups: [Int32?: [(OutputFolder.Failure, String)]] = [:]
        for failure in failures {
            let key = failure.0.cause?.code
            if key == nil {
                order.append(nil)
                groups[nil, default: []].append(failure)
                continue
            }
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(failure)
        }
        var diagnostics: [Diagnostic] = []
        var unkeyed = (groups[nil] ?? [])[...]
        for key in order {
            guard key != nil, let group = groups[key], let (first, file) = group.first else {
                if let (failure, file) = unkeyed.popFirst() { diagnostics.append(failure.diagnostic(file: file)) }
                continue
            }
            var diagnostic = first.diagnostic(file: file)
            if group.count > 1 {
                diagnostic.message += " Cùng lỗi này với \(group.count - 1) tệp khác."
            }
            diagnostics.append(diagnostic)
        }
        return diagnostics
    }
}
