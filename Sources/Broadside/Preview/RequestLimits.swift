/// What the preview refuses before it looks at the path: another method than GET or HEAD,
/// headers past a size any browser sends, and a `Host` that is not this server.
///
/// The `Host` check stops DNS rebinding: a web page on `evil.example` whose name is made to
/// point at 127.0.0.1 would otherwise be same-origin with the preview and could read drafts.
/// A browser always sends the name it connected to, so only `127.0.0.1:PORT` and
/// `localhost:PORT` are this server, and on port 80, where a browser leaves the port out
/// (RFC 9110 §7.2), `127.0.0.1` and `localhost` too. Two `Host` headers are a 400: which one
/// the request meant cannot be known (RFC 9112 §3.2).
public struct RequestLimits: Sendable {
    public let port: Int
    /// The total size of the header names and values (FlyingFox hands them over decoded).
    public static let maximumHeaderBytes = 16 * 1024
    public static let maximumHeaderCount = 100

    public init(port: Int) {
        self.port = port
    }

    /// `headers` are name and value pairs as received; the status to answer with, or nil.
    public func refusal(method: String, headers: [(name: String, value: String)]) -> PreviewStatus? {
        let size = headers.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count + 4 }
        if size > Self.maximumHeaderBytes || headers.count > Self.maximumHeaderCount { return .headersTooLarge }
        guard method == "GET" || method == "HEAD" else { return .methodNotAllowed }
        let hosts = headers.filter { $0.name.lowercased() == "host" }.map(\.value)
        guard hosts.count == 1, let host = hosts.first else { return .badRequest }
        guard allowedHosts.contains(host.lowercased()) else { return .forbidden }
        return nil
    }

    var allowedHosts: Set<String> {
        let named: Set<String> = ["127.0.0.1:\(port)", "localhost:\(port)"]
        return port == 80 ? named.union(["127.0.0.1", "localhost"]) : named
    }
}
