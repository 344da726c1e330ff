/// Writes an item file from the content schema: every key of its kind, in schema order, each
/// with a short comment, so an author sees everything they may fill in. Keys without a value
/// are written empty, which the loader reads as absent.
public struct ItemTemplate: Sendable {
    /// A key's value as written in YAML.
    public enum Value: Sendable, Equatable {
        /// On the key's line: `years: [2018, 2019]`.
        case inline(String)
        /// One `- item` line each under the key, for lists of mappings.
        case items([String])
        /// Indented `key: value` lines under the key, for a nested mapping.
        case block([String])
    }

    public var kind: ContentSchema.ItemKind
    public var language: ContentSchema.Language

    public init(kind: ContentSchema.ItemKind, language: ContentSchema.Language = .vi) {
        self.kind = kind
        self.language = language
    }

    /// The whole file: front matter between `---` lines, then `body`.
    public func document(values: [String: Value], body: String) -> String {
        "---\n" + Self.mapping(kind.keys, values: values, heading: heading, language: language) + "---\n"
            + body + (body.hasSuffix("\n") || body.isEmpty ? "" : "\n")
    }

    /// YAML lines for `keys` in order, each `key: value  # help`, after a comment line `heading`.
    public static func mapping(_ keys: [ContentSchema.KeySpec], values: [String: Value], heading: String,
                               language: ContentSchema.Language) -> String {
        var lines = ["# " + heading]
        let width = min(34, keys.map { line(for: $0, value: values[$0.key]).count }.max() ?? 0) + 2
        for spec in keys {
            let value = values[spec.key]
            let text = line(for: spec, value: value)
            let padding = String(repeating: " ", count: max(1, width - text.count))
            lines.append(text + padding + "# " + comment(spec, filled: value != nil, language: language))
            if case let .items(items)? = value {
                lines += items.map { "  - \($0)" }
            } else if case let .block(entries)? = value {
                lines += entries.map { "  \($0)" }
            } else if value == nil, case .mappings = spec.type, let example = spec.example {
                lines.append("#  - \(example)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private var heading: String {
        language == .en
            ? "\(kind.label.en.capitalizedFirst). An empty key means not given; reference: docs/content-model.md"
            : "\(kind.label.vi.capitalizedFirst). Khoá để trống là chưa có; giải thích từng khoá: docs/content-model.md"
    }

    private static func line(for spec: ContentSchema.KeySpec, value: Value?) -> String {
        if case let .inline(text)? = value { return "\(spec.key): \(text)" }
        return "\(spec.key):"
    }

    /// The help text; for an empty key, an example of what to write.
    private static func comment(_ spec: ContentSchema.KeySpec, filled: Bool, language: ContentSchema.Language) -> String {
        var text = spec.help.text(language)
        if spec.required { text += language == .en ? " (required)" : " (bắt buộc)" }
        if !filled, let example = spec.example {
            switch spec.type {
            case .mappings, .bool: break
            default: text += (language == .en ? "; e.g. " : "; ví dụ ") + example
            }
        }
        return text
    }
}

extension String {
    var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
