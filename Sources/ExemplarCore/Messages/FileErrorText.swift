import Foundation

/// Why a file could not be read or written, in the reader's language, from whatever threw:
/// our own `SystemError`, or a Foundation error carrying the system's errno. Foundation's own
/// description is English only and often vaguer ("The file doesn't exist").
public enum FileErrorText {
    public typealias Language = ContentSchema.Language

    /// The cause, then what to do about it when the cause suggests something.
    public static func describe(_ error: any Error, language: Language) -> (cause: String, remedy: String?) {
        guard let system = systemError(error) else { return (error.localizedDescription, nil) }
        guard language == .en else { return (system.cause, system.remedy) }
        return (MessageCatalogue.fragment(system.cause),
                system.remedy.map { MessageCatalogue.english(hint: $0, code: "output") ?? $0 })
    }

    static func systemError(_ error: any Error) -> SystemError? {
        if let system = error as? SystemError { return system }
        let bridged = error as NSError
        if bridged.domain == NSPOSIXErrorDomain { return SystemError(code: Int32(bridged.code)) }
        if let underlying = bridged.userInfo[NSUnderlyingErrorKey] as? any Error { return systemError(underlying) }
        return nil
    }
}
