import CFiles
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A post's HTML, in memory or in the build's `HTMLSpill`, from which it is read back each time
/// a page, a feed or the search index needs it. Held in memory, the HTML of 100,000 posts was
/// about 700 MB of a build's peak from load to write; spilled, memory grows with the posts'
/// metadata alone.
public struct PostHTML: Sendable, Equatable {
    private enum Storage: Sendable {
        case text(String)
        case spilled(HTMLSpill, offset: Int, count: Int)
    }

    private var storage: Storage

    public init(_ text: String) { storage = .text(text) }

    public var text: String {
        switch storage {
        case .text(let text): text
        case .spilled(let spill, let offset, let count): spill.read(offset: offset, count: count)
        }
    }

    /// The HTML's UTF-8, read back without the check that making a `String` of it costs (it was
    /// a `String`'s when spilled): for a feed that escapes it straight into its file.
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        switch storage {
        case .text(var text): return text.withUTF8(body)
        case .spilled(let spill, let offset, let count):
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { buffer in
                body(UnsafeBufferPointer(rebasing: buffer[..<spill.read(offset: offset, into: buffer)]))
            }
        }
    }

    /// Whether the HTML is in a spill file rather than in memory.
    var isSpilled: Bool {
        if case .spilled = storage { true } else { false }
    }

    /// The same HTML, kept in `spill` when it can take it, else kept here.
    func spilled(into spill: HTMLSpill) -> PostHTML {
        let spill = spill.forWriting
        guard case .text(var text) = storage, !text.isEmpty else { return self }
        let count = text.utf8.count
        guard let offset = text.withUTF8({ spill.write($0) }) else { return self }
        return PostHTML(storage: .spilled(spill, offset: offset, count: count))
    }

    /// HTML already in `spill` (`PostCache`'s file; UTF-8 it was when written there).
    static func spilled(in spill: HTMLSpill, offset: Int, count: Int) -> PostHTML {
        count == 0 ? PostHTML("") : PostHTML(storage: .spilled(spill, offset: offset, count: count))
    }

    /// `bytes` (UTF-8), kept where `other` is: in its spill file if it has one (else in memory).
    static func spilled(_ bytes: UnsafeBufferPointer<UInt8>, like other: PostHTML) -> PostHTML {
        guard case .spilled(let spill, _, _) = other.storage, !bytes.isEmpty, let offset = spill.forWriting.write(bytes) else {
            return PostHTML(String(decoding: bytes, as: UTF8.self))
        }
        return PostHTML(storage: .spilled(spill.forWriting, offset: offset, count: bytes.count))
    }

    /// The same HTML, kept where `other` is: in its spill file if it has one.
    func spilled(like other: PostHTML) -> PostHTML {
        guard case .spilled(let spill, _, _) = other.storage else { return self }
        return spilled(into: spill)
    }

    private init(storage: Storage) { self.storage = storage }

    public static func == (a: PostHTML, b: PostHTML) -> Bool { a.text == b.text }
}

extension PostHTML: Hashable {
    public func hash(into hasher: inout Hasher) { withBytes { hasher.combine(bytes: UnsafeRawBufferPointer($0)) } }
}

/// Nothing of the HTML goes into a post's encoding: `PostCache` keeps it as bytes beside the
/// rest, and puts it back (decoded alone, a post's HTML is empty).
extension PostHTML: Codable {
    public init(from decoder: any Decoder) throws {
        _ = try decoder.singleValueContainer().decodeNil()
        self.init("")
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encodeNil()
    }
}

/// A file without a name beside the output, holding the posts' HTML while a build runs: the
/// file system's cache keeps what memory allows, and the file is gone when the build ends,
/// however it ends (O_TMPFILE, or a name removed as soon as it is made). Written from every
/// core at once: each write takes its own range of the file.
final class HTMLSpill: Sendable {
    private let descriptor: Int32
    private let end = Atomic<Int>(0)
    private let others: HTMLSpill?
    /// The first error of reading back, which makes the build fail before it replaces the site.
    private let readError = Atomic<Int32>(0)

    /// nil where no file can be made there: the HTML then stays in memory.
    init?(beside output: String) {
        let descriptor = bs_open_unnamed((output as NSString).deletingLastPathComponent)
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
        others = nil
    }

    /// A file already open for reading and writing, written after its first `end` bytes
    /// (`PostCache`'s, whose posts' HTML is read from where it is kept); closed with the spill.
    /// HTML spilled like a post's from it (a feed's) goes to `others`, the build's own spill.
    init(descriptor: Int32, end: Int, others: HTMLSpill?) {
        self.descriptor = descriptor
        self.end.store(end, ordering: .relaxed)
        self.others = others
    }

    /// Where HTML spilled like a post's goes: this file, unless it keeps records of its own.
    var forWriting: HTMLSpill { others ?? self }

    /// How far it is written.
    var size: Int { end.load(ordering: .relaxed) }

    var fileDescriptor: Int32 { descriptor }

    deinit { close(descriptor) }

    /// Where `bytes` now are; nil when they could not be written (a full disk: they stay in memory).
    func write(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let offset = end.add(bytes.count, ordering: .relaxed).oldValue
        return Self.write(bytes, to: descriptor, at: offset) ? offset : nil
    }

    /// `pwrite` until every byte is written; false at an error.
    static func write(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32, at offset: Int) -> Bool {
        guard let base = bytes.baseAddress else { return bytes.isEmpty }
        return whole(bytes.count) { pwrite(descriptor, base + $0, bytes.count - $0, off_t(offset + $0)) }
    }

    /// `pread` until the buffer is full; false at an error or the file's end.
    static func read(_ descriptor: Int32, into buffer: UnsafeMutableBufferPointer<UInt8>, at offset: Int) -> Bool {
        guard let base = buffer.baseAddress else { return true }
        return whole(buffer.count) { pread(descriptor, base + $0, buffer.count - $0, off_t(offset + $0)) }
    }

    /// Calls `transfer` with the bytes done so far until all `count` are; false when it fails
    /// (`errno` says why, or the file ended).
    private static func whole(_ count: Int, _ transfer: (Int) -> Int) -> Bool {
        var done = 0
        while done < count {
            let moved = transfer(done)
            if moved < 0 && errno == EINTR { continue }
            guard moved > 0 else {
                if moved == 0 { errno = EIO }
                return false
            }
            done += moved
        }
        return true
    }

    func read(offset: Int, count: Int) -> String {
        String(unsafeUninitializedCapacity: count) { read(offset: offset, into: $0) }
    }

    /// Reads `buffer.count` bytes from `offset` into `buffer`; how many it read (fewer only
    /// after an error, which `problems` then reports).
    func read(offset: Int, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        guard Self.read(descriptor, into: buffer, at: offset) else {
            _ = readError.compareExchange(expected: 0, desired: errno, ordering: .relaxed)
            return 0
        }
        return buffer.count
    }

    /// An error when some HTML could not be read back: pages were written without it.
    var problems: [Diagnostic] {
        let code = readError.load(ordering: .relaxed)
        guard code != 0 else { return [] }
        return [.error(nil, "could not read the posts' text back from the build's temporary file: \(String(cString: strerror(code)))",
            hint: "check the disk that holds the output folder, then build again")]
    }
}
