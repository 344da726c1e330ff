import Foundation

/// A site kept between builds, so that a rebuild after an edit does only what the edit needs.
///
/// `Builder.build` is a session's first build; `exemplar serve` keeps one session and calls
/// `build(changes:)` after each save:
///
/// ```swift
/// let session = SiteSession(options: options)         // keepsPages: true by default
/// var report = session.build()                         // the whole site, as `exemplar build`
/// report = session.build(changes: [ChangedPath(path: "content/individuals/x.md")])
/// report.renderedFiles   // output files rendered again ("ca-nhan/x/index.html", …)
/// report.changedFiles    // output files whose bytes changed (what a browser must reload)
/// session.page(at: "ca-nhan/x/index.html")             // bytes of the last good build
/// ```
///
/// - `changes: nil` looks at every file of the content and theme folders by its stamp
///   (modification time, size, inode) and reads again only those that changed; a list
///   of changed files or folders (absolute or relative to the working directory, under
///   `options.content` or `options.theme`) looks at those alone. A folder, or a path the
///   session cannot place, makes it look at everything.
/// - Every build checks everything (references, duplicates, the plan), links the whole graph
///   again from the content in memory, and renders again exactly the pages whose inputs
///   have another value: what each page's data read was recorded while it was built
///   (`PageInput`). A template, the strings, `site.yml` or `base_url` change renders all.
/// - The output folder is written only when the build has no error: the first build as by
///   `build` (a staging folder swapped in), later ones in place, only the files that changed
///   (`InPlaceOutput`), while the folder is as this session left it; `page(at:)` keeps giving the last good build's pages meanwhile, and
///   `staticSource(at:)` the file a media or asset path is copied from. With
///   `options.writeOutput = false` nothing is written at all and a rebuild skips the disk:
///   a server can serve from memory alone.
/// - `BuildReport.diagnostics` are every diagnostic of the site, as a clean build reports them.
/// - Builds run one at a time (a second caller waits); `page(at:)` may be called from any
///   thread at any time and never sees half a build.
public final class SiteSession: @unchecked Sendable {
    public let options: BuildOptions
    /// Whether pages note their inputs and keep their bytes: what a later build and
    /// `page(at:)` need. `Builder.build`, which builds once, goes without.
    public let keepsPages: Bool

    private let buildLock = NSLock()
    private let servedLock = NSLock()
    /// The pages of the last build without errors: their bytes when serving from memory,
    /// otherwise only their names (the bytes are in the output folder).
    private var served: [String: Data] = [:]
    private var servedFiles: Set<String> = []
    private var servedStatics: [String: URL] = [:]
    /// Whether page bytes stay in memory: only without an output folder to read them from.
    private var keepsBytes: Bool { keepsPages && !options.writeOutput }
    /// What the output folder holds, by output file: the digest of each page file published
    /// and the file's state, so an unchanged page is published again without being read.
    private var onDisk: [String: OnDisk] = [:]

    struct OnDisk: @unchecked Sendable {
        var digest: PageDigest
        var stamp: FileStamp
    }

    /// The output folder as this session last published it: the state of every folder in it
    /// (`""` for the output itself: a file added, removed or renamed changes its folder's)
    /// and every file. The next build replaces only the files that changed while the folders
    /// are as left; empty when unknown, and then a whole new folder is swapped in.
    private var publishedFolders: [String: FileStamp] = [:]
    private var publishedPageFiles: Set<String> = []
    private var publishedStatics: Set<String> = []
    /// Whether the last build published, and `onDisk` holds every one of its page files with
    /// the page's digest: what lets a body edit leave the other pages out of the rebuild.
    private var publishedAll = false
    /// The output's lock, held from the first publish on when pages are kept: no other
    /// process publishes into the folder between this session's builds.
    private var outputLock: OutputLock?
    /// What changed in the output folder since this session last published it, when the
    /// system can tell (`OutputWatch`): a rebuild then looks for hand edits only there.
    private var outputWatch: OutputWatch?
    /// The output's changes the current in-place publish looks at; nil: look at every file.
    private var outputSuspects: Set<String>?
    /// Whether the output folder is watched for changes made outside the session.
    var watchesOutput: Bool { buildLock.withLock { outputWatch != nil } }

    private var store: ContentStore
    private var loadedTheme: LoadedTheme?
    private var previous: Previous?
    /// The photos and downloads as the last build found them.
    private var lastImages: ImageProcessor.Result?

    /// The last build's site and pages.
    private struct Previous {
        var state: SiteState
        /// What checking the content and planning the site reported.
        var checked: [Diagnostic]
        var planned: [Diagnostic]
        /// What each card made read, by the numbers of `ids`.
        var cardInputs: [PageInput: [UInt32]]
        /// The inputs pages and cards read, numbered.
        let ids: InputIDs
        /// The search index's documents and terms, updated in place by the next build.
        var search: SearchIndexKeeper?
        let table: PageTable
        var pages: [Route: RenderedPage] { table.pages }
        var files: Set<String> { table.files }
        /// The plan's index of the page each file belongs to, of the pages with diagnostics, and
        /// how many pages (the search index aside) gave files.
        var owners: [String: Int] { table.owners }
        var diagnosed: [Int]
        var pageCount: Int
        /// The plan's index of every page that read each content file's body (`individuals/x.md`):
        /// what a build that changes only bodies renders again, found without looking at every page.
        var bodyReaders: [String: Set<Int>]
        /// The rows of site-wide pages (`PageRows`), by page.
        var rows: [Route: [String: KeptRow]]
        /// The figures of every year, each with what it read (`FigureKeeper`).
        var figures: FigureKeeper.Figures
    }

