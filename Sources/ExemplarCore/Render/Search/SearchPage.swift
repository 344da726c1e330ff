/// The search page's data. Results are drawn by `search.js` from the index; the page
/// itself holds the form, the filters' empty shells and, for a browser without
/// JavaScript, the lists to browse instead.
extension Views {
    func searchPage() -> TemplateData {
        var data = common(.search, title: text("search_title"), description: nil)
        data["index"] = .text((url(.searchIndex) ?? basePath))
        let lists: [(Listing, String)] = [(.collectives, "nav_collectives"), (.individuals, "nav_individuals"),
                                          (.initiatives, "nav_initiatives"), (.events, "nav_events"), (.units, "nav_units"),
                                          (.years, "nav_years")]
        data["browse"] = .list(lists.compactMap { listing, key in
            url(.list(listing, page: 1)).map { ["url": .text($0), "title": .text(text(key))] }
        })
        return data
    }

    /// The header's search box on every page submits here.
    var searchURL: String { url(.search) ?? basePath + Route.search.path(in: graph.base) }
}
