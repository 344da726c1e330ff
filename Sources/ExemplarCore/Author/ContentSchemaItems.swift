/// The keys of the item files, in the order an author meets them: the same order `new` writes.
extension ContentSchema {
    typealias K = KeySpec

    static let years = 1900...2200

    static let summary = K("summary", .text, Help("một hai câu giới thiệu, hiện trên thẻ và trong bản tin",
                                                 "one or two sentences shown on cards and in the feed"))
    static let tags = K("tags", .list(.text), Help("nhãn tự do", "free labels"),
                        example: "[chuyen-doi-so]")
    static let draft = K("draft", .bool, Help("true: bản nháp, chưa đăng lên trang", "true: a draft, left out of the site"),
                         example: "false")
    static let extra = K("extra", .extra, Help("giá trị riêng (khoá: giá trị), trang không hiện", "your own values (key: value), not shown"))

    static let grant: [KeySpec] = [
        K("award", .reference(.award), required: true, Help("mã hình thức khen thưởng", "award id"), example: "bang-khen-ldld-tinh"),
        K("year", .year, Help("năm khen thưởng", "year of the award"), example: "2018"),
        K("decision", .text, Help("số quyết định", "decision number"), example: "\"102/QĐ-LĐLĐ\""),
        K("date", .date, Help("ngày quyết định", "date of the decision"), example: "2018-12-20"),
    ]

    static let selection: [KeySpec] = [
        K("decision", .text, required: true, Help("số quyết định chọn", "number of the selection decision"), example: "\"15/QĐ-LĐLĐ\""),
        K("date", .date, Help("ngày quyết định", "date of the decision"), example: "2018-03-01"),
    ]

    static let adoption: [KeySpec] = [
        K("unit", .reference(.unit), required: true, Help("mã đơn vị áp dụng", "id of the adopting unit"), example: "ldld-huyen-le-thuy"),
        K("year", .year, Help("năm áp dụng", "year adopted"), example: "2019"),
        K("note", .text, Help("ghi chú", "note"), example: "\"Áp dụng cho 45 công đoàn cơ sở\""),
    ]

    static func exemplar(_ kind: Exemplar.Kind) -> [KeySpec] {
        let individual = kind == .individual
        var keys = [
            K("name", .text, required: true,
              individual ? Help("họ và tên", "full name") : Help("tên đầy đủ của tập thể", "full name of the collective")),
            K("unit", .reference(.unit), required: true, Help("mã đơn vị trong units.yml", "unit id from units.yml"),
              example: "ban-nu-cong"),
        ]
        keys += individual
            ? [K("position", .text, Help("chức vụ", "job title"), example: "Phó Trưởng ban Nữ công")]
            : [K("leader", .text, Help("người đứng đầu tập thể", "who heads the collective"), example: "Nguyễn Hữu Tài")]
        keys += [
            K("scope", .choice(["comprehensive", "field"]),
              Help("comprehensive (toàn diện) hoặc field (từng mặt công tác)", "comprehensive or field (one field of work)"),
              example: "field"),
            K("fields", .list(.reference(.field)), Help("mã mặt công tác, khi scope là field", "field ids, when scope is field"),
              example: "[nu-cong]"),
            K("registered", .date, Help("ngày đăng ký (năm-tháng-ngày)", "registration date (year-month-day)"),
              example: "2018-02-05"),
            K("selection", .mapping(selection), Help("quyết định chọn xây dựng điển hình", "the decision selecting the exemplar"),
              example: "{ decision: \"15/QĐ-LĐLĐ\", date: 2018-03-01 }"),
            K("years", .list(.year), Help("các năm là điển hình tiên tiến", "years honoured as an exemplar"),
              example: "[2018, 2019, 2020]"),
        ]
        if individual {
            keys.append(K("supervisor", .text, Help("lãnh đạo được phân công theo dõi: họ tên, chức vụ",
                                                    "the leader assigned to follow them: name, title"),
                          example: "Lê Văn Bình, Phó Chủ tịch LĐLĐ tỉnh"))
        }
        keys += [
            K("criteria", .list(.reference(.criterion)), Help("mã tiêu chí đạt được (criteria.yml)", "criteria met (criteria.yml)"),
              example: individual ? "[hoan-thanh-xuat-sac, dao-duc]" : "[doan-ket, bang-khen]"),
            K("awards", .mappings(grant), Help("khen thưởng đã nhận, mỗi mục một dòng", "awards received, one per line"),
              example: "{ award: bang-khen-ldld-tinh, year: 2018, decision: \"102/QĐ-LĐLĐ\", date: 2018-12-20 }"),
            K("models", .list(.reference(.model)), Help("mã mô hình, sáng kiến do mình khởi xướng", "ids of models they originated"),
              example: "[so-tay-nu-cong-dien-tu]"),
            K("photo", .reference(.media), Help("ảnh trong thư mục media/", "photo in media/"), example: "media/nguyen-thi-hoa.jpg"),
            K("photo_alt", .text, Help("ảnh cho thấy gì, cho người khiếm thị", "what the photo shows, for readers who cannot see it"),
              example: individual ? "Chị Hoa bên máy may tại xưởng" : "Tập thể công đoàn trước trụ sở"),
            summary, tags, draft, extra,
        ]
        return keys
    }

