import Dispatch
import Foundation

/// `map` over every core, keeping the order of the input, so parallel output stays deterministic.
public func parallelMap<T: Sendable, R>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
    let count = items.count
    guard count > 1 else { return items.map(transform) }
    // Many more chunks than cores, so a core that finishes early takes another.
    let chunks = min(count, ProcessInfo.processInfo.activeProcessorCount * 16)
    // Written in place, each index once by one worker: an array of optionals copied into the
    // result held both at once (90 MB for the loaded posts at 100,000).
    // Each item lent to `transform` where it is stored: taken from the array, a post was copied first, every field of it retained.
    return items.withUnsafeBufferPointer { lent in
        [R](unsafeUninitializedCapacity: count) { buffer, initialized in
            // Safe to share: each index is written by exactly one worker, and read only after all
            // have finished; the items are only read.
            nonisolated(unsafe) let out = buffer
            nonisolated(unsafe) let items = lent
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let start = count * chunk / chunks
                let end = count * (chunk + 1) / chunks
                for index in start..<end { (out.baseAddress! + index).initialize(to: transform(items[index])) }
            }
            initialized = count
        }
    }
}

/// `first` and `second` at the same time, on two cores: two walks of different folders, each
/// mostly the kernel's work, take as long as the longer one.
func concurrently<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
    var a: A?
    var b: B?
    withUnsafeMutablePointer(to: &a) { a in
        withUnsafeMutablePointer(to: &b) { b in
            // Safe to share: each is written by one worker only, and read after both have finished.
            nonisolated(unsafe) let (outA, outB) = (a, b)
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                if index == 0 { outA.pointee = first() } else { outB.pointee = second() }
            }
        }
    }
    return (a!, b!)
}

/// `work` begun at once on a thread of its own, while the caller goes on; `value` waits for it.
final class Pending<Value: Sendable>: @unchecked Sendable {
    // A condition of Foundation's (a pthread one): the thread sanitizer sees it.
    private let condition = NSCondition()
    private var result: Value?

    /// `aside: false` does the work here and now, as a whole build does: at 100,000 posts, its
    /// stages overlapped raised the peak over 600 MB (each thread that allocates grows a heap
    /// of its own in glibc, which the others do not reuse).
    init(aside: Bool = true, _ work: @escaping @Sendable () -> Value) {
        guard aside else {
            result = work()
            return
        }
        Thread { [self] in
            let value = work()
            condition.lock()
            result = value
            condition.broadcast()
            condition.unlock()
        }.start()
    }

    var value: Value {
        condition.lock()
        defer { condition.unlock() }
        while result == nil { condition.wait() }
        return result!
    }
}
