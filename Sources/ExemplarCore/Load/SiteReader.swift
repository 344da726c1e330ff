import Foundation

/// `site.yml` into a `SiteConfig`; a missing file means the defaults.
enum SiteReader {
    static func read(_ url: URL, path: String, bag: DiagnosticBag) -> SiteConfig {
        var site = SiteConfig()
        site.source = SourceLocation(file: path, line: 1, column: 1)
        let opened = YAMLFile.read(url, path: path, bag: bag)
        // After a syntax error the file is not empty, only unread: asking for `title` would
        // add a "missing title" at line 1 on top of the real error.
        guard !opened.failed,
              let f = YAMLFields(opened.node, file: path, firstLine: 1, bag: bag, what: "site.yml") else { return site }
        if let title = f.string("title", required: true) { site.title = title.value }
        site.organisation = f.string("organisation")?.value ?? ""
        site.description = f.string("description")?.value
        if let base = f.string("base_url") {
            if let problem = BaseURL.problem(base.value) {
                f.error("bad-base-url", "`base_url` phải là địa chỉ bắt đầu bằng https:// (hoặc http://, hoặc một đường dẫn bắt đầu bằng /); \"\(base.value)\" \(problem).",
                        at: base.at, hint: "Ví dụ: `base_url: \(BaseURL.example)`.")
            } else {
                site.baseURL = base.value
            }
        }
        if let language = f.string("language") {
            if ["vi", "en"].contains(language.value) {
                site.language = language.value
            } else {
                f.error("unknown-value", "`language` chỉ nhận `vi` hoặc `en`, không phải \"\(language.value)\".", at: language.at)
            }
        }
        if let phase = f.mapping("phase") {
            let name = phase.string("name", required: true)
            let from = phase.int("from", required: true, in: 1900...2200)
            let to = phase.int("to", required: true, in: 1900...2200)
            phase.finish(context: "`phase` (name, from, to)")
            if let name, let from, let to {
                if from.value <= to.value {
                    site.phase = .init(name: name.value, from: from.value, to: to.value)
                } else {
                    phase.error("bad-phase", "Giai đoạn bắt đầu năm \(from.value) sau năm kết thúc \(to.value).", at: to.at)
                }
            }
        }
        if let contact = f.mapping("contact") { site.contact = ContactReader.read(contact) }
        if let deadline = f.string("registration_deadline") {
            site.registrationDeadline = monthDay(deadline, fields: f) ?? site.registrationDeadline
        }
        if let scores = f.mapping("score_thresholds") {
            site.scoreThresholds.excellent = scores.int("excellent", in: 0...100)?.value ?? site.scoreThresholds.excellent
            site.scoreThresholds.good = scores.int("good", in: 0...100)?.value ?? site.scoreThresholds.good
            site.scoreThresholds.complete = scores.int("complete", in: 0...100)?.value ?? site.scoreThresholds.complete
            scores.finish(context: "`score_thresholds` (excellent, good, complete)")
            let t = site.scoreThresholds
            if !(t.excellent >= t.good && t.good >= t.complete) {
                scores.error("bad-thresholds", "`score_thresholds` phải giảm dần: excellent (\(t.excellent)) ≥ good (\(t.good)) ≥ complete (\(t.complete)).",
                             hint: "Ví dụ: `score_thresholds: { excellent: 90, good: 70, complete: 50 }`.")
                site.scoreThresholds = SiteConfig.ScoreThresholds()
            }
        }
        site.allowRawHTML = f.bool("allow_raw_html") ?? false
        site.extra = f.finish(context: "site.yml")
        return site
    }

    /// `"02-10"`: month then day.
    private static func monthDay(_ text: Ref, fields: YAMLFields) -> (month: Int, day: Int)? {
        let parts = text.value.split(separator: "-")
        if parts.count == 2, let month = Int(parts[0]), let day = Int(parts[1]),
           CalendarDate.isValid(year: 2000, month: month, day: day) {
            return (month, day)
        }
        fields.error("bad-deadline", "`registration_deadline` phải có dạng \"tháng-ngày\", ví dụ \"02-10\" cho ngày 10/2; \"\(text.value)\" không đúng.",
                     at: text.at)
        return nil
    }
}
