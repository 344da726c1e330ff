#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tries the address before the first build, so a port in use is reported at once,
/// not after building the whole site.
public enum PortCheck {
    /// What stops a server from listening on `host`:`port`, in Vietnamese; nil when it can.
    public static func problem(host: String, port: Int) -> String? {
        var hints = addrinfo()
        hints.ai_flags = AI_PASSIVE
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var found: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &found) == 0, let first = found else {
            return "Không tìm thấy địa chỉ \(host) trên máy này. Dùng --host 127.0.0.1 (chỉ máy này) hoặc --host 0.0.0.0 (mọi máy trong mạng)."
        }
        defer { freeaddrinfo(first) }
        let socketFile = socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
        guard socketFile >= 0 else { return nil }  // let the server report it
        defer { close(socketFile) }
        var yes: Int32 = 1
        setsockopt(socketFile, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        guard bind(socketFile, first.pointee.ai_addr, first.pointee.ai_addrlen) != 0 else { return nil }
        switch errno {
        case EADDRINUSE:
            return taken(host: host, port: port)
        case EACCES:
            return "Không được dùng cổng \(port): cổng dưới 1024 cần quyền quản trị. Chọn cổng khác, ví dụ --port 8080."
        case EADDRNOTAVAIL:
            return "Địa chỉ \(host) không thuộc máy này. Dùng --host 127.0.0.1 (chỉ máy này) hoặc --host 0.0.0.0 (mọi máy trong mạng)."
        default:
            return nil
        }
    }

    public static func taken(host: String, port: Int) -> String {
        "Cổng \(port) trên \(host) đang được một chương trình khác dùng. Dừng chương trình đó, hoặc chọn cổng khác, ví dụ: exemplar serve --port \(port == 65535 ? 8081 : port + 1)"
    }
}
