/// The figures of a year or of the phase, worked out once per build: the figures page and
/// its CSV and JSON exports show the same numbers, and each count walks every exemplar.
extension Views {
    func figures(year: Int?) -> [Figure] {
        // Noted by every page that shows them, whichever page computed them first.
        let graph = wholeGraph
        let text = self.text
        let keeper = figureKeeper
        // Kept by nobody, the figures of every year are made at once, by whichever page asks first.
        if keeper == nil, let year {
            let years = Figures.years(graph)
            if let figures = yearFigures.value(years, compute: {
                Figures.compute(years: years, graph: TrackedGraph(base: graph), text: text)
            })[year] {
                return figures
            }
        }
        let figures = figuresOnce.value(year) {
            Figure.ID.allCases.map { id -> (figure: Figure, inputs: [PageInput]) in
                guard let keeper else { return (Figures.compute(id, year: year, graph: TrackedGraph(base: graph), text: text), []) }
                return keeper.figure(id, year: year) { reads in
                    Figures.compute(id, year: year, graph: TrackedGraph(base: graph, reads: reads), text: text)
                }
            }
        }
        // What each figure read, kept or not, is read by every page that shows it.
        if let reads { for (_, inputs) in figures { for input in inputs { reads.note(input) } } }
        return figures.map(\.figure)
    }
}
