import Foundation
import Testing

@testable import Broadside

/// The stamp of a folder tells every change below it; links are followed as a build reads them
/// (each folder once, however they loop) or stamped as links.
@Suite struct FileStampsTests {
    @Test func everyChangeInALargeFolderChangesTheStamp() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("stamps-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        // 300 post folders, a file in each.
        for index in 0..<300 {
            let folder = root.appendingPathComponent("posts/p\(index)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("post \(index)".utf8).write(to: folder.appendingPathComponent("index.html"))
        }
        let first = try #require(FileStamps.of(root.path, follow: false))
        #expect(FileStamps.of(root.path, follow: false) == first)
        // A file near the end, longer by a byte.
        try Data("post 299!".utf8).write(to: root.appendingPathComponent("posts/p299/index.html"))
        let changed = try #require(FileStamps.of(root.path, follow: false))
        #expect(changed.digest != first.digest)
        // A file added near the start, then removed.
        try Data().write(to: root.appendingPathComponent("posts/p0/extra"))
        let added = try #require(FileStamps.of(root.path, follow: false))
        #expect(added.digest != changed.digest)
        try FileManager.default.removeItem(at: root.appendingPathComponent("posts/p0/extra"))
        #expect(FileStamps.of(root.path, follow: false)?.digest == changed.digest)
        // Entries skipped are left out, wherever they are.
        let skipped = FileStamps.of(root.path, follow: false) { $0 == "posts/p150" }
        #expect(skipped != nil && skipped?.digest != changed.digest)
        try FileManager.default.removeItem(at: root.appendingPathComponent("posts/p150"))
        #expect(FileStamps.of(root.path, follow: false)?.digest == skipped?.digest)
    }

    @Test func aChangeBelowTheFolderOrThroughALinkChangesTheStampsAndALoopEnds() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("stamps-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let site = root.appendingPathComponent("site"), shared = root.appendingPathComponent("shared")
        for folder in [site.appendingPathComponent("content/posts"), shared] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        try "a".write(to: site.appendingPathComponent("content/posts/a.md"), atomically: false, encoding: .utf8)
        try "t".write(to: shared.appendingPathComponent("theme.css"), atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: site.appendingPathComponent("themes").path, withDestinationPath: shared.path)
        // A link back to the folder itself: followed once, then stamped no further.
        try FileManager.default.createSymbolicLink(atPath: site.appendingPathComponent("content/loop").path, withDestinationPath: site.path)
        let followed = try #require(FileStamps.of(site.path, follow: true))
        let linked = try #require(FileStamps.of(site.path, follow: false))
        #expect(followed != linked)
        #expect(FileStamps.of(site.path, follow: true) == followed)

        // Through the link: seen when links are followed, not when they are stamped as links.
        try "changed".write(to: shared.appendingPathComponent("theme.css"), atomically: false, encoding: .utf8)
        #expect(FileStamps.of(site.path, follow: true)?.digest != followed.digest)
        #expect(FileStamps.of(site.path, follow: false)?.digest == linked.digest)

        // A file added below: seen either way, unless its path is skipped.
        let before = try #require(FileStamps.of(site.path, follow: false))
        try "b".write(to: site.appendingPathComponent("content/posts/b.md"), atomically: false, encoding: .utf8)
        #expect(FileStamps.of(site.path, follow: false)?.digest != before.digest)
        #expect(FileStamps.of(site.path, follow: false) { $0 == "content/posts/b.md" }?.digest == before.digest)
        #expect(FileStamps.of(root.appendingPathComponent("missing").path, follow: false) == nil)
    }

    /// A folder reached both as itself and through a link is walked as itself, whichever the
    /// kernel lists first: links to folders are walked last.
    @Test func aFolderIsWalkedByItsOwnPathBeforeAnyLinkToIt() throws {
        for holder in ["a", "z"] {
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("stamps-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: root) }
            for folder in [holder, "c"] { try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true) }
            try "f".write(to: root.appendingPathComponent("c/f.md"), atomically: false, encoding: .utf8)
            try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("\(holder)/l").path, withDestinationPath: "../c")
            // Set apart by its own path: it was stamped there, not as `holder/l/f.md`.
            let stamps = try #require(FileStamps.of(root.path, follow: true, apart: { $0 == "c/f.md" }))
            #expect(stamps.others != nil && stamps.others != stamps.digest, "\(holder)")
            let throughLink = try #require(FileStamps.of(root.path, follow: true, apart: { $0 == "\(holder)/l/f.md" }))
            #expect(throughLink.others == throughLink.digest, "\(holder)")
        }
    }
}
