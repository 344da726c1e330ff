/// The figures of a year or of the phase, worked out once per build: the figures page and
/// its CSV and JSON exports show the same numbers, and each count walks every exemplar.
extension Views {
    func figures(year: Int?) -> [Figure] {
        // Noted by every page that shows them, whichever page computed them first.
        let graph = wholeGraph
        return figuresOnce.value(year) { Figures.compute(year: year, graph: graph, text: text) }
    }
}
