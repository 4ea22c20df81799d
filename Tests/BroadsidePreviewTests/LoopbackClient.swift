import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A plain TCP client on 127.0.0.1 that sends bytes as given and reads what comes back,
/// every read bounded by a receive timeout, so no test can hang on a silent server.
final class LoopbackClient {
    let file: Int32

    init(port: Int) throws {
        file = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        // Long: the server's tasks share two threads with every other suite of the run, and under
        // the address sanitizer the first answer took more than 5 s (CI). No test waits for silence.
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(file, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = Self.loopback(port: port)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(file, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(file)
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
    }

    deinit { close(file) }

    func send(_ text: String) { send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { Glibc.send(file, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Everything until the server closes the connection or 60 s of silence.
    func readAll() -> [UInt8] {
        var all: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(file, &buffer, buffer.count, 0)
            if count <= 0 { return all }
            all += buffer[..<count]
        }
    }

    /// One response's head and as much body as `Content-Length` says.
    func readResponse() -> (head: String, body: [UInt8]) {
        var all: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            if let end = Self.headEnd(all) {
                let head = String(decoding: all[..<end], as: UTF8.self)
                let length = Self.contentLength(head) ?? 0
                if all.count - end - 4 >= length { return (head, Array(all[(end + 4)..<(end + 4 + length)])) }
            }
            let count = recv(file, &buffer, buffer.count, 0)
            if count <= 0 { return (String(decoding: all, as: UTF8.self), []) }
            all += buffer[..<count]
        }
    }

    /// True when the server has closed this connection (a read ends, not a timeout).
    func isClosedByServer() -> Bool {
        var byte: UInt8 = 0
        return recv(file, &byte, 1, 0) == 0
    }

    static func headEnd(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        return (0...(bytes.count - 4)).first { bytes[$0] == 13 && bytes[$0 + 1] == 10 && bytes[$0 + 2] == 13 && bytes[$0 + 3] == 10 }
    }

    static func contentLength(_ head: String) -> Int? {
        head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
            .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) }
    }

    static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    /// A port free now: the kernel's choice for a socket bound to port 0.
    static func freePort() -> Int {
        let probe = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(probe) }
        var address = loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(probe, $0, length) == 0 ? getsockname(probe, $0, &length) : -1 }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
