import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A copy of the sample site served by a real `exemplar serve` process on a free port,
/// talked to over plain sockets (so traversal attempts reach the server exactly as written).
final class ServeFixture: @unchecked Sendable {
    let root: URL
    let port: Int
    let process = Process()
    private let log = Pipe()
    private let logLock = NSLock()
    private var logText = ""

    var content: URL { root.appendingPathComponent("content") }
    var output: URL { root.appendingPathComponent("served") }
    var baseURL: String { "http://127.0.0.1:\(port)/" }

    /// Copies the repository's content and theme, starts the server and waits until it answers.
    /// `keepsOutput` false: no `--output`, the server builds into its own temporary folder.
    init(port: Int? = nil, extraArguments: [String] = [], keepsOutput: Bool = true) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("exemplar-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for folder in ["content", "theme"] {
            try FileManager.default.copyItem(at: SiteFixture.repository.appendingPathComponent(folder),
                                             to: root.appendingPathComponent(folder))
        }
        self.port = try port ?? Self.freePort()
        guard let binary = CommandLineTests.binary else { throw Failure("build the exemplar executable first") }
        process.executableURL = binary
        process.arguments = ["serve", "--port", String(self.port)] + (keepsOutput ? ["--output", "served"] : []) + extraArguments
        process.currentDirectoryURL = root
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        process.standardOutput = log
        process.standardError = log
        log.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self else { return }
            self.logLock.lock()
            self.logText += String(decoding: data, as: UTF8.self)
            self.logLock.unlock()
        }
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            if !process.isRunning { throw Failure("serve stopped: \(terminal)") }
            if (try? HTTP.request("GET", "/__exemplar/live.js", port: self.port))?.status == 200 { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw Failure("serve did not answer: \(terminal)")
    }

    /// What the server printed so far.
    var terminal: String {
        logLock.lock()
        defer { logLock.unlock() }
        return logText
    }

    /// Waits (the log arrives through a pipe) until the server has printed `text`.
    func printed(_ text: String, timeout: TimeInterval = 10) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while !terminal.contains(text) {
            if Date() > deadline { return false }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return true
    }

    func get(_ target: String, method: String = "GET", headers: [String: String] = [:]) throws -> HTTP.Response {
        try HTTP.request(method, target, port: port, headers: headers)
    }

    func write(_ relative: String, _ text: String) throws {
        try Data(text.utf8).write(to: content.appendingPathComponent(relative))
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOf: content.appendingPathComponent(relative), encoding: .utf8)
    }

    /// A fresh `exemplar build` of the same content and theme, for the same address.
    func freshBuild() throws -> URL {
        let folder = root.appendingPathComponent("fresh-\(UUID().uuidString)")
        let build = Process()
        build.executableURL = process.executableURL
        build.arguments = ["build", "--output", folder.lastPathComponent, "--base-url", baseURL]
        build.currentDirectoryURL = root
        build.standardError = FileHandle.nullDevice
        build.standardOutput = FileHandle.nullDevice
        try build.run()
        build.waitUntilExit()
        guard build.terminationStatus == 0 else { throw Failure("fresh build failed") }
        return folder
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        log.fileHandleForReading.readabilityHandler = nil
        try? FileManager.default.removeItem(at: root)
    }

    /// A port nobody listens on now: the kernel picks one, we release it.
    static func freePort() throws -> Int {
        let listener = try Listener()
        return listener.port
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}

/// A listening socket on 127.0.0.1 (to hold a port, or to learn a free one).
final class Listener {
    let descriptor: Int32
    let port: Int

    init(port: Int = 0) throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 8) == 0 else {
            close(listener)
            throw ServeFixture.Failure("cannot listen")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        descriptor = listener
        self.port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close(descriptor) }
}

