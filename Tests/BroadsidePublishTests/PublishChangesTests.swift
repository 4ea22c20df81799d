import Foundation
import Testing

@testable import BroadsidePublish

/// The host's record is its manifest and the changes since it: a publish sends the changes.
@Suite struct PublishChangesTests {
    let manifest = PublishPlanTests.manifest(["index.html": "a", "old.html": "b", "feed.xml": "c"])
    let record = PublishPlanTests.manifest(["index.html": "A", "feed.xml": "c", "posts/new/index.html": "d"])

    @Test func changesHoldWhatDiffersAndMakeTheRecordAgain() throws {
        let changes = PublishChanges(from: manifest, to: record, base: "digest")
        #expect(changes.files == ["index.html": .init(size: 1, sha256: "A"), "posts/new/index.html": .init(size: 1, sha256: "d")])
        #expect(changes.deleted == ["old.html"] && changes.count == 3)
        #expect(changes.applied(to: manifest) == record)
        let read = try #require(PublishChanges.decode(changes.encoded()))
        #expect(read == changes && read.base == "digest")
        #expect(String(decoding: changes.encoded(), as: UTF8.self).hasPrefix("{\"base\":\"digest\",\"deleted\":[\"old.html\"],\"files\":{"))
    }

    @Test func theManifestIsWrittenWholeOnlyPastASixteenthOrAThousandFiles() {
        #expect(PublishChanges.compactAt(PublishManifest()) == 1_000)
        let big = PublishManifest(files: Dictionary(uniqueKeysWithValues: (0..<32_000).map { ("p\($0).html", PublishManifest.Entry(size: 1, sha256: "x")) }))
        #expect(PublishChanges.compactAt(big) == 2_000)
    }

    @Test func theDigestIsTheManifestBytesSHA256() {
        #expect(PublishChanges.digest(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(PublishChanges.decode(Data("{\"version\":2,\"base\":\"\",\"files\":{},\"deleted\":[]}".utf8)) == nil)
    }
}
