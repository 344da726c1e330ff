/// The content's checks, running on another core while the site is linked, planned and its
/// cards made: they are waited for only before anything is written, which their errors forbid.
struct PendingChecks {
    private let work: BackgroundWork<([Diagnostic], Double)>?
    /// What the previous build's checks found, when the content was not checked again.
    private let kept: [Diagnostic]
    /// Where the findings go in the report's diagnostics: where they would be had checking run first.
    private let position: Int

    init(_ work: BackgroundWork<([Diagnostic], Double)>?, kept: [Diagnostic], at position: Int) {
        self.work = work
        self.kept = kept
        self.position = position
    }

    /// Waits for the checks and puts what they found into `report`; returns it.
    func finish(into report: inout BuildReport) -> [Diagnostic] {
        var checked = kept
        if let work {
            let seconds: Double
            (checked, seconds) = work.result()
            report.seconds[.validate, default: 0] += seconds
        }
        report.diagnostics.insert(contentsOf: checked, at: position)
        return checked
    }
}