/// HTTP/1.1 over a plain socket: the request target goes out byte for byte.
enum HTTP {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
        func header(_ name: String) -> String? { headers[name.lowercased()] }
    }

    static func connect(port: Int) throws -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(descriptor)
            throw ServeFixture.Failure("cannot connect to \(port)")
        }
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        return descriptor
    }

    static func send(_ text: String, to descriptor: Int32) {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { return }
            sent += count
        }
    }

    static func request(_ method: String, _ target: String, port: Int, headers: [String: String] = [:]) throws -> Response {
        let descriptor = try connect(port: port)
        defer { close(descriptor) }
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        send(head + "\r\n", to: descriptor)
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            data += buffer[..<count]
        }
        return try parse(data, method: method)
    }

    private static func parse(_ data: [UInt8], method: String) throws -> Response {
        let separator = Array("\r\n\r\n".utf8)
        guard let end = (0..<max(0, data.count - 3)).first(where: { data[$0..<$0 + 4].elementsEqual(separator) }) else {
            throw ServeFixture.Failure("no response head")
        }
        let lines = String(decoding: data[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(lines[0].split(separator: " ")[1]) ?? 0
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(data[(end + 4)...])
        if headers["transfer-encoding"] == "chunked" { body = dechunk(body) }
        return Response(status: status, headers: headers, body: body)
    }

    private static func dechunk(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard let lineEnd = (index..<bytes.count - 1).first(where: { bytes[$0] == 13 && bytes[$0 + 1] == 10 }),
                  let size = Int(String(decoding: bytes[index..<lineEnd], as: UTF8.self), radix: 16), size > 0 else { break }
            out += bytes[(lineEnd + 2)..<min(lineEnd + 2 + size, bytes.count)]
            index = lineEnd + 2 + size + 2
        }
        return out
    }
}

/// Listens to `/__exemplar/events` and keeps every event's name and data.
final class EventListener: @unchecked Sendable {
    struct Event {
        var name: String
        var data: String
    }

    private let descriptor: Int32
    private let condition = NSCondition()
    private var events: [Event] = []

    init(port: Int) throws {
        descriptor = try HTTP.connect(port: port)
        HTTP.send("GET /__exemplar/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", to: descriptor)
        let thread = Thread { [self] in readLoop() }
        thread.start()
    }

    /// Waits for the next event named `name` after the first `skip` events of that name.
    func wait(for name: String, after skip: Int, timeout: TimeInterval = 60) -> Event? {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while true {
            let named = events.filter { $0.name == name }
            if named.count > skip { return named[skip] }
            if !condition.wait(until: deadline) { return nil }
        }
    }

    /// Waits until no event has come for `quiet` seconds; returns how many `name` events came.
    func settle(_ name: String = "build", quiet: TimeInterval = 1) -> Int {
        var seen = count(of: name)
        while wait(for: name, after: seen, timeout: quiet) != nil { seen = count(of: name) }
        return seen
    }

    /// The last `name` event once no event has come for a second.
    func last(afterSettling name: String) -> Event? {
        _ = settle(name)
        condition.lock()
        defer { condition.unlock() }
        return events.last { $0.name == name }
    }

    func count(of name: String) -> Int {
        condition.lock()
        defer { condition.unlock() }
        return events.count { $0.name == name }
    }

    func close() { shutdown(descriptor, Int32(SHUT_RDWR)) }

    private func readLoop() {
        var pending = ""
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            pending += String(decoding: buffer[..<count], as: UTF8.self)
            // Events end with a blank line; the chunk framing lines around them are skipped.
            while let end = pending.range(of: "\n\n") {
                let block = pending[..<end.lowerBound]
                pending = String(pending[end.upperBound...])
                var name = "message", data = ""
                for line in block.split(whereSeparator: \.isNewline) {  // "\r\n" of the chunk framing too
                    if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
                    if line.hasPrefix("data: ") { data = String(line.dropFirst(6)) }
                }
                if block.contains("data: ") {
                    condition.lock()
                    events.append(Event(name: name, data: data))
                    condition.broadcast()
                    condition.unlock()
                }
            }
        }
        Glibc.close(descriptor)
    }
}
