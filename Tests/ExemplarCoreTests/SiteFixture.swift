import ExemplarCore
import Foundation

/// A small site written from literal files into a fresh temporary folder,
/// built with the repository's default theme, the way a user builds theirs.
struct SiteFixture {
    let root: URL
    var content: URL { root.appendingPathComponent("content") }
    var output: URL { root.appendingPathComponent("public") }

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("exemplar-\(UUID().uuidString)")
        for (path, text) in files { try write(path, text) }
    }

    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) throws {
        let url = content.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func options(write: Bool = true) -> BuildOptions {
        var options = BuildOptions(content: content.path, theme: Self.repository.appendingPathComponent("theme").path,
                                   output: output.path)
        options.contentDisplay = "content"
        options.writeOutput = write
        return options
    }

    func build(drafts: Bool = false) -> BuildReport {
        var options = options()
        options.includeDrafts = drafts
        return Builder.build(options)
    }

    func page(_ path: String) -> String? {
        try? String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// A minimal valid site: one unit tree, one collective, one individual, a model, an event, a page.
    static let basic: [String: String] = [
        "site.yml": """
        title: Điển hình tiên tiến
        organisation: Liên đoàn Lao động tỉnh Quảng Bình
        base_url: https://ldld.example.vn/dien-hinh/
        phase: { name: "2016–2020", from: 2016, to: 2020 }
        """,
        "units.yml": """
        - { id: ban-nu-cong, name: Ban Nữ công, kind: department }
        - { id: ldld-huyen-le-thuy, name: LĐLĐ huyện Lệ Thủy, kind: district }
        - { id: cdcs-truong-thpt-le-thuy, name: Công đoàn cơ sở Trường THPT Lệ Thủy, kind: grassroots, parent: ldld-huyen-le-thuy }
        """,
        "individuals/nguyen-thi-hoa.md": """
        ---
        name: Nguyễn Thị Hoa
        unit: ban-nu-cong
        position: Phó Trưởng ban
        scope: field
        fields: [nu-cong]
        registered: 2018-02-05
        selection: { decision: "15/QĐ-LĐLĐ", date: 2018-03-01 }
        years: [2018, 2019, 2020]
        supervisor: Lê Văn Bình, Phó Chủ tịch
        criteria: [hoan-thanh-xuat-sac]
        awards:
          - { award: bang-khen-ldld-tinh, year: 2018, decision: "102/QĐ-LĐLĐ", date: 2018-12-20 }
          - { award: bang-khen-tong-ldld, year: 2020, decision: "1245/QĐ-TLĐ", date: 2020-07-28 }
        models: [so-tay-nu-cong-dien-tu]
        summary: Người khởi xướng sổ tay nữ công điện tử.
        ---
        Chị Hoa cùng [tập thể nhà trường](../collectives/cdcs-truong-thpt-le-thuy.md) chia sẻ cách làm.
        """,
        "collectives/cdcs-truong-thpt-le-thuy.md": """
        ---
        name: Công đoàn cơ sở Trường THPT Lệ Thủy
        unit: cdcs-truong-thpt-le-thuy
        leader: Trần Văn Nam
        scope: comprehensive
        years: [2019, 2020]
        awards:
          - { award: bang-khen-ldld-tinh, year: 2019, decision: "88/QĐ-LĐLĐ", date: 2019-11-02 }
        ---
        Tập thể đoàn kết, vượt khó.
        """,
        "models/so-tay-nu-cong-dien-tu.md": """
        ---
        title: Sổ tay nữ công điện tử
        kind: initiative
        unit: ban-nu-cong
        owners: [nguyen-thi-hoa]
        year: 2018
        benefit: Làm lợi 120 triệu đồng mỗi năm
        adopted_by:
          - { unit: ldld-huyen-le-thuy, year: 2019, note: Áp dụng cho 45 công đoàn cơ sở }
        ---
        ## Cách làm
        1. Lập nhóm biên soạn.
        """,
        "events/giao-luu-nu-cong-2019.md": """
        ---
        title: Giao lưu điển hình tiên tiến công tác nữ công năm 2019
        kind: exchange
        date: 2019-10-18
        location: Hội trường LĐLĐ tỉnh
        host: ban-nu-cong
        participants: [nguyen-thi-hoa, cdcs-truong-thpt-le-thuy]
        models: [so-tay-nu-cong-dien-tu]
        ---
        Buổi giao lưu có 120 đại biểu.
        """,
        "pages/dang-ky.md": """
        ---
        title: Đăng ký điển hình
        menu: 1
        ---
        Đăng ký trước ngày 10/2 hằng năm qua Ban Công tác cơ sở.
        """,
    ]
}
