import CImage
import Foundation

/// `.broadside-publish-changes.json`: what Broadside put on the host since the manifest was last
/// written whole, so a publish sends a few kilobytes of record instead of the whole manifest
/// (about 130 bytes a file: 2.6 MB for a 10,000-post site, at every checkpoint). Once the
/// changes pass `compactAt` entries the manifest is written whole again and the changes emptied.
///
/// The changes name the SHA-256 of the manifest bytes they apply to. Changes that name other
/// bytes are older than the manifest (a publish stopped between writing the one and the other)
/// and are left unread: the manifest is then the whole record. The same digest lets a publish
/// use its local copy of the manifest instead of downloading it.
public struct PublishChanges: PublishRecordFile, Equatable, Sendable {
    public static let fileName = ".broadside-publish-changes.json"

    public var version = 1
    /// SHA-256 of the manifest's bytes, "" when the host has none.
    public var base: String
    public var files: [String: PublishManifest.Entry] = [:]
    public var deleted: [String] = []

    public var count: Int { files.count + deleted.count }

    /// What makes `record` of `manifest`.
    public init(from manifest: PublishManifest, to record: PublishManifest, base: String) {
        self.base = base
        files = record.files.filter { manifest.files[$0.key] != $0.value }
        deleted = manifest.files.keys.filter { record.files[$0] == nil }.sorted()
    }

    public func applied(to manifest: PublishManifest) -> PublishManifest {
        var record = manifest
        for path in deleted { record.files[path] = nil }
        record.files.merge(files) { $1 }
        return record
    }

    /// Written whole again past a sixteenth of the manifest, and never for fewer than 1,000
    /// files: a daily post's publish sends a small file, a first publish of 20,000 files a few
    /// dozen manifests, not one per checkpoint.
    public static func compactAt(_ manifest: PublishManifest) -> Int { max(1_000, manifest.files.count / 16) }

    /// The digest `base` names.
    public static func digest(_ data: Data) -> String {
        var hex = [CChar](repeating: 0, count: 65)
        data.withUnsafeBytes { bs_sha256($0.baseAddress, $0.count, &hex) }
        return String(decoding: hex.prefix(64).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
