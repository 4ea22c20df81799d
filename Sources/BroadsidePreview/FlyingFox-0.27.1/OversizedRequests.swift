import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Refuses, at the socket, a request whose head is far larger than any browser sends.
///
/// FlyingFox 0.27.1 reads a request line or header line byte by byte, at a cost that grows
/// with the square of the line's length (a 16 KB line took 5 s of a core in a debug build, a
/// 100 KB one minutes), and has no limit of its own; a web page can make a browser send such
/// a URL to 127.0.0.1. It reads 4 KB at a time, so such a request waits in the kernel: every
/// half second the preview looks at its own connections, and one with more than 16 KB
/// waiting twice in a row gets a 414 (the request line is still arriving) or a 431 (the
/// headers are), and what waits is dropped, so FlyingFox reads the end of the connection.
/// What waits may also be whole requests, pipelined by a client that sends them all before
/// reading any answer (the server, its answers unread, stops reading): that client gets a 429
/// and the connection's end, never a reset.
enum OversizedRequests {
    static let limit: Int32 = 16 * 1024

    static func watch(port: Int, until stop: StopSignal) {
        #if os(Linux)
        let thread = Thread {
            var suspects: Set<Int32> = []
            while !stop.isSet {
                usleep(500_000)
                var now: Set<Int32> = []
                for fd in connections(port: port) where pending(fd) > limit {
                    if suspects.contains(fd) { refuse(fd) } else { now.insert(fd) }
                }
                suspects = now
            }
        }
        thread.name = "broadside-preview-oversized"
        thread.start()
        #endif
    }

    #if os(Linux)
    /// This process's TCP connections accepted on 127.0.0.1:`port` (not the listening socket).
    private static func connections(port: Int) -> [Int32] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") else { return [] }
        return names.compactMap(Int32.init).filter { fd in
            var local = sockaddr_in()
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let named = withUnsafeMutablePointer(to: &local) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
            }
            guard named == 0, local.sin_family == sa_family_t(AF_INET), Int(UInt16(bigEndian: local.sin_port)) == port else { return false }
            var peer = sockaddr_in()
            var peerLength = socklen_t(MemoryLayout<sockaddr_in>.size)
            return withUnsafeMutablePointer(to: &peer) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getpeername(fd, $0, &peerLength) }
            } == 0
        }
    }

    private static func pending(_ fd: Int32) -> Int32 {
        var count: Int32 = 0
        return ioctl(fd, UInt(FIONREAD), &count) == 0 ? count : 0
    }

    /// 414 when what waits still holds the request line's end (` HTTP/1.1` before the first
    /// line end), else 431.
    private static func refuse(_ fd: Int32) {
        var peek = [UInt8](repeating: 0, count: 1 << 20)
        let count = recv(fd, &peek, peek.count, Int32(MSG_PEEK | MSG_DONTWAIT))
        let head = count > 0 ? Array(peek[..<count]) : []
        let firstLine = head.split(separator: UInt8(ascii: "\n"), maxSplits: 1, omittingEmptySubsequences: false).first ?? []
        let requestLine = String(decoding: firstLine.suffix(16), as: UTF8.self).contains(" HTTP/1.")
        let status = holdsWholeHead(head) ? "429 Too Many Requests"
            : requestLine ? "414 URI Too Long" : "431 Request Header Fields Too Large"
        let response = Array("HTTP/1.1 \(status)\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: \(status.utf8.count + 1)\r\nConnection: close\r\n\r\n\(status)\n".utf8)
        // Answers to pipelined requests may fill what the kernel sends: wait a second at most
        // for room, so that the client learns why the connection ends.
        var writable = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
        _ = poll(&writable, 1, 1000)
        _ = send(fd, response, response.count, Int32(MSG_NOSIGNAL | MSG_DONTWAIT))
        shutdown(fd, Int32(SHUT_RDWR))
        // Linux keeps what was received before the shutdown readable: drop it, so that
        // FlyingFox's next read is the end of the connection, not more of the line.
        for _ in 0..<64 where recv(fd, &peek, peek.count, Int32(MSG_DONTWAIT)) > 0 {}
    }

    /// A whole request head waits within the limit: requests pipelined, not one oversized.
    private static func holdsWholeHead(_ bytes: [UInt8]) -> Bool {
        let end: [UInt8] = [13, 10, 13, 10]
        let window = bytes.prefix(Int(limit))
        guard window.count >= 4 else { return false }
        return (0...(window.count - 4)).contains { window[$0] == end[0] && window[$0 + 1] == end[1] && window[$0 + 2] == end[2] && window[$0 + 3] == end[3] }
    }
    #endif
}
