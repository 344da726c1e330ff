/// One item as the search index sees it: what a result shows, what the filters read, and
/// the text of each field, heaviest first.
struct SearchDocument: Sendable {
    /// Where a word was found. The raw value is the field's bit in a posting's mask, and
    /// `search.js` weighs the fields in this order: a name outranks a position, a unit, a
    /// field of work or award, a summary, and the body last.
    enum Field: Int, Sendable, CaseIterable {
        case name, position, unit, terms, summary, body
    }

    /// The kind filter's choices, in the order of the index's documents.
    enum Group: Int, Sendable, CaseIterable {
        case collective, individual, initiative, event, unit, page

        /// The interface string naming the group in the kind filter.
        var label: String {
            switch self {
            case .collective: return "nav_collectives"
            case .individual: return "nav_individuals"
            case .initiative: return "nav_initiatives"
            case .event: return "nav_events"
            case .unit: return "nav_units"
            case .page: return "search_kind_page"
            }
        }
    }

    var group: Group
    /// Path under the site's base, `ca-nhan/nguyen-van-duc/`.
    var path: String
    var name: String
    /// What kind of item it is, in words ("Cá nhân", "Mô hình", "Hội nghị biểu dương").
    var label: String
    /// Its unit (or an event's host), whose place in the site's unit order the unit filter
    /// reads: kept as an id, so that a unit renamed, which moves units in that order, makes
    /// again only the documents that show its name.
    var unit: String?
    var years: [Int]
    var yearsText: String
    var snippet: String
    var fields: [(Field, String)]
    /// The body's Markdown as UTF-8, its text cut after the fields as `.body` (the last of them).
    var body: [UInt8] = []
    /// A body read only when cut (`WordCutter`), in place of `body`: one whose snippet needs
    /// none of its text.
    var bodyFile: Body?
}
