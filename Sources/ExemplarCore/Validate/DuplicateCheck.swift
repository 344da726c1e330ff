/// Two things with one id make every reference to that id ambiguous.
enum DuplicateCheck {
    static func run(_ content: Content) -> [Diagnostic] {
        var out: [Diagnostic] = []
        out += duplicates(content.units.map { ($0.id, $0.source) }, what: "đơn vị")
        out += duplicates(content.exemplars.map { ($0.id, $0.source) }, what: "điển hình (tập thể và cá nhân dùng chung mã)")
        out += duplicates(content.initiatives.map { ($0.id, $0.source) }, what: "mô hình")
        out += duplicates(content.events.map { ($0.id, $0.source) }, what: "sự kiện")
        out += duplicates(content.pages.map { ($0.id, $0.source) }, what: "trang")
        out += duplicates(content.awards.compactMap { a in a.source.map { (a.id, $0) } }, what: "hình thức khen thưởng")
        out += duplicates(content.fields.compactMap { f in f.source.map { (f.id, $0) } }, what: "mặt công tác")
        // Collectives and individuals have criteria lists of their own: one id may be in both.
        for kind in Exemplar.Kind.allCases {
            out += duplicates(content.criteria.filter { $0.appliesTo == kind }.compactMap { c in c.source.map { (c.id, $0) } },
                              what: "tiêu chí")
        }
        return out
    }

    private static func duplicates(_ entries: [(String, SourceLocation)], what: String) -> [Diagnostic] {
        var first: [String: SourceLocation] = [:]
        var out: [Diagnostic] = []
        for (id, at) in entries {
            if let earlier = first[id] {
                out.append(.error("duplicate-id", "Mã `\(id)` đã được dùng cho một \(what) khác ở \(earlier.file):\(earlier.line).",
                                  at: at, hint: "Mỗi mục cần một mã riêng; đổi mã (hoặc tên tệp) của một trong hai."))
            } else {
                first[id] = at
            }
        }
        return out
    }
}
