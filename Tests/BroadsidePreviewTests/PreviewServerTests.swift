import Broadside
import Foundation
import Testing

@testable import BroadsidePreview

/// The preview server on a real socket on 127.0.0.1, a port of its own per test, stopped by
/// the test: what a browser, or a client that misbehaves, gets back.
@Suite(.serialized) struct PreviewServerTests {
    /// A built site of one page, served by a server started on a free port.
    func withServer(cap: Int32? = nil, _ body: (Int, PreviewState) async throws -> Void) async throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("broadside-server-test-\(UUID().uuidString)")
        let site = base.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("posts/a"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: base) }
        try Data("<html><body><p>home</p></body></html>".utf8).write(to: site.appendingPathComponent("index.html"))
        try Data("<p>a</p>".utf8).write(to: site.appendingPathComponent("posts/a/index.html"))
        try Data("x".utf8).write(to: site.appendingPathComponent("a\\b.txt"))
        try Data(Self.bigPage).write(to: site.appendingPathComponent("big.html"))
        let state = PreviewState()
        _ = state.finished(folder: PreviewFolder(folder: site, rootPath: "/"), errors: nil)
        let port = LoopbackClient.freePort()
        let server = cap.map { PreviewServer(port: port, state: state, events: PreviewEvents(), cap: ConnectionCap(connections: $0)) }
            ?? PreviewServer(port: port, state: state, events: PreviewEvents())
        try await server.start()
        let serving = Task { await server.serve() }
        do {
            try await body(port, state)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
        await serving.value
    }

    func get(_ port: Int, _ target: String, method: String = "GET", headers: String? = nil) throws -> (head: String, body: [UInt8]) {
        let client = try LoopbackClient(port: port)
        client.send("\(method) \(target) HTTP/1.1\r\n\(headers ?? "Host: 127.0.0.1:\(port)\r\n")Connection: close\r\n\r\n")
        return client.readResponse()
    }

    @Test func aPageIsServedWithTheReloadScript() async throws {
        try await withServer { port, _ in
            let (head, body) = try get(port, "/")
            #expect(head.hasPrefix("HTTP/1.1 200"))
            #expect(String(decoding: body, as: UTF8.self).contains("<script src=\"/__broadside/reload.js\" data-build=\"1\"></script>\n</body>"))
        }
    }

    /// 1 MB and a bit, with a `</body>` in a comment early on and the last one across the
    /// boundary of two 64 KB chunks, counted from the end.
    static let bigPage: [UInt8] = {
        let head = Array("<html><body><!-- </body> -->".utf8)
        let tail = Array("</BODY></html>\n".utf8)
        let fill = [UInt8](repeating: UInt8(ascii: "a"), count: 16 * 65536 + 3 - head.count)
        return head + fill + tail + [UInt8](repeating: UInt8(ascii: " "), count: 65536 - 3 - tail.count + 6)
    }()

    @Test func aBigPageIsStreamedWithTheScriptBeforeItsLastBodyEnd() async throws {
        try await withServer { port, _ in
            let (head, body) = try get(port, "/big.html")
            #expect(head.hasPrefix("HTTP/1.1 200"))
            let script = Array("<script src=\"/__broadside/reload.js\" data-build=\"1\"></script>\n".utf8)
            let at = 16 * 65536 + 3
            // Required: the slices below would be out of range of a short body.
            try #require(body.count == Self.bigPage.count + script.count)
            #expect(Array(body[..<at]) == Array(Self.bigPage[..<at]))
            #expect(Array(body[at..<(at + script.count)]) == script)
            #expect(Array(body[(at + script.count)...]) == Array(Self.bigPage[at...]))
        }
    }

    @Test(arguments: ["/", "/posts/a", "/missing", "/__broadside/events", "/__broadside/reload.js", "/%ff"])
    func headNeverSendsABody(_ target: String) async throws {
        try await withServer { port, _ in
            let client = try LoopbackClient(port: port)
            client.send("HEAD \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n")
            let all = client.readAll()
            let end = try #require(LoopbackClient.headEnd(all))
            #expect(String(decoding: all[..<end], as: UTF8.self).hasPrefix("HTTP/1.1 "))
            #expect(all.count == end + 4)
        }
    }

    @Test func aRawNonASCIIByteInThePathIsA400() async throws {
        try await withServer { port, _ in
            let client = try LoopbackClient(port: port)
            client.send(Array("GET /caf".utf8) + [0xC3, 0xA9] + Array(" HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n".utf8))
            #expect(client.readResponse().head.hasPrefix("HTTP/1.1 400"))
        }
    }

    @Test func aFileWithABackslashInItsNameIsServed() async throws {
        try await withServer { port, _ in
            let (head, body) = try get(port, "/a%5Cb.txt")
            #expect(head.hasPrefix("HTTP/1.1 200"))
            #expect(body == Array("x".utf8))
            #expect(try get(port, "/%5C..%5Cetc%5Cpasswd").head.hasPrefix("HTTP/1.1 404"))
        }
    }

    /// The oldest idle connections make room for new ones; nothing ends the server.
    @Test func pastTheCapTheOldestIdleConnectionsAreShed() async throws {
        try await withServer(cap: 64) { port, _ in
            var idle: [LoopbackClient] = []
            for _ in 0..<150 { idle.append(try LoopbackClient(port: port)) }
            let (head, _) = try get(port, "/")
            #expect(head.hasPrefix("HTTP/1.1 200"))
            #expect(idle[0].isClosedByServer())
        }
    }
}
