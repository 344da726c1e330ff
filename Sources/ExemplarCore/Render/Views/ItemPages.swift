/// Data for the page of one exemplar, model, event, unit or free page. An item's page holds
/// its card's values too, taken from the card made once for the build (an input of the page).
extension Views {
    func exemplarPage(_ exemplar: Exemplar) -> (TemplateData, [Diagnostic]) {
        let folder = exemplar.kind == .collective ? "collectives" : "individuals"
        let body = markdown.render(exemplar.body, folder: folder, file: exemplar.source.file)
        var data = common(.exemplar(exemplar.id), title: exemplar.name, description: exemplar.summary)
        data.add(fieldsOf: exemplarCard(exemplar.id))
        data["title"] = .text(exemplar.name)
        data["position"] = exemplar.position.map(TemplateValue.text)
        data["leader"] = exemplar.leader.map(TemplateValue.text)
        data["supervisor"] = exemplar.supervisor.map(TemplateValue.text)
        data["scope"] = exemplar.scope.map { .text(text("scope_\($0.rawValue)")) }
        data["fields"] = fieldNames(exemplar.fields)
        data["registered"] = exemplar.registered.map { date($0.value) }
        if let selection = exemplar.selection {
            var decision: TemplateData = ["number": .text(selection.decision)]
            decision["date"] = selection.date.map(date)
            data["selection"] = .object(decision)
        }
        data["criteria"] = .list(exemplar.criteria.compactMap { graph.criteria[$0.value].map { ["text": .text($0.text)] } })
        data["awards"] = awardRows(exemplar)
        data["models"] = .list((graph.initiativesOfExemplar[exemplar.id] ?? []).compactMap(initiativeCard))
        data.merge(splitByDate(graph.eventsOfExemplar[exemplar.id] ?? [])) { _, new in new }
        data["tags"] = .list(exemplar.tags.map(TemplateValue.text))
        data["scores"] = scoreData(exemplar.id)
        data["extra"] = .object(TemplateData(text: exemplar.extra))
        data["og_image"] = exemplar.photo.flatMap { shareImage($0.value) }
        data["body"] = .html(body.html)
        return (data, body.diagnostics)
    }

    func initiativePage(_ item: Initiative) -> (TemplateData, [Diagnostic]) {
        let body = markdown.render(item.body, folder: "models", file: item.source.file)
        var data = common(.initiative(item.id), title: item.title, description: item.summary)
        data.add(fieldsOf: initiativeCard(item.id))
        data["fields"] = fieldNames(item.fields)
        data["extra"] = .object(TemplateData(text: item.extra))
        data["owners"] = .list((graph.ownersOfInitiative[item.id] ?? []).compactMap(exemplarCard))
        data["adoptions"] = .list(item.adoptedBy.compactMap { adoption -> TemplateValue? in
            guard let unit = unitLink(adoption.unit.value) else { return nil }
            var row: TemplateData = ["unit": unit, "note": .text(adoption.note ?? "")]
            row["year"] = adoption.year.map(TemplateValue.number)
            return .object(row)
        })
        data["spread"] = spread(item) ?? .null
        data["attachments"] = .list(item.attachments.filter { graph.media.contains($0.value) }.map {
            attachmentData($0, title: item.attachmentTitles[$0.value])
        })
        data["contact"] = item.contact.map(TemplateValue.text) ?? .null
        // "Liên hệ" only when someone can be reached: the model's contact or the Federation's.
        data["get_in_touch"] = .flag(item.contact != nil || !graph.site.contact.isEmpty)
        data.merge(splitByDate(graph.eventsOfInitiative[item.id] ?? [])) { _, new in new }
        data["body"] = .html(body.html)
        return (data, body.diagnostics)
    }

