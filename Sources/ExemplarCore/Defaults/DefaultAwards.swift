/// The award catalogue every site starts from, ranked lowest to highest as in the domain notes.
/// Ranks leave gaps so a site's `awards.yml` can slot its own forms between them.
enum DefaultAwards {
    static let all: [Award] = [
        award("giay-khen", "Giấy khen", 5, "unit"),
        award("giay-khen-cdcs", "Giấy khen Công đoàn cơ sở", 10, "grassroots"),
        award("lao-dong-tien-tien", "Lao động tiên tiến", 12, "unit"),
        award("tap-the-lao-dong-tien-tien", "Tập thể lao động tiên tiến", 13, "unit"),
        award("giay-khen-cd-cap-tren", "Giấy khen Công đoàn cấp trên trực tiếp", 20, "district"),
        award("chien-si-thi-dua-co-so", "Chiến sĩ thi đua cơ sở", 22, "unit"),
        award("tap-the-lao-dong-xuat-sac", "Tập thể lao động xuất sắc", 23, "unit"),
        award("bang-khen-ldld-tinh", "Bằng khen LĐLĐ tỉnh", 30, "province"),
        award("co-thi-dua-ldld-tinh", "Cờ thi đua LĐLĐ tỉnh", 35, "province"),
        award("bang-khen-tong-ldld", "Bằng khen Tổng LĐLĐ Việt Nam", 40, "national"),
        award("co-thi-dua-tong-ldld", "Cờ thi đua Tổng LĐLĐ Việt Nam", 45, "national"),
        award("bang-khen-ubnd-tinh", "Bằng khen UBND tỉnh", 50, "province"),
        award("chien-si-thi-dua-cap-tinh", "Chiến sĩ thi đua cấp tỉnh", 52, "province"),
        award("bang-khen-thu-tuong", "Bằng khen Thủ tướng Chính phủ", 60, "national"),
        award("chien-si-thi-dua-toan-quoc", "Chiến sĩ thi đua toàn quốc", 62, "national"),
        award("co-thi-dua-chinh-phu", "Cờ thi đua của Chính phủ", 65, "national"),
        award("huan-chuong-lao-dong-hang-ba", "Huân chương Lao động hạng Ba", 70, "state"),
        award("huan-chuong-lao-dong-hang-nhi", "Huân chương Lao động hạng Nhì", 80, "state"),
        award("huan-chuong-lao-dong-hang-nhat", "Huân chương Lao động hạng Nhất", 90, "state"),
        award("huan-chuong-doc-lap", "Huân chương Độc lập", 100, "state"),
        award("huan-chuong-ho-chi-minh", "Huân chương Hồ Chí Minh", 110, "state"),
        award("huan-chuong-sao-vang", "Huân chương Sao vàng", 120, "state"),
    ]

    /// The plan's collective criterion: "Bằng khen of LĐLĐ tỉnh or higher".
    static let provincialMeritRank = 30

    private static func award(_ id: String, _ name: String, _ rank: Int, _ level: String) -> Award {
        Award(id: id, name: name, rank: rank, level: level, source: nil)
    }
}
