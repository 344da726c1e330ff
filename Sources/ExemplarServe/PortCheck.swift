#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tries the address before the first build, so a port in use is reported at once,
/// not after building the whole site.
public enum PortCheck {
    public enum Problem: Sendable {
        /// Another program listens there.
        case taken
        /// Ports below 1024 need privileges.
        case privileged
        /// The address is not one of this machine's.
        case notHere
    }

    /// What stops a server from listening on `host`:`port`; nil when it can.
    public static func problem(host: String, port: Int) -> Problem? {
        var hints = addrinfo()
        hints.ai_flags = AI_PASSIVE
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var found: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &found) == 0, let first = found else { return .notHere }
        defer { freeaddrinfo(first) }
        let socketFile = socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
        guard socketFile >= 0 else { return nil }  // the server reports it
        defer { close(socketFile) }
        var yes: Int32 = 1
        setsockopt(socketFile, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        guard bind(socketFile, first.pointee.ai_addr, first.pointee.ai_addrlen) != 0 else { return nil }
        switch errno {
        case EADDRINUSE: return .taken
        case EACCES: return .privileged
        case EADDRNOTAVAIL: return .notHere
        default: return nil
        }
    }
}
