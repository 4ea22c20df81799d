import FlyingFox
import FlyingSocks
import Foundation

/// The server-sent events behind the reload script: each open page holds one stream and hears
/// `build` with the build's number after every build, and a comment now and then, whose
/// failed write is how a closed tab's connection is noticed and ended.
public final class PreviewEvents: @unchecked Sendable {
    // NSLock, not Mutex: TSan on Linux reports Synchronization.Mutex as a race.
    private let lock = NSLock()
    private var listeners: [Int: AsyncStream<[UInt8]>.Continuation] = [:]
    private var nextID = 0

    public init() {}

    /// A stream that starts with the current build, so a page that loaded during a build
    /// learns of it at once.
    func stream(current build: Int) -> HTTPBodySequence {
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream(bufferingPolicy: .bufferingNewest(16))
        let id = lock.withLock {
            nextID += 1
            listeners[nextID] = continuation
            return nextID
        }
        continuation.onTermination = { [weak self] _ in
            self?.lock.withLock { _ = self?.listeners.removeValue(forKey: id) }
        }
        continuation.yield(Array("retry: 1000\n\n".utf8) + Self.event(build))
        return HTTPBodySequence(from: EventBytes(stream: stream))
    }

    public func announce(build: Int) {
        send(Self.event(build))
    }

    public func keepAlive() {
        send(Array(": keep-alive\n\n".utf8))
    }

    private func send(_ bytes: [UInt8]) {
        let all = lock.withLock { Array(listeners.values) }
        for listener in all { listener.yield(bytes) }
    }

    private static func event(_ build: Int) -> [UInt8] {
        Array("event: build\ndata: \(build)\n\n".utf8)
    }
}

/// An `AsyncStream` of byte chunks as the buffered sequence FlyingFox streams a body from.
struct EventBytes: AsyncBufferedSequence {
    typealias Element = UInt8
    let stream: AsyncStream<[UInt8]>

    func makeAsyncIterator() -> Iterator {
        Iterator(base: stream.makeAsyncIterator())
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var base: AsyncStream<[UInt8]>.Iterator
        var pending: ArraySlice<UInt8> = []

        mutating func next() async throws -> UInt8? {
            guard try await fill() else { return nil }
            return pending.popFirst()
        }

        mutating func nextBuffer(suggested count: Int) async throws -> ArraySlice<UInt8>? {
            guard try await fill() else { return nil }
            let out = pending.prefix(Swift.max(1, count))
            pending = pending.dropFirst(out.count)
            return out
        }

        private mutating func fill() async throws -> Bool {
            while pending.isEmpty {
                guard let chunk = await base.next() else { return false }
                pending = chunk[...]
            }
            return true
        }
    }
}
