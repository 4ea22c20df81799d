import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Ends the preview's connections whose client has gone quiet: one that sent part of a request
/// and then nothing for `request` seconds (10 by default), and one idle between requests for
/// `idle` seconds (75).
///
/// FlyingFox 0.27.1 has no read timeout, so a client that stalled kept its connection, and a
/// file descriptor, until it went away. `PreviewSocketPool` reports each wait to read here; a
/// thread looks at the waits twice a second and shuts down the socket of one past its deadline.
/// The wait then ends as it does when a client leaves (epoll reports the socket readable, the
/// read finds its end) and FlyingFox closes the connection: nothing in FlyingFox's pool is
/// cancelled or resumed from outside, so no continuation is lost or resumed twice. A wait is
/// forgotten, under the lock the thread holds while it shuts sockets down, before FlyingFox can
/// close its socket, so the descriptor shut down is always the waiting connection, never a
/// later one given the same number.
///
/// The limits follow nginx: 75 s is its `keepalive_timeout`, long enough that a page being
/// read keeps its connection for the next click (browsers reconnect, or retry a request sent as
/// the connection closed, when it has gone). nginx gives a request's head 60 s
/// (`client_header_timeout`), for slow mobile links; on loopback a browser's head arrives in one
/// piece within a millisecond, so 10 s, the value hardening guides give nginx, is ample. As in
/// nginx, a connection that has sent nothing yet has the request's limit. Each wait has its own
/// deadline, counted from the connection's last data: a client that sends a byte every few
/// seconds keeps its connection.
final class ReadDeadlines: @unchecked Sendable {
    struct Limits: Sendable {
        var request: Duration = .seconds(10)
        var idle: Duration = .seconds(75)
    }

    let limits: Limits
    // NSLock, not Mutex: TSan on Linux reports Synchronization.Mutex as a race.
    private let lock = NSLock()
    private var waits: [Int: Wait] = [:]
    private var nextWait = 0

    struct Wait {
        var file: Int32
        var deadline: ContinuousClock.Instant
        var quietSince: ContinuousClock.Instant
        /// Between two requests, or before the first: nothing is lost when it is shed.
        var idle: Bool
    }

    init(limits: Limits) {
        self.limits = limits
    }

    /// Starts watching a wait to read on `file`; nil for a socket that is not an established
    /// TCP connection (the listening socket, the event queue's descriptor), which has no limit.
    func begin(_ file: Int32) -> Int? {
        guard let activity = TCPActivity(file) else { return nil }
        let quietSince = ContinuousClock.now - activity.quietFor
        let deadline = quietSince + (activity.clientIsMidRequest ? limits.request : limits.idle)
        return lock.withLock {
            nextWait += 1
            waits[nextWait] = Wait(file: file, deadline: deadline, quietSince: quietSince, idle: !activity.hasPartialRequest)
            return nextWait
        }
    }

    func end(_ wait: Int) {
        lock.withLock { _ = waits.removeValue(forKey: wait) }
    }

    func watch(until stop: StopSignal) {
        let thread = Thread { [self] in
            while !stop.isSet {
                usleep(500_000)
                endExpired()
            }
        }
        thread.name = "broadside-preview-deadlines"
        thread.start()
    }

    /// Ends the `count` idle connections quiet for longest (all when `count` is `Int.max`), as
    /// an expired wait is ended, to make room for `sparing`, the connection that needs it.
    func shedIdle(count: Int, sparing: Int32 = -1) {
        lock.withLock {
            let oldest = waits.filter { $0.value.idle && $0.value.file != sparing }
                .sorted { $0.value.quietSince < $1.value.quietSince }.prefix(count)
            for (wait, entry) in oldest {
                shutdown(entry.file, Int32(SHUT_RDWR))
                waits.removeValue(forKey: wait)
            }
        }
    }

    private func endExpired() {
        let now = ContinuousClock.now
        lock.withLock {
            for (wait, entry) in waits where entry.deadline <= now {
                shutdown(entry.file, Int32(SHUT_RDWR))
                waits.removeValue(forKey: wait)
            }
        }
    }
}

/// What the kernel knows of a TCP connection's last exchanges (`TCP_INFO`).
struct TCPActivity {
    /// True when the client has sent data that no response has followed: FlyingFox holds part
    /// of a request. Also true for a connection that has sent nothing yet.
    let clientIsMidRequest: Bool
    /// True when the client has sent part of a request that no response has followed.
    let hasPartialRequest: Bool
    /// How long since the last data either way.
    let quietFor: Duration

    /// Nil unless `file` is an established TCP connection; always nil but on Linux, whose
    /// `tcp_info` is read here.
    init?(_ file: Int32) {
        #if os(Linux)
        // Linux fills as much of its `struct tcp_info` as asked for; glibc's declares only
        // its first part (104 bytes). The counts of segments that carried data follow in the
        // kernel's layout (linux/tcp.h, only ever appended to), since Linux 4.6: after two
        // 8-byte rates, two 8-byte byte counts, and segs_out, segs_in, notsent_bytes and
        // min_rtt, 4 bytes each.
        let base = MemoryLayout<tcp_info>.size
        let dataSegmentsIn = base + 48, dataSegmentsOut = base + 52
        var buffer = [UInt8](repeating: 0, count: base + 64)
        var length = socklen_t(buffer.count)
        guard getsockopt(file, Int32(IPPROTO_TCP), Int32(TCP_INFO), &buffer, &length) == 0,
              Int(length) >= dataSegmentsOut + 4 else { return nil }   // an older kernel: no limit
        let info = buffer.withUnsafeBytes { $0.loadUnaligned(as: tcp_info.self) }
        guard info.tcpi_state == UInt8(TCP_ESTABLISHED) else { return nil }
        let segmentsIn = buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: dataSegmentsIn, as: UInt32.self) }
        let segmentsOut = buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: dataSegmentsOut, as: UInt32.self) }
        let sentAgo = info.tcpi_last_data_sent, receivedAgo = info.tcpi_last_data_recv
        // Both are stamped in the kernel's clock ticks (4 ms here), so their order is exact
        // but a response sent in the tick its request arrived ties them: a tie counts as
        // answered, the longer limit, as does half a request that follows a response within
        // the same tick.
        hasPartialRequest = segmentsIn > 0 && (segmentsOut == 0 || receivedAgo < sentAgo)
        clientIsMidRequest = segmentsIn == 0 || hasPartialRequest
        quietFor = .milliseconds(min(sentAgo, receivedAgo))
        #else
        return nil
        #endif
    }
}
