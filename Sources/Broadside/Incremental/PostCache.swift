import CCmark
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `.broadside-cache/posts`: each post as a build parsed it, so that a rebuild parses only the
/// posts whose files changed (parsing was 2 of the 5 s an edit's rebuild took at 10,000 posts).
/// A post is found by a digest of its path and bytes (`ValueDigest`, 128 bits; glib's SHA-256
/// of them took a tenth of a clean build's loading); the file holds for one `key` (the
/// program, `site.yml`, the base URL, the theme's languages) and is started afresh under another.
/// Only a post that depends on nothing but its own file is kept: one in a folder of its own,
/// or naming attachments or a featured image, is parsed every time, as files beside it may have
/// changed. Whether a post is published (drafts, the build's now) is decided on every build.
///
/// Records are only ever appended, so the posts of a build can keep reading their HTML from
/// the file while another build appends; the file is written anew (and renamed in place) when
/// it is started or when most of it is records no post has any more. One build at a time
/// appends (a lock on the file); a build that finds it locked parses every post. A record whose
/// check sums fail is parsed again; deleting the file is always safe.
final class PostCache: Sendable {
    static let path = ".broadside-cache/posts"
    private static let magic = Array("broadside posts 6\n".utf8)
    /// A record: the digest in hex, the lengths of the post's encoding and of its HTML, the
    /// encoding's CRC-32 and the HTML's digest (`PageInputs.text(of:)`), then both. The HTML's
    /// digest checks it as a CRC would, and is the one the pages' inputs and the search index
    /// take: an unchanged post's HTML is not read again to digest it (about 35 ms of an edit's
    /// CPU at 10,000 posts).
    private static let digestSize = 32
    private static let headerSize = digestSize + 3 * 4 + 16

    private struct Record: Sendable {
        var offset: Int
        var length: Int
    }

    private let file: String
    private let header: [UInt8]
    /// The file, open for reading and appending; posts read their HTML from it.
    private let store: HTMLSpill
    /// The records in the file when the build began, by digest (the last of a digest's).
    private let records: [String: Record]
    private let start: Int
    private let hits = Atomic<Int>(0)
    private let failed = Atomic<Bool>(false)

    /// nil when the cache cannot be written, or another build is using it: every post is then
    /// parsed. A cache folder that is a link (a site's repository could hold one) is not used:
    /// nothing is written outside the site, nor through a link.
    init?(site: URL, key: String, spill: HTMLSpill) {
        file = site.appendingPathComponent(Self.path).path
        header = Self.magic + Array((key + "\n").utf8)
        guard CacheFolder.isWritable(holding: file), var descriptor = Self.openLocked(file) else { return nil }
        var records = Self.index(descriptor, header: header)
        if records == nil {
            // Another key, another version, or not a cache: started afresh.
            close(descriptor)
            guard Self.replace(file, with: [header], from: -1), let fresh = Self.openLocked(file) else { return nil }
            descriptor = fresh
            records = [:]
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            close(descriptor)
            return nil
        }
        self.records = records ?? [:]
        start = Int(info.st_size)
        store = HTMLSpill(descriptor: descriptor, end: start, others: spill)
    }

    /// What the key of a cache is made of: everything a post's parse reads besides its file,
    /// cmark's version among it (Debian's shared library, which an upgrade replaces).
    static func key(site: URL, baseURL: String?, rootPath: String, languages: [String]) -> String {
        let settings = FileManager.default.contents(atPath: site.appendingPathComponent(SiteConfig.fileName).path) ?? Data()
        let parts = [BuildRecord.program(), String(cString: cmark_version_string()), ImageCodec.sha256(settings), baseURL ?? "-", rootPath,
                     languages.joined(separator: " ")]
        return ImageCodec.sha256(Array(parts.joined(separator: "\n").utf8))
    }

    /// Which record a post's file would have: its path below the site and its bytes.
    static func digest(of file: String, bytes: Data) -> String {
        var digest = ValueDigest()
        digest.add(file)
        bytes.withUnsafeBytes { digest.add($0) }
        return digest.digest.hex
    }

    /// How many posts were taken from the cache.
    var postsFound: Int { hits.load(ordering: .relaxed) }

    /// An error when a post's HTML could not be read back from the file.
    var problems: [Diagnostic] { store.problems }

