/// The plan's own rules, as warnings an editor should look at before publishing.
struct DomainRules {
    let content: Content
    /// The build day: an event from it on has not happened yet.
    let today: CalendarDate

    func run() -> [Diagnostic] {
        var out: [Diagnostic] = []
        let ranks = Dictionary(content.awards.map { ($0.id, $0.rank) }, uniquingKeysWith: { first, _ in first })
        let unreadAwards = content.unloaded.entries["awards.yml", default: []]
        for exemplar in content.exemplars {
            out += registration(exemplar)
            out += yearsAndAwards(exemplar)
            out += kindKeys(exemplar)
            // Without a readable awards.yml the ranks of the site's own awards are unknown.
            if exemplar.kind == .collective, !content.unloaded.catalogues.contains("awards.yml"),
               !exemplar.awards.contains(where: { unreadAwards.contains($0.award.value) }) {
                out += provincialMerit(exemplar, ranks: ranks)
            }
            if exemplar.body.isBlank { out.append(emptyBody(exemplar.source)) }
        }
        for item in content.initiatives where item.body.isBlank { out.append(emptyBody(item.source)) }
        for event in content.events {
            if event.body.isBlank, !event.isComing(on: today) { out.append(emptyReport(event)) }
            if let end = event.endDate, end.value < event.date {
                out.append(.error("bad-dates", "`end_date` \(end.value.vietnamese) trước ngày bắt đầu \(event.date.vietnamese).", at: end.at))
            }
        }
        for page in content.pages where page.body.isBlank { out.append(emptyBody(page.source)) }
        out += unitNameLookalikes()
        return out
    }

    /// Units register their exemplars before the deadline of each year (10 February by the plan).
    private func registration(_ exemplar: Exemplar) -> [Diagnostic] {
        guard let registered = exemplar.registered else { return [] }
        let date = registered.value
        guard let due = Self.registrationDue(exemplar, deadline: content.site.registrationDeadline), date > due else { return [] }
        let year = due.year
        return [.warning("late-registration", "Đăng ký ngày \(date.vietnamese), sau hạn \(due.vietnamese) của năm \(year).",
                         at: registered.at, hint: "Kiểm tra lại ngày đăng ký, hoặc ghi chú lý do đăng ký muộn trong phần nội dung.")]
    }

    /// The deadline a registration was for: that of the first honoured year not before it
    /// (one made in December is on time for the next year). Nil without `registered`.
    static func registrationDue(_ exemplar: Exemplar, deadline: (month: Int, day: Int)) -> CalendarDate? {
        guard let date = exemplar.registered?.value else { return nil }
        // Lazily: the figures ask this of every exemplar for every year, and arrays made
        // only to take their least cost more than the rest.
        let year = exemplar.years.lazy.map(\.value).filter { $0 >= date.year }.min() ?? date.year
        return CalendarDate(year: year, month: deadline.month, day: deadline.day)
    }