    /// The pages of a build by route, the files they gave and the page each file belongs to (the
    /// plan's index), in one object: a build that renders a few pages again updates the previous
    /// build's in place, instead of copying tables as large as the site. Changed only while
    /// building, under `buildLock`.
    private final class PageTable: @unchecked Sendable {
        var pages: [Route: RenderedPage] = [:]
        var files: Set<String> = []
        var owners: [String: Int] = [:]
    }

    /// One planned page as rendered: usually one file, several for the search index.
    private struct RenderedPage: Sendable {
        var outputFile: String
        /// Its files, by digest (and bytes when kept); nil when rendering failed.
        var files: [PageFile]?
        var diagnostics: [Diagnostic]
        /// What the page read, by the numbers of the session's `InputIDs`.
        var inputs: [UInt32]
        /// The content files whose body text it read (`individuals/x.md`): its `.body` inputs.
        var bodies: [String]
        /// The search index's file texts, when only digests are kept: its state holds the same
        /// strings, so this costs no memory, and a file whose string is the same next time keeps
        /// its digest without its bytes being made and hashed again.
        var texts: [PageText]?

        func sameFiles(as other: RenderedPage?) -> Bool {
            guard let files, let theirs = other?.files, files.count == theirs.count else { return false }
            return zip(files, theirs).allSatisfy { $0.path == $1.path && $0.digest == $1.digest }
        }
    }

    public init(options: BuildOptions, keepsPages: Bool = true) {
        self.options = options
        self.keepsPages = keepsPages
        store = ContentStore(root: options.content, displayPath: options.contentDisplay)
    }

    /// The bytes of an output file (`ca-nhan/x/index.html`, `feed.xml`) as the last build
    /// without errors made it; nil for files that are not pages (media, assets) or unknown.
    public func page(at relativePath: String) -> Data? {
        servedLock.lock()
        defer { servedLock.unlock() }
        if keepsBytes { return served[relativePath] }
        guard servedFiles.contains(relativePath) else { return nil }
        do {
            return try FileIO.readFile(options.output.appendingPathComponent(relativePath).path, noFollow: true)
        } catch {
            return nil
        }
    }

    /// The source of a file the output copies as it is (`media/a.jpg` from the content folder,
    /// `assets/style.css` from the theme), as of the last build without errors; nil otherwise.
    public func staticSource(at relativePath: String) -> URL? {
        servedLock.lock()
        defer { servedLock.unlock() }
        return servedStatics[relativePath]
    }

    /// The output files `page(at:)` knows.
    public var pageFiles: [String] {
        servedLock.lock()
        defer { servedLock.unlock() }
        return servedFiles.sorted()
    }

    /// The digest of every page file of the last build, with or without errors, by output file.
    func renderedPages() -> [String: PageDigest] {
        buildLock.lock()
        defer { buildLock.unlock() }
        var pages: [String: PageDigest] = [:]
        for page in previous?.pages.values ?? [:].values {
            for file in page.files ?? [] { pages[file.path] = file.digest }
        }
        return pages
    }

    /// What the session holds after its last build, counted.
    @_spi(Bench)
    public func inventory() -> SessionInventory {
        buildLock.lock()
        defer { buildLock.unlock() }
        var inventory = SessionInventory()
        guard let previous else { return inventory }
        var kinds: [String: SessionInventory.Kind] = [:]
        for page in previous.pages.values {
            let name = page.outputFile.split(separator: "/").first.map(String.init) ?? ""
            kinds[name, default: SessionInventory.Kind(name: name)].pages += 1
            kinds[name]?.inputs += page.inputs.count
        }
        inventory.kinds = kinds.values.sorted { ($0.inputs, $1.name) > ($1.inputs, $0.name) }
        inventory.cards = previous.cardInputs.count
        inventory.cardInputs = previous.cardInputs.values.reduce(0) { $0 + $1.count }
        let documents = previous.search?.state.documents ?? []
        inventory.searchDocuments = documents.count
        inventory.searchInputs = documents.reduce(0) { $0 + ($1.inputs?.count ?? 0) }
        return inventory
    }

    public func build(changes: [ChangedPath]? = nil) -> BuildReport {
        var clock = StageClock()
        var report = runStages(changes)
        report.elapsed = clock.lap()
        return report
    }

