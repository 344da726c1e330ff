/// What a spreadsheet column holds, recognised from its heading as the Federation's lists
/// usually write it, without regard to case, tone marks or punctuation. The headings are
/// listed in docs/import.md; keep the two together.
public enum ImportColumn: String, Sendable, CaseIterable {
    /// `STT`: the row number, not imported.
    case number
    case name, unit, position, leader, supervisor, scope, fields, registered
    case selectionDecision, selectionDate, years
    case award, awardYear, decision, decisionDate
    case summary, body, photo, tags

    /// Headings in slug form (`Họ và tên` → `ho-va-ten`).
    public var headings: [String] {
        switch self {
        case .number: ["stt", "tt", "so-tt", "so-thu-tu"]
        case .name: ["ho-va-ten", "ho-ten", "ten", "ten-tap-the", "tap-the", "ca-nhan", "ten-ca-nhan", "ten-day-du",
                     "ho-va-ten-ca-nhan", "name", "full-name"]
        case .unit: ["don-vi", "ten-don-vi", "don-vi-cong-tac", "don-vi-truc-thuoc", "co-quan", "co-quan-don-vi",
                     "noi-cong-tac", "unit"]
        case .position: ["chuc-vu", "chuc-danh", "chuc-vu-chuc-danh", "position"]
        case .leader: ["nguoi-dung-dau", "thu-truong", "thu-truong-don-vi", "chu-tich-cong-doan", "leader"]
        case .supervisor: ["nguoi-theo-doi", "lanh-dao-theo-doi", "nguoi-duoc-phan-cong-theo-doi", "lanh-dao-phu-trach",
                           "supervisor"]
        case .scope: ["loai-dien-hinh", "pham-vi", "scope"]
        case .fields: ["mat-cong-tac", "linh-vuc", "fields"]
        case .registered: ["ngay-dang-ky", "registered"]
        case .selectionDecision: ["quyet-dinh-chon", "so-quyet-dinh-chon"]
        case .selectionDate: ["ngay-quyet-dinh-chon"]
        case .years: ["nam", "cac-nam", "nam-dien-hinh", "nam-cong-nhan", "nam-dat", "years"]
        case .award: ["khen-thuong", "hinh-thuc-khen-thuong", "danh-hieu", "danh-hieu-khen-thuong", "muc-khen-thuong",
                      "award", "awards"]
        case .awardYear: ["nam-khen-thuong"]
        case .decision: ["so-quyet-dinh", "quyet-dinh", "so-qd", "qd", "quyet-dinh-so", "decision"]
        case .decisionDate: ["ngay-quyet-dinh", "ngay-qd", "ngay-ky", "ngay-ky-quyet-dinh", "ngay-khen-thuong"]
        case .summary: ["tom-tat", "gioi-thieu", "tom-tat-thanh-tich", "summary"]
        case .body: ["thanh-tich", "thanh-tich-noi-bat", "thanh-tich-chu-yeu", "noi-dung", "ghi-chu"]
        case .photo: ["anh", "hinh-anh", "anh-dai-dien", "photo"]
        case .tags: ["nhan", "tags"]
        }
    }

    /// The key of the content model a column fills; nil for columns read another way.
    var key: String? {
        switch self {
        case .name: "name"
        case .unit: "unit"
        case .position: "position"
        case .leader: "leader"
        case .supervisor: "supervisor"
        case .scope: "scope"
        case .fields: "fields"
        case .registered: "registered"
        case .selectionDecision, .selectionDate: "selection"
        case .years: "years"
        case .award, .awardYear, .decision, .decisionDate: "awards"
        case .summary: "summary"
        case .photo: "photo"
        case .tags: "tags"
        case .number, .body: nil
        }
    }

    /// The column a heading names: an exact heading, or a heading of two words or more that
    /// starts it (`Số quyết định khen thưởng` is a decision). Text in brackets is ignored.
    public static func recognise(_ heading: String) -> ImportColumn? {
        var text = heading
        while let open = text.firstIndex(of: "("), let close = text[open...].firstIndex(of: ")") {
            text.removeSubrange(open...close)
        }
        let slug = VietnameseText.slug(text)
        var best: (ImportColumn, Int)?
        for column in allCases {
            for candidate in column.headings {
                let words = candidate.split(separator: "-").count
                let fits = slug == candidate || (words >= 2 && slug.hasPrefix(candidate + "-"))
                if fits, candidate.count > (best?.1 ?? 0) { best = (column, candidate.count) }
            }
        }
        return best?.0
    }
}