    private func yearsAndAwards(_ exemplar: Exemplar) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let years = Set(exemplar.years.map(\.value))
        // Awards from before the first honoured year are the record that got the exemplar
        // selected (the plan asks collectives to hold a Bằng khen already), not a slip.
        let firstYear = years.min() ?? .max
        for grant in exemplar.awards {
            if let year = grant.year, year > firstYear, !years.contains(year) {
                let list = years.sorted().map(String.init).joined(separator: ", ")
                out.append(.warning("award-year", "Khen thưởng năm \(year) nằm ngoài các năm là điển hình (\(list)).", at: grant.at,
                                    hint: "Thêm \(year) vào `years` hoặc sửa năm của khen thưởng."))
            }
            if let year = grant.year, let date = grant.date, date.year != year {
                out.append(.warning("award-date", "Khen thưởng ghi năm \(year) nhưng quyết định ngày \(date.vietnamese).", at: grant.at))
            }
        }
        if exemplar.scope == .field, exemplar.fields.isEmpty {
            out.append(.warning("missing-fields", "Điển hình trên từng mặt công tác (`scope: field`) nhưng chưa có `fields`.",
                                at: exemplar.source, hint: "Thêm `fields: [...]` với mã mặt công tác, ví dụ `[nu-cong]`."))
        }
        return out
    }

    /// Keys that belong to the other kind are kept but probably in the wrong file.
    private func kindKeys(_ exemplar: Exemplar) -> [Diagnostic] {
        switch exemplar.kind {
        case .individual:
            var out: [Diagnostic] = []
            if exemplar.supervisor == nil {
                out.append(.warning("missing-supervisor", "Cá nhân điển hình chưa có người được phân công theo dõi (`supervisor`).",
                                    at: exemplar.source, hint: "Kế hoạch yêu cầu phân công 01 lãnh đạo theo dõi mỗi cá nhân điển hình; thêm `supervisor: Họ tên, chức vụ`."))
            }
            if exemplar.leader != nil {
                out.append(.warning("wrong-kind-key", "`leader` dùng cho tập thể; với cá nhân hãy dùng `position`.", at: exemplar.source))
            }
            return out
        case .collective:
            guard exemplar.position != nil || exemplar.supervisor != nil else { return [] }
            return [.warning("wrong-kind-key", "`position` và `supervisor` dùng cho cá nhân; với tập thể hãy dùng `leader`.", at: exemplar.source)]
        }
    }

    /// The plan selects collectives that already hold a Bằng khen of LĐLĐ tỉnh or higher.
    private func provincialMerit(_ exemplar: Exemplar, ranks: [String: Int]) -> [Diagnostic] {
        guard let firstYear = exemplar.years.map(\.value).min() else { return [] }
        let qualifies = exemplar.awards.contains { grant in
            (ranks[grant.award.value] ?? 0) >= DefaultAwards.provincialMeritRank && (grant.year ?? .max) <= firstYear
        }
        guard !qualifies else { return [] }
        return [.warning("collective-criterion", "Tập thể chưa có Bằng khen của LĐLĐ tỉnh trở lên trước hoặc trong năm \(firstYear).",
                         at: exemplar.source, hint: "Tiêu chí của kế hoạch: tập thể đã được tặng Bằng khen của LĐLĐ tỉnh trở lên. Thêm khen thưởng đó vào `awards` nếu có.")]
    }

    private func emptyBody(_ at: SourceLocation) -> Diagnostic {
        .warning("empty-body", "Phần nội dung (sau dòng `---` thứ hai) đang trống.", at: at,
                 hint: "Viết thành tích, cách làm và bài học kinh nghiệm để người đọc học tập được.")
    }

    /// A coming event has no report yet; one that took place should say what happened there.
    private func emptyReport(_ event: Event) -> Diagnostic {
        .warning("empty-body", "Sự kiện đã diễn ra ngày \(event.date.vietnamese) nhưng phần nội dung (sau dòng `---` thứ hai) còn trống.",
                 at: event.source,
                 hint: "Viết bài tường thuật: sự kiện diễn ra thế nào, ai đã chia sẻ mô hình hay cách làm nào.")
    }

    /// "Hòa" and "Hoà", or an NFD copy, look alike but are different names to a computer.
    private func unitNameLookalikes() -> [Diagnostic] {
        var byKey: [String: Unit] = [:]
        var out: [Diagnostic] = []
        for unit in content.units {
            let key = VietnameseText.fold(unit.name)
            if let other = byKey[key], other.id != unit.id {
                let how = other.name == unit.name ? "trùng với" : "chỉ khác ở dấu (cách đặt dấu thanh hoặc bảng mã) với"
                out.append(.warning("lookalike-name", "Tên đơn vị \"\(unit.name)\" \(how) \"\(other.name)\" (`\(other.id)`).",
                                    at: unit.source, hint: "Nếu là cùng một đơn vị, dùng một mã và một cách viết; nếu khác, đặt tên phân biệt rõ."))
            } else if byKey[key] == nil {
                byKey[key] = unit
            }
        }
        return out
    }
}
