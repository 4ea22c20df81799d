import Foundation
import Testing

@testable import Broadside

/// The stamp of a large folder tells every change below it.
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
}
