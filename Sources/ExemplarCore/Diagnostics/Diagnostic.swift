/// One thing wrong (or worth a look) in the input, with where it is and how to fix it.
///
/// Every stage produces these instead of throwing: a build collects all of them,
/// the command line prints them, and the exit code follows from their severities.
public struct Diagnostic: Sendable, Hashable, Codable {
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        case warning
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    /// Path relative to the folder it came from, e.g. `content/individuals/x.md`.
    public var file: String
    /// 1-based; 0 when the problem concerns the whole file.
    public var line: Int
    /// 1-based; 0 when unknown.
    public var column: Int
    public var severity: Severity
    /// A stable, machine-readable name of the problem, e.g. `unknown-reference`.
    public var code: String
    /// What is wrong, in the site's language, naming the key and the value.
    public var message: String
    /// How to fix it, when there is something to suggest.
    public var hint: String?

    public init(
        _ severity: Severity, _ code: String, _ message: String,
        file: String, line: Int = 0, column: Int = 0, hint: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.hint = hint
    }

    public static func error(
        _ code: String, _ message: String, at location: SourceLocation, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.error, code, message, file: location.file, line: location.line,
                   column: location.column, hint: hint)
    }

    public static func warning(
        _ code: String, _ message: String, at location: SourceLocation, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, code, message, file: location.file, line: location.line,
                   column: location.column, hint: hint)
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errorCount: Int { count { $0.severity == .error } }
    public var warningCount: Int { count { $0.severity == .warning } }

    /// Ordered by file, then position, so output reads top to bottom like the files do.
    public func sortedByLocation() -> [Diagnostic] {
        sorted { ($0.file, $0.line, $0.column, $0.code) < ($1.file, $1.line, $1.column, $1.code) }
    }
}
