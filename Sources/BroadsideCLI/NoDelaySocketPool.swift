import FlyingFox
import FlyingSocks
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// FlyingFox's socket pool, with Nagle's algorithm turned off on every socket it waits on.
///
/// FlyingFox 0.27.1 writes a response's head and body in two `send`s and never sets
/// `TCP_NODELAY`: the body then waits for the client's delayed ACK, 40 ms on Linux, so each
/// keep-alive connection made at most 25 requests a second (1,400 a second for wrk's 64
/// connections, with the server's cores idle). The listening socket is among those waited on,
/// and Linux hands its `TCP_NODELAY` to every connection it accepts.
struct NoDelaySocketPool<Base: AsyncSocketPool>: AsyncSocketPool {
    let base: Base

    func prepare() async throws { try await base.prepare() }

    func run() async throws { try await base.run() }

    func suspendSocket(_ socket: Socket, untilReadyFor events: Socket.Events) async throws {
        var on: Int32 = 1
        // A socket that is not TCP refuses it; nothing to do then.
        _ = setsockopt(socket.file.rawValue, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
        try await base.suspendSocket(socket, untilReadyFor: events)
    }
}
