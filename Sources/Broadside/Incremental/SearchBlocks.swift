import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `.broadside-cache/search`: the search index's main part as the last build read it, a block
/// of documents at a time (`SearchIndex.Part`), by a digest of all that reading a block
/// depends on (`key`). A rebuild after an edit reads again only the edited post's block: reading
/// every post's words was the largest part of an edit's rebuild at 10,000 posts.
///
/// Each build that uses it writes the file anew beside it (the blocks found copied, the others
/// as just read) and renames it in place once the index is read; it is used only by the build
/// that holds the post cache's lock. A record whose check sum fails, or that does not describe
/// documents of its block, is read again from its documents; deleting the file is always safe.
final class SearchBlocks: @unchecked Sendable {
    static let path = CacheFolder.name + "/search"
    private static let magic = Array("broadside search 1\n".utf8)
    /// A record: its key (16 bytes), the length of the part's encoding and its CRC-32, then it.
    private static let headSize = 16 + 4 + 4

    /// Where a record's encoding is in the last build's file, and its check sum.
    private struct Record {
        var offset: Int
        var length: Int
        var checksum: UInt32
    }

    private let file: String
    private let temporary: String
    /// The last build's file, read from any thread; -1 when there is none.
    private let previous: Int32
    private let records: [PageDigest: Record]
    /// The file being written, by one thread, in the blocks' order; -1 once it failed.
    private var out: Int32
    private var written = 0
    private let hits = Atomic<Int>(0)
    private let misses = Atomic<Int>(0)

    /// nil when the cache folder cannot be written.
    init?(site: URL) {
        file = site.appendingPathComponent(Self.path).path
        temporary = "\(file).tmp-\(getpid())"
        guard CacheFolder.isWritable(holding: file) else { return nil }
        previous = open(file, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        records = previous < 0 ? [:] : Self.index(previous)
        // Made here, never opened through what was there (a stopped build's, or a link).
        unlink(temporary)
        out = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        append(Self.magic)
    }

    deinit {
        if previous >= 0 { close(previous) }
        if out >= 0 {
            close(out)
            unlink(temporary)
        }
    }

    /// What a block's reading depends on besides its documents: the program (its folding, stop
    /// words and encoding) and the stemmer library it runs with, which an upgrade replaces.
    static func setting() -> PageDigest {
        var digest = ValueDigest()
        digest.add(BuildRecord.running)
        digest.add(loadedFile(named: "libstemmer"))
        return digest.digest
    }

    /// The block of `documents` numbered from `first`, whose texts have the digests `texts`.
    static func key(_ documents: ArraySlice<SearchDocument>, texts: [PageDigest], first: Int, setting: PageDigest) -> PageDigest {
        var digest = ValueDigest()
        digest.add(setting)
        digest.add(word: UInt64(first))
        digest.add(word: UInt64(documents.count))
        for (document, text) in zip(documents, texts) {
            digest.add(document.lang)
            digest.add(document.title)
            digest.add(text)
        }
        return digest.digest
    }

    /// The part the block of `documents` with this key was read into, when the last build kept it whole.
    func part(_ key: PageDigest, documents: Range<Int>) -> SearchIndex.Part? {
        let part = records[key].flatMap { record -> SearchIndex.Part? in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: record.length) { buffer in
                guard HTMLSpill.read(previous, into: buffer, at: record.offset), RecordBytes.checksum(UnsafeBufferPointer(buffer)) == record.checksum
                else { return nil }
                return SearchPartCode.decode(UnsafeBufferPointer(buffer), documents: documents)
            }
        }
        if part == nil { misses.add(1, ordering: .relaxed) } else { hits.add(1, ordering: .relaxed) }
        return part
    }

    /// How many blocks were taken from the file, and how many were read from their documents.
    var counts: (found: Int, read: Int) { (hits.load(ordering: .relaxed), misses.load(ordering: .relaxed)) }

    /// Keeps the block with this key, after those kept before: `encoded` when it was read now,
    /// else the last build's record of it. Called by one thread, in the blocks' order.
    func keep(_ key: PageDigest, encoded: [UInt8]?) {
        if let encoded {
            var head: [UInt8] = []
            for word in [key.high, key.low] { withUnsafeBytes(of: word.littleEndian) { head += $0 } }
            head += RecordBytes.bytes(UInt32(truncatingIfNeeded: encoded.count)) + RecordBytes.bytes(RecordBytes.checksum(encoded))
            append(head)
            append(encoded)
        } else if let record = records[key] {
            let copied = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: record.length + Self.headSize) { buffer in
                HTMLSpill.read(previous, into: buffer, at: record.offset - Self.headSize) ? Array(buffer) : nil
            }
            if let copied { append(copied) } else { fail() }
        } else {
            fail()
        }
    }

    /// Puts the file written in place of the last build's.
    func finish() {
        guard out >= 0 else { return }
        close(out)
        out = -1
        if rename(temporary, file) != 0 { unlink(temporary) }
    }

    private func append(_ bytes: [UInt8]) {
        guard out >= 0 else { return }
        if bytes.withUnsafeBufferPointer({ HTMLSpill.write($0, to: out, at: written) }) {
            written += bytes.count
        } else {
            fail()
        }
    }

    /// Leaves the last build's file as it is: a file missing a block would only be read again.
    private func fail() {
        guard out >= 0 else { return }
        close(out)
        out = -1
        unlink(temporary)
    }

    /// Where each whole record's encoding is, by key; none when the file is not a cache of this version.
    private static func index(_ descriptor: Int32) -> [PageDigest: Record] {
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return [:] }
        let size = Int(info.st_size)
        var start = [UInt8](repeating: 0, count: magic.count)
        guard start.withUnsafeMutableBufferPointer({ HTMLSpill.read(descriptor, into: $0, at: 0) }), start == magic else { return [:] }
        var records: [PageDigest: Record] = [:]
        var offset = magic.count
        var head = [UInt8](repeating: 0, count: headSize)
        while offset + headSize <= size, head.withUnsafeMutableBufferPointer({ HTMLSpill.read(descriptor, into: $0, at: offset) }) {
            let length = Int(RecordBytes.number(head, at: 16))
            guard offset + headSize + length <= size else { break }
            let key = PageDigest(high: UInt64(RecordBytes.number(head, at: 0)) | UInt64(RecordBytes.number(head, at: 4)) << 32,
                                 low: UInt64(RecordBytes.number(head, at: 8)) | UInt64(RecordBytes.number(head, at: 12)) << 32)
            records[key] = Record(offset: offset + headSize, length: length, checksum: RecordBytes.number(head, at: 20))
            offset += headSize + length
        }
        return records
    }

    /// The file a shared library named `name` was loaded from, as the file system describes it
    /// (`BuildRecord.program` does the same for Broadside's own); "" where that cannot be told.
    static func loadedFile(named name: String) -> String {
        guard let maps = try? String(contentsOfFile: "/proc/self/maps", encoding: .utf8),
            let line = maps.split(separator: "\n").first(where: { $0.contains("/" + name) }),
            let slash = line.firstIndex(of: "/")
        else { return "" }
        let path = String(line[slash...])
        var info = stat()
        guard stat(path, &info) == 0 else { return path }
        return "\(path) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ino)"
    }
}