    func eventPage(_ event: Event) -> (TemplateData, [Diagnostic]) {
        let body = markdown.render(event.body, folder: "events", file: event.source.file)
        var data = common(.event(event.id), title: event.title, description: event.summary)
        data.add(fieldsOf: eventCard(event.id))
        data["extra"] = .object(TemplateData(text: event.extra))
        // A commendation conference honours the whole phase: link its full list.
        if event.kind == .commendation, let phase = graph.site.phase, phase.contains(event.date.year) || event.date.year == phase.to + 1 {
            data["phase_list"] = ["url": .text(url(.list(.phase, page: 1)) ?? ""), "name": .text(phase.name)]
        }
        data["host"] = event.host.flatMap { unitLink($0.value) }
        data["participants"] = .list(event.participants.compactMap { exemplarCard($0.value) })
        // A commendation, or any long roll, reads as a table: who, from where, which award, which decision.
        if event.kind == .commendation || event.participants.count > Self.honourTableFrom {
            data["honours"] = honourTable(event)
        }
        data["models"] = .list(event.models.compactMap { initiativeCard($0.value) })
        data["og_image"] = event.photos.lazy.compactMap { self.shareImage($0.value) }.first
        data["photos"] = .list(event.photos.enumerated().compactMap { index, photo -> TemplateValue? in
            guard case .object(var data)? = photoData(photo.value, role: .photo,
                                                      alt: event.photoAlts[photo.value] ?? "\(text("photo_of")) \(event.title) (\(index + 1))") else { return nil }
            // Under the photo: its caption, else the description its author wrote.
            data["caption"] = (event.photoCaptions[photo.value] ?? event.photoAlts[photo.value]).map(TemplateValue.text) ?? .null
            return .object(data)
        })
        data["body"] = .html(body.html)
        return (data, body.diagnostics)
    }

    func unitPage(_ unit: Unit) -> TemplateData {
        var data = common(.unit(unit.id), title: unit.name, description: nil)
        data.add(fieldsOf: unitLink(unit.id))
        data["title"] = .text(unit.name)
        data["parent"] = unit.parent.flatMap { unitLink($0.value) }
        data["children"] = .list((graph.childUnits[unit.id] ?? []).compactMap(unitLink))
        // A district's page shows the exemplars of its grassroots unions too: the first
        // few here, all of them on the unit's paginated list.
        let members = graph.members(ofUnit: unit.id)
        data["exemplars"] = .list(members.prefix(Planner.unitPreview).compactMap(exemplarCard))
        data["exemplar_count"] = .number(members.count)
        if members.count > Planner.unitPreview { data["all_exemplars"] = url(.list(.unitMembers(unit.id), page: 1)).map(TemplateValue.text) }
        data["models"] = .list((graph.initiativesOfUnit[unit.id] ?? []).compactMap(initiativeCard))
        data["adopted"] = .list((graph.adoptionsOfUnit[unit.id] ?? []).compactMap(initiativeCard))
        data["events"] = .list((graph.eventsOfUnit[unit.id] ?? []).compactMap(eventCard))
        return data
    }

    /// An item's events: those still to come (as of the build day, which the page states)
    /// apart from those that took place, so a coming event never reads as attended.
    func splitByDate(_ ids: [String]) -> TemplateData {
        let coming = ids.filter { graph.events[$0]?.isComing(on: today) ?? false }
        var data: TemplateData = ["events": .list(ids.filter { !coming.contains($0) }.compactMap(eventCard))]
        data["coming_events"] = .list(coming.reversed().compactMap(eventCard))
        if !coming.isEmpty { data["as_of"] = date(today) }
        return data
    }

    func freePage(_ page: FreePage) -> (TemplateData, [Diagnostic]) {
        let body = markdown.render(page.body, folder: "pages", file: page.source.file)
        var data = common(.page(page.id), title: page.title, description: page.summary)
        data["summary"] = .text(page.summary ?? "")
        data["extra"] = .object(TemplateData(text: page.extra))
        data["body"] = .html(body.html)
        return (data, body.diagnostics)
    }
}
