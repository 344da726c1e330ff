@_spi(Bench) import ExemplarCore
import Foundation

// Times a kept site session on a content folder: the first (clean) build, then rebuilds after
// one profile edit, one unit rename in units.yml and one template edit, each repeated and put
// back afterwards. Used by bench/session.sh; not a product.
//
//   ExemplarBench CONTENT THEME OUTPUT [RUNS]      (EXEMPLAR_BENCH_ONLY=WORD: only those edits;
//   EXEMPLAR_BENCH_FOLDERS=1: the pages each rebuild rendered, by folder; EXEMPLAR_BENCH_INVENTORY=1:
//   the inputs the session holds, by kind of page)

let arguments = CommandLine.arguments
guard arguments.count >= 4 else {
    FileHandle.standardError.write(Data("usage: ExemplarBench CONTENT THEME OUTPUT [RUNS]\n".utf8))
    exit(2)
}
let content = URL(fileURLWithPath: arguments[1]).standardizedFileURL
let theme = URL(fileURLWithPath: arguments[2]).standardizedFileURL
let runs = arguments.count > 4 ? Int(arguments[4]) ?? 5 : 5

var options = BuildOptions(content: content.path, theme: theme.path, output: arguments[3])
options.contentDisplay = "content"
let session = SiteSession(options: options)

/// Written at once, not buffered: a long run shows each figure as soon as it is measured.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// CPU seconds (user and system, every thread) this process has used so far: on a shared
/// machine the wall time says as much about the neighbours as about the build.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    func value(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return value(usage.ru_utime) + value(usage.ru_stime)
}

func stages(_ report: BuildReport) -> String {
    BuildReport.Stage.allCases.map { String(format: "%@ %.0f", $0.rawValue, (report.seconds[$0] ?? 0) * 1000) }
        .joined(separator: ", ")
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("ExemplarBench: \(message)\n".utf8))
    exit(1)
}

/// Resident memory now and at its peak (`VmRSS`, `VmHWM` of /proc/self/status), in MiB.
func memory() -> String {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return "memory unknown" }
    func field(_ name: String) -> String {
        let line = status.split(separator: "\n").first { $0.hasPrefix(name + ":") } ?? ""
        let kib = Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
        return "\(kib / 1024) MiB"
    }
    return "resident \(field("VmRSS")), peak \(field("VmHWM"))"
}

let firstReport = session.build()
let first = firstReport.elapsed
guard firstReport.published else { fail("the first build failed: \(firstReport.diagnostics.first.map { "\($0)" } ?? "")") }
say(String(format: "first build: %.2f s, %d pages (%@ ms); %@", first, firstReport.pagesRendered, stages(firstReport), memory()))

/// `EXEMPLAR_BENCH_INVENTORY=1`: what the session holds after its first build, by kind of page.
if ProcessInfo.processInfo.environment["EXEMPLAR_BENCH_INVENTORY"] != nil {
    let inventory = session.inventory()
    for kind in inventory.kinds {
        say("   \(kind.name): \(kind.pages) pages, \(kind.inputs) inputs (\(kind.pages > 0 ? kind.inputs / kind.pages : 0) a page)")
    }
    say("   cards: \(inventory.cards), \(inventory.cardInputs) inputs; search documents: \(inventory.searchDocuments), \(inventory.searchInputs) inputs")
}

/// `EXEMPLAR_BENCH_ONLY=WORD` times only the kinds of edit whose name holds WORD (for a profiler).
let only = ProcessInfo.processInfo.environment["EXEMPLAR_BENCH_ONLY"]

/// Runs `edit` (given the run number) `runs` times, rebuilding after each, then puts the file back.
func measure(_ name: String, file: URL, named: Bool, _ edit: (String, Int) -> String) {
    if let only, !name.contains(only) { return }
    guard let original = try? String(contentsOf: file, encoding: .utf8) else { fail("cannot read \(file.path)") }
    var times: [Double] = []
    var cpu: [Double] = []
    var last: BuildReport?
    for run in 1...runs {
        do { try Data(edit(original, run).utf8).write(to: file) } catch { fail("cannot write \(file.path)") }
        let before = cpuSeconds()
        let report = session.build(changes: named ? [ChangedPath(file)] : nil)
        cpu.append(cpuSeconds() - before)
        guard report.published else { fail("\(name): the rebuild failed: \(report.diagnostics.first.map { "\($0)" } ?? "")") }
        times.append(report.elapsed)
        last = report
    }
    cpu.sort()
    do { try Data(original.utf8).write(to: file) } catch { fail("cannot restore \(file.path)") }
    _ = session.build(changes: [ChangedPath(file)])
    times.sort()
    guard let last else { return }
    if ProcessInfo.processInfo.environment["EXEMPLAR_BENCH_FOLDERS"] != nil {
        // Which kinds of page the last rebuild rendered, and which of them changed.
        func byFolder(_ files: [String]) -> [String: Int] {
            Dictionary(grouping: files) { $0.split(separator: "/").first.map(String.init) ?? "" }.mapValues(\.count)
        }
        let rendered = byFolder(last.renderedFiles), changed = byFolder(last.changedFiles)
        for (folder, count) in rendered.sorted(by: { $0.value > $1.value }) {
            say("   \(folder): \(count) rendered, \(changed[folder] ?? 0) changed")
        }
    }
    say(String(format: "%@: median %.0f ms (min %.0f, max %.0f), CPU median %.0f ms, over %d; %d pages rendered, %d files changed, %d figures computed; last: %@ ms; %@",
                 name, times[times.count / 2] * 1000, times[0] * 1000, times[times.count - 1] * 1000, cpu[cpu.count / 2] * 1000, runs,
                 last.renderedFiles.count, last.changedFiles.count, last.figuresMade.count, stages(last), memory()))
}

let individuals = content.appendingPathComponent("individuals")
guard let profileName = (try? FileManager().contentsOfDirectory(atPath: individuals.path))?.filter({ $0.hasSuffix(".md") }).sorted().first
else { fail("no profile in \(individuals.path)") }
let profile = individuals.appendingPathComponent(profileName)

measure("profile body edit (file named)", file: profile, named: true) { text, run in text + "\nĐoạn thêm lần \(run).\n" }
measure("profile body edit (whole folder rescanned)", file: profile, named: false) { text, run in text + "\nĐoạn thêm lần \(run).\n" }
measure("profile name edit (file named)", file: profile, named: true) { text, run in
    text.replacingOccurrences(of: "\nname: ", with: "\nname: Tên \(run) ")
}
measure("unit rename in units.yml", file: content.appendingPathComponent("units.yml"), named: true) { text, run in
    guard let range = text.range(of: "  name: ") else { return text }
    return text.replacingCharacters(in: range, with: "  name: Đổi tên \(run) ")
}
measure("template edit (exemplar.mustache)", file: theme.appendingPathComponent("templates/exemplar.mustache"), named: true) { text, run in
    text + "<!-- \(run) -->\n"
}
// Every page shows the layout: the whole site is rendered again, as bench/serve.sh's template edit.
measure("template edit (layout.mustache)", file: theme.appendingPathComponent("templates/layout.mustache"), named: true) { text, run in
    text.replacingOccurrences(of: "<footer", with: "<footer data-lan=\"\(run)\"")
}

// Peak memory: /usr/bin/time around this process (bench/session.sh).
