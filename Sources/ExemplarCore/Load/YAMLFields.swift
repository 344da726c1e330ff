/// Reads typed values out of one YAML mapping, reporting each problem at its line and column
/// instead of stopping at the first one. Keys never asked for are reported as unknown by `finish`.
final class YAMLFields {
    let file: String
    /// The mapping's own place: where "missing key" problems point.
    let at: SourceLocation
    private let firstLine: Int
    private let bag: DiagnosticBag
    /// The mapping's keys in written order; `places` and `values` hold each one's line and value.
    /// Apart, so that finding a key compares strings without copying any node. Constants, so
    /// that reading them needs no exclusivity check.
    private let keys: [String]
    private let places: [SourceLocation]
    private let values: [FieldNode]
    /// The keys asked for, in the order asked, and whether each written key was one of them.
    private var asked: [String] = []
    private var answered: [Bool]
    /// An `id` written but refused as not a slug: the entry exists, so references to that
    /// spelling are the consequence of its `bad-id` error, not mistakes of their own.
    private(set) var refusedID: String?

    /// `what` names the thing for messages when the node is not a mapping ("mục trong awards").
    init?(_ node: FieldNode?, file: String, firstLine: Int, bag: DiagnosticBag, what: String,
          fallback: SourceLocation? = nil) {
        self.file = file
        self.firstLine = firstLine
        self.bag = bag
        let at = node.flatMap { Self.location(of: $0, file: file, firstLine: firstLine) }
            ?? fallback ?? SourceLocation(file: file, line: max(firstLine - 1, 1), column: 1)
        self.at = at
        let pairs: [(key: FieldNode, value: FieldNode)]
        switch node {
        case nil:
            pairs = []
        case let node? where node.isNull:
            pairs = []
        case let .mapping(mapping, _, _)?:
            pairs = mapping
        default:
            bag.add(.error("wrong-type", "\(what) phải là một bảng khoá: giá trị.", at: at,
                           hint: "Viết mỗi thông tin trên một dòng dạng `khoá: giá trị`."))
            return nil
        }
        // A key is a scalar but for odd YAML, which Yams' general rules still read.
        keys = pairs.map { $0.key.string ?? "" }
        places = pairs.map { Self.location(of: $0.key, file: file, firstLine: firstLine) ?? at }
        values = pairs.map(\.value)
        answered = Array(repeating: false, count: pairs.count)
        // Readers ask for about as many keys as are written, and a few more: room for them at once.
        asked.reserveCapacity(2 * pairs.count)
    }

    // MARK: Scalars

    func string(_ key: String, required: Bool = false) -> Located<String>? {
        guard let (text, where_) = scalar(key, required: required) else { return nil }
        return Located(text, at: where_)
    }

    func int(_ key: String, required: Bool = false, in range: ClosedRange<Int>? = nil) -> Located<Int>? {
        guard let (text, where_) = scalar(key, required: required) else { return nil }
        return integer(text, key: key, at: where_, in: range)
    }

