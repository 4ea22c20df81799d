import Foundation

/// A value shared between cores, read and changed under a lock. `NSLock`, not `Mutex`: the
/// thread sanitizer on Linux does not see `Synchronization.Mutex`'s lock (its library is not
/// instrumented) and reports every access under it as a race.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    init(_ value: Value) { self.value = value }

    func withLock<Result>(_ body: (inout Value) -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}
