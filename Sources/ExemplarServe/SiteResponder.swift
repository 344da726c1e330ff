import Foundation
import Hummingbird

/// Answers every request: the site's files from the output folder, the reload events and
/// script, the theme's 404 page for anything else.
struct SiteResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    /// The output folder; it is replaced whole by each build.
    let root: String
    /// Where the site lives on this server, starting and ending with `/`.
    let basePath: String
    let live: LiveReload

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
        }
        let target = request.uri.string
        let path = target.prefix { $0 != "?" }
        if path == ReloadScript.eventsPath { return events() }
        if path == ReloadScript.scriptPath {
            return finish(Response(status: .ok, headers: Self.headers(type: "text/javascript; charset=utf-8"),
                                   body: .init(byteBuffer: ByteBuffer(string: ReloadScript.source))), for: request)
        }
        switch RequestPath(target: target, basePath: basePath) {
        case .refused:
            return finish(Response(status: .badRequest, headers: Self.headers(type: "text/plain; charset=utf-8"),
                                   body: .init(byteBuffer: ByteBuffer(string: "Đường dẫn không hợp lệ.\n"))), for: request)
        case .outside:
            if path == "/" { return redirect(to: basePath, status: .found) }
            return await notFound(request)
        case .file(let segments, let isFolder):
            let name = isFolder ? segments + ["index.html"] : segments
            switch await lookup(name) {
            case .file(let file):
                return serve(file, named: name.last ?? "index.html", status: .ok, request: request)
            case .folder where !isFolder:
                let query = target.dropFirst(path.count)
                return redirect(to: path + "/" + query)
            case .folder, .missing, .swapping:
                return await notFound(request)
            }
        }
    }

    /// Opens a file, waiting out the instant when a build swaps the output folder.
    private func lookup(_ segments: [String]) async -> SiteFile.Lookup {
        for _ in 0..<200 {
            let result = SiteFile.open(segments, in: root)
            guard case .swapping = result else { return result }
            try? await Task.sleep(nanoseconds: 5_000_000)
        }
        return .missing
    }

    private func notFound(_ request: Request) async -> Response {
        if case .file(let file) = await lookup(["404.html"]) {
            return serve(file, named: "404.html", status: .notFound, request: request)
        }
        let page = Array("<!DOCTYPE html>\n<html lang=\"vi\">\n<meta charset=\"utf-8\">\n<title>Không tìm thấy trang</title>\n<body>\n<h1>Không tìm thấy trang</h1>\n</body>\n</html>\n".utf8)
        return finish(Response(status: .notFound, headers: Self.headers(type: ContentTypes.html),
                               body: .init(byteBuffer: ByteBuffer(bytes: ReloadScript.inject(into: page)))), for: request)
    }

    private func serve(_ file: SiteFile, named name: String, status: HTTPResponse.Status, request: Request) -> Response {
        let type = ContentTypes.type(ofFile: name)
        let isPage = type == ContentTypes.html
        var headers = Self.headers(type: type)
        // Pages carry the reload script: their tag differs from the file's own.
        let etag = isPage ? String(file.etag.dropLast()) + "-live\"" : file.etag
        if status == .ok {
            headers[.eTag] = etag
            if let wanted = request.headers[.ifNoneMatch], wanted.split(separator: ",").contains(where: {
                $0.trimmingCharacters(in: .whitespaces) == etag || $0.trimmingCharacters(in: .whitespaces) == "*"
            }) {
                headers[.contentType] = nil
                return Response(status: .notModified, headers: headers)
            }
        }
        if isPage {
            guard let bytes = file.readAll() else { return unreadable(request) }
            return finish(Response(status: status, headers: headers,
                                   body: .init(byteBuffer: ByteBuffer(bytes: ReloadScript.inject(into: bytes)))), for: request)
        }
        headers[.contentLength] = String(file.size)
        if request.method == .head { return Response(status: status, headers: headers) }
        let body = ResponseBody(contentLength: file.size) { writer in
            var offset = 0
            while offset < file.size {
                guard let chunk = file.read(at: offset, count: min(1 << 16, file.size - offset)), !chunk.isEmpty else {
                    throw HTTPError(.internalServerError)
                }
                try await writer.write(ByteBuffer(bytes: chunk))
                offset += chunk.count
            }
            try await writer.finish(nil)
        }
        return Response(status: status, headers: headers, body: body)
    }

    private func unreadable(_ request: Request) -> Response {
        finish(Response(status: .internalServerError, headers: Self.headers(type: "text/plain; charset=utf-8"),
                        body: .init(byteBuffer: ByteBuffer(string: "Không đọc được tệp.\n"))), for: request)
    }

    /// The server-sent events of `LiveReload`, for as long as the page stays open.
    private func events() -> Response {
        let stream = live.subscribe()
        var headers: HTTPFields = [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache"]
        headers[.init("X-Accel-Buffering")!] = "no"
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            for await event in stream {
                try await writer.write(ByteBuffer(string: event))
            }
            try await writer.finish(nil)
        })
    }

    private func redirect(to location: some StringProtocol, status: HTTPResponse.Status = .movedPermanently) -> Response {
        Response(status: status, headers: [.location: String(location), .cacheControl: "no-cache"])
    }

    /// A HEAD request gets the same headers, length included, and no body.
    private func finish(_ response: Response, for request: Request) -> Response {
        request.method == .head ? response.createHeadResponse() : response
    }

    /// Every answer is checked again on each visit (`no-cache` with an ETag): after a
    /// rebuild the browser gets the new page, before it a cheap 304.
    private static func headers(type: String) -> HTTPFields {
        [.contentType: type, .cacheControl: "no-cache", .xContentTypeOptions: "nosniff"]
    }
}
