import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The previous site's file at a path, kept when the new build's bytes are the same: linked into
/// the staging folder instead of written, so an unchanged file keeps its inode and modification
/// time. A sync, a web server's cache or `rsync --times` then sees only what changed, and the
/// kernel creates no new data for it. Only a regular file is kept (never a link to elsewhere),
/// and only when its bytes are read and found equal: nothing is judged by size or time.
enum PreviousFile {
    private static let chunk = 1 << 16

    /// True when `previous` held `bytes` and is now also at `path` (nil: only compared, not linked).
    static func keep(_ previous: String, at path: String?, ifItHolds bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        withOpened(previous, size: bytes.count, linking: path) { fd in
            var buffer = [UInt8](repeating: 0, count: min(chunk, max(bytes.count, 1)))
            var offset = 0
            while offset < bytes.count {
                let got = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, min(chunk, bytes.count - offset)) }
                if got < 0 && errno == EINTR { continue }
                guard got > 0, buffer.withUnsafeBytes({ memcmp($0.baseAddress!, bytes.baseAddress! + offset, got) }) == 0 else { return false }
                offset += got
            }
            return true
        }
    }

    /// True when `previous` held the bytes of the file `source` and is now also at `path` (nil: only compared).
    static func keep(_ previous: String, at path: String?, ifItHoldsFile source: String) -> Bool {
        let input = open(source, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard input >= 0 else { return false }
        defer { close(input) }
        var status = stat()
        guard fstat(input, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return false }
        return withOpened(previous, size: Int(status.st_size), linking: path) { fd in
            var (mine, theirs) = ([UInt8](repeating: 0, count: chunk), [UInt8](repeating: 0, count: chunk))
            var left = Int(status.st_size)
            while left > 0 {
                let want = min(chunk, left)
                guard readFully(input, &mine, want), readFully(fd, &theirs, want), mine[..<want] == theirs[..<want] else { return false }
                left -= want
            }
            return true
        }
    }

    /// Opens `previous` if it is a regular file of `size` bytes, asks `same`, and links it at
    /// `destination` when it is; the link is checked to be that very file (it may have been
    /// swapped for another between the check and the link).
    private static func withOpened(_ previous: String, size: Int, linking destination: String?, _ same: (Int32) -> Bool) -> Bool {
        let fd = open(previous, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == size, same(fd) else { return false }
        guard let destination else { return true }
        guard link(previous, destination) == 0 else { return false }
        var linked = stat()
        if lstat(destination, &linked) == 0 && linked.st_ino == info.st_ino && linked.st_dev == info.st_dev { return true }
        unlink(destination)
        return false
    }

    private static func readFully(_ fd: Int32, _ buffer: inout [UInt8], _ count: Int) -> Bool {
        var offset = 0
        while offset < count {
            let got = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + offset, count - offset) }
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { return false }
            offset += got
        }
        return true
    }
}
