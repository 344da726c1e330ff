import Foundation

/// Runs the pipeline: load → validate → link → plan → render → write.
/// Every stage adds diagnostics; the site is published only when none is an error.
public enum Builder {
    public static func build(_ options: BuildOptions) -> BuildReport {
        var report = BuildReport()
        var clock = StageClock()

        let (graph, theme) = loadValidateLink(options, report: &report, clock: &clock)

        options.progress?(.stage(.plan))
        let (plan, planDiagnostics) = Planner.plan(graph)
        report.diagnostics += planDiagnostics
        report.seconds[.plan] = clock.lap()

        guard let theme else { return report }
        let renderer = PageRenderer(graph: graph, plan: plan, theme: theme, today: options.today)
        var output: OutputFolder?
        if options.writeOutput, !report.diagnostics.hasErrors {
            do {
                output = try OutputFolder(target: options.output)
            } catch {
                report.diagnostics.append(error.diagnostic(file: options.outputDisplay))
                return report
            }
        }
        let writer = output
        options.progress?(.stage(.render))
        let counter = options.progress.map { PageCounter(total: plan.pages.count, report: $0) }
        let results = plan.pages.parallelMap { page in
            defer { counter?.pageDone() }
            return renderAndWrite(page, renderer: renderer, output: writer)
        }
        var unchangedFiles: [String] = []
        /// Files the previous output held under the same name with other bytes.
        var replaced = 0
        func record(_ outcome: OutputFolder.Outcome, _ file: String) {
            report.filesWritten += 1
            switch outcome {
            case .unchanged: unchangedFiles.append(file)
            case .changed: report.filesChanged += 1; replaced += 1
            case .added: report.filesChanged += 1
            }
        }
        var writeFailures: [(OutputFolder.Failure, String)] = []
        for result in results {
            report.diagnostics += result.diagnostics
            report.pagesRendered += result.rendered ? 1 : 0
            for (file, outcome) in result.outcomes { record(outcome, file) }
            writeFailures += result.failures
        }
        report.diagnostics += OutputFolder.Failure.diagnostics(writeFailures)
        report.seconds[.render] = results.reduce(0) { $0 + $1.renderSeconds }
        report.seconds[.write] = results.reduce(0) { $0 + $1.writeSeconds }
        report.seconds[.search] = results.reduce(0) { $0 + $1.searchSeconds }
        _ = clock.lap()

        guard let output else { return report }
        options.progress?(.stage(.write))
        if !report.diagnostics.hasErrors {
            report.diagnostics += output.copyStatic(media: graph.media, content: options.content, contentDisplay: options.contentDisplay,
                                                    assets: theme.assets, assetsDisplay: options.themeDisplay + "/assets", record: record)
        }
        if report.diagnostics.hasErrors || (options.strict && !report.diagnostics.isEmpty) {
            output.discard()
            return report
        }
        do {
            report.outputChanged = try output.commit(files: report.filesWritten, unchanged: unchangedFiles)
            report.published = true
            // Every file the previous output held was either kept, replaced or left behind.
            report.filesRemoved = max(0, (output.previousFileCount ?? 0) - unchangedFiles.count - replaced)
        } catch {
            output.discard()
            report.diagnostics.append(error.diagnostic(file: options.outputDisplay))
        }
        report.seconds[.write, default: 0] += clock.lap()
        return report
    }

    /// The first three stages. The loaded content is dropped on return: from here on the
    /// graph holds everything, and a large site should not keep two copies.
    private static func loadValidateLink(_ options: BuildOptions, report: inout BuildReport,
                                         clock: inout StageClock) -> (SiteGraph, Theme?) {
        options.progress?(.stage(.load))
        var (content, diagnostics) = ContentLoader.load(from: options.content, displayPath: options.contentDisplay)
        if let baseURL = options.baseURL { content.site.baseURL = baseURL }
        report.diagnostics += diagnostics
        report.seconds[.load] = clock.lap()

        options.progress?(.stage(.validate))
        report.diagnostics += Validator.validate(content, today: options.today)
        let (theme, themeDiagnostics) = Theme.load(from: options.theme, displayPath: options.themeDisplay,
                                                   language: content.site.language)
        report.diagnostics += themeDiagnostics
        if options.writeOutput {
            report.diagnostics += OutputGuard.check(output: options.output, outputDisplay: options.outputDisplay,
                                                    content: options.content, theme: options.theme)
        }
        report.seconds[.validate] = clock.lap()

        options.progress?(.stage(.link))
        var graph = Linker.link(content, includeDrafts: options.includeDrafts)
        graph.scores = ScoreResults.compute(content.scores, graph: graph, today: options.today)
        report.graph = graph
        report.seconds[.link] = clock.lap()
        return (graph, theme)
    }

    private struct PageResult: Sendable {
        var diagnostics: [Diagnostic]
        var rendered = false
        /// What writing each file did, and the files that could not be written.
        var outcomes: [(String, OutputFolder.Outcome)] = []
        var failures: [(OutputFolder.Failure, String)] = []
        var renderSeconds = 0.0
        var writeSeconds = 0.0
        /// Building the search index, which is not a page's rendering.
        var searchSeconds = 0.0
    }

    private static func renderAndWrite(_ page: SitePlan.Page, renderer: PageRenderer, output: OutputFolder?) -> PageResult {
        if page.route == .searchIndex { return writeSearchIndex(page, renderer: renderer, output: output) }
        var clock = StageClock()
        let (html, diagnostics) = renderer.render(page)
        var result = PageResult(diagnostics: diagnostics, rendered: html != nil, renderSeconds: clock.lap())
        guard let html, let output else { return result }
        write(html, to: page.outputFile, output: output, result: &result)
        result.writeSeconds = clock.lap()
        return result
    }

    /// The search index is many files made in one pass over the site.
    private static func writeSearchIndex(_ page: SitePlan.Page, renderer: PageRenderer, output: OutputFolder?) -> PageResult {
        var clock = StageClock()
        let files = SearchIndex.files(renderer.views)
        var result = PageResult(diagnostics: [], searchSeconds: clock.lap())
        guard let output else { return result }
        for file in files { write(file.text, to: page.path + file.path, output: output, result: &result) }
        result.writeSeconds = clock.lap()
        return result
    }

    private static func write(_ text: String, to file: String, output: OutputFolder, result: inout PageResult) {
        do {
            result.outcomes.append((file, try output.write(file, Data(text.utf8))))
        } catch {
            result.failures.append((error, file))
        }
    }
}

/// Measures consecutive stages.
struct StageClock {
    private var last = DispatchTime.now().uptimeNanoseconds

    mutating func lap() -> Double {
        let now = DispatchTime.now().uptimeNanoseconds
        defer { last = now }
        return Double(now - last) / 1e9
    }
}
