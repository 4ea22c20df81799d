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
/// A theme page's inputs (`PageInputs`) are kept beside: when they are the same, the page's
/// values are not even made, and its digest is carried over. The build record keeps the SHA-256 of this file, so a file from another build, cut short or
/// edited, is not trusted (every file is made then); deleting it is always safe.
struct PageDigests: Sendable {
    static let path = CacheFolder.name + "/pages"
    private static let header = Array("broadside pages 2\n".utf8)

    private(set) var byPath: [String: PageDigest] = [:]
    /// What each theme page was made from (`PageInputs`), by its path.
    private(set) var inputsByPath: [String: PageDigest] = [:]
    /// What every page was made from but the posts (`PageInputs.shape`); nil when the build had none.
    private(set) var site: PageDigest?

    subscript(path: String) -> PageDigest? { byPath[path] }

    func inputs(_ path: String) -> PageDigest? { inputsByPath[path] }

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
        var offset = header.count + 17
        func word(_ at: Int) -> UInt64 { UInt64(littleEndian: bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: at, as: UInt64.self) }) }
        guard offset <= bytes.count, bytes[header.count] < 2 else { return nil }
        if bytes[header.count] == 1 { digests.site = PageDigest(high: word(header.count + 1), low: word(header.count + 9)) }
        while offset < bytes.count {
            guard let end = bytes[offset...].firstIndex(of: 0), end + 18 <= bytes.count, bytes[end + 1] < 2 else { return nil }
            let hasInputs = bytes[end + 1] == 1
            let next = end + 18 + (hasInputs ? 16 : 0)
            guard next <= bytes.count else { return nil }
            let path = String(decoding: bytes[offset..<end], as: UTF8.self)
            digests.byPath[path] = PageDigest(high: word(end + 2), low: word(end + 10))
            if hasInputs { digests.inputsByPath[path] = PageDigest(high: word(end + 18), low: word(end + 26)) }
            offset = next
        }
        return digests
    }

    /// Writes `paths[i]`'s digest for every page that has one, in the plan's order; the file's
    /// SHA-256 for the build record, or nil when the cache cannot be written.
    static func save(site: URL, paths: [String], digests: PageDigestSlots, inputs: PageDigest?) -> String? {
        // Made to its size and written from where it is: grown and then copied, it took about
        // twice its 15 MB where a build of 100,000 posts ends, at its peak.
        var size = header.count + 17
        for (index, path) in paths.enumerated() where digests[index] != nil {
            size += path.utf8.count + 18 + (digests.inputs(index) == nil ? 0 : 16)
        }
        var bytes = header
        bytes.reserveCapacity(size)
        func add(_ digest: PageDigest) {
            withUnsafeBytes(of: digest.high.littleEndian) { bytes += $0 }
            withUnsafeBytes(of: digest.low.littleEndian) { bytes += $0 }
        }
        bytes.append(inputs == nil ? 0 : 1)
        add(inputs ?? PageDigest(high: 0, low: 0))
        for (index, path) in paths.enumerated() {
            guard let digest = digests[index] else { continue }
            let inputs = digests.inputs(index)
            bytes += path.utf8
            bytes += [0, inputs == nil ? 0 : 1]
            add(digest)
            if let inputs { add(inputs) }
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
    /// A theme page's inputs (`PageInputs`), when the build had them.
    private let inputSlots: UnsafeMutableBufferPointer<PageDigest?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
        inputSlots = .allocate(capacity: count)
        inputSlots.initialize(repeating: nil)
    }

    deinit {
        slots.deallocate()
        inputSlots.deallocate()
    }

    subscript(index: Int) -> PageDigest? {
        get { slots[index] }
        set { slots[index] = newValue }
    }

    func inputs(_ index: Int) -> PageDigest? { inputSlots[index] }

    func setInputs(_ index: Int, _ inputs: PageDigest?) { inputSlots[index] = inputs }
}
