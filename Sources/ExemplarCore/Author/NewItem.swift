/// What `exemplar new KIND "Tên"` writes: the file of a new item with every key of its kind,
/// the name filled in, a unit where one is required, and today's date where one fits.
public struct NewItem: Sendable {
    public var kind: ContentSchema.ItemKind
    public var name: String
    /// The unit for kinds that require one; nil leaves `unit:` empty for the author.
    public var unit: String?
    public var today: CalendarDate
    public var language: ContentSchema.Language

    public init(kind: ContentSchema.ItemKind, name: String, unit: String?, today: CalendarDate,
                language: ContentSchema.Language) {
        self.kind = kind
        self.name = VietnameseText.nfc(name.trimmingWhitespace)
        self.unit = unit
        self.today = today
        self.language = language
    }

    public var text: String {
        ItemTemplate(kind: kind, language: language).document(values: values, body: body)
    }

    var values: [String: ItemTemplate.Value] {
        var values: [String: ItemTemplate.Value] = [kind.nameKey: .inline(YAMLText.scalar(name))]
        if let unit, kind.keys.contains(where: { $0.key == "unit" }) { values["unit"] = .inline(unit) }
        switch kind {
        case .model:
            values["kind"] = .inline("model")
            values["year"] = .inline(String(today.year))
        case .event:
            values["kind"] = .inline("exchange")
            values["date"] = .inline(today.iso)
        default:
            break
        }
        values["draft"] = .inline("false")
        return values
    }

    /// A body with the sections the kind calls for, so a new item is never published empty.
    var body: String {
        let sections: [(String, String)]
        switch (kind, language) {
        case (.collective, .vi), (.individual, .vi):
            sections = [("Thành tích nổi bật", "Những kết quả, thành tích tiêu biểu của \(name)."),
                        ("Cách làm", "Cách làm hay, sáng tạo đã mang lại kết quả."),
                        ("Bài học kinh nghiệm", "Điều người khác có thể học và áp dụng.")]
        case (.collective, .en), (.individual, .en):
            sections = [("Achievements", "The main results and achievements of \(name)."),
                        ("How they work", "The methods that brought these results."),
                        ("Lessons", "What others can learn and apply.")]
        case (.model, .vi):
            sections = [("Vấn đề", "Vấn đề mô hình, sáng kiến giải quyết."),
                        ("Cách làm", "Các bước để đơn vị khác nhân rộng."),
                        ("Kết quả", "Hiệu quả đã đạt được.")]
        case (.model, .en):
            sections = [("Problem", "The problem it solves."), ("Steps", "How another unit can replicate it."),
                        ("Results", "What it achieved.")]
        case (.event, .vi):
            sections = [("Nội dung", "Diễn biến chính, những điển hình chia sẻ kinh nghiệm và mô hình được giới thiệu.")]
        case (.event, .en):
            sections = [("Report", "What happened, who shared which model.")]
        case (.page, .vi):
            sections = [("Nội dung", "Nội dung của trang \(name).")]
        case (.page, .en):
            sections = [("Content", "The text of the page \(name).")]
        }
        return sections.map { "## \($0.0)\n\n\($0.1)\n" }.joined(separator: "\n")
    }
}
