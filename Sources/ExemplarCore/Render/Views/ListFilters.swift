/// The in-page filter of exemplar lists: its choices, computed from the whole list once per
/// build, and the compact JSON of a paginated list that lets the browser filter every page.
extension Views {
    /// Choices for the filter of every list that has one (the exemplar lists and the models
    /// catalogue), each list read once and each exemplar's facets worked out once. With the
    /// cards of a kept session's earlier build, a list whose members and their facets are the
    /// same is not counted again: only its options are made, with the names of now (a renamed
    /// unit renames an option, and narrows nothing differently).
    static func filterChoices(_ views: Views, earlier: Cards? = nil)
        -> (choices: [Listing: TemplateValue], facets: [String: FilterFacets], counts: [Listing: FilterCounts]) {
        let base = views.graph.base
        let ids = base.collectiveOrder + base.individualOrder
        let facets = ids.parallelMap { id in base.exemplars[id].map(views.filterFacets) }
        let facetsOf = Dictionary(zip(ids, facets).compactMap { id, facet in facet.map { (id, $0) } },
                                  uniquingKeysWith: { first, _ in first })
        // Exemplars whose facets are not those the earlier build counted.
        let changed: Set<String> = earlier.map { earlier in
            let differs = ids.parallelMap { earlier.facets[$0] != facetsOf[$0] }
            return Set(zip(ids, differs).filter(\.1).map(\.0))
        } ?? []
        let listings = Planner.listings(base).map(\.0).filter(\.listsExemplars)
        let codes = FacetCodes(ids: ids, facets: facets)
        let made = listings.parallelMap { listing -> (TemplateValue, FilterCounts?) in
            let members = base.ids(of: listing)
            guard members.count > 1 else { return (.null, nil) }
            let counts: FilterCounts
            if let before = earlier?.filterCounts[listing], before.ids == members,
               changed.isEmpty || !members.contains(where: changed.contains) {
                counts = before
            } else {
                counts = codes.counts(members)
            }
            return (views.filterOptions(listing, counts) ?? .null, counts)
        }
        var choices = Dictionary(zip(listings, made.map(\.0)), uniquingKeysWith: { first, _ in first })
        choices[.initiatives] = views.makeModelFilters() ?? .null
        var counts: [Listing: FilterCounts] = [:]
        for (listing, (_, count)) in zip(listings, made) { counts[listing] = count }
        return (choices, facetsOf, counts)
    }

    /// Only choices that narrow the list: not the list's own axis (no year on a year's page),
    /// and no value every item has.
    func makeFilters(_ listing: Listing, ids: [String]) -> TemplateValue? {
        guard ids.count > 1 else { return nil }
        let codes = FacetCodes(ids: ids, facets: ids.map { graph.exemplars[$0].map(filterFacets) })
        return filterOptions(listing, codes.counts(ids))
    }

    /// The options of each select, labelled and ordered by the catalogues of this build.
    func filterOptions(_ listing: Listing, _ counts: FilterCounts) -> TemplateValue? {
        var data: TemplateData = [:]
        data["units"] = unitOptions(counts.units)
        if case .year = listing {} else {
            data["years"] = FilterForm.options(counts.years.sorted().map { (String($0), String($0)) })
        }
        if case .field = listing {} else {
            data["fields"] = FilterForm.options(fieldOrder.filter { counts.fields.contains($0.id) }.map { ($0.id, $0.name) })
        }
        if case .award = listing {} else {
            data["awards"] = FilterForm.options(counts.awards.compactMap { graph.awards[$0] }
                .sorted { ($0.rank, $1.id) > ($1.rank, $0.id) }.map { ($0.id, $0.name) })
        }
        return FilterForm.offered(data)
    }

    /// The filter form of one page: which selects it has, the file their options come from,
    /// and where the whole list is when it has pages. The options stay out of the page, so a
    /// renamed unit or award changes the list's choices file and not every page of the list.
    func filters(_ listing: Listing, pageCount: Int) -> TemplateValue? {
        // The choices are made once per build from every member of the list: the page reads
        // only which selects they offer.
        reads?.note(.filterForm(listing))
        let selects = FilterForm.selects(choices(listing))
        guard !selects.isEmpty, let file = url(.listChoices(listing)) else { return nil }
        var data: TemplateData = ["choices": .text(file)]
        for select in selects { data[select] = .flag(true) }
        if pageCount > 1 { data["source"] = url(.listData(listing)).map(TemplateValue.text) }
        return .object(data)
    }

    /// `{"unit":[["id","Tên"],…],"year":[…],…}`: the options of each select of the list's
    /// filter, in order, as the filter script adds them to the form.
    func listChoices(_ listing: Listing) -> String {
        reads?.note(.filters(listing))
        return FilterForm.json(choices(listing)) + "\n"
    }

