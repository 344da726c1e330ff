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

    /// A line for the person at the terminal, on standard output.
    func print(_ vi: String, _ en: String) {
        Terminal.output(self(vi, en) + "\n")
    }

    /// A problem, on standard error.
    func warn(_ vi: String, _ en: String) {
        Terminal.error(self(vi, en) + "\n")
    }
}
