/// Data for the page of one exemplar, model, event, unit or free page.
extension Views {
    /// Exemplar cards shown on a unit's own page before "see all".
    static let unitPagePreview = 12

    func exemplarPage(_ exemplar: Exemplar) -> (TemplateData, [Diagnostic]) {
        let folder = exemplar.kind == .collective ? "collectives" : "individuals"
        let body = markdown.render(exemplar.body, folder: folder, file: exemplar.source.file)
        var data = common(.exemplar(exemplar.id), title: exemplar.name, description: exemplar.summary)
        data.merge(makeExemplarCard(exemplar.id) ?? [:]) { _, card in card }
        data["title"] = exemplar.name
        data["position"] = exemplar.position
        data["leader"] = exemplar.leader
        data["supervisor"] = exemplar.supervisor
        data["scope"] = exemplar.scope.map { text("scope_\($0.rawValue)") }
        data["fields"] = fieldNames(exemplar.fields)
        data["registered"] = exemplar.registered.map { date($0.value) }
        if let selection = exemplar.selection {
            var decision: TemplateData = ["number": selection.decision]
            decision["date"] = selection.date.map(date)
            data["selection"] = decision
        }
        data["criteria"] = exemplar.criteria.compactMap { graph.criteria[$0.value].map { ["text": $0.text] as TemplateData } }
        data["awards"] = graph.rankedAwards(of: exemplar).map { grant, award -> TemplateData in
            var row: TemplateData = ["name": award.name, "decision": grant.decision ?? ""]
            row["year"] = grant.year
            row["date"] = grant.date.map(date)
            return row
        }
        data["models"] = (graph.initiativesOfExemplar[exemplar.id] ?? []).compactMap(initiativeCard)
        data["events"] = (graph.eventsOfExemplar[exemplar.id] ?? []).compactMap(eventCard)
        data["tags"] = exemplar.tags
        data["extra"] = exemplar.extra
        if let photo = exemplar.photo?.value, graph.media.contains(photo) { data["og_image"] = absolute(mediaURL(photo)) }
        data["body"] = TemplateValue.html(body.html)
        return (data, body.diagnostics)
    }

    func initiativePage(_ item: Initiative) -> (TemplateData, [Diagnostic]) {
        let body = markdown.render(item.body, folder: "models", file: item.source.file)
        var data = common(.initiative(item.id), title: item.title, description: item.summary)
        data.merge(makeInitiativeCard(item.id) ?? [:]) { _, card in card }
        data["fields"] = fieldNames(item.fields)
        data["extra"] = item.extra
        data["owners"] = (graph.ownersOfInitiative[item.id] ?? []).compactMap(exemplarCard)
        data["adoptions"] = item.adoptedBy.compactMap { adoption -> TemplateData? in
            guard let unit = unitLink(adoption.unit.value) else { return nil }
            var row: TemplateData = ["unit": unit, "note": adoption.note ?? ""]
            row["year"] = adoption.year
            return row
        }
        data["attachments"] = item.attachments.filter { graph.media.contains($0.value) }.map { file -> TemplateData in
            ["url": mediaURL(file.value), "name": file.value.split(separator: "/").last.map(String.init) ?? file.value]
        }
        data["events"] = (graph.eventsOfInitiative[item.id] ?? []).compactMap(eventCard)
        data["body"] = TemplateValue.html(body.html)
        return (data, body.diagnostics)
    }

    func eventPage(_ event: Event) -> (TemplateData, [Diagnostic]) {
        let body = markdown.render(event.body, folder: "events", file: event.source.file)
        var data = common(.event(event.id), title: event.title, description: event.summary)
        data.merge(makeEventCard(event.id) ?? [:]) { _, card in card }
        data["extra"] = event.extra
        // A commendation conference honours the whole phase: link its full list.
        if event.kind == .commendation, let phase = graph.site.phase, phase.contains(event.date.year) || event.date.year == phase.to + 1 {
            data["phase_list"] = ["url": url(.list(.phase, page: 1)) ?? "", "name": phase.name] as TemplateData
        }
        data["host"] = event.host.flatMap { unitLink($0.value) }
        data["participants"] = event.participants.compactMap { exemplarCard($0.value) }
        data["models"] = event.models.compactMap { initiativeCard($0.value) }
        if let photo = event.photos.first(where: { graph.media.contains($0.value) }) { data["og_image"] = absolute(mediaURL(photo.value)) }
        data["photos"] = event.photos.filter { graph.media.contains($0.value) }.enumerated().map { index, photo -> TemplateData in
            ["url": mediaURL(photo.value), "alt": "\(text("photo_of")) \(event.title) (\(index + 1))"]
        }
        data["body"] = TemplateValue.html(body.html)
        return (data, body.diagnostics)
    }

    func unitPage(_ unit: Unit) -> TemplateData {
        var data = common(.unit(unit.id), title: unit.name, description: nil)
        data.merge(makeUnitLink(unit.id) ?? [:]) { _, link in link }
        data["title"] = unit.name
        data["parent"] = unit.parent.flatMap { unitLink($0.value) }
        data["children"] = (graph.childUnits[unit.id] ?? []).compactMap(unitLink)
        // A district's page shows the exemplars of its grassroots unions too: the first
        // few here, all of them on the unit's paginated list.
        let members = graph.members(ofUnit: unit.id)
        data["exemplars"] = members.prefix(Self.unitPagePreview).compactMap(exemplarCard)
        data["exemplar_count"] = members.count
        if members.count > Self.unitPagePreview { data["all_exemplars"] = url(.list(.unitMembers(unit.id), page: 1)) }
        data["models"] = (graph.initiativesOfUnit[unit.id] ?? []).compactMap(initiativeCard)
        data["adopted"] = (graph.adoptionsOfUnit[unit.id] ?? []).compactMap(initiativeCard)
        data["events"] = (graph.eventsOfUnit[unit.id] ?? []).compactMap(eventCard)
        return data
    }

    func freePage(_ page: FreePage) -> (TemplateData, [Diagnostic]) {
        let body = markdown.render(page.body, folder: "pages", file: page.source.file)
        var data = common(.page(page.id), title: page.title, description: page.summary)
        data["summary"] = page.summary ?? ""
        data["extra"] = page.extra
        data["body"] = TemplateValue.html(body.html)
        return (data, body.diagnostics)
    }
}
