import FlyingFox
import FlyingSocks
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// FlyingFox's socket pool, with Nagle's algorithm turned off on every socket it waits on, and
/// every wait to read given a deadline by `ReadDeadlines`.
///
/// FlyingFox 0.27.1 writes a response's head and body in two `send`s and never sets
/// `TCP_NODELAY`: the body then waits for the client's delayed ACK, 40 ms on Linux, so each
/// keep-alive connection made at most 25 requests a second (1,400 a second for wrk's 64
/// connections, with the server's cores idle). The listening socket is among those waited on,
/// and Linux hands its `TCP_NODELAY` to every connection it accepts.
///
/// FlyingFox reads until a read would block, then waits here, so every pause of a client,
/// whether in the middle of a request or between two, passes through `suspendSocket`. Waits to
/// write are left alone: the server-sent events stream only writes, and its client reads.
///
/// A connection's first wait is also where the preview learns of it, since FlyingFox accepts
/// without a word: past the `ConnectionCap`, the oldest idle connections are shed here.
struct PreviewSocketPool<Base: AsyncSocketPool>: AsyncSocketPool {
    let base: Base
    let deadlines: ReadDeadlines
    let cap: ConnectionCap

    func prepare() async throws { try await base.prepare() }

    func run() async throws { try await base.run() }

    func suspendSocket(_ socket: Socket, untilReadyFor events: Socket.Events) async throws {
        let file = socket.file.rawValue
        var on: Int32 = 1
        // A socket that is not TCP refuses it; nothing to do then.
        _ = setsockopt(file, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
        if events.contains(.read), cap.excess(file) > 0 {
            deadlines.shedIdle(count: cap.excess(file), sparing: file)
        }
        if ConnectionCap.isListening(file) {
            // FlyingFox accepts until none waits, without a pause: a short queue bounds what one
            // round accepts (past it, a client's connection waits, as when a server is busy).
            _ = listen(file, ConnectionCap.queue)
            try await base.suspendSocket(socket, untilReadyFor: events)
            return try await makeRoom()
        }
        guard events.contains(.read), let wait = deadlines.begin(file) else {
            return try await base.suspendSocket(socket, untilReadyFor: events)
        }
        // Forgotten before FlyingFox gets control back, so before it can close the socket.
        defer { deadlines.end(wait) }
        try await base.suspendSocket(socket, untilReadyFor: events)
    }

    /// Before FlyingFox accepts again: at the cap, idle connections are shed and the accept
    /// waits (a second at most) for their descriptors to close. New connections wait in the
    /// kernel's queue meanwhile, rather than an `accept` failing. Shed connections take a
    /// moment to close, so more are shed only every 100 ms: not twice for the same room.
    private func makeRoom() async throws {
        for attempt in 0..<100 {
            let excess = ConnectionCap.openDescriptors() - Int(cap.connections)
            guard excess >= 0 else { return }
            if attempt % 10 == 0 { deadlines.shedIdle(count: excess + 16) }
            try await Task.sleep(for: .milliseconds(10))
        }
    }
}
