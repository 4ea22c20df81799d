import Foundation
import Testing

@testable import Broadside

#if canImport(Glibc)
import Glibc
#endif

/// A rebuild into the output the last build left untouched moves only its changed files into
/// that very folder (no copy of the site is made and swapped in), and leaves what a clean
/// build of the same inputs leaves, byte for byte.
@Suite struct SiteUpdateTests {
    func site() throws -> TemporarySite {
        try TemporarySite(files: [
            "site.yml": "title: \"Updated\"\nbase_url: \"https://example.org/\"\n",
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01\ncategories: [Legal aid]"),
            "content/posts/b.md": post("title: \"B\"\ndate: 2026-10-02\ntags: [vigil]"),
            "static/notes": "a file that becomes a folder",
        ])
    }

    /// Waits until the site's files are older than what the build record can tell apart.
    func settle() { Thread.sleep(forTimeInterval: 0.05) }

    func inode(_ url: URL) -> UInt64? {
        var info = stat()
        return lstat(url.path, &info) == 0 ? UInt64(info.st_ino) : nil
    }

    /// What a clean build of the site's inputs, into a folder of its own, holds.
    func cleanBuild(of site: TemporarySite) throws -> [String: Data] {
        var options = site.options()
        options.output = site.root.appendingPathComponent("clean")
        defer { try? FileManager.default.removeItem(at: options.output) }
        _ = try Build.run(options)
        return try tree(options.output)
    }

    func leftovers(_ site: TemporarySite) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { Leftovers.isLeftover($0, of: site.output.path) }
    }

    @Test func anEditedPostChangesItsFilesInTheSameFolders() throws {
        let site = try site()
        defer { site.remove() }
        settle()
        try site.build()
        let folder = site.output.appendingPathComponent("categories/legal-aid")
        let (root, list, page) = (inode(site.output), inode(folder), inode(folder.appendingPathComponent("index.html")))

        try site.write("content/posts/b.md", post("title: \"B\"\ndate: 2026-10-02\ntags: [vigil]", body: "Other words."))
        settle()
        try site.build()
        #expect(try site.read("posts/b/index.html").contains("<p>Other words.</p>"))
        // The same output folder and list folder, and the list's page that did not change.
        #expect(inode(site.output) == root && inode(folder) == list && inode(folder.appendingPathComponent("index.html")) == page)
        #expect(try tree(site.output) == cleanBuild(of: site))
        #expect(try leftovers(site).isEmpty)
    }

    @Test func aDeletedPostLeavesNoFolderAndAFileMayBecomeAFolder() throws {
        let site = try site()
        defer { site.remove() }
        settle()
        try site.build()
        let root = inode(site.output)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/posts/b.md"))
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("static/notes"))
        try site.write("static/notes/today.txt", "now a folder")
        settle()
        try site.build()
        #expect(inode(site.output) == root)
        #expect(!site.exists("posts/b") && !site.exists("tags/vigil") && site.exists("posts/a/index.html"))
        #expect(try site.read("notes/today.txt") == "now a folder")
        #expect(try tree(site.output) == cleanBuild(of: site))
        #expect(try Manifest.read(in: site.output.path) == Set(cleanBuild(of: site).keys).subtracting([Manifest.fileName]))
    }

    /// `.git` (a deploy repository) and `.htaccess` are the user's, carried by every build.
    @Test func theUsersDotfilesStayAsTheyWere() throws {
        let site = try site()
        defer { site.remove() }
        settle()
        try site.build()
        try site.write("site/.git/HEAD", "ref: refs/heads/main\n")
        try site.write("site/.htaccess", "Options -Indexes\n")
        // The output was touched: this build swaps a new site in, carrying both.
        settle()
        try site.build()
        let root = inode(site.output)
        try site.write("content/posts/a.md", post("title: \"A, edited\"\ndate: 2026-10-01\ncategories: [Legal aid]"))
        settle()
        try site.build()
        #expect(inode(site.output) == root)
        #expect(try site.read(".git/HEAD") == "ref: refs/heads/main\n" && site.read(".htaccess") == "Options -Indexes\n")
        #expect(try site.read("posts/a/index.html").contains("A, edited"))
    }

    /// A file added to the output by hand is not the last build's: the build says so, as any
    /// build into a folder holding files it did not write, and changes nothing.
    @Test func aFileAddedByHandStopsTheBuildAsBefore() throws {
        let site = try site()
        defer { site.remove() }
        settle()
        try site.build()
        try site.write("site/posts/mine.html", "mine")
        try site.write("content/posts/a.md", post("title: \"A, edited\"\ndate: 2026-10-01\ncategories: [Legal aid]"))
        settle()
        let before = try tree(site.output)
        let messages = site.failure().map(\.message)
        #expect(messages.contains { $0.contains("holds files that Broadside did not write") && $0.contains("posts/mine.html") })
        #expect(try tree(site.output) == before && leftovers(site).isEmpty)
    }

    /// Stopped while moving files: one page new, the rest old, its staging folder beside the
    /// output. The next build takes nothing of that for the record's and replaces the site whole.
    @Test func aBuildStoppedWhileMovingIsReplacedWholeByTheNext() throws {
        let site = try site()
        defer { site.remove() }
        settle()
        try site.build()
        let root = inode(site.output)
        try site.write("site/posts/a/index.html", "a page the stopped build moved in")
        try site.write(".site.tmp-999999/7", "a page it did not")
        settle()
        try site.build()
        #expect(inode(site.output) != root)
        #expect(try tree(site.output) == cleanBuild(of: site) && leftovers(site).isEmpty)
    }
}