    private func runStages(_ changes: [ChangedPath]?) -> BuildReport {
        buildLock.lock()
        defer { buildLock.unlock() }
        var report = BuildReport()
        var clock = StageClock()

        options.progress?(.stage(.load))
        let contentChanges = refreshContent(changes)
        // Only body text changed: checking, linking and planning, which read typed values
        // alone, would give what they gave last time, and the content is not put together.
        var same = contentChanges.typed ? nil : previous
        var content = Content()
        if same == nil {
            let diagnostics: [Diagnostic]
            (content, diagnostics) = store.content()
            report.diagnostics += diagnostics
        } else {
            report.diagnostics += store.diagnostics()
        }
        // Built once: the content lives on in the graph, and a large site should not keep two copies.
        if !keepsPages {
            Self.freeLater(store)
            store = ContentStore(root: options.content, displayPath: options.contentDisplay)
        }
        if let baseURL = options.baseURL { content.site.baseURL = baseURL }
        report.seconds[.load] = clock.lap()

        options.progress?(.stage(.validate))
        // Checking reads the content and gives diagnostics alone: it runs on another core while
        // the content is linked, the site planned and the cards made (`PendingChecks`).
        let checkedAt = report.diagnostics.count
        let checking = same != nil ? nil : BackgroundWork { [content, today = options.today] in
            var clock = StageClock()
            return (Validator.validate(content, today: today), clock.lap())
        }
        // So is the theme, read again when a template or strings file changed: only the pages read it.
        let language = same?.state.graph.site.language ?? content.site.language
        let themeLoading = BackgroundWork { [loadedTheme, root = options.theme, display = options.themeDisplay] in
            LoadedTheme.refreshed(loadedTheme, changes: changes, language: language, root: root, displayPath: display)
        }
        if options.writeOutput {
            // A folder this session holds the lock of is its own, even if its marker was removed by hand.
            report.diagnostics += OutputGuard.check(output: options.output, outputDisplay: options.outputDisplay,
                                                    content: options.content, theme: options.theme, owned: outputLock != nil)
        }
        report.seconds[.validate] = clock.lap()

        options.progress?(.stage(.link))
        var graph: SiteGraph
        if let same {
            graph = same.state.graph
        } else {
            graph = Linker.link(content, includeDrafts: options.includeDrafts)
            graph.scores = ScoreResults.compute(content.scores, graph: graph, today: options.today)
        }
        content = Content()
        report.seconds[.link] = clock.lap()

        options.progress?(.stage(.images))
        // Only body text of named item files changed: no photo or download did (a photo replaced
        // under the same name changes no content, so that is known only from the names), and
        // their sizes and files stand.
        var images: ImageProcessor.Result
        if same != nil, let last = lastImages, onlyItemFiles(changes) {
            images = last
            images.reused += images.processed
            images.processed = 0
        } else {
            images = ImageProcessor.process(ImageProcessor.Request(graph), content: options.content,
                                            contentDisplay: options.contentDisplay, cache: options.cache,
                                            store: options.writeOutput)
        }
        lastImages = keepsPages ? images : nil
        graph.images = IDTable(images.images.lazy.map { ($0.key, $0.value) })
        graph.fileSizes = IDTable(images.fileSizes.lazy.map { ($0.key, $0.value) })
        report.graph = graph
        report.diagnostics += images.diagnostics
        report.imagesProcessed = images.processed
        report.imagesReused = images.reused
        report.seconds[.images] = clock.lap()

        options.progress?(.stage(.plan))
        let (plan, planned) = same.map { ($0.state.plan, $0.planned) } ?? Planner.plan(graph)
        report.diagnostics += planned
        report.seconds[.plan] = clock.lap()
        let themeChanged: Bool
        (loadedTheme, themeChanged) = themeLoading.result()
        report.diagnostics.insert(contentsOf: loadedTheme?.diagnostics ?? [], at: checkedAt)
        // Goes on while the cards are made; what it finds goes before the theme's diagnostics.
        let checks = PendingChecks(checking, kept: same?.checked ?? [], at: checkedAt)

        guard let theme = loadedTheme?.theme else {
            _ = checks.finish(into: &report)
            previous = nil
            return report
        }
        // A photo's published sizes reach cards, lists and exports that do not record
        // reading it: when any photo changed, every page is rendered again.
        let reuse = keepsPages && !themeChanged && !contentChanges.site ? previous : nil
        // A replaced photo or download keeps its path, so the content reads the same, but its
        // published sizes may not: pages and cards that read them are then compared one by one.
        let sameMedia = reuse.map { $0.state.graph.images == graph.images && $0.state.graph.fileSizes == graph.fileSizes } ?? false
        let sameSite = same != nil && sameMedia
        same = nil
        // A build that renders every page again needs none of the previous ones: they go before
        // the new ones are made, so that a server does not hold two whole sites at once.
        if reuse == nil { previous = nil }
        render(graph: graph, plan: plan, theme: theme, images: images.files, reuse: reuse, sameSite: sameSite,
               changes: contentChanges, checks: checks, planned: planned, report: &report, clock: &clock)
        Self.freeLater(reuse)
        return report
    }

    /// Where the previous build's site, or the content read for a single build, is freed: tens
    /// of thousands of objects, whose freeing need not delay the pages.
    private static let freeing = DispatchQueue(label: "exemplar-session-freeing", qos: .utility)

    /// Lets go of `value` on another thread, so that its last reference goes there.
    private static func freeLater<T: Sendable>(_ value: T?) {
        guard let value else { return }
        freeing.async { withExtendedLifetime(value) {} }
    }

    // MARK: - Reading

    private func refreshContent(_ changes: [ChangedPath]?) -> ContentStore.Changes {
        guard let changes else { return store.refreshAll() }
        let root = options.content.standardizedFileURL.path
        var paths: [String] = []
        for change in changes {
            let path = change.url.standardizedFileURL.path
            if path == root { return store.refreshAll() }
            if path.hasPrefix(root + "/") { paths.append(String(path.dropFirst(root.count + 1))) }
        }
        return paths.isEmpty ? ContentStore.Changes() : store.refresh(paths: paths)
    }

    /// Whether every changed path under the content folder is in an item folder (`individuals/x.md`).
    private func onlyItemFiles(_ changes: [ChangedPath]?) -> Bool {
        guard let changes else { return false }
        let root = options.content.standardizedFileURL.path + "/"
        return changes.allSatisfy { change in
            let path = change.url.standardizedFileURL.path
            guard path.hasPrefix(root) else { return !(root.hasPrefix(path + "/")) }
            let parts = path.dropFirst(root.count).split(separator: "/")
            return parts.count == 2 && ContentLoader.itemFolders.contains(String(parts[0]))
        }
    }

    // MARK: - Rendering and writing