    func bool(_ key: String) -> Bool? {
        guard let (text, where_) = scalar(key, required: false) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            bag.add(.error("wrong-type", "`\(key)` phải là true hoặc false, không phải \"\(text)\".",
                           at: where_))
            return nil
        }
    }

    func date(_ key: String, required: Bool = false) -> Located<CalendarDate>? {
        guard let (text, where_) = scalar(key, required: required) else { return nil }
        return calendarDate(text, key: key, at: where_)
    }

    /// A value from a fixed list (`kind: collective`), with a "did you mean" when misspelt.
    func choice<E: RawRepresentable & CaseIterable>(
        _ key: String, required: Bool = false, as type: E.Type = E.self
    ) -> E? where E.RawValue == String {
        guard let (text, where_) = scalar(key, required: required) else { return nil }
        if let value = E(rawValue: text) { return value }
        let allowed = E.allCases.map(\.rawValue)
        let guess = Suggestion.closest(to: text, among: allowed)
        bag.add(.error("unknown-value",
                       "`\(key)` không nhận giá trị \"\(text)\"; chỉ được dùng: \(allowed.joined(separator: ", ")).",
                       at: where_, hint: guess.map { "Có phải bạn muốn viết `\($0)`?" }))
        return nil
    }

    /// The `id` of a catalogue entry. Ids become URL paths and file names, so only slugs
    /// are accepted: `../x` or a quote could otherwise write outside the output folder.
    func id() -> Located<String>? {
        guard let id = string("id", required: true) else { return nil }
        guard VietnameseText.isSlug(id.value) else {
            let slug = VietnameseText.slug(id.value)
            refusedID = id.value
            bag.add(.error("bad-id", "Mã \"\(id.value)\" không hợp lệ: mã chỉ gồm chữ thường không dấu, chữ số và dấu `-`.",
                           at: id.at, hint: slug.isEmpty ? nil : "Dùng `id: \(slug)`."))
            return nil
        }
        return id
    }

    // MARK: Lists

    /// A list of scalars; a single scalar counts as a list of one.
    func strings(_ key: String) -> [Located<String>] {
        guard let node = value(key) else { return [] }
        return items(of: node, key: key).compactMap { item in
            let where_ = location(of: item)
            guard case let .scalar(scalar, _, _) = item else {
                bag.add(.error("wrong-type", "Mỗi mục của `\(key)` phải là một giá trị đơn.", at: where_))
                return nil
            }
            let text = scalar.trimmingWhitespace
            return text.isEmpty ? nil : Located(text, at: where_)
        }
    }

    func ints(_ key: String, in range: ClosedRange<Int>? = nil) -> [Located<Int>] {
        strings(key).compactMap { integer($0.value, key: key, at: $0.at, in: range) }
    }

    /// A list of mappings (`awards:`, `adopted_by:`), each read with its own `YAMLFields`.
    func mappings(_ key: String) -> [YAMLFields] {
        guard let node = value(key) else { return [] }
        return items(of: node, key: key).compactMap {
            YAMLFields($0, file: file, firstLine: firstLine, bag: bag, what: "Mỗi mục của `\(key)`")
        }
    }

    func mapping(_ key: String) -> YAMLFields? {
        guard let node = value(key) else { return nil }
        return YAMLFields(node, file: file, firstLine: firstLine, bag: bag, what: "`\(key)`")
    }

    // MARK: Finishing

    /// Reports every key that was never asked for, and returns their scalar values for themes.
    /// Values under an explicit `extra:` mapping are kept without a warning.
    @discardableResult
    func finish(context: String) -> [String: String] {
        var extra: [String: String] = [:]
        if let free = mapping("extra") {
            for (key, value) in zip(free.keys, free.values) { extra[key] = value.string ?? "" }
            free.asked = free.keys
        }
        // A key not answered may still have been asked: a second one written under the same name.
        for (index, key) in keys.enumerated() where !answered[index] && !asked.contains(key) {
            let guess = Suggestion.closest(to: key, among: asked.filter { !keys.contains($0) })
            bag.add(.warning("unknown-key", "Khoá `\(key)` không có trong \(context); giá trị này bị bỏ qua.",
                             at: places[index],
                             hint: guess.map { "Có phải bạn muốn viết `\($0)`?" }
                                ?? "Các khoá dùng được: \(asked.joined(separator: ", "))."))
            if let text = values[index].string { extra[key] = text }
        }
        return extra
    }

    func error(_ code: String, _ message: String, at where_: SourceLocation? = nil, hint: String? = nil) {
        bag.add(.error(code, message, at: where_ ?? at, hint: hint))
    }

    func warning(_ code: String, _ message: String, at where_: SourceLocation? = nil, hint: String? = nil) {
        bag.add(.warning(code, message, at: where_ ?? at, hint: hint))
    }

    // MARK: Helpers

    func location(of node: FieldNode) -> SourceLocation {
        Self.location(of: node, file: file, firstLine: firstLine) ?? at
    }

    private static func location(of node: FieldNode, file: String, firstLine: Int) -> SourceLocation? {
        node.mark.map { SourceLocation(file: file, line: $0.line + firstLine - 1, column: $0.column) }
    }

    /// The value under `key`, nil when absent or null. Marks the key as known.
    private func value(_ key: String) -> FieldNode? {
        asked.append(key)
        guard let index = keys.firstIndex(of: key) else { return nil }
        answered[index] = true
        let value = values[index]
        return value.isNull ? nil : value
    }

    private func scalar(_ key: String, required: Bool) -> (String, SourceLocation)? {
        guard let node = value(key) else {
            if required { missing(key) }
            return nil
        }
        guard case let .scalar(scalar, _, _) = node else {
            bag.add(.error("wrong-type", "`\(key)` phải là một giá trị đơn (chữ, số hoặc ngày), không phải danh sách hay bảng.",
                           at: location(of: node)))
            return nil
        }
        let text = scalar.trimmingWhitespace
        if text.isEmpty {
            if required { missing(key, empty: true) }
            return nil
        }
        return (text, location(of: node))
    }

    private func missing(_ key: String, empty: Bool = false) {
        let message = empty ? "Khoá bắt buộc `\(key)` đang để trống." : "Thiếu khoá bắt buộc `\(key)`."
        // Only Markdown files have front matter; in site.yml or a catalogue the key belongs to the entry.
        let place = file.hasSuffix(".md") ? "vào phần thông tin đầu tệp" : "vào mục bắt đầu ở dòng \(at.line)"
        bag.add(.error("missing-key", message, at: at, hint: "Thêm dòng `\(key): …` \(place)."))
    }

    private func items(of node: FieldNode, key: String) -> [FieldNode] {
        switch node {
        case let .sequence(sequence, _): return sequence
        case .scalar: return [node]
        default:
            bag.add(.error("wrong-type", "`\(key)` phải là một danh sách, ví dụ `\(key): [a, b]`.",
                           at: location(of: node)))
            return []
        }
    }

    private func integer(_ text: String, key: String, at where_: SourceLocation,
                         in range: ClosedRange<Int>?) -> Located<Int>? {
        guard let number = Int(text) else {
            bag.add(.error("wrong-type", "`\(key)` phải là một số nguyên, không phải \"\(text)\".", at: where_))
            return nil
        }
        if let range, !range.contains(number) {
            bag.add(.error("out-of-range", "`\(key)` = \(number) nằm ngoài khoảng \(range.lowerBound)–\(range.upperBound).",
                           at: where_))
            return nil
        }
        return Located(number, at: where_)
    }

    private func calendarDate(_ text: String, key: String, at where_: SourceLocation) -> Located<CalendarDate>? {
        if let date = CalendarDate(iso: text) { return Located(date, at: where_) }
        if let meant = CalendarDate.dayFirst(text) {
            // The Vietnamese habit is day first (`05/3/2019`, `05-03-2019`): say exactly what to
            // write for that day, rather than calling `05-03-2019` a day that does not exist.
            bag.add(.error("wrong-type", "`\(key)` phải là ngày dạng năm-tháng-ngày, không phải \"\(text)\".",
                           at: where_, hint: "Nếu là ngày \(meant.vietnamese), viết `\(key): \(meant.iso)`."))
        } else if CalendarDate.hasDateShape(text) {
            bag.add(.error("impossible-date", "`\(key)`: ngày \(text) không có trên lịch.", at: where_,
                           hint: "Kiểm tra lại ngày và tháng (năm-tháng-ngày)."))
        } else {
            bag.add(.error("wrong-type", "`\(key)` phải là ngày dạng năm-tháng-ngày, không phải \"\(text)\".",
                           at: where_, hint: "Ví dụ: `\(key): 2018-03-01` cho ngày 01/3/2018."))
        }
        return nil
    }
}

