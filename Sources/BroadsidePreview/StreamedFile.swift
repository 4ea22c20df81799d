import Broadside
import FlyingSocks
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file of the site sent in chunks of at most 64 KB, with the preview's script added to a
/// page as it goes by: a connection holds one chunk, never the whole file, so 40 slow clients
/// of a 40 MB page hold 40 chunks, not 1.6 GB.
///
/// The file is opened once, when the request is answered: a build that replaces it meanwhile
/// (a new file under the same name) leaves this response whole and consistent.
struct StreamedFile: AsyncBufferedSequence {
    typealias Element = UInt8

    static let chunk = 64 * 1024

    let file: OpenFile
    /// Bytes sent at an offset of the file: the reload script before `</body`.
    let insert: (at: Int, bytes: [UInt8])?

    var count: Int { file.size + (insert?.bytes.count ?? 0) }

    /// Nil when the file cannot be opened (a build removed it since the lookup).
    init?(path: String, adding added: [UInt8]? = nil) {
        guard let file = OpenFile(path: path) else { return nil }
        self.file = file
        insert = added.map { (file.lastBodyEnd() ?? file.size, $0) }
    }

    func makeAsyncIterator() -> Iterator { Iterator(sequence: self) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        let sequence: StreamedFile
        /// Position in the bytes sent: the file's with the insert at its offset.
        var position = 0

        mutating func next() async throws -> UInt8? {
            try await nextBuffer(suggested: 1)?.first
        }

        mutating func nextBuffer(suggested count: Int) async throws -> ArraySlice<UInt8>? {
            guard position < sequence.count else { return nil }
            let wanted = Swift.min(Swift.max(count, 1), StreamedFile.chunk)
            let out = try sequence.bytes(at: position, count: wanted)
            position += out.count
            return out[...]
        }
    }

    /// Up to `count` bytes at `position` of what is sent, without crossing the insert.
    private func bytes(at position: Int, count: Int) throws -> [UInt8] {
        guard let insert else { return try file.read(at: position, count: count) }
        if position < insert.at { return try file.read(at: position, count: Swift.min(count, insert.at - position)) }
        let intoInsert = position - insert.at
        if intoInsert < insert.bytes.count { return Array(insert.bytes[intoInsert..<Swift.min(insert.bytes.count, intoInsert + count)]) }
        return try file.read(at: position - insert.bytes.count, count: count)
    }
}

/// A descriptor open for reading, closed when the last response that reads it is done.
final class OpenFile: @unchecked Sendable {
    let descriptor: Int32
    let size: Int

    init?(path: String) {
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        var info = stat()
        guard descriptor >= 0, fstat(descriptor, &info) == 0 else {
            if descriptor >= 0 { close(descriptor) }
            return nil
        }
        size = Int(info.st_size)
    }

    deinit { close(descriptor) }

    /// A file cut short while it was sent (written in place by something else) ends the
    /// connection: the length was promised.
    func read(at offset: Int, count: Int) throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        let got = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, count, off_t(offset)) }
        guard got > 0 else { throw SocketError.disconnected }
        return Array(buffer[..<got])
    }

    /// Where the last `</body` starts, in any letter case, searched from the end of the file
    /// a window at a time; windows overlap so that a tag across two is found.
    func lastBodyEnd() -> Int? {
        let tagLength = 6
        var end = size
        while end > 0 {
            let start = Swift.max(0, end - StreamedFile.chunk)
            guard let window = try? read(at: start, count: end - start) else { return nil }
            if let found = PreviewPages.lastBodyEnd(in: window) { return start + found }
            guard start > 0 else { return nil }
            end = start + tagLength - 1
        }
        return nil
    }
}