    private func choices(_ listing: Listing) -> TemplateValue? {
        cards.filters[listing]
            ?? (listing == .initiatives ? makeModelFilters() : makeFilters(listing, ids: graph.base.ids(of: listing)))
    }

    /// `{"items":[…]}`: every exemplar of the list in order, as the filter script draws a card.
    func listData(_ listing: Listing) -> PageBuffer {
        if listing == .initiatives { return modelListData() }
        let ids = graph.base.ids(of: listing)
        if let reads {
            // Made of the whole list, in order, and of each member's card.
            reads.note(.size(listing))
            for page in 0..<(ids.count + Planner.pageSize - 1) / Planner.pageSize { reads.note(.slice(listing, page: page + 1)) }
            reads.note(.memberCards(listing))
        }
        // Each member's entry is looked up once, for the size and for the text.
        let entries = ids.map { cards.filterEntries[$0] }
        // A whole list's entries, megabytes for the longest: grown by doubling, the text would
        // hold up to twice that while two such lists are made at once.
        var out = JSONBytes(capacity: entries.reduce(16) { $0 + ($1?.count ?? 512) + 2 })
        out.raw("{\"items\":[")
        for (index, id) in ids.enumerated() {
            if index > 0 { out.raw(",\n") }
            if case .award(let award) = listing {
                // An award's list shows each holder's grants of that award; a session keeps each entry.
                out.json(keptRow(id, notesInputs: true) { views in
                    views.makeFilterEntry(id, grants: views.grants(of: award, to: id).map(views.grantText))
                })
            } else {
                out.json(entries[index] ?? makeFilterEntry(id))
            }
        }
        out.raw("]}\n")
        return out.finished()
    }

    /// One exemplar as the filter script needs it: what its card shows and what it matches on.
    /// Members in key order, null ones left out, as `JSONValue` writes objects.
    /// `null` for an id without a card.
    func makeFilterEntry(_ id: String, grants: [String] = []) -> [UInt8] {
        guard let card = exemplarCard(id), card.isObject else { return Array("null".utf8) }
        func value(_ key: TemplateKey) -> String? {
            if case .text(let value)? = card[key], !value.isEmpty { return value }
            return nil
        }
        func nested(_ key: TemplateKey, _ inner: TemplateKey) -> String? {
            if case .text(let value)? = card[key]?[inner], !value.isEmpty { return value }
            return nil
        }
        var out = JSONBytes(capacity: 512)
        out.openObject()
        out.member("alt", nested(EntryKeys.photo, EntryKeys.alt))
        out.member("award", grants.isEmpty ? value(EntryKeys.topAward) : nil)
        if case .flag(true)? = card[EntryKeys.isCollective] {
            out.key("collective")
            out.raw("1")
        }
        if !grants.isEmpty {
            out.key("grants")
            out.raw("[")
            for (index, grant) in grants.enumerated() {
                if index > 0 { out.raw(",") }
                out.string(grant)
            }
            out.raw("]")
        }
        // Every member of `match`, null ones too.
        out.key("match")
        out.raw("{\"award\":")
        out.stringOrNull(value(EntryKeys.filterAwards))
        out.raw(",\"field\":")
        out.stringOrNull(value(EntryKeys.filterFields))
        out.raw(",\"unit\":")
        out.stringOrNull(value(EntryKeys.filterUnits))
        out.raw(",\"year\":")
        out.stringOrNull(value(EntryKeys.filterYears))
        out.raw("}")
        out.member("name", value(EntryKeys.name))
        out.member("photo", nested(EntryKeys.photo, EntryKeys.url))
        out.member("role", value(EntryKeys.role))
        out.member("summary", value(EntryKeys.summary))
        out.member("unit", nested(EntryKeys.unit, EntryKeys.name))
        out.member("url", value(EntryKeys.url))
        out.member("years", value(EntryKeys.years))
        out.closeObject()
        return out.bytes
    }

    /// The card's names an entry reads, hashed once: every exemplar of every list has an entry.
    private enum EntryKeys {
        static let alt: TemplateKey = "alt", isCollective: TemplateKey = "is_collective", name: TemplateKey = "name"
        static let photo: TemplateKey = "photo", role: TemplateKey = "role", summary: TemplateKey = "summary"
        static let topAward: TemplateKey = "top_award", unit: TemplateKey = "unit", url: TemplateKey = "url"
        static let years: TemplateKey = "years", filterAwards: TemplateKey = "filter_awards"
        static let filterFields: TemplateKey = "filter_fields", filterUnits: TemplateKey = "filter_units"
        static let filterYears: TemplateKey = "filter_years"
    }
}
