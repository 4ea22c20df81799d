import Foundation
import Testing

@testable import Broadside
@testable import BroadsidePublish

/// A publish hashes only the built files whose stamps changed since the last one hashed them.
@Suite struct BuiltDigestsTests {
    static let shaOfA = "559aead08264d5795d3909718cdd05abd49572e84fe55590eef31a88a08fdffd"
    static let zeros = String(repeating: "0", count: 64)

    /// A built folder holding `a.txt` ("A") and `posts/b.txt`, with its manifest, and where the record goes.
    func folder() throws -> (root: URL, built: URL, record: URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("broadside-digests-\(UUID().uuidString)")
        let built = root.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: built.appendingPathComponent("posts"), withIntermediateDirectories: true)
        try Data("A".utf8).write(to: built.appendingPathComponent("a.txt"))
        try Data("B".utf8).write(to: built.appendingPathComponent("posts/b.txt"))
        try Data(Manifest.text(of: ["a.txt", "posts/b.txt"]).utf8).write(to: built.appendingPathComponent(Manifest.fileName))
        return (root, built, root.appendingPathComponent(BuiltDigests.fileName))
    }

    func sha(_ built: URL, _ record: URL, _ path: String, now: Int64) throws -> String? {
        try BuiltFiles.manifest(of: built, digests: record, now: now).get().files[path]?.sha256
    }

    @Test func aFileWithTheSameStampsIsNotHashedAgain() throws {
        let (root, built, record) = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let later = Int64(time(nil)) + 10
        #expect(try sha(built, record, "a.txt", now: later) == Self.shaOfA)
        // The record is what the next publish goes by while the stamps are the same: a digest
        // put in it by hand is what it reads.
        var digests = BuiltDigests.load(record, folder: built.path)
        #expect(digests.entries.keys.sorted() == ["a.txt", "posts/b.txt"])
        digests.entries["a.txt"]?.sha256 = Self.zeros
        digests.save(record, now: later)
        #expect(try sha(built, record, "a.txt", now: later) == Self.zeros)
        // Written again, even with the same bytes, the file has other stamps: hashed again.
        try Data("A".utf8).write(to: built.appendingPathComponent("a.txt"))
        #expect(try sha(built, record, "a.txt", now: later) == Self.shaOfA)
    }

    @Test func aRecordOfAnotherFolderOrDamagedOrTooRecentIsNotUsed() throws {
        let (root, built, record) = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let later = Int64(time(nil)) + 10
        var digests = BuiltDigests.load(record, folder: built.path)
        #expect(digests.entries.isEmpty)
        _ = try sha(built, record, "a.txt", now: later)
        digests = BuiltDigests.load(record, folder: built.path)
        digests.entries["a.txt"]?.sha256 = Self.zeros
        digests.save(record, now: later)
        #expect(BuiltDigests.load(record, folder: root.path).entries.isEmpty)
        // Cut short: nothing of it is trusted.
        let bytes = try Data(contentsOf: record)
        try bytes.prefix(bytes.count - 5).write(to: record)
        #expect(BuiltDigests.load(record, folder: built.path).entries.isEmpty)
        #expect(try sha(built, record, "a.txt", now: later) == Self.shaOfA)
        // Files stamped within two seconds of the record are hashed again next time.
        _ = try sha(built, record, "a.txt", now: Int64(time(nil)))
        #expect(BuiltDigests.load(record, folder: built.path).entries.isEmpty)
    }
}
