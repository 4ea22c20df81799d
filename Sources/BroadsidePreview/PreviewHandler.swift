import Broadside
import FlyingFox
import Foundation

/// What the preview serves at this moment: the number of the last build, the folder of the
/// last build that worked, and the messages of the last one when it failed.
public final class PreviewState: @unchecked Sendable {
    public struct Now: Sendable {
        public var build = 0
        public var folder: PreviewFolder?
        public var errors: PreviewPages.BuildErrors?
    }

    // NSLock, not Mutex: TSan on Linux reports Synchronization.Mutex as a race.
    private let lock = NSLock()
    private var now = Now()

    public init() {}

    public var current: Now { lock.withLock { now } }

    /// Records a build's end and returns its number.
    public func finished(folder: PreviewFolder?, errors: PreviewPages.BuildErrors?) -> Int {
        lock.withLock {
            now.build += 1
            if let folder { now.folder = folder }
            now.errors = errors
            return now.build
        }
    }
}

/// Every request of the preview: the checks of `RequestLimits`, the preview's own files,
/// then a path resolved by `RequestPath` and `PreviewFolder` from the raw request target
/// (never FlyingFox's cleaned-up `request.path`).
public struct PreviewHandler: HTTPHandler {
    let state: PreviewState
    let events: PreviewEvents
    let limits: RequestLimits

    public init(state: PreviewState, events: PreviewEvents, limits: RequestLimits) {
        self.state = state
        self.events = events
        self.limits = limits
    }

    public func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let headers = request.headers.map { (name: $0.key.rawValue, value: $0.value) }
        let target = request.target.rawValue
        if target.utf8.count > RequestPath.maximumLength { return refusal(.uriTooLong, request) }
        if let status = limits.refusal(method: request.method.rawValue, headers: headers) { return refusal(status, request) }
        let now = state.current

        switch request.target.path() {
        case PreviewPages.eventsPath:
            var headers: HTTPHeaders = [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"]
            guard request.method != .HEAD else {
                // A stream has no length to give: HEAD gets the headers and the connection's end.
                headers[.connection] = "close"
                return HTTPResponse(statusCode: .ok, headers: headers)
            }
            return HTTPResponse(statusCode: .ok, headers: headers, body: events.stream(current: now.build))
        case PreviewPages.scriptPath:
            return text(PreviewPages.reloadScript, type: "text/javascript; charset=utf-8", request)
        case PreviewPages.stylePath:
            return text(PreviewPages.style, type: "text/css; charset=utf-8", request)
        default:
            break
        }

        let path: RequestPath
        switch RequestPath.parse(target: target) {
        case .success(let parsed): path = parsed
        case .failure(let status): return refusal(status, request)
        }
        guard let folder = now.folder else {
            if let errors = now.errors {
                return html(PreviewPages.errorPage(errors, build: now.build), status: .serviceUnavailable, request)
            }
            return html(PreviewPages.buildingPage(build: now.build), status: .serviceUnavailable, request)
        }
        switch folder.lookup(path) {
        case .redirect(let location):
            // 302, not 301: a browser keeps a 301 for good, and the next site previewed on this port may differ.
            return HTTPResponse(statusCode: HTTPStatusCode(302, phrase: "Found"), headers: [.location: location, .cacheControl: "no-store"])
        case .refused(let status):
            return refusal(status, request)
        case .file(let file, let type):
            return serve(file, type: type, build: now.build, errors: now.errors, request)
        }
    }

    private func serve(_ file: String, type: String, build: Int, errors: PreviewPages.BuildErrors?, _ request: HTTPRequest) -> HTTPResponse {
        let added = ContentTypes.isHTML(type) ? PreviewPages.addition(build: build, errors: errors) : nil
        // A file that vanished between the lookup and the opening (a build swapped the folder) is a 404.
        guard let body = StreamedFile(path: file, adding: added) else { return refusal(.notFound, request) }
        var headers = Self.common(type)
        guard request.method != .HEAD else {
            headers[.contentLength] = String(body.count)
            return HTTPResponse(statusCode: .ok, headers: headers)
        }
        return HTTPResponse(statusCode: .ok, headers: headers, body: HTTPBodySequence(from: body, count: body.count, suggestedBufferSize: StreamedFile.chunk))
    }

    private func refusal(_ status: PreviewStatus, _ request: HTTPRequest) -> HTTPResponse {
        let code = HTTPStatusCode(status.rawValue, phrase: status.phrase)
        if status == .notFound {
            return respond(code, type: "text/html; charset=utf-8",
                body: Data(PreviewPages.notFoundPage(rootPath: state.current.folder?.rootPath ?? "/", build: state.current.build).utf8), request)
        }
        var response = respond(code, type: "text/plain; charset=utf-8", body: Data("\(status.rawValue) \(status.phrase)\n".utf8), request)
        // After a request this bad the connection is not worth keeping.
        if status == .headersTooLarge || status == .uriTooLong || status == .badRequest {
            response.headers[.connection] = "close"
        }
        return response
    }

    private func html(_ page: String, status: PreviewStatus, _ request: HTTPRequest) -> HTTPResponse {
        respond(HTTPStatusCode(status.rawValue, phrase: status.phrase), type: "text/html; charset=utf-8", body: Data(page.utf8), request)
    }

    private func text(_ text: String, type: String, _ request: HTTPRequest) -> HTTPResponse {
        respond(.ok, type: type, body: Data(text.utf8), request)
    }

    private func respond(_ status: HTTPStatusCode, type: String, body: Data, _ request: HTTPRequest) -> HTTPResponse {
        var headers = Self.common(type)
        guard request.method != .HEAD else {
            headers[.contentLength] = String(body.count)
            return HTTPResponse(statusCode: status, headers: headers)
        }
        return HTTPResponse(statusCode: status, headers: headers, body: body)
    }

    /// Never cached: the next build may change any file. `nosniff`: the type given is the type.
    private static func common(_ type: String) -> HTTPHeaders {
        [.contentType: type, .cacheControl: "no-store", HTTPHeader("X-Content-Type-Options"): "nosniff",
         HTTPHeader("Referrer-Policy"): "no-referrer"]
    }
}