extension String {
    var trimmingWhitespace: String {
        // Most values start and end with a visible ASCII character: nothing to cut or copy.
        let visible: ClosedRange<UInt8> = 0x21...0x7E
        if let first = utf8.first, let last = utf8.last, visible.contains(first), visible.contains(last) { return self }
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.properties.isWhitespace }) ?? start
        return String(scalars[start...end])
    }
}

extension YAMLFields {
    /// A list of photos, each a path (`media/a.jpg`) or a mapping with its description
    /// (`{file: media/a.jpg, alt: Toàn cảnh hội nghị}`). Returns the paths and, by path, the descriptions.
    func photos(_ key: String) -> (files: [Located<String>], alts: [String: String], captions: [String: String]) {
        let read = files(key, texts: ["alt", "caption"], what: "đường dẫn ảnh, hoặc `file:`, `alt:` và `caption:`", context: "ảnh")
        return (read.files, read.texts["alt"] ?? [:], read.texts["caption"] ?? [:])
    }

    /// A list of files in media/, each a path or a mapping with `file:` and the given texts
    /// (`alt`, `caption`, `title`); the texts by key, then by path.
    func files(_ key: String, texts keys: [String], what: String, context: String) -> (files: [Located<String>], texts: [String: [String: String]]) {
        guard let node = value(key) else { return ([], [:]) }
        var files: [Located<String>] = []
        var texts: [String: [String: String]] = [:]
        for item in items(of: node, key: key) {
            if case let .scalar(scalar, _, _) = item {
                let text = scalar.trimmingWhitespace
                if !text.isEmpty { files.append(Located(text, at: location(of: item))) }
                continue
            }
            guard let entry = YAMLFields(item, file: file, firstLine: firstLine, bag: bag,
                                         what: "Mỗi mục của `\(key)` (\(what))") else { continue }
            let path = entry.string("file", required: true)
            let values = keys.map { ($0, entry.string($0)?.value) }
            entry.finish(context: "\(context) trong `\(key)` (file, \(keys.joined(separator: ", ")))")
            guard let path else { continue }
            files.append(path)
            for (name, value) in values { if let value { texts[name, default: [:]][path.value] = value } }
        }
        return (files, texts)
    }
}
