import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `.broadside-cache/pages`: the digest of what each page, feed and search index file of the
/// last build was made from (a page's template set, template and values, `PageRenderer.digest`;
/// a feed's frame and entries, `FeedWriter.digest`; a search file's bytes before gzip), by its
/// path in the output. A rebuild into the output that build left untouched makes a file again
/// only when its digest differs: the live file already holds the bytes the same values make.
/// The build record keeps the SHA-256 of this file, so a file from another build, cut short or
/// edited, is not trusted (every file is made then); deleting it is always safe.
struct PageDigests: Sendable {
    static let path = CacheFolder.name + "/pages"
    private static let header = Array("broadside pages 1\n".utf8)

    private(set) var byPath: [String: PageDigest] = [:]

    subscript(path: String) -> PageDigest? { byPath[path] }

    /// The digests of the recorded build, when the file is the one its record names.
    static func load(site: URL, recorded digest: String) -> PageDigests? {
        // A regular file only: a link in its place (to `/dev/zero`, say) is not read.
        let file = site.appendingPathComponent(path).path
        var info = stat()
        guard !digest.isEmpty, lstat(file, &info) == 0, info.st_mode & S_IFMT == S_IFREG, let data = FileManager.default.contents(atPath: file),
            ImageCodec.sha256(data) == digest
        else { return nil }
        let bytes = [UInt8](data)
        guard bytes.starts(with: header) else { return nil }
        var digests = PageDigests()
        var offset = header.count
        while offset < bytes.count {
            guard let end = bytes[offset...].firstIndex(of: 0), end + 17 <= bytes.count else { return nil }
            let path = String(decoding: bytes[offset..<end], as: UTF8.self)
            let words = bytes.withUnsafeBytes { raw in
                (raw.loadUnaligned(fromByteOffset: end + 1, as: UInt64.self), raw.loadUnaligned(fromByteOffset: end + 9, as: UInt64.self))
            }
            digests.byPath[path] = PageDigest(high: UInt64(littleEndian: words.0), low: UInt64(littleEndian: words.1))
            offset = end + 17
        }
        return digests
    }

    /// Writes `paths[i]`'s digest for every page that has one, in the plan's order; the file's
    /// SHA-256 for the build record, or nil when the cache cannot be written.
    static func save(site: URL, paths: [String], digests: PageDigestSlots) -> String? {
        // Made to its size and written from where it is: grown and then copied, it took about
        // twice its 15 MB where a build of 100,000 posts ends, at its peak.
        var size = header.count
        for (index, path) in paths.enumerated() where digests[index] != nil { size += path.utf8.count + 17 }
        var bytes = header
        bytes.reserveCapacity(size)
        for (index, path) in paths.enumerated() {
            guard let digest = digests[index] else { continue }
            bytes += path.utf8
            bytes.append(0)
            withUnsafeBytes(of: digest.high.littleEndian) { bytes += $0 }
            withUnsafeBytes(of: digest.low.littleEndian) { bytes += $0 }
        }
        let file = site.appendingPathComponent(path).path
        guard CacheFolder.isWritable(holding: file) else { return nil }
        let written = bytes.withUnsafeMutableBytes { buffer in
            (try? Data(bytesNoCopy: buffer.baseAddress!, count: buffer.count, deallocator: .none).write(to: URL(fileURLWithPath: file), options: .atomic)) != nil
        }
        guard written else { return nil }
        return ImageCodec.sha256(bytes)
    }
}

/// One digest per page, filled in by the cores that render them: each slot is written by one
/// worker only, and read once all have finished (as `parallelMap`'s results are).
final class PageDigestSlots: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<PageDigest?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit { slots.deallocate() }

    subscript(index: Int) -> PageDigest? {
        get { slots[index] }
        set { slots[index] = newValue }
    }
}
