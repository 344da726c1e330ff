/// The keys of `site.yml` and of the catalogues' entries.
extension ContentSchema {
    public static let site: [KeySpec] = [
        K("title", .text, required: true, Help("tên trang web", "the site's name"), example: "Điển hình tiên tiến"),
        K("organisation", .text, Help("tên Liên đoàn Lao động, hiện ở đầu và cuối trang", "the Federation's name, in the header and footer"),
          example: "Liên đoàn Lao động tỉnh Quảng Bình"),
        K("description", .text, Help("đoạn giới thiệu ở trang chủ", "lead paragraph of the home page")),
        K("base_url", .text, Help("địa chỉ khi đăng, có thể có đường dẫn con", "where the site is published, may have a sub-path"),
          example: "https://ldld.example.vn/dien-hinh/"),
        K("language", .choice(["vi", "en"]), Help("ngôn ngữ giao diện: vi hoặc en", "interface language: vi or en"), example: "vi"),
        K("phase", .mapping(phase), Help("giai đoạn thi đua", "the programme period"),
          example: "{ name: \"2016–2020\", from: 2016, to: 2020 }"),
        K("contact", .mapping(contact), Help("địa chỉ, điện thoại, thư điện tử của Liên đoàn, hiện ở cuối trang",
                                             "the Federation's address, phone and email, in the footer"),
          example: "{ address: \"Số 1 Trần Hưng Đạo, Đồng Hới\", phone: \"0232 3822 345\", email: ldld@example.vn }"),
        K("registration_deadline", .text, Help("hạn đăng ký hằng năm, \"tháng-ngày\"", "yearly registration deadline, \"month-day\""),
          example: "\"02-10\""),
        K("score_thresholds", .mapping(thresholds), Help("điểm tối thiểu cho từng mức xếp loại", "minimum points of each rating"),
          example: "{ excellent: 90, good: 70, complete: 50 }"),
        K("allow_raw_html", .bool, Help("true: cho phép HTML trong nội dung (chỉ khi tin mọi người viết)",
                                        "true: let raw HTML through (only if you trust every author)"), example: "false"),
        extra,
    ]

    static let contact: [KeySpec] = [
        K("address", .text, Help("địa chỉ", "postal address"), example: "\"Số 1 Trần Hưng Đạo, Đồng Hới\""),
        K("phone", .text, Help("số điện thoại", "phone number"), example: "\"0232 3822 345\""),
        K("email", .text, Help("thư điện tử", "email address"), example: "ldld@example.vn"),
    ]

    static let phase: [KeySpec] = [
        K("name", .text, required: true, Help("tên giai đoạn", "name of the period"), example: "\"2016–2020\""),
        K("from", .year, required: true, Help("năm bắt đầu", "first year"), example: "2016"),
        K("to", .year, required: true, Help("năm kết thúc", "last year"), example: "2020"),
    ]

    static let thresholds: [KeySpec] = [
        K("excellent", .number(0...100), Help("hoàn thành xuất sắc nhiệm vụ", "excellent"), example: "90"),
        K("good", .number(0...100), Help("hoàn thành tốt nhiệm vụ", "good"), example: "70"),
        K("complete", .number(0...100), Help("hoàn thành nhiệm vụ", "complete"), example: "50"),
    ]

    /// One entry of `units.yml`.
    public static let unit: [KeySpec] = [
        K("id", .text, required: true, Help("mã đơn vị", "unit id"), example: "ldld-huyen-le-thuy"),
        K("name", .text, required: true, Help("tên đơn vị", "unit name"), example: "LĐLĐ huyện Lệ Thủy"),
        K("kind", .choice(Unit.Kind.allCases.map(\.rawValue)), required: true, Help("loại đơn vị", "kind of unit"),
          example: "district"),
        K("parent", .reference(.unit), Help("mã đơn vị cấp trên trực tiếp", "id of the unit directly above"),
          example: "ldld-tinh"),
        extra,
    ]

    /// One entry of `awards.yml`.
    public static let award: [KeySpec] = [
        K("id", .text, required: true, Help("mã hình thức khen thưởng", "award id"), example: "giay-khen-ldld-huyen"),
        K("name", .text, required: true, Help("tên hình thức khen thưởng", "award name"), example: "Giấy khen LĐLĐ huyện"),
        K("rank", .number(Int.min...Int.max), required: true, Help("thứ bậc: số lớn hơn là cao hơn", "rank: higher is more prestigious"),
          example: "15"),
        K("level", .text, Help("cấp khen thưởng", "who grants it"), example: "district"),
        K("description", .text, Help("giới thiệu hình thức khen thưởng, hiện ở trang của nó", "what the award is, shown on its page"),
          example: "\"Do Chủ tịch LĐLĐ huyện tặng tập thể, cá nhân có thành tích xuất sắc trong năm.\""),
        extra,
    ]

    /// One entry of `fields.yml`.
    public static let field: [KeySpec] = [
        K("id", .text, required: true, Help("mã mặt công tác", "field id"), example: "nu-cong"),
        K("name", .text, required: true, Help("tên mặt công tác", "field name"), example: "Nữ công"),
        extra,
    ]

    /// One criterion under `collective:` or `individual:` in `criteria.yml`.
    public static let criterion: [KeySpec] = [
        K("id", .text, required: true, Help("mã tiêu chí", "criterion id"), example: "doan-ket"),
        K("text", .text, required: true, Help("nội dung tiêu chí", "the criterion as shown"),
          example: "\"Nội bộ đoàn kết\""),
        extra,
    ]
}
