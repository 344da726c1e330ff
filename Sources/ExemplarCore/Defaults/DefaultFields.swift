/// Fields of work (mặt công tác) every site starts from.
enum DefaultFields {
    static let all: [Field] = [
        Field(id: "tuyen-giao", name: "Tuyên giáo", source: nil),
        Field(id: "nu-cong", name: "Nữ công", source: nil),
        Field(id: "chinh-sach-phap-luat", name: "Chính sách – Pháp luật", source: nil),
        Field(id: "to-chuc", name: "Tổ chức", source: nil),
        Field(id: "kiem-tra", name: "Kiểm tra", source: nil),
        Field(id: "tai-chinh", name: "Tài chính", source: nil),
    ]
}
