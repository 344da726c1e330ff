/// The content of a new site: `site.yml`, units, criteria, one extra award and one item of each
/// kind, linked to each other, so `exemplar build` works at once, with no warning, and every
/// file shows what its keys mean. Items are written like `new` writes them, from the schema.
public struct StarterSite: Sendable {
    public var today: CalendarDate
    public var language: ContentSchema.Language

    public init(today: CalendarDate, language: ContentSchema.Language) {
        self.today = today
        self.language = language
    }

    /// Files by path relative to the site's folder (`content/site.yml` …), in writing order.
    public var files: [(path: String, text: String)] {
        [("content/site.yml", site), ("content/units.yml", units), ("content/criteria.yml", criteria),
         ("content/awards.yml", awards)] + items.map { ("content/" + ItemFiles.relativePath(id: $0.id, kind: $0.kind), $0.text) }
    }

    private func say(_ vi: String, _ en: String) -> String { language == .en ? en : vi }

    /// The emulation phase holding this year, on the five-year cycle (2016–2020, 2021–2025 …).
    private var phase: (from: Int, to: Int) {
        let from = today.year - ((today.year - 2016) % 5 + 5) % 5
        return (from, from + 4)
    }

    var site: String {
        let values: [String: ItemTemplate.Value] = [
            "title": .inline("Điển hình tiên tiến"),
            "organisation": .inline("Liên đoàn Lao động tỉnh"),
            "description": .inline(YAMLText.scalar("Giới thiệu các tập thể, cá nhân điển hình tiên tiến, mô hình và sáng kiến trong hệ thống Công đoàn tỉnh.")),
            "base_url": .inline("/"),
            "language": .inline("vi"),
            "phase": .inline("{ name: \"\(phase.from)–\(phase.to)\", from: \(phase.from), to: \(phase.to) }"),
            "registration_deadline": .inline("\"02-10\""),
            "score_thresholds": .inline("{ excellent: 90, good: 70, complete: 50 }"),
            "allow_raw_html": .inline("false"),
        ]
        return ItemTemplate.mapping(ContentSchema.site, values: values,
                                    heading: say("Cấu hình trang web; giải thích từng khoá: docs/content-model.md",
                                                 "The site's settings; every key is explained in docs/content-model.md"),
                                    language: language)
    }

    var units: String {
        let kinds = Unit.Kind.allCases.map(\.rawValue).joined(separator: " | ")
        return """
        # \(say("Các đơn vị của Liên đoàn Lao động tỉnh; mỗi đơn vị một mục.", "The Federation's units, one entry each."))
        # id: \(say("mã, dùng trong `unit:`, `host:`, `parent:`", "the id used in `unit:`, `host:`, `parent:`"))
        # kind: \(kinds)
        # parent: \(say("mã đơn vị cấp trên trực tiếp", "id of the unit directly above"))
        - { id: van-phong-ldld-tinh, name: Văn phòng LĐLĐ tỉnh, kind: office }
        - { id: ban-nu-cong, name: Ban Nữ công, kind: department }
        - { id: ldld-thanh-pho, name: LĐLĐ thành phố, kind: district }
        - { id: cdcs-truong-thpt, name: Công đoàn cơ sở Trường THPT, kind: grassroots, parent: ldld-thanh-pho }

        """
    }

