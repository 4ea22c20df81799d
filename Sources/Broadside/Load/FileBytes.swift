import Foundation

#if canImport(Glibc)
import Glibc
private let posixRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let posixRead = Darwin.read
#endif

/// How large a text input may be. No real post, template or site.yml comes near these, and
/// they keep a build's memory small: a post is read and parsed on every core at once.
struct TextLimit: Sendable {
    var bytes: Int
    /// What the file is, for the message: "a post".
    var what: String
    var hint: String

    static let post = TextLimit(bytes: 16_000_000, what: "a post",
        hint: "a post is text: put large files beside it as attachments, or split it into several posts")
    static let settings = TextLimit(bytes: 4_000_000, what: "site.yml",
        hint: "check that this is the settings file you meant to save")
    static let template = TextLimit(bytes: 4_000_000, what: "a template",
        hint: "check that this is the template you meant to save")
    static let strings = TextLimit(bytes: 4_000_000, what: "a file of a theme's words",
        hint: "check that this is the file of words you meant to save")
}

/// A whole file read into one buffer reserved at its size: never more than a limit, never a
/// buffer doubled as it grows (unless the file grows while read), and freed with the data even
/// for an empty file (Foundation's `contents(atPath:)` leaks 4 KB on one, and reads any size).
enum FileBytes {
    enum Failure: Error, Equatable {
        /// `open` or `read` failed with this code.
        case unreadable(Int32)
        /// The file is `size` bytes, above the limit.
        case tooLarge(size: Int)
        /// The buffer for `size` bytes could not be had.
        case noMemory(size: Int)
    }

    static func read(_ path: String, limit: Int) -> Result<Data, Failure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return .failure(.unreadable(errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(.unreadable(errno)) }
        let size = Int(status.st_size)
        if size > limit { return .failure(.tooLarge(size: size)) }
        // One byte more than the size, so a file that grew since `fstat` is noticed.
        var capacity = size + 1
        guard var buffer = malloc(capacity) else { return .failure(.noMemory(size: size)) }
        var count = 0
        var code: Int32 = 0
        while true {
            count += fill(descriptor, buffer + count, capacity - count, code: &code)
            if code != 0 { free(buffer); return .failure(.unreadable(code)) }
            if count < capacity { break }
            // The file grew while read: grow with it, up to the limit.
            guard capacity <= limit else { free(buffer); return .failure(.tooLarge(size: count)) }
            capacity = min(capacity * 2, limit + 1)
            guard let grown = realloc(buffer, capacity) else { free(buffer); return .failure(.noMemory(size: capacity)) }
            buffer = grown
        }
        guard count > 0 else { free(buffer); return .success(Data()) }
        return .success(Data(bytesNoCopy: buffer, count: count, deallocator: .free))
    }

    /// The same for bytes the caller keeps as an array (an image's, handed to libvips): reserved
    /// once at the size, and grown only if the file grows while it is read, up to `limit`.
    static func array(_ path: String, limit: Int) -> Result<[UInt8], Failure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return .failure(.unreadable(errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(.unreadable(errno)) }
        let size = Int(status.st_size)
        if size > limit { return .failure(.tooLarge(size: size)) }
        var code: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = fill(descriptor, UnsafeMutableRawPointer(buffer.baseAddress), size, code: &code)
        }
        guard code == 0 else { return .failure(.unreadable(code)) }
        guard bytes.count == size else { return .success(bytes) }
        // Read to the end: the file may have grown since `fstat`.
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let got = chunk.withUnsafeMutableBytes { fill(descriptor, $0.baseAddress, $0.count, code: &code) }
            guard code == 0 else { return .failure(.unreadable(code)) }
            if got == 0 { return .success(bytes) }
            if bytes.count + got > limit { return .failure(.tooLarge(size: bytes.count + got)) }
            bytes += chunk.prefix(got)
        }
    }

    /// Reads until `capacity` bytes or the end of the file; `code` is set when a read fails.
    private static func fill(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ capacity: Int, code: inout Int32) -> Int {
        var count = 0
        while count < capacity, let buffer {
            let got = posixRead(descriptor, buffer + count, capacity - count)
            if got < 0 {
                if errno == EINTR { continue }
                code = errno
                return count
            }
            if got == 0 { break }
            count += got
        }
        return count
    }

    /// A size in words: "2.1 GB", "16 MB", "512 bytes"; one decimal, cut rather than rounded
    /// up, so a size just above a limit is never shown as more than it is.
    static func words(_ bytes: Int) -> String {
        let units: [(Int, String)] = [(1_000_000_000, "GB"), (1_000_000, "MB"), (1_000, "kB")]
        for (unit, name) in units where bytes >= unit {
            let tenths = bytes / (unit / 10)
            return tenths % 10 == 0 ? "\(tenths / 10) \(name)" : "\(tenths / 10).\(tenths % 10) \(name)"
        }
        return bytes == 1 ? "1 byte" : "\(bytes) bytes"
    }

    /// "2.1 GB", or the exact count when the words would read the same as the limit's.
    static func words(_ bytes: Int, above limit: Int) -> String {
        let shown = words(bytes)
        return shown == words(limit) ? "\(grouped(bytes)) bytes" : shown
    }

    /// 16000001 as "16,000,001".
    static func grouped(_ number: Int) -> String {
        let digits = Array(String(number))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }
}

extension FileBytes.Failure {
    /// The error for `shown`; `unreadable` is the caller's own, so its message stays as it was.
    func diagnostic(_ shown: String, _ limit: TextLimit, unreadable: (Int32) -> Diagnostic) -> Diagnostic {
        switch self {
        case .unreadable(let code): unreadable(code)
        case .tooLarge(let size):
            .error(shown, "this file is \(FileBytes.words(size, above: limit.bytes)); \(limit.what) can be at most \(FileBytes.words(limit.bytes))",
                hint: limit.hint)
        case .noMemory(let size):
            .error(shown, "there is not enough memory to read this file (\(FileBytes.words(size)))",
                hint: "close other programs, or raise the memory limit broadside runs under")
        }
    }
}
