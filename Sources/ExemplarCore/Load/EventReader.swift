/// Front matter of `events/*.md` into an `Event`.
enum EventReader {
    static func read(_ file: ItemFile) -> Event? {
        let f = file.fields
        let title = f.string("title", required: true)
        let kind: Event.Kind? = f.choice("kind")
        let date = f.date("date", required: true)
        let endDate = f.date("end_date")
        let location = f.string("location")?.value
        let host = f.string("host")
        let participants = f.strings("participants")
        let models = f.strings("models")
        let photos = f.photos("photos")
        let summary = f.string("summary")?.value
        let draft = f.bool("draft") ?? false
        let extra = f.finish(context: "sự kiện")
        guard let title, let date else { return nil }
        var event = Event(id: file.id, title: title.value, kind: kind ?? .exchange, date: date.value,
                          body: file.body, source: file.source)
        event.endDate = endDate
        event.location = location
        event.host = host
        event.participants = participants
        event.models = models
        event.photos = photos.files
        event.photoAlts = photos.alts
        event.photoCaptions = photos.captions
        event.summary = summary
        event.draft = draft
        event.extra = extra
        return event
    }
}