    var criteria: String {
        var lines = ["# " + say("Tiêu chí chọn điển hình. Tệp này bổ sung hoặc thay (cùng mã) các tiêu chí có sẵn.",
                                "Selection criteria. This file adds to or replaces (same id) the built-in ones.")]
        for kind in Exemplar.Kind.allCases {
            lines.append("\(kind.rawValue):")
            for criterion in DefaultCriteria.all where criterion.appliesTo == kind {
                lines.append("  - { id: \(criterion.id), text: \(YAMLText.scalar(criterion.text, alwaysQuote: true)) }")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    var awards: String {
        """
        # \(say("Hình thức khen thưởng. Danh sách có sẵn (docs/content-model.md, mục 4.1) đã có Bằng khen, Cờ thi đua, Huân chương …;",
               "Award forms. The built-in list (docs/content-model.md, section 4.1) already has the usual ones;"))
        # \(say("tệp này thêm hình thức riêng của tỉnh. rank: số lớn hơn là khen thưởng cao hơn.",
               "this file adds the province's own. rank: higher is more prestigious."))
        - { id: giay-khen-ldld-thanh-pho, name: Giấy khen LĐLĐ thành phố, rank: 15, level: district }

        """
    }

    struct Item {
        var kind: ContentSchema.ItemKind
        var id: String
        var text: String
    }

    var items: [Item] {
        let year = today.year
        let previous = year - 1
        let individual: [String: ItemTemplate.Value] = [
            "name": .inline("Nguyễn Thị Mai"),
            "unit": .inline("ban-nu-cong"),
            "position": .inline("Phó Trưởng ban Nữ công"),
            "scope": .inline("field"),
            "fields": .inline("[nu-cong]"),
            "registered": .inline("\(year)-02-05"),
            "selection": .inline("{ decision: \"15/QĐ-LĐLĐ\", date: \(year)-03-01 }"),
            "years": .inline("[\(year)]"),
            "supervisor": .inline("Trần Văn Bình, Phó Chủ tịch LĐLĐ tỉnh"),
            "criteria": .inline("[chap-hanh, hoan-thanh-xuat-sac, dao-duc]"),
            "awards": .items(["{ award: bang-khen-ldld-tinh, year: \(previous), decision: \"102/QĐ-LĐLĐ\", date: \(previous)-12-20 }"]),
            "models": .inline("[so-tay-nu-cong-dien-tu]"),
            "summary": .inline(YAMLText.scalar("Cán bộ nữ công tận tụy, tác giả Sổ tay nữ công điện tử.")),
            "tags": .inline("[nu-cong]"),
            "draft": .inline("false"),
        ]
        let collective: [String: ItemTemplate.Value] = [
            "name": .inline("Công đoàn cơ sở Trường THPT"),
            "unit": .inline("cdcs-truong-thpt"),
            "leader": .inline("Lê Văn Nam"),
            "scope": .inline("comprehensive"),
            "registered": .inline("\(year)-02-03"),
            "selection": .inline("{ decision: \"15/QĐ-LĐLĐ\", date: \(year)-03-01 }"),
            "years": .inline("[\(year)]"),
            "criteria": .inline("[doan-ket, phong-trao, bang-khen]"),
            "awards": .items(["{ award: giay-khen-ldld-thanh-pho, year: \(previous - 1), decision: \"45/QĐ-LĐLĐ\", date: \(previous - 1)-12-15 }",
                              "{ award: bang-khen-ldld-tinh, year: \(previous), decision: \"102/QĐ-LĐLĐ\", date: \(previous)-12-20 }"]),
            "summary": .inline(YAMLText.scalar("Tập thể đoàn kết, nhiều năm liền dẫn đầu phong trào thi đua của ngành.")),
            "draft": .inline("false"),
        ]
        let model: [String: ItemTemplate.Value] = [
            "title": .inline("Sổ tay nữ công điện tử"),
            "kind": .inline("initiative"),
            "unit": .inline("ban-nu-cong"),
            "owners": .inline("[nguyen-thi-mai]"),
            "year": .inline(String(year)),
            "fields": .inline("[nu-cong]"),
            "benefit": .inline(YAMLText.scalar("Tiết kiệm thời gian tra cứu chính sách cho cán bộ nữ công cơ sở", alwaysQuote: true)),
            "adopted_by": .items(["{ unit: ldld-thanh-pho, year: \(year), note: \"Áp dụng cho các công đoàn cơ sở\" }"]),
            "summary": .inline(YAMLText.scalar("Hỏi – đáp chính sách đối với lao động nữ, tra cứu ngay trên điện thoại.")),
            "tags": .inline("[chuyen-doi-so]"),
            "draft": .inline("false"),
        ]
        let event: [String: ItemTemplate.Value] = [
            "title": .inline("Giao lưu điển hình tiên tiến công tác nữ công"),
            "kind": .inline("exchange"),
            "date": .inline(today.iso),
            "location": .inline("Hội trường LĐLĐ tỉnh"),
            "host": .inline("ban-nu-cong"),
            "participants": .inline("[nguyen-thi-mai, cong-doan-co-so-truong-thpt]"),
            "models": .inline("[so-tay-nu-cong-dien-tu]"),
            "summary": .inline(YAMLText.scalar("Các điển hình chia sẻ cách làm hay trong công tác nữ công.")),
            "draft": .inline("false"),
        ]
        let page: [String: ItemTemplate.Value] = [
            "title": .inline("Giới thiệu"),
            "summary": .inline(YAMLText.scalar("Mục đích, phạm vi và cách sử dụng trang điển hình tiên tiến.")),
            "menu": .inline("1"),
            "draft": .inline("false"),
        ]
        return [
            item(.individual, "nguyen-thi-mai", individual, body: """
                Chị Nguyễn Thị Mai có nhiều năm làm công tác nữ công. Chị là tác giả
                [Sổ tay nữ công điện tử](../models/so-tay-nu-cong-dien-tu.md), giúp cán bộ nữ công cơ sở tra cứu
                chính sách ngay trên điện thoại.

                ## Bài học kinh nghiệm

                Lắng nghe đoàn viên, bắt đầu từ việc nhỏ và làm đến nơi đến chốn.
                """),
            item(.collective, "cong-doan-co-so-truong-thpt", collective, body: """
                Tập thể Công đoàn cơ sở Trường THPT đoàn kết, chăm lo đời sống đoàn viên và tổ chức tốt các phong trào
                thi đua. Tập thể tham gia [giao lưu điển hình tiên tiến công tác nữ công](../events/giao-luu-dien-hinh-tien-tien-cong-tac-nu-cong.md).
                """),
            item(.model, "so-tay-nu-cong-dien-tu", model, body: """
                ## Vấn đề

                Cán bộ nữ công cơ sở cần tra cứu nhanh chính sách đối với lao động nữ.

                ## Cách làm

                1. Lập nhóm biên soạn các câu hỏi thường gặp.
                2. Đưa lên điện thoại, cập nhật khi chính sách thay đổi.
                """),
            item(.event, "giao-luu-dien-hinh-tien-tien-cong-tac-nu-cong", event, body: """
                Buổi giao lưu để các điển hình chia sẻ kinh nghiệm; chị [Nguyễn Thị Mai](../individuals/nguyen-thi-mai.md)
                giới thiệu Sổ tay nữ công điện tử.
                """),
            item(.page, "gioi-thieu", page, body: """
                Trang **Điển hình tiên tiến** giới thiệu công khai các tập thể, cá nhân điển hình tiên tiến, những mô hình,
                sáng kiến họ khởi xướng và các hoạt động giao lưu, biểu dương.
                """),
        ]
    }

    private func item(_ kind: ContentSchema.ItemKind, _ id: String, _ values: [String: ItemTemplate.Value], body: String) -> Item {
        Item(kind: kind, id: id, text: ItemTemplate(kind: kind, language: language).document(values: values, body: body))
    }
}
