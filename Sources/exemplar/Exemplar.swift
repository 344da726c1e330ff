import ArgumentParser
import ExemplarCore
import Foundation

@main
struct Exemplar: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exemplar",
        abstract: "Dựng trang web điển hình tiên tiến từ nội dung Markdown.",
        subcommands: [Build.self, Check.self, Serve.self, Report.self, New.self, Import.self],
        defaultSubcommand: Build.self
    )

    /// Usage mistakes exit with 2, as compilers do; 1 is kept for content errors.
    static func main() {
        Terminal.prepare()
        Signals.install()
        do {
            var command = try parseAsRoot()
            try command.run()
            Signals.waitIfStopping()
        } catch {
            Signals.waitIfStopping()
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .validationFailure {
                Terminal.error(message + "\n")
                Foundation.exit(2)
            }
            if !message.isEmpty {
                // Help asked for goes to stdout; anything else is an error.
                code == .success ? Terminal.output(message + "\n") : Terminal.error(message + "\n")
            }
            Foundation.exit(code.rawValue)
        }
    }
}

/// Options of every command that reads a site: `build`, `check`, `serve` and `report`.
struct SourceOptions: ParsableArguments {
    @Option(help: "Thư mục nội dung.")
    var content = "content"

    @Option(help: "Thư mục giao diện (mẫu, CSS, chuỗi giao diện).")
    var theme = "theme"

    @Flag(help: "Đưa cả các mục `draft: true` vào trang và báo cáo.")
    var drafts = false

    @Flag(help: "Coi cảnh báo là lỗi.")
    var strict = false

    @Option(help: "Ngôn ngữ của thông báo: vi hoặc en (mặc định theo LANG).")
    var lang: ContentSchema.Language?

    /// Messages in `--lang`, else the locale's language.
    var say: Say { Say(language: InterfaceLanguage.resolve(lang)) }

    /// Where the site is read from; a site without a theme of its own is built with the default one.
    func buildOptions(output: String, write: Bool) -> BuildOptions {
        var options = BuildOptions(content: content, theme: theme, output: output)
        if !FileManager().fileExists(atPath: options.theme.path), let folder = DefaultTheme.folder() {
            options.theme = folder
            options.themeDisplay = folder.path
        }
        options.includeDrafts = drafts
        options.writeOutput = write
        options.strict = strict
        return options
    }
}

/// Options shared by `build`, `check` and `serve`.
struct SiteOptions: ParsableArguments {
    @OptionGroup var source: SourceOptions

    @Option(name: .customLong("base-url"), help: "Thay `base_url` của site.yml, ví dụ http://localhost:8000/ để xem thử.")
    var baseURL: String?

    @Option(help: "Cách in thông báo: text hoặc json.")
    var format: DiagnosticPrinter.Format = .text

    @Option(help: "Thư mục bộ đệm ảnh đã xử lý (mặc định: .exemplar-cache cạnh thư mục nội dung).")
    var cache: String?

    @Flag(help: "In thời gian của từng bước (load, validate, link, plan, render, write).")
    var timings = false

    @Flag(help: "Chỉ in lỗi và cảnh báo: không có dòng tiến độ, không có dòng tổng kết khi thành công.")
    var quiet = false

    @Flag(help: "In tiến độ ngay từ đầu và thời gian của từng bước.")
    var verbose = false

    var content: String { source.content }
    var strict: Bool { source.strict }
    var say: Say { source.say }

    /// The override obeys the same rules as `base_url`: it ends up in every link too.
    func validate() throws {
        if let baseURL, let problem = BaseURL.problem(baseURL) {
            let english = MessageCatalogue.fragment(problem)
            throw ValidationError(say("`--base-url` phải là địa chỉ đầy đủ bắt đầu bằng http:// hoặc https://; \"\(baseURL)\" \(problem). Ví dụ: --base-url http://localhost:8000/",
                                      "`--base-url` must be a full address starting with http:// or https://; \"\(baseURL)\" \(english). For example: --base-url http://localhost:8000/"))
        }
    }

    func buildOptions(output: String, write: Bool) -> BuildOptions {
        var options = source.buildOptions(output: output, write: write)
        options.baseURL = baseURL
        if let cache {
            options.cache = URL(fileURLWithPath: cache, relativeTo: URL(fileURLWithPath: FileManager().currentDirectoryPath)).standardizedFileURL
        }
        return options
    }

    /// Runs a build with its progress shown as `--quiet` and `--verbose` ask.
    func build(_ options: BuildOptions) -> BuildReport {
        var options = options
        let display = ProgressDisplay(quiet: quiet || format == .json, verbose: verbose, say: say)
        options.progress = display.report
        // The command exits once the report is printed.
        let report = Builder.buildOnce(options)
        display.finish()
        return report
    }

    /// Prints the report and turns it into the exit code: 0 clean, 1 errors (or warnings with --strict).
    func finish(_ report: BuildReport, summary: String, failure: String) throws {
        if printReport(report, summary: summary, failure: failure) { throw ExitCode.failure }
    }

    /// Whether the report fails the build: errors, or warnings with `--strict`.
    func failed(_ report: BuildReport) -> Bool {
        report.diagnostics.hasErrors || (strict && !report.diagnostics.isEmpty)
    }

    /// Prints the diagnostics, timings and summary of a build; returns whether it failed.
    @discardableResult
    /// `shown`: the diagnostics to print, when not all of the report's (the summary counts all).
    func printReport(_ report: BuildReport, shown: [Diagnostic]? = nil, summary: String, failure: String) -> Bool {
        let printer = DiagnosticPrinter(format: format, language: say.language)
        printer.print(shown ?? report.diagnostics)
        if verbose {
            let display = ProgressDisplay(quiet: true, verbose: true, say: say)
            for stage in BuildReport.Stage.allCases {
                let name = display.name(stage).padding(toLength: 22, withPad: " ", startingAt: 0)
                Terminal.error("  \(name) \(String(format: "%7.3f", report.seconds[stage] ?? 0)) s\n")
            }
        }
        if timings {
            for stage in BuildReport.Stage.allCases {
                let seconds = report.seconds[stage] ?? 0
                Terminal.error("timing \(stage.rawValue) \(String(format: "%.4f", seconds))\n")
            }
        }
        let failed = failed(report)
        if format == .text, failed || !quiet {
            printer.summary(report.diagnostics, line: failed ? failure : summary)
        }
        return failed
    }
}