    static let model: [KeySpec] = [
        K("title", .text, required: true, Help("tên mô hình, sáng kiến", "name of the model or initiative")),
        K("kind", .choice(["model", "initiative"]), Help("model (mô hình) hoặc initiative (sáng kiến)", "model or initiative"),
          example: "model"),
        K("unit", .reference(.unit), required: true, Help("mã đơn vị xây dựng", "id of the unit it comes from"), example: "ban-nu-cong"),
        K("owners", .list(.reference(.exemplar)), Help("mã tập thể, cá nhân khởi xướng", "ids of the exemplars who originated it"),
          example: "[nguyen-thi-hoa]"),
        K("year", .year, Help("năm bắt đầu", "year it started"), example: "2018"),
        K("fields", .list(.reference(.field)), Help("mã mặt công tác", "field ids"), example: "[nu-cong]"),
        K("benefit", .text, Help("hiệu quả, giá trị làm lợi", "the benefit it brings"), example: "\"Làm lợi 120 triệu đồng mỗi năm\""),
        K("adopted_by", .mappings(adoption), Help("đơn vị nhân rộng, mỗi mục một dòng", "units that took it up, one per line"),
          example: "{ unit: ldld-huyen-le-thuy, year: 2019, note: \"Áp dụng cho 45 công đoàn cơ sở\" }"),
        K("attachments", .list(.reference(.media)), Help("tài liệu trong media/ để tải về; mỗi tệp có thể kèm tên: {file: media/a.pdf, title: …}",
                                                         "documents in media/ to download; each may carry a title: {file: media/a.pdf, title: …}"),
          example: "[{ file: media/huong-dan.pdf, title: \"Hướng dẫn áp dụng\" }]"),
        K("contact", .text, Help("liên hệ để được hướng dẫn áp dụng", "whom to ask about taking it up"),
          example: "\"Ban Nữ công LĐLĐ tỉnh, 0232 3822 345\""),
        summary, tags, draft, extra,
    ]

    static let event: [KeySpec] = [
        K("title", .text, required: true, Help("tên sự kiện", "name of the event")),
        K("kind", .choice(["exchange", "commendation", "review", "training"]),
          Help("exchange (giao lưu), commendation (biểu dương), review (sơ kết, tổng kết), training (tập huấn)",
               "exchange, commendation, review or training"),
          example: "exchange"),
        K("date", .date, required: true, Help("ngày bắt đầu (năm-tháng-ngày)", "first day (year-month-day)"), example: "2019-10-18"),
        K("end_date", .date, Help("ngày kết thúc, nếu kéo dài nhiều ngày", "last day, when it lasts several days"), example: "2019-10-19"),
        K("location", .text, Help("địa điểm", "where it takes place"), example: "Hội trường LĐLĐ tỉnh"),
        K("host", .reference(.unit), Help("mã đơn vị tổ chức", "id of the organising unit"), example: "ban-nu-cong"),
        K("participants", .list(.reference(.exemplar)), Help("mã tập thể, cá nhân tham gia", "ids of the exemplars taking part"),
          example: "[nguyen-thi-hoa]"),
        K("models", .list(.reference(.model)), Help("mã mô hình được giới thiệu", "ids of the models presented"),
          example: "[so-tay-nu-cong-dien-tu]"),
        K("photos", .list(.reference(.media)), Help("ảnh trong media/; mỗi ảnh có thể kèm mô tả và chú thích: {file: media/a.jpg, alt: …, caption: …}",
                                                    "photos in media/; each may carry its description and caption: {file: media/a.jpg, alt: …, caption: …}"),
          example: "[media/giao-luu-2019-1.jpg]"),
        summary, draft, extra,
    ]

    static let page: [KeySpec] = [
        K("title", .text, required: true, Help("tiêu đề trang", "page title")),
        summary,
        K("menu", .number(0...1000), Help("thứ tự trong trình đơn; để trống nếu không đưa vào trình đơn",
                                          "order in the menu; empty to leave it out of the menu"), example: "1"),
        draft, extra,
    ]
}
