/// Selection criteria from the plan (section III.1), used when a site does not edit them.
enum DefaultCriteria {
    static let all: [Criterion] = [
        collective("doan-ket", "Nội bộ đoàn kết, gương mẫu chấp hành đường lối, chủ trương, chính sách của Đảng, pháp luật của Nhà nước"),
        collective("vuot-kho", "Vượt khó, sáng tạo hoàn thành xuất sắc các chỉ tiêu thi đua và nhiệm vụ được giao"),
        collective("phong-trao", "Tổ chức thực hiện các phong trào thi đua nền nếp, thiết thực, hiệu quả"),
        collective("che-do-chinh-sach", "Thực hiện tốt các chế độ chính sách đối với mọi thành viên trong tập thể, thực hành tiết kiệm, tích cực đấu tranh chống tham nhũng"),
        collective("trong-sach-vung-manh", "Tổ chức Đảng, đoàn thể đạt trong sạch vững mạnh"),
        collective("bang-khen", "Đã được tặng Bằng khen của LĐLĐ tỉnh trở lên"),
        individual("chap-hanh", "Chấp hành đường lối, chủ trương, chính sách của Đảng, pháp luật của Nhà nước và quy định của địa phương"),
        individual("hoan-thanh-xuat-sac", "Hoàn thành xuất sắc nhiệm vụ được giao với năng suất và chất lượng cao"),
        individual("dao-duc", "Có đạo đức tốt, lối sống lành mạnh"),
        individual("tu-luc", "Có tinh thần tự lực, tự cường, đoàn kết, tương trợ giúp đỡ lẫn nhau, tích cực tham gia các phong trào thi đua"),
    ]

    private static func collective(_ id: String, _ text: String) -> Criterion {
        Criterion(id: id, text: text, appliesTo: .collective, source: nil)
    }

    private static func individual(_ id: String, _ text: String) -> Criterion {
        Criterion(id: id, text: text, appliesTo: .individual, source: nil)
    }
}
