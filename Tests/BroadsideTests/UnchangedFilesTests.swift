import Foundation
import Testing

@testable import Broadside

#if canImport(Glibc)
import Glibc
#endif

/// A rebuild keeps the previous site's files whose bytes did not change (same inode, same
/// modification time): a sync or a web server's cache sees only what changed.
@Suite struct UnchangedFilesTests {
    /// Inode of every file of the output.
    func inodes(_ site: TemporarySite) throws -> [String: UInt64] {
        try tree(site.output).keys.reduce(into: [:]) { result, path in
            var info = stat()
            if lstat(site.output.appendingPathComponent(path).path, &info) == 0 { result[path] = UInt64(info.st_ino) }
        }
    }

    @Test func aRebuildKeepsEveryFileWhoseBytesAreTheSame() throws {
        let site = try TemporarySite(files: [
            "site.yml": "title: \"Kept\"\nbase_url: \"https://example.org/\"\n",
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01\ncategories: [Legal aid]"),
            "content/posts/b.md": post("title: \"B\"\ndate: 2026-10-02\ntags: [vigil]"),
            "static/report.pdf": String(repeating: "%PDF-1.4 bytes ", count: 10_000),
        ])
        defer { site.remove() }
        try site.build()
        let first = try inodes(site)
        let bytes = try tree(site.output)

        try site.build()
        #expect(try tree(site.output) == bytes)
        let second = try inodes(site)
        let rewritten = first.keys.filter { $0 != Manifest.fileName && second[$0] != first[$0] }.sorted()
        #expect(rewritten.isEmpty, "rewritten with the same bytes: \(rewritten)")

        // A changed body: its page and what carries its text change; its category's page does not.
        try site.write("content/posts/b.md", post("title: \"B\"\ndate: 2026-10-02\ntags: [vigil]", body: "Other words."))
        try site.build()
        let third = try inodes(site)
        #expect(third["posts/b/index.html"] != second["posts/b/index.html"] && third["feed.xml"] != second["feed.xml"])
        #expect(third["categories/legal-aid/index.html"] == second["categories/legal-aid/index.html"])
        #expect(third["posts/a/index.html"] == second["posts/a/index.html"] && third["report.pdf"] == second["report.pdf"])
        #expect(try site.read("posts/b/index.html").contains("Other words."))
    }

    /// A link in the previous site is never kept (it would point the new site elsewhere).
    @Test func aLinkInThePreviousSiteIsReplacedByAFile() throws {
        let site = try TemporarySite(files: [
            "site.yml": "title: \"Kept\"\n",
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01"),
        ])
        defer { site.remove() }
        try site.build()
        let page = site.output.appendingPathComponent("posts/a/index.html")
        let elsewhere = site.root.appendingPathComponent("elsewhere.html")
        try FileManager.default.copyItem(at: page, to: elsewhere)
        try FileManager.default.removeItem(at: page)
        try FileManager.default.createSymbolicLink(at: page, withDestinationURL: elsewhere)
        try site.build()
        var info = stat()
        #expect(lstat(page.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG)
    }
}
