import Broadside
import FlyingFox
import FlyingSocks
import Foundation

/// The preview's HTTP server on 127.0.0.1: `PreviewHandler` behind FlyingFox, with the
/// workarounds of `FlyingFox-0.27.1/`, and kept alive whatever its clients do.
///
/// FlyingFox ends its server when an `accept` fails, as it does when the process is out of
/// file descriptors: the preview would then stop serving for good. Connections are capped
/// below the descriptor limit (idle ones are shed to make room, see `ConnectionCap`), and if
/// an accept fails all the same, the idle connections are shed and the server listens again.
public final class PreviewServer: @unchecked Sendable {
    public let port: Int
    let handler: PreviewHandler
    let deadlines: ReadDeadlines
    let cap: ConnectionCap
    // NSLock, not Mutex: TSan on Linux reports Synchronization.Mutex as a race.
    private let lock = NSLock()
    private var server: HTTPServer?
    /// The server's `run()`, which ends when the server fails or stops.
    private var running: Task<Void, Never>?
    private var stopped = false
    /// Ends the threads that watch the connections.
    private let watching = StopSignal()

    /// `request` and `idle`: the seconds a client may pause in a request and between two.
    public convenience init(port: Int, state: PreviewState, events: PreviewEvents, request: Double = 10, idle: Double = 75) {
        let cap = ConnectionCap(connections: ConnectionCap.connections(descriptors: DescriptorLimit.raiseToHardLimit()))
        self.init(port: port, state: state, events: events, request: request, idle: idle, cap: cap)
    }

    /// With a cap of its own: the tests' is far below the descriptor limit.
    init(port: Int, state: PreviewState, events: PreviewEvents, request: Double = 10, idle: Double = 75, cap: ConnectionCap) {
        self.port = port
        handler = PreviewHandler(state: state, events: events, limits: RequestLimits(port: port))
        deadlines = ReadDeadlines(limits: .init(request: .seconds(request), idle: .seconds(idle)))
        self.cap = cap
    }

    /// Listens, or throws why it cannot (a port taken: `SocketError.failed` with `EADDRINUSE`).
    public func start() async throws {
        try await listen()
        OversizedRequests.watch(port: port, until: watching)
        deadlines.watch(until: watching)
    }

    /// Serves until `stop()`, listening again after any failure of the server.
    public func serve() async {
        while !isStopped {
            await lock.withLock { running }?.value
            guard !isStopped else { return }
            // Out of descriptors, most likely: make room, and let closing connections close.
            deadlines.shedIdle(count: Int.max)
            try? await Task.sleep(for: .milliseconds(100))
            try? await listen()
        }
    }

    public func stop() async {
        watching.set()
        let serving = lock.withLock {
            stopped = true
            return server
        }
        await serving?.stop()
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    private func listen() async throws {
        let address = try sockaddr_in.inet(ip4: "127.0.0.1", port: UInt16(port))
        let pool = PreviewSocketPool(base: HTTPServer.defaultPool(), deadlines: deadlines, cap: cap)
        // FlyingFox answers 500 to a handler that has not returned within `timeout`. The handler
        // only looks up and opens a file; it is late only when its task waits for a thread
        // (the test suites' blocking work filled both of the cooperative pool's threads for
        // over 15 s in a full run). A late answer is better than a 500 for a page that exists.
        let made = HTTPServer(config: .init(address: address, timeout: 60, pool: pool, logger: .disabled), handler: handler)
        let failure = ServerFailure()
        let run = Task {
            do { try await made.run() } catch { failure.error = error }
        }
        try await waitUntilListening(made, failure)
        lock.withLock {
            server = made
            running = run
        }
    }

    /// Waits for the socket to listen, or for the server to fail: a port taken fails at bind.
    private func waitUntilListening(_ server: HTTPServer, _ failure: ServerFailure) async throws {
        for _ in 0..<400 {
            if await server.isListening { return }
            if let error = failure.error { throw error }
            try await Task.sleep(for: .milliseconds(25))
        }
        throw SocketError.timeout(message: "the server did not start listening")
    }

    /// The `errno` behind a failure to listen: `EADDRINUSE`, `EACCES`.
    public static func errorNumber(of error: any Error) -> Int32? {
        if case SocketError.failed(_, let number, _) = error { return number }
        return nil
    }
}

/// The error the server's task ended with, read while waiting for it to listen.
final class ServerFailure: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?

    var error: (any Error)? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

/// Set once, read by threads that poll: tells them to end.
final class StopSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = false

    var isSet: Bool { lock.withLock { stored } }

    func set() { lock.withLock { stored = true } }
}
