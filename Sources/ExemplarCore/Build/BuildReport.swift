/// What a build did: its diagnostics, its pages, and how long each stage took.
public struct BuildReport: Sendable {
    public enum Stage: String, Sendable, CaseIterable {
        case load, validate, link, images, plan, render, search, write
    }

    public var diagnostics: [Diagnostic] = []
    public var pagesRendered = 0
    public var filesWritten = 0
    /// Files that are new or whose bytes differ from the previous build's.
    public var filesChanged = 0
    /// Files of the previous build that this one no longer has (a deleted profile's page).
    public var filesRemoved = 0
    /// Photos decoded and encoded by this build, and photos taken whole from the cache.
    public var imagesProcessed = 0
    public var imagesReused = 0
    /// Search documents read and cut into words again by a kept session (the others were kept).
    public var searchDocumentsMade = 0
    /// False when the build found nothing to change and left the output folder untouched.
    public var outputChanged = false
    /// Whether the output folder now holds this build's site.
    public var published = false
    /// Whether it was published file by file into the folder the session published before
    /// (`InPlaceOutput`), rather than as a whole new folder swapped in.
    public var publishedInPlace = false
    /// Wall-clock seconds the whole build took, from the first read to the last write.
    public var elapsed: Double = 0
    /// Wall-clock seconds per stage. Rendering and writing overlap per page;
    /// their times are what each took summed over all cores.
    public var seconds: [Stage: Double] = [:]
    /// The linked site, for callers that go on to other work (reports, search, a server).
    public var graph: SiteGraph?
    /// Output files (`ca-nhan/x/index.html`) rendered by this build; a session's later builds
    /// render only the pages whose inputs changed.
    public var renderedFiles: [String] = []
    /// Planned pages rendered by this build (the search index counts as one, whatever its files).
    public var pagesMade = 0
    /// Output files whose bytes differ from the session's previous build (all of them on its
    /// first), media and assets included.
    public var changedFiles: [String] = []
    /// Output files of the session's previous build that this one no longer has.
    public var removedFiles: [String] = []
    /// Rows of site-wide files a session made again rather than took from its previous build
    /// (`PageRows`), by output file: the keys (item ids) of the rows made.
    public var rowsMade: [String: [String]] = [:]
    /// Figures a session computed in this build rather than kept from its previous one
    /// (`FigureKeeper`), as `year/figure` (`2019/exemplars-by-unit`, `phase/models`), sorted.
    public var figuresMade: [String] = []

    public var succeeded: Bool { !diagnostics.hasErrors }
}
