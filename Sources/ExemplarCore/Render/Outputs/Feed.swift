/// The Atom feed of new exemplars, models and events, newest first.
struct Feed {
    static let limit = 50

    let views: Views

    private struct Entry {
        var title: String
        var path: String
        var date: CalendarDate
        var summary: String
        var category: String
    }

    func render() -> String {
        let graph = views.graph
        var entries: [Entry] = []
        for exemplar in graph.exemplars.values {
            guard let path = views.url(.exemplar(exemplar.id)) else { continue }
            let date = exemplar.selection?.date ?? exemplar.registered?.value
                ?? exemplar.years.map(\.value).max().map { CalendarDate(year: $0, month: 1, day: 1) }
                ?? CalendarDate(year: 2000, month: 1, day: 1)
            entries.append(Entry(title: exemplar.name, path: path, date: date, summary: exemplar.summary ?? "",
                                 category: views.text("kind_\(exemplar.kind.rawValue)")))
        }
        for item in graph.initiatives.values {
            guard let path = views.url(.initiative(item.id)) else { continue }
            entries.append(Entry(title: item.title, path: path, date: CalendarDate(year: item.year ?? 2000, month: 1, day: 1),
                                 summary: item.summary ?? item.benefit ?? "", category: views.text("initiative_kind_\(item.kind.rawValue)")))
        }
        for event in graph.events.values {
            guard let path = views.url(.event(event.id)) else { continue }
            entries.append(Entry(title: event.title, path: path, date: event.date, summary: event.summary ?? event.location ?? "",
                                 category: views.text("event_kind_\(event.kind.rawValue)")))
        }
        entries.sort { ($0.date, $0.path) > ($1.date, $1.path) }
        let shown = entries.prefix(Self.limit)
        let site = graph.site
        let updated = shown.first?.date ?? CalendarDate(year: 2000, month: 1, day: 1)
        // An empty subtitle says nothing to a feed reader: leave it out instead.
        let subtitle = [site.description ?? "", site.organisation].first { !$0.isEmpty }
            .map { "  <subtitle>\(XML.escape($0))</subtitle>\n" } ?? ""
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(XML.escape(site.language))">
          <title>\(XML.escape(site.title))</title>

        """ + subtitle + """
          <id>\(XML.escape(identifier(views.basePath)))</id>
          <link rel="self" type="application/atom+xml" href="\(XML.escape(views.absolute(views.basePath + "feed.xml")))"/>
          <link rel="alternate" type="text/html" href="\(XML.escape(views.absolute(views.basePath)))"/>
          <updated>\(timestamp(updated))</updated>
          <author><name>\(XML.escape(site.organisation.isEmpty ? site.title : site.organisation))</name></author>

        """
        for entry in shown {
            xml += """
              <entry>
                <title>\(XML.escape(entry.title))</title>
                <id>\(XML.escape(identifier(entry.path)))</id>
                <link rel="alternate" type="text/html" href="\(XML.escape(views.absolute(entry.path)))"/>
                <updated>\(timestamp(entry.date))</updated>
                <category term="\(XML.escape(entry.category))"/>
                <summary>\(XML.escape(entry.summary))</summary>
              </entry>

            """
        }
        return xml + "</feed>\n"
    }

    /// Atom ids must be absolute; a site without a host in `base_url` gets stable URNs.
    private func identifier(_ path: String) -> String {
        views.graph.site.origin.isEmpty ? "urn:exemplar:" + path : views.absolute(path)
    }

    private func timestamp(_ date: CalendarDate) -> String { date.iso + "T00:00:00Z" }
}
