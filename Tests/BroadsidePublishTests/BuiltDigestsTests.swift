import Foundation
import Testing

@testable import Broadside
@testable import BroadsidePublish

/// A publish hashes only the built files whose stamps changed since the last one hashed them
/// (`FileDigests.builtFiles`, the same record the image stage keeps of its sources).
@Suite struct BuiltDigestsTests {
    static let shaOfA = "559aead08264d5795d3909718cdd05abd49572e84fe55590eef31a88a08fdffd"
    static let zeros = String(repeating: "0", count: 64)

    /// A site whose built folder holds `a.txt` ("A") and `posts/b.txt`, with its manifest.
    func folder() throws -> (root: URL, built: URL, record: URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("broadside-digests-\(UUID().uuidString)")
        let built = root.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: built.appendingPathComponent("posts"), withIntermediateDirectories: true)
        try Data("A".utf8).write(to: built.appendingPathComponent("a.txt"))
        try Data("B".utf8).write(to: built.appendingPathComponent("posts/b.txt"))
        try Data(Manifest.text(of: ["a.txt", "posts/b.txt"]).utf8).write(to: built.appendingPathComponent(Manifest.fileName))
        return (root, built, root.appendingPathComponent(FileDigests.builtFiles))
    }

    /// Ten seconds from now: every file is old enough to be remembered.
    var later: Int { (Int(time(nil)) + 10) * 1_000_000_000 }

    func sha(_ root: URL, _ built: URL, _ path: String, now: Int?) throws -> String? {
        try BuiltFiles.manifest(of: built, site: root, now: now).get().files[path]?.sha256
    }

    @Test func aFileWithTheSameStampsIsNotHashedAgain() throws {
        let (root, built, record) = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try sha(root, built, "a.txt", now: later) == Self.shaOfA)
        let lines = try String(contentsOf: record, encoding: .utf8).split(separator: "\n")
        #expect(lines.map { $0.split(separator: "\t").last.map(String.init) } == ["a.txt", "posts/b.txt"].map { built.path + "/" + $0 })
        // The record is what the next publish goes by while the stamps are the same: a digest
        // put in it by hand is what it reads.
        try String(contentsOf: record, encoding: .utf8).replacingOccurrences(of: Self.shaOfA, with: Self.zeros)
            .write(to: record, atomically: true, encoding: .utf8)
        #expect(try sha(root, built, "a.txt", now: later) == Self.zeros)
        // Written again, even with the same bytes, the file has other stamps: hashed again.
        try Data("A".utf8).write(to: built.appendingPathComponent("a.txt"))
        #expect(try sha(root, built, "a.txt", now: later) == Self.shaOfA)
    }

    @Test func aDamagedOrTooRecentRecordIsNotUsed() throws {
        let (root, built, record) = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try sha(root, built, "a.txt", now: later)
        let text = try String(contentsOf: record, encoding: .utf8).replacingOccurrences(of: Self.shaOfA, with: Self.zeros)
        // A line cut short is not read: the file is hashed again.
        try String(text.dropFirst(3)).write(to: record, atomically: true, encoding: .utf8)
        #expect(try sha(root, built, "a.txt", now: later) == Self.shaOfA)
        // Files stamped within two seconds of the record are not remembered.
        _ = try sha(root, built, "a.txt", now: nil)
        #expect(try String(contentsOf: record, encoding: .utf8).isEmpty)
        #expect(try sha(root, built, "a.txt", now: nil) == Self.shaOfA)
        // Without a site, every file is hashed and nothing kept.
        #expect(try BuiltFiles.manifest(of: built).get().files["posts/b.txt"]?.size == 1)
    }
}

/// A publish keeps its record of the host in `.broadside-cache/`: never through a link there.
@Suite struct PublishCacheLinkTests {
    @Test func aLinkedCacheFolderStopsThePublishBeforeItConnects() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("publish-link-\(UUID().uuidString)")
        let outside = root.appendingPathComponent("outside")
        defer { try? FileManager.default.removeItem(at: root) }
        let site = root.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("public"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: site.appendingPathComponent(".broadside-cache").path, withDestinationPath: outside.path)
        let settings = PublishSettings(transport: .sftp, host: "127.0.0.1", port: 1, user: "u", folder: "www")
        let publisher = Publisher(settings: settings, secrets: Secrets.fromEnvironment(["HOME": root.path]), site: site,
            built: site.appendingPathComponent("public"))
        do throws(BuildFailure) {
            _ = try publisher.plan()
            Issue.record("the publish planned through a link")
        } catch {
            #expect(error.diagnostics.first?.message == "\(site.path)/.broadside-cache is a link: publish keeps its record of the host there, and does not write through a link (it could lead out of the site)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
    }
}
