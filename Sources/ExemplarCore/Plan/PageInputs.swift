import Foundation

/// One thing a page (or a card) was made from. Pages record these while their data is
/// built (`TrackedGraph`, `Reads`); a later build re-renders a page only when one of its
/// inputs has another value in the new site. Nothing here lists by hand what a page shows.
enum PageInput: Hashable, Sendable {
    /// One entry of a table of the graph (`exemplars["x"]`, `childUnits["u"]`, `media["p"]`).
    case entry(GraphTable, String)
    /// A whole table or display order (`exemplars.values`, `collectiveOrder`).
    case all(GraphTable)
    /// The ids shown on one page of a list.
    case slice(Listing, page: Int)
    /// How many items a list holds and over how many pages.
    case size(Listing)
    /// A page's address, or that it has none.
    case path(Route)
    /// The text of a content file's body (`individuals/x.md`).
    case body(String)
    /// What a body link to a content path (`models/x.md`) or a site path (`ca-nhan/x/`) resolves to.
    case link(String)
    /// A prepared card or unit link (table `.exemplars`, `.initiatives`, `.events` or `.units`).
    case card(GraphTable, String)
    /// The filter choices of a list, made once per build from all its members: what its
    /// choices file (`Route.listChoices`) holds.
    case filters(Listing)
    /// Which selects a list's filter form has (`FilterForm.selects`): what its pages show of
    /// the choices, which a renamed unit or award does not change.
    case filterForm(Listing)
    /// The cards of every exemplar of a list, in order: what its JSON data (`Route.listData`) is
    /// made of, as one input rather than one `.card` per member on each list.
    case memberCards(Listing)
    /// How many of an award's holders are collectives and in which years it was granted,
    /// made once per build from all its holders (not one input per holder on each page).
    case awardSummary(String)
}

extension PageInput {
    /// The content path of a `.body` input; nil for the others.
    var bodyPath: String? {
        if case .body(let path) = self { return path }
        return nil
    }
}

/// The tables of `SiteGraph` that page data reads.
enum GraphTable: UInt8, Hashable, Sendable {
    case units, exemplars, initiatives, events, pages, awards, fields, criteria, media, scores
    /// Published sizes of photos and bytes of downloads, by media path.
    case images, fileSizes
    case childUnits, exemplarsOfUnit, membersOfUnit, initiativesOfExemplar, ownersOfInitiative
    case initiativesOfUnit, adoptionsOfUnit, eventsOfExemplar, eventsOfInitiative, eventsOfUnit
    case holdersOfAward, exemplarsOfYear, exemplarsOfField, exemplarsOfScope
    case unitOrder, collectiveOrder, individualOrder, initiativeOrder, eventOrder, menuPages, phaseMembers
    /// The addresses of the plan's HTML pages, in order (the sitemap).
    case pageList
}

/// The inputs one page or card read. Each page is built on one thread, so no lock.
final class Reads: @unchecked Sendable {
    private(set) var inputs: Set<PageInput> = []
    /// Whether an entry read stands for its whole table: for what reads nearly every entry
    /// of its tables anyway (a figure counting every exemplar), a handful of inputs instead
    /// of thousands, each compared once per build.
    private let wholeTables: Bool

    init(wholeTables: Bool = false) {
        self.wholeTables = wholeTables
    }

    func note(_ input: PageInput) {
        if wholeTables, case .entry(let table, _) = input {
            inputs.insert(.all(table))
        } else {
            inputs.insert(input)
        }
    }
}
