import Foundation

/// `.broadside-publish.json`: what Broadside put on the host, by path, with size and SHA-256.
/// Publishing decides from it, never from a listing of the host (some FTP servers list only
/// the first 2,000 files of a folder), and only what it lists is ever deleted.
public struct PublishManifest: PublishRecordFile, Equatable, Sendable {
    public struct Entry: Codable, Equatable, Sendable {
        public var size: Int
        public var sha256: String

        public init(size: Int, sha256: String) {
            self.size = size
            self.sha256 = sha256
        }
    }

    public static let fileName = ".broadside-publish.json"

    public var version = 1
    public var files: [String: Entry]

    public init(files: [String: Entry] = [:]) {
        self.files = files
    }
}

/// A file of the publish record on the host: JSON of one version.
public protocol PublishRecordFile: Codable {
    var version: Int { get }
}

extension PublishRecordFile {
    /// Sorted keys, so two records of the same files are the same bytes; on one line, as the
    /// manifest is sent whole now and then (3 MB for 21,000 files, a sixth less than indented).
    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data()
    }

    /// nil for bytes that are not a record of this version (then nothing on the host is Broadside's).
    public static func decode(_ data: Data) -> Self? {
        guard let record = try? JSONDecoder().decode(Self.self, from: data), record.version == 1 else { return nil }
        return record
    }
}