    /// The post a build parsed from the same path and bytes, its HTML read from the cache when
    /// it is needed, and what was said of it, if it is `published`; nil when there is none (or
    /// its record is damaged).
    func post(_ digest: String, if published: (Post) -> Bool) -> (post: Post, diagnostics: [Diagnostic], fields: PageDigest?, text: PageDigest)? {
        guard let record = records[digest] else { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: record.length) { buffer in
            guard HTMLSpill.read(store.fileDescriptor, into: buffer, at: record.offset),
                let (encoded, html, text) = Self.parts(UnsafeBufferPointer(buffer), digest: digest),
                var entry = try? PostRecord.decode(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: buffer[encoded])))
            else { return nil }
            guard published(entry.post) else { return nil }
            entry.post.body = PostHTML.spilled(in: store, offset: record.offset + html.lowerBound, count: html.count)
            hits.add(1, ordering: .relaxed)
            return (entry.post, entry.diagnostics, entry.fields, text)
        }
    }

    /// Keeps a post just parsed (its HTML not yet spilled), when it depends on its file alone;
    /// its HTML as kept here, read from the cache when it is needed (the build's spill then
    /// need not hold it too: a clean build writes each post's HTML once), and its digest.
    func keep(_ post: Post, diagnostics: [Diagnostic], fields: PageDigest?, digest: String, inFolder: Bool) -> (html: PostHTML, text: PageDigest)? {
        guard !inFolder, post.resources == PostResources(), !post.body.isSpilled,
            let encoded = try? PostRecord.encode(Entry(post: post, diagnostics: diagnostics, fields: fields))
        else { return nil }
        return post.body.withBytes { html in
            var record = Array(digest.utf8)
            for number in [encoded.count, html.count, Int(RecordBytes.checksum(encoded))] {
                record += RecordBytes.bytes(UInt32(truncatingIfNeeded: number))
            }
            let text = PageInputs.text(UnsafeRawBufferPointer(html))
            record += RecordBytes.bytes(text)
            record += encoded
            record += html
            guard let offset = record.withUnsafeBufferPointer({ store.write($0) }) else {
                failed.store(true, ordering: .relaxed)
                return nil
            }
            return (PostHTML.spilled(in: store, offset: offset + record.count - html.count, count: html.count), text)
        }
    }

    /// Once every post is loaded: a file a write failed in is dropped; one where most records
    /// belong to no post of `digests` (edited and deleted posts) is written anew without them.
    func finish(keeping digests: Set<String>) {
        guard !failed.load(ordering: .relaxed) else {
            unlink(file)
            return
        }
        let kept = records.filter { digests.contains($0.key) }.values.sorted { $0.offset < $1.offset }
        let live = kept.reduce(0) { $0 + $1.length } + store.size - start
        guard store.size - header.count > 2 * live + 1_000_000 else { return }
        let pieces = kept.map { ($0.offset, $0.length) } + [(start, store.size - start)]
        _ = Self.replace(file, with: [header], copying: pieces, from: store.fileDescriptor)
    }

    struct Entry: Codable {
        var post: Post
        var diagnostics: [Diagnostic]
        /// `post.fieldsDigest`, taken once as the post was parsed (`PageInputs`).
        var fields: PageDigest? = nil
    }

    /// The file open for reading and writing, locked for this build; nil when another has it,
    /// or it is a link.
    private static func openLocked(_ file: String) -> Int32? {
        let descriptor = open(file, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            return nil
        }
        return descriptor
    }

    /// Writes `file` anew, through a file beside it renamed in place: `prefix`, then the
    /// `pieces` (offset, length) of `source`.
    private static func replace(_ file: String, with prefix: [[UInt8]], copying pieces: [(Int, Int)] = [], from source: Int32) -> Bool {
        let temporary = "\(file).tmp-\(getpid())"
        // Made here, never opened through what was there (a stopped build's, or a link).
        unlink(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        var written = true
        var offset = 0
        for bytes in prefix where written {
            written = bytes.withUnsafeBufferPointer { HTMLSpill.write($0, to: descriptor, at: offset) }
            offset += bytes.count
        }
        for (start, length) in pieces where written && length > 0 {
            written = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length) { buffer in
                HTMLSpill.read(source, into: buffer, at: start) && HTMLSpill.write(UnsafeBufferPointer(buffer), to: descriptor, at: offset)
            }
            offset += length
        }
        close(descriptor)
        guard written, rename(temporary, file) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    /// Every whole record of the file, by digest; nil when it is not a cache of this key.
    private static func index(_ descriptor: Int32, header: [UInt8]) -> [String: Record]? {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        let size = Int(info.st_size)
        var start = [UInt8](repeating: 0, count: header.count)
        guard start.withUnsafeMutableBufferPointer({ HTMLSpill.read(descriptor, into: $0, at: 0) }), start == header else { return nil }
        var records: [String: Record] = [:]
        var offset = header.count
        var head = [UInt8](repeating: 0, count: headerSize)
        while offset + headerSize <= size, head.withUnsafeMutableBufferPointer({ HTMLSpill.read(descriptor, into: $0, at: offset) }) {
            let length = headerSize + Int(RecordBytes.number(head, at: digestSize)) + Int(RecordBytes.number(head, at: digestSize + 4))
            guard offset + length <= size else { break }
            records[String(decoding: head[..<digestSize], as: UTF8.self)] = Record(offset: offset, length: length)
            offset += length
        }
        return records
    }

    /// Where the post's encoding and its HTML are in a record, and the HTML's digest, when it
    /// is the one asked for and whole.
    private static func parts(_ record: UnsafeBufferPointer<UInt8>, digest: String) -> (Range<Int>, Range<Int>, PageDigest)? {
        guard record.count >= headerSize, String(decoding: record[..<digestSize], as: UTF8.self) == digest else { return nil }
        let header = Array(record[..<headerSize])
        let encoded = headerSize..<headerSize + Int(RecordBytes.number(header, at: digestSize))
        let html = encoded.upperBound..<encoded.upperBound + Int(RecordBytes.number(header, at: digestSize + 4))
        guard html.upperBound == record.count,
            RecordBytes.checksum(UnsafeBufferPointer(rebasing: record[encoded])) == RecordBytes.number(header, at: digestSize + 8)
        else { return nil }
        let text = PageInputs.text(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(record)[html]))
        guard RecordBytes.bytes(text) == Array(header[(digestSize + 12)...]) else { return nil }
        return (encoded, html, text)
    }
}
