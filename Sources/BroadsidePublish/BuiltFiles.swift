import Broadside
import CImage
import Foundation

/// The manifest of a built folder: the files its `.broadside-manifest` lists (what the build
/// wrote), each hashed by streaming.
public enum BuiltFiles {
    /// `digests`: the site's `BuiltDigests` file, whose unchanged files are not hashed again
    /// (and which is written afresh); nil hashes every file. `now`, in seconds since 1970: what
    /// the record calls too recent to keep (a test passes a later one).
    public static func manifest(of folder: URL, digests: URL? = nil, now: Int64 = Int64(time(nil))) -> Result<PublishManifest, BuildFailure> {
        guard let paths = Manifest.read(in: folder.path) else {
            return .failure(BuildFailure([.error(nil, "\(folder.path) is not a folder Broadside built.", hint: "Run broadside build first.")]))
        }
        let listed = paths.filter { $0 != PublishManifest.fileName && $0 != PublishChanges.fileName }.sorted()
        let known = digests.map { BuiltDigests.load($0, folder: folder.path) } ?? BuiltDigests(folder: folder.path)
        // On every core: hashing the 460 MB of a 10,000-post site took 2.3 s on one.
        let entries = parallelMap(listed) { path -> (entry: BuiltDigests.Entry, kept: Bool)? in
            let full = folder.appendingPathComponent(path).path
            guard let before = BuiltDigests.stamp(full) else { return nil }
            if let entry = known.entries[path], entry.stamp == before { return (entry, true) }
            var hex = [CChar](repeating: 0, count: 65)
            guard bs_sha256_file(full, &hex) == 0 else { return nil }
            let sha256 = String(decoding: hex.prefix(64).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            // A file that changed while it was read is hashed again next time.
            return (BuiltDigests.Entry(stamp: before, sha256: sha256), BuiltDigests.stamp(full) == before)
        }
        var files: [String: PublishManifest.Entry] = [:]
        var record = BuiltDigests(folder: folder.path)
        for (path, hashed) in zip(listed, entries) {
            guard let (entry, kept) = hashed else {
                let full = folder.appendingPathComponent(path).path
                return .failure(BuildFailure([.error(nil, "Cannot read \(full).", hint: "Run broadside build again.")]))
            }
            files[path] = .init(size: Int(entry.stamp.size), sha256: entry.sha256)
            if kept { record.entries[path] = entry }
        }
        if let digests { record.save(digests, now: now) }
        return .success(PublishManifest(files: files))
    }
}
