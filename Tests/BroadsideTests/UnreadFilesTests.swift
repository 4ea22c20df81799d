import Testing

@testable import Broadside

/// Posts an editor wrote where, or under a name, Broadside does not read: each is named.
@Suite struct UnreadFilesTests {
    let good = post("title: \"A\"\ndate: 2026-10-01")

    @Test func aPostSavedUnderAnotherExtensionIsNamed() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": good,
            "content/posts/b.markdown": good,
            "content/posts/2026/c.MD": good,
            "content/posts/d.md.txt": good,
            "content/posts/photo.jpg": "not text",
        ])
        defer { site.remove() }
        #expect(try site.build().warnings == [
            .warning("content/posts/2026/c.MD", "this file is not read: a post's file name must end in .md", hint: "rename it to c.md"),
            .warning("content/posts/b.markdown", "this file is not read: a post's file name must end in .md", hint: "rename it to b.md"),
            .warning("content/posts/d.md.txt", "this file is not read: a post's file name must end in .md", hint: "rename it to d.md"),
        ])
    }

    @Test func aTextFileBesideAPostFoldersIndexIsThePostsOwn() throws {
        let site = try TemporarySite(files: [
            "content/posts/report/index.md": good,
            "content/posts/report/notes.txt": "Notes for the reader.",
        ])
        defer { site.remove() }
        #expect(try site.build().warnings == [])
    }

    @Test func postsOutsideContentPostsAreNamed() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": good,
            "content/about.md": good,
            "content/post/b.md": good,
            "content/post/c.md": good,
            "content/pages/team.txt": good,
            "content/images/logo.png": "png",
        ])
        defer { site.remove() }
        let reason = "Broadside reads posts from content/posts/ only"
        #expect(try site.build().warnings == [
            .warning("content/about.md", "this file is not read: \(reason)", hint: "move it to content/posts/about.md"),
            .warning("content/pages/team.txt", "this file is not read: \(reason)", hint: "move it to content/posts/team.md"),
            .warning("content/post/b.md", "this file is not read (and 1 more file beside it): \(reason)", hint: "move the posts into content/posts/"),
        ])
    }
}
