import ArgumentParser
import ExemplarCore
import Foundation

/// The language of the command line's own messages: `--lang`, else the locale
/// (`LC_ALL`, `LC_MESSAGES`, `LANG`), else Vietnamese.
enum InterfaceLanguage {
    static func resolve(_ option: ContentSchema.Language?) -> ContentSchema.Language {
        if let option { return option }
        let environment = ProcessInfo.processInfo.environment
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("en") ? .en : .vi
        }
        return .vi
    }
}

extension ContentSchema.Language: ExpressibleByArgument {}

/// A message in both languages, chosen once the language is known.
struct Say {
    let language: ContentSchema.Language

    func callAsFunction(_ vi: String, _ en: String) -> String { language == .en ? en : vi }

    /// `1 page`, `3 pages`: an English count with its noun, which Vietnamese leaves unchanged.
    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    /// A line for the person at the terminal, on standard output.
    func print(_ vi: String, _ en: String) {
        Terminal.output(self(vi, en) + "\n")
    }

    /// A problem, on standard error.
    func warn(_ vi: String, _ en: String) {
        Terminal.error(self(vi, en) + "\n")
    }

    /// A file that could not be read or written: what failed (`vi`, `en`, ending where the
    /// cause goes), the system's cause in this language, what follows, and a hint when the
    /// cause suggests one (a full disk, a missing permission).
    func fileProblem(_ vi: String, _ en: String, _ error: any Error, then: (String, String) = ("", "")) {
        let (cause, remedy) = FileErrorText.describe(error, language: language)
        warn("\(vi): \(cause).\(then.0)", "\(en): \(cause).\(then.1)")
        if let remedy { warn("    gợi ý: \(remedy)", "    hint: \(remedy)") }
    }
}