    /// `sameSite`: the graph and plan are the previous build's, so only body texts may differ.
    private func render(graph: SiteGraph, plan: SitePlan, theme: Theme, images: [PublishedFile], reuse old: Previous?,
                        sameSite: Bool, changes: ContentStore.Changes, checks: PendingChecks, planned: [Diagnostic],
                        report: inout BuildReport, clock: inout StageClock) {
        var state = sameSite ? old?.state ?? SiteState(graph: graph, plan: plan, links: LinkResolver(graph: graph, plan: plan))
            : SiteState(graph: graph, plan: plan, links: LinkResolver(graph: graph, plan: plan))
        var cardReuse: Views.CardReuse?
        // Cards and filter choices read no body: on the same graph, every one stands.
        let prepared = sameSite ? old?.state.cards : nil
        let ids = old?.ids ?? InputIDs()
        let comparison = old.map { InputComparison(old: $0.state, new: state, bodies: changes.items, scores: changes.scores) }
        // Each input pages and cards read is compared once; those made from cards when the cards are.
        var inputChanges = sameSite ? nil : comparison.map { ids.changes($0) }
        if let old, let comparison, let found = inputChanges {
            let inputs = old.cardInputs
            cardReuse = { table, id, cards in
                guard let card = old.state.cards.card(table, id), let read = inputs[.card(table, id)],
                      !found.any(read, comparison: comparison, cards: cards) else { return nil }
                return card
            }
        }
        let figures = keepsPages ? FigureKeeper(before: old?.figures ?? [:], ids: ids) : nil
        let renderer = PageRenderer(graph: graph, plan: plan, theme: theme, today: options.today,
                                    tracking: keepsPages, reuse: cardReuse, earlier: cardReuse == nil ? nil : old?.state.cards,
                                    prepared: prepared, links: state.links,
                                    paths: state.paths, figures: figures, releasesMemory: old == nil)
        state.cards = renderer.cards
        if let comparison { inputChanges = inputChanges?.withCards(comparison, cards: state.cards) }
        var keep = sameSite ? pagesReadingNoChangedBody(plan, old: old, bodies: changes.items)
            : pagesToKeep(plan, old: old, changes: inputChanges)
        let rowsStillRight = Self.rowTest(sameSite: sameSite, bodies: changes.items, ids: ids, changes: inputChanges)
        figures?.stillRight = rowsStillRight
        // Search documents are kept like pages: one stands unless something it read changed.
        let search = keepsPages ? old?.search ?? SearchIndexKeeper() : nil
        let stillRight: SearchIndexState.StillRight?
        if sameSite {
            let read = Set(changes.items.map(PageInput.body))
            stillRight = { document in document.inputs.map { $0.isDisjoint(with: read) } ?? false }
        } else if let comparison, let found = inputChanges {
            let cards = state.cards
            stillRight = { document in
                document.inputs.map { !$0.contains { found.changed($0, ids: ids, comparison: comparison, cards: cards) } } ?? false
            }
        } else {
            stillRight = nil
        }
        // The search index stands only while every one of its documents does: each keeps what it read.
        if let index = plan.pages.firstIndex(where: { $0.route == .searchIndex }), keep[index] {
            let documents = search?.state.documents ?? []
            keep[index] = stillRight.map { still in documents.allSatisfy(still) } ?? false
        }

        let checked = checks.finish(into: &report)
        var output: (any OutputTarget)?
        if options.writeOutput, !report.diagnostics.hasErrors {
            do {
                output = try openOutput(everything: old == nil)
            } catch {
                report.diagnostics.append(error.diagnostic(file: options.outputDisplay))
                previous = nil
                return
            }
        }
        let writer = output
        let suspects = output is InPlaceOutput ? outputSuspects : nil
        let keeping = keepsPages ? (keepsBytes ? Keeping.bytes : .digests) : .nothing
        let onDisk = self.onDisk
        // Only bodies changed, and the output holds the previous build as it published it:
        // the pages that read none of them, with no hand edit seen in their files, stand as
        // they are and are not looked at one by one.
        let delta: Previous?
        if sameSite, let old, publishedAll, suspects != nil, keeping == .digests {
            delta = old
        } else {
            delta = nil
        }
        publishedAll = false
        let indices: [Int]
        if let delta, let suspects {
            var chosen = Set(keep.indices.filter { !keep[$0] })
            for file in suspects { if let owner = delta.owners[file] { chosen.insert(owner) } }
            indices = chosen.sorted()
        } else {
            indices = Array(plan.pages.indices)
        }
        options.progress?(.stage(.render))
        let counter = options.progress.map { PageCounter(total: indices.count, report: $0) }
        let kept = keep
        let order = Self.renderingOrder(indices, plan: plan)
        let made = order.parallelMap { index in
            defer { counter?.pageDone() }
            let page = plan.pages[index]
            let rows = keeping == .nothing ? nil
                : PageRows(before: old?.rows[page.route] ?? [:], ids: ids, stillRight: rowsStillRight)
            return Self.renderAndWrite(page, kept: kept[index], old: old?.pages[page.route], renderer: renderer,
                                       output: writer, onDisk: onDisk, suspects: suspects, keeping: keeping,
                                       ids: ids, search: (search, stillRight), rows: rows)
        }
        var position = [Int](repeating: 0, count: plan.pages.count)
        for (slot, index) in order.enumerated() { position[index] = slot }
        let results = indices.map { made[position[$0]] }

        var unchangedFiles: [String] = []
        var unchangedCount = 0
        var writtenStatics: Set<String> = []
        var replaced = 0
        func record(_ outcome: OutputFolder.Outcome) {
            report.filesWritten += 1
            switch outcome {
            case .unchanged: unchangedCount += 1
            case .changed: report.filesChanged += 1; replaced += 1
            case .added: report.filesChanged += 1
            }
        }
        // The previous build's pages are updated in place: each page's entry is read (`old`)
        // before it is replaced, and the previous build is not kept after this one.
        let table = delta?.table ?? PageTable()
        var pageCount = delta?.pageCount ?? 0
        /// Files of the previous build that the pages rendered again no longer give.
        var dropped: Set<String> = []
        if let delta {
            report.filesWritten = delta.files.count
            unchangedCount = delta.files.count
        }
        /// Output files that may not be published as `onDisk` says, once the output is committed.
        var restamp: [(String, PageDigest)] = []
        var writeFailures: [(OutputFolder.Failure, String)] = []
        var diagnostics: [Int: [Diagnostic]] = [:]
        /// The bodies each page rendered again had read before, for `bodyReaders`.
        var readBefore: [(Int, [String])] = []
        var rows = old?.rows ?? [:]
        var madeSiteWide = false
        for (result, index) in zip(results, indices) {
            let page = plan.pages[index]
            if result.rendered, page.route.isSiteWide { madeSiteWide = true }
            if let delta, let before = delta.pages[page.route] {
                let paths = before.files?.map(\.path) ?? []
                report.filesWritten -= paths.count
                unchangedCount -= paths.count
                if !paths.isEmpty, page.route != .searchIndex { pageCount -= 1 }
                if paths != result.paths {
                    table.files.subtract(paths)
                    dropped.formUnion(paths)
                    for path in paths { table.owners[path] = nil }
                }
            }
            if delta != nil || !result.page.diagnostics.isEmpty { diagnostics[index] = result.page.diagnostics }
            if !result.paths.isEmpty, page.route != .searchIndex { pageCount += 1 }
            let before = old?.pages[page.route]
            let changed = Self.changedPaths(result, old: before, searchIndex: page.route == .searchIndex)
            if result.rendered {
                rows[page.route] = result.rows.flatMap { $0.isEmpty ? nil : $0 }
                if result.rows?.isEmpty == false { report.rowsMade[page.outputFile] = result.rowsMade }
                readBefore.append((index, before?.bodies ?? []))
                report.renderedFiles += result.paths
                report.pagesMade += 1
            }
            if result.rendered, page.route == .searchIndex { report.searchDocumentsMade = search?.state.made ?? 0 }
            if result.changed { report.changedFiles += changed }
            // The search index gives a thousand files: its digests are looked up by path.
            let pageFiles = result.page.files ?? []
            let digests = pageFiles.count > 1 ? Dictionary(pageFiles.map { ($0.path, $0.digest) }) { first, _ in first } : nil
            for (file, outcome) in result.outcomes {
                record(outcome)
                if case .unchanged = outcome, output is OutputFolder { unchangedFiles.append(file) }
                let digest = digests.map { $0[file] } ?? pageFiles.first { $0.path == file }?.digest
                if case .unchanged = outcome, let digest, self.onDisk[file]?.digest == digest { continue }
                if let digest { restamp.append((file, digest)) }
            }
            writeFailures += result.failures
            table.pages[page.route] = result.page
            table.files.formUnion(result.paths)
            if keepsPages { for path in result.paths { table.owners[path] = index } }
        }
        let files = table.files
        dropped.subtract(files)
        report.pagesRendered = pageCount
        // Every page's diagnostics, in the plan's order, as a clean build reports them.
        let diagnosed = Set(delta?.diagnosed ?? []).union(diagnostics.keys).sorted()
        var stillDiagnosed: [Int] = []
        for index in diagnosed {
            let found = diagnostics[index] ?? delta?.pages[plan.pages[index].route]?.diagnostics ?? []
            report.diagnostics += found
            if !found.isEmpty { stillDiagnosed.append(index) }
        }
        report.diagnostics += OutputFolder.Failure.diagnostics(writeFailures)
        report.seconds[.render] = results.reduce(0) { $0 + $1.renderSeconds }
        report.seconds[.write] = results.reduce(0) { $0 + $1.writeSeconds }
        report.seconds[.search] = results.reduce(0) { $0 + $1.searchSeconds }
        _ = clock.lap()
        if delta != nil {
            report.removedFiles = dropped.sorted()
        } else if let old {
            report.removedFiles = old.files.subtracting(files).sorted()
        }

        if let output {
            options.progress?(.stage(.write))
            if !report.diagnostics.hasErrors {
                report.diagnostics += output.copyStatic(
                    media: graph.media.filter { !ImageKind.isImageName($0) }, content: options.content,
                    contentDisplay: options.contentDisplay, images: images, assets: theme.assets, assetsDisplay: options.themeDisplay + "/assets"
                ) { outcome, file in
                    record(outcome)
                    writtenStatics.insert(file)
                    if case .unchanged = outcome, output is OutputFolder { unchangedFiles.append(file) }
                    if outcome != .unchanged { report.changedFiles.append(file) }
                }
            }
            if report.diagnostics.hasErrors || (options.strict && !report.diagnostics.isEmpty) {
                output.discard()
            } else {
                do {
                    let removedStatics = publishedStatics.subtracting(writtenStatics)
                    let removedPages = delta != nil ? dropped.intersection(publishedPageFiles)
                        : publishedPageFiles.subtracting(files).subtracting(writtenStatics)
                    let removed = removedPages.union(removedStatics).sorted()
                    report.outputChanged = try output.commit(files: report.filesWritten, unchanged: unchangedFiles, removed: removed)
                    report.published = true
                    report.publishedInPlace = output is InPlaceOutput
                    noteFolders(output, pageFiles: files, statics: writtenStatics)
                    let stamped = notePublished(restamp, files: files, removed: delta != nil ? removed : nil, output: output)
                    publishedAll = stamped && keeping == .digests
                    // Every file the previous output held was either kept, replaced or left behind.
                    report.filesRemoved = max(0, (output.previousFileCount ?? 0) - unchangedCount - replaced)
                } catch {
                    output.discard()
                    publishedFolders = [:]
                    outputWatch = nil
                    report.diagnostics.append(error.diagnostic(file: options.outputDisplay))
                }
            }
            report.seconds[.write, default: 0] += clock.lap()
        }
        // What the site-wide pages of a later build freed goes back to the system once, here,
        // not after each of them (`PageRenderer.releasesMemory`).
        if old != nil, madeSiteWide { FreedMemory.release() }
        guard keepsPages else {
            previous = nil
            // The site is published: what this build made goes with the process.
            if options.exitsAfterBuild { LeftAtExit.keep([renderer, state, table, made, results, files] as [Any]) }
            return
        }
        var cardInputs = old?.cardInputs ?? [:]
        for (card, read) in renderer.cardInputs.made { cardInputs[card] = ids.numbers(of: read) }
        let readers = Self.bodyReaders(plan: plan, pages: table.pages, old: old, samePlan: sameSite, readBefore: readBefore)
        // Rows of pages the plan no longer has go with them; so do the figures of a year without a page.
        rows = rows.filter { state.paths[$0.key] != nil }
        let figureYears = Set(plan.pages.compactMap { page -> Int?? in
            if case .figures(let year) = page.route { return year }
            return nil
        })
        report.figuresMade = figures?.computedFigures ?? []
        previous = Previous(state: state, checked: checked, planned: planned, cardInputs: cardInputs, ids: ids, search: search,
                            table: table, diagnosed: stillDiagnosed, pageCount: pageCount, bodyReaders: readers, rows: rows,
                            figures: figures?.kept(years: figureYears) ?? [:])
        if !report.diagnostics.hasErrors {
            var texts: [String: Data] = [:]
            if keepsBytes {
                for page in table.pages.values {
                    for file in page.files ?? [] { texts[file.path] = file.data }
                }
            }
            var statics: [String: URL] = [:]
            for file in graph.media { statics[file] = options.content.appendingPathComponent(file) }
            if let assets = theme.assets {
                let fileManager = FileManager()
                for case let relative as String in fileManager.enumerator(atPath: assets.path) ?? FileManager.DirectoryEnumerator() {
                    var isFolder: ObjCBool = false
                    let url = assets.appendingPathComponent(relative)
                    if fileManager.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                        statics["assets/" + relative] = url
                    }
                }
            }
            servedLock.lock()
            served = texts
            servedFiles = files
            servedStatics = statics
            servedLock.unlock()
        }
    }

    /// Whether a kept row (`PageRows`) whose inputs have these numbers still stands: none of
    /// them changed; on the same graph, none is a body read again. Without changes found (the
    /// first build, or everything rendered again), no row stands.
    private static func rowTest(sameSite: Bool, bodies: Set<String>, ids: InputIDs,
                                changes: InputChanges?) -> @Sendable ([UInt32]) -> Bool {
        if sameSite {
            let read = Set(bodies.compactMap { ids.number(of: .body($0)) })
            return { inputs in inputs.allSatisfy { !read.contains($0) } }
        }
        guard let changes, changes.cardsCompared else { return { _ in false } }
        return { inputs in !changes.any(inputs) }
    }

    /// `pagesToKeep` when the site is the previous one but for body texts: a page stands
    /// unless it read one of the changed bodies.
    /// The plan is the previous build's, so every page has its previous rendering.
    private func pagesReadingNoChangedBody(_ plan: SitePlan, old: Previous?, bodies: Set<String>) -> [Bool] {
        guard let old else { return Array(repeating: false, count: plan.pages.count) }
        var keep = Array(repeating: true, count: plan.pages.count)
        for body in bodies {
            for index in old.bodyReaders[body] ?? [] where keep.indices.contains(index) { keep[index] = false }
        }
        return keep
    }

    /// `bodyReaders` for the pages of this build: the previous build's, patched for the pages
    /// rendered again, while the plan is the same; otherwise made from every page's inputs.
    /// `readBefore`: each page rendered again, with the bodies it read in the previous build.
    private static func bodyReaders(plan: SitePlan, pages: [Route: RenderedPage], old: Previous?, samePlan: Bool,
                                    readBefore: [(Int, [String])]) -> [String: Set<Int>] {
        var readers: [String: Set<Int>] = [:]
        if samePlan, let old {
            readers = old.bodyReaders
            for (index, bodies) in readBefore {
                for path in bodies { readers[path]?.remove(index) }
                for path in pages[plan.pages[index].route]?.bodies ?? [] { readers[path, default: []].insert(index) }
            }
            return readers
        }
        for (index, page) in plan.pages.enumerated() {
            for path in pages[page.route]?.bodies ?? [] { readers[path, default: []].insert(index) }
        }
        return readers
    }

    /// For each planned page, whether the previous build's page can stand: same route and file,
    /// and none of its inputs among those found changed (each compared once, not once per page).
    private func pagesToKeep(_ plan: SitePlan, old: Previous?, changes: InputChanges?) -> [Bool] {
        guard let old, let changes else { return Array(repeating: false, count: plan.pages.count) }
        let pages = plan.pages
        let chunkSize = max(256, pages.count / 16)
        let chunks = stride(from: 0, to: pages.count, by: chunkSize).map { $0..<min($0 + chunkSize, pages.count) }
        return chunks.parallelMap { range in
            range.map { index -> Bool in
                let page = pages[index]
                guard let before = old.pages[page.route], before.outputFile == page.outputFile else { return false }
                return !changes.any(before.inputs)
            }
        }.flatMap { $0 }
    }

    /// The files of a page whose bytes changed: all of a page's files, but for the search
    /// index only those that differ from the previous build's (a body edit changes a few of
    /// its thousand files).
    private static func changedPaths(_ result: PageResult, old: RenderedPage?, searchIndex: Bool) -> [String] {
        guard searchIndex, let before = old?.files, let files = result.page.files else { return result.paths }
        var digests: [String: PageDigest] = [:]
        for file in before { digests[file.path] = file.digest }
        return files.filter { digests[$0.path] != $0.digest }.map(\.path)
    }

    private struct PageResult: Sendable {
        var page: RenderedPage
        /// The rows it made or took, when rendered with kept rows.
        var rows: [String: KeptRow]?
        /// The keys of the rows it made rather than took.
        var rowsMade: [String] = []
        /// The files the page gave.
        var paths: [String] = []
        /// Whether the page was rendered in this build (not kept from the previous one).
        var rendered = false
        /// Whether its bytes differ from the previous build's.
        var changed = false
        var outcomes: [(String, OutputFolder.Outcome)] = []
        var failures: [(OutputFolder.Failure, String)] = []
        var renderSeconds = 0.0
        var searchSeconds = 0.0
        var writeSeconds = 0.0
    }

    /// The order the cores take pages in. The search index, the longest job and the most
    /// memory, goes first, beside the profile pages, which hold little; the site-wide files
    /// (exports, figures, list data) come after it, so their large texts are never held at
    /// the same time as the whole index. Results keep the plan's order.
    private static func renderingOrder(_ indices: [Int], plan: SitePlan) -> [Int] {
        var first: [Int] = []
        var items: [Int] = []
        var rest: [Int] = []
        for index in indices {
            switch plan.pages[index].route {
            case .searchIndex: first.append(index)
            case .exemplar, .scores, .initiative, .event, .page: items.append(index)
            default: rest.append(index)
            }
        }
        return first + items + rest
    }

    /// What the session keeps of each page file.
    private enum Keeping { case nothing, digests, bytes }

    /// Renders a page (or keeps the previous build's) and writes it: every file goes through
    /// the output folder, which links the published file when the bytes are the same. A kept
    /// page whose bytes the session no longer holds is published again from the output folder
    /// when that still holds it, and rendered again otherwise.
    private static func renderAndWrite(_ page: SitePlan.Page, kept: Bool, old: RenderedPage?, renderer: PageRenderer,
                                       output: (any OutputTarget)?, onDisk: [String: OnDisk], suspects: Set<String>?,
                                       keeping: Keeping, ids: InputIDs,
                                       search: (SearchIndexKeeper?, SearchIndexState.StillRight?), rows: PageRows?) -> PageResult {
        var clock = StageClock()
        var result: PageResult
        var kept = kept
        /// The texts of the files just rendered, when some are kept by digest alone.
        var texts: [PageText]?
        if kept, let old, output != nil, let files = old.files,
           !files.allSatisfy({ file in file.data != nil || onDisk[file.path]?.digest == file.digest }) {
            kept = false
        }
        /// Whether the page's files were written as they were made, and the time that took.
        var streamed = false
        var writing = 0.0
        if kept, let old {
            result = PageResult(page: old)
        } else if page.route == .searchIndex, keeping == .nothing, let output {
            // Nothing is kept: the index's files are written as they are made, never held at once.
            var outcomes: [(String, OutputFolder.Outcome)] = []
            var failures: [(OutputFolder.Failure, String)] = []
            let paths = renderer.writeSearchIndex(page) { path, text in
                var write = StageClock()
                do throws(OutputFolder.Failure) {
                    outcomes.append((path, try output.write(path, text, otherThan: publishedOther(path, PageDigest(), onDisk))))
                } catch {
                    failures.append((error, path))
                }
                writing += write.lap()
            }
            let files = paths.map { PageFile(path: $0, digest: PageDigest(), data: nil) }
            result = PageResult(page: RenderedPage(outputFile: page.outputFile, files: files, diagnostics: [], inputs: [],
                                                   bodies: [], texts: nil),
                                rendered: true, changed: true, outcomes: outcomes, failures: failures)
            streamed = true
        } else {
            let (files, diagnostics, inputs) = page.route == .searchIndex
                ? renderer.renderTracked(page, search: search.0, stillRight: search.1) : renderer.renderTracked(page, rows: rows)
            let keptTexts = page.route == .searchIndex && keeping == .digests ? files?.map(\.text) : nil
            let pageFiles = files?.enumerated().map { index, file -> PageFile in
                if keptTexts != nil, let before = old?.files, let texts = old?.texts, index < before.count, index < texts.count,
                   before[index].path == file.path, texts[index] == file.text {
                    return before[index]
                }
                // Nothing kept: each file's bytes are made only as it is written, so a page of
                // many large files (the search index) never holds them all twice.
                if keeping == .nothing { return PageFile(path: file.path, digest: PageDigest(), data: nil) }
                let data = file.text.data
                return PageFile(path: file.path, digest: PageDigest(data), data: data)
            }
            texts = keeping == .nothing ? files?.map(\.text) : keptTexts
            let rendered = RenderedPage(outputFile: page.outputFile, files: pageFiles, diagnostics: diagnostics,
                                        inputs: keeping == .nothing ? [] : ids.numbers(of: inputs),
                                        bodies: inputs.compactMap(\.bodyPath), texts: keptTexts)
            result = PageResult(page: rendered, rows: rows?.made, rowsMade: rows?.remade ?? [], rendered: true,
                                changed: files != nil && !rendered.sameFiles(as: old))
        }
        if page.route == .searchIndex { result.searchSeconds = clock.lap() - writing } else { result.renderSeconds = clock.lap() }
        result.paths = result.page.files?.map(\.path) ?? []
        if let output, !streamed {
            var unread: [String] = []
            for (index, file) in (result.page.files ?? []).enumerated() {
                do {
                    // The output folder holds these bytes already (the page was kept, or made
                    // again the same): published again without reading them back.
                    // Between publishes, a file no change was seen in is still the one published.
                    if let known = onDisk[file.path], known.digest == file.digest,
                       suspects.map({ !$0.contains(file.path) }) ?? false || output.keep(file.path, stamp: known.stamp) {
                        result.outcomes.append((file.path, .unchanged))
                    } else if let data = file.data {
                        // Published with other bytes (a template edit changes every page): not read back to compare.
                        let other = publishedOther(file.path, file.digest, onDisk)
                        result.outcomes.append((file.path, try output.write(file.path, data, otherThan: other)))
                    } else if let texts {
                        // The text as it was made, not copied into a `Data` first.
                        let other = publishedOther(file.path, file.digest, onDisk)
                        result.outcomes.append((file.path, try output.write(file.path, texts[index], otherThan: other)))
                    } else {
                        unread.append(file.path)
                    }
                } catch {
                    result.failures.append((error, file.path))
                }
            }
            if !unread.isEmpty {
                // Changed in the output folder since it was published: made again.
                var again = renderAndWrite(page, kept: false, old: old, renderer: renderer, output: output, onDisk: onDisk,
                                           suspects: suspects, keeping: keeping, ids: ids, search: search, rows: rows)
                again.renderSeconds += result.renderSeconds
                again.searchSeconds += result.searchSeconds
                return again
            }
        }
        switch keeping {
        case .nothing: if result.page.files != nil { result.page.files = [] }
        case .digests: result.page.files = result.page.files?.map { PageFile(path: $0.path, digest: $0.digest, data: nil) }
        case .bytes: break
        }
        result.writeSeconds = clock.lap() + writing
        return result
    }

    /// The stamp of the file published at `path` when it is known to hold other bytes than
    /// those of `digest` (an unknown digest, `PageDigest()`, counts as other): the writer then
    /// need not read it back to compare.
    private static func publishedOther(_ path: String, _ digest: PageDigest, _ onDisk: [String: OnDisk]) -> FileStamp? {
        onDisk[path].flatMap { $0.digest != digest ? $0.stamp : nil }
    }

    /// Where the build publishes: in place when this session published the folder before and
    /// finds it as it left it, else a whole new folder swapped in (the first build, or after
    /// someone else changed the folder: the new one then replaces it even if no page changed).
    /// A build that renders `everything` again (a template, the strings, `site.yml`) is swapped
    /// in whole too: thousands of files created one by one in place cost more than a new folder.
    private func openOutput(everything: Bool) throws(OutputFolder.Failure) -> any OutputTarget {
        outputSuspects = nil
        if !everything, let lock = outputLock, !publishedFolders.isEmpty {
            let changed = outputWatch?.changes()
            if foldersAsPublished(in: lock.folder, only: changed) {
                outputSuspects = changed
                let output = try InPlaceOutput(target: options.output, lock: lock)
                output.durable = options.durable
                return output
            }
        }
        // What was published stays known until this folder is: a build discarded (errors) leaves it.
        let folder = try OutputFolder(target: options.output, lock: outputLock, spare: keepsPages)
        folder.replacing = outputLock != nil
        folder.durable = options.durable
        if keepsPages { outputLock = folder.lock }
        return folder
    }

    /// `changed`: the only paths that may have changed since the last publish (nil: any).
    private func foldersAsPublished(in target: String, only changed: Set<String>?) -> Bool {
        let descriptor = open(target, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        let folders = changed.map { changed in
            ([""] + changed).compactMap { folder in publishedFolders[folder].map { (key: folder, value: $0) } }
        } ?? Array(publishedFolders)
        let chunkSize = max(256, folders.count / 16)
        let chunks = stride(from: 0, to: folders.count, by: chunkSize).map { $0..<min($0 + chunkSize, folders.count) }
        return chunks.parallelMap { range in
            folders[range].allSatisfy { FileStamp(at: descriptor, $0.key) == $0.value }
        }.allSatisfy { $0 }
    }

    /// Notes the state of the output's folders after publishing `files`, for `openOutput`.
    private func noteFolders(_ output: any OutputTarget, pageFiles: Set<String>, statics: Set<String>) {
        guard keepsPages, let target = outputLock?.folder else { return }
        publishedPageFiles = pageFiles
        publishedStatics = statics
        var folders: Set<String>
        if let inPlace = output as? InPlaceOutput, !publishedFolders.isEmpty {
            for folder in inPlace.removedFolders {
                publishedFolders[folder] = nil
                outputWatch?.forget(folder)
            }
            folders = inPlace.touchedFolders.subtracting(inPlace.removedFolders)
            if let watch = outputWatch {
                watch.settle(outputSuspects ?? [])
                // Folders the publish made are watched before their state is noted.
                if !folders.allSatisfy({ watch.watch($0) }) { outputWatch = nil }
            }
        } else {
            publishedFolders = [:]
            folders = [""]
            for file in pageFiles.union(statics) {
                var folder = InPlaceOutput.folder(of: file)
                while !folder.isEmpty, folders.insert(folder).inserted { folder = InPlaceOutput.folder(of: folder) }
            }
            // Watched before the state of its files and folders is noted: a change after that is seen.
            outputWatch = OutputWatch(root: target, folders: folders)
        }
        let list = Array(folders)
        let stamps = list.parallelMap { FileStamp($0.isEmpty ? target : target + "/" + $0) }
        for (folder, stamp) in zip(list, stamps) {
            guard let stamp else {
                publishedFolders = [:]
                return
            }
            publishedFolders[folder] = stamp
        }
    }

    /// Notes the state of the page files just published whose state the session did not know,
    /// and forgets files the site no longer has (`removed`, or all but `current` when nil).
    /// Returns whether every file's state was found.
    private func notePublished(_ files: [(String, PageDigest)], files current: Set<String>, removed: [String]?,
                               output: any OutputTarget) -> Bool {
        guard keepsPages, !keepsBytes else { return false }
        let stamps = files.parallelMap { output.publishedStamp($0.0) }
        for ((path, digest), stamp) in zip(files, stamps) {
            onDisk[path] = stamp.map { OnDisk(digest: digest, stamp: $0) }
        }
        if let removed {
            for path in removed { onDisk[path] = nil }
        } else {
            onDisk = onDisk.filter { current.contains($0.key) }
        }
        return !stamps.contains { $0 == nil }
    }
}

/// A file or folder that changed, as a watcher reports it.
public struct ChangedPath: Sendable, Hashable {
    public var url: URL

    public init(_ url: URL) {
        self.url = url.standardizedFileURL
    }

    /// `path` is absolute or relative to the working directory.
    public init(path: String) {
        let cwd = URL(fileURLWithPath: FileManager().currentDirectoryPath)
        url = URL(fileURLWithPath: path, relativeTo: cwd).standardizedFileURL
    }
}
