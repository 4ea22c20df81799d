import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's limit of open file descriptors, which bounds the preview's connections.
enum DescriptorLimit {
    /// Raises the soft limit to the hard one (the soft limit is often 1,024, the hard one far
    /// higher, and only the soft one is ever hit) and returns the soft limit now in force.
    static func raiseToHardLimit() -> Int {
        var limit = rlimit()
        guard getrlimit(resourceNoFile, &limit) == 0 else { return 1024 }
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = limit.rlim_max
            if setrlimit(resourceNoFile, &raised) == 0 { limit = raised }
        }
        return Int(clamping: limit.rlim_cur)
    }

    #if os(Linux)
    private static let resourceNoFile = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
    #else
    private static let resourceNoFile = RLIMIT_NOFILE
    #endif
}

/// The most connections the preview holds at once, below the descriptor limit.
///
/// Linux gives each new descriptor the lowest number free, so a connection's descriptor at or
/// above `connections` means that many are open: the oldest idle connections are then shed.
struct ConnectionCap: Sendable {
    let connections: Int32

    /// Connections the kernel queues for the preview to accept; with the cap, 128 below the
    /// 256 descriptors left for the build.
    static let queue: Int32 = 128

    /// Room is left for what a build opens meanwhile (it reads and writes files on every core,
    /// and libvips keeps some open): 256, or half under a small limit (macOS's 256); one
    /// editor's browser never needs thousands.
    static func connections(descriptors: Int) -> Int32 {
        Int32(descriptors > 512 ? min(descriptors - 256, 4096) : descriptors / 2)
    }

    /// How many idle connections to shed when `file` was just opened, so as to be back below
    /// the cap with a margin: shedding one at a time would shed at each new connection.
    func excess(_ file: Int32) -> Int {
        file < connections ? 0 : Int(file - connections) + 16
    }

    /// True for a listening socket, whose readiness means a connection waits to be accepted.
    static func isListening(_ file: Int32) -> Bool {
        var listening: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        return getsockopt(file, SOL_SOCKET, SO_ACCEPTCONN, &listening, &length) == 0 && listening != 0
    }

    /// How many descriptors the process has open (0 where `/proc` does not say).
    static func openDescriptors() -> Int {
        #if os(Linux)
        guard let folder = opendir("/proc/self/fd") else { return 0 }
        defer { closedir(folder) }
        var count = -3   // `.`, `..` and the listing's own descriptor
        while readdir(folder) != nil { count += 1 }
        return count
        #else
        return 0
        #endif
    }
}
