/// The unit choice of a list's filter, kept short: every page of the list carries it, and a
/// site of thousands of grassroots unions would otherwise put all of them on every page.
extension Views {
    /// More narrowing units than this, and the choice keeps to the top of their tree.
    static let unitChoiceLimit = 50

    /// `narrowing` as it is when it is short; else only the units whose parent is not among
    /// them (the districts, sectors and departments, or the level below a root every item
    /// shares). Each still finds the exemplars of the units below it, whose cards name it.
    func shortUnitChoice(_ narrowing: Set<String>) -> Set<String> {
        guard narrowing.count > Self.unitChoiceLimit else { return narrowing }
        return narrowing.filter { unit in
            guard let parent = graph.units[unit]?.parent?.value else { return true }
            return !narrowing.contains(parent)
        }
    }

    /// The unit select's options for the units of `narrowing`, kept short, in the tree's order.
    func unitOptions(_ narrowing: Set<String>) -> TemplateValue {
        let shown = shortUnitChoice(narrowing)
        return FilterForm.options(graph.unitOrder.filter { shown.contains($0) }
            .compactMap { id in graph.units[id].map { (id, $0.name) } })
    }
}
