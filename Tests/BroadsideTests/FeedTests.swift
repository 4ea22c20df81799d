import Foundation
import Testing

@testable import Broadside

@Suite struct FeedTests {
    @Test func linksInTheFeedAreAbsoluteButProtocolRelativeOnesStay() throws {
        let site = try TemporarySite(files: [
            "site.yml": "base_url: \"https://example.org/\"\nunsafe: true\n",
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01",
                body: "[post](/posts/b/) [cdn](//cdn.example/x.js) [out](https://example.com/) <img src=\"/logo.png\" alt=\"\">"),
        ])
        defer { site.remove() }
        try site.build()
        let feed = try site.read("feed.xml")
        #expect(feed.contains(
            "&lt;a href=&quot;https://example.org/posts/b/&quot;&gt;post&lt;/a&gt; "
            + "&lt;a href=&quot;//cdn.example/x.js&quot;&gt;cdn&lt;/a&gt; "
            + "&lt;a href=&quot;https://example.com/&quot;&gt;out&lt;/a&gt; "
            + "&lt;img src=&quot;https://example.org/logo.png&quot; alt=&quot;&quot;&gt;"))
        // The page itself keeps root-relative links.
        #expect(try site.read("posts/a/index.html").contains("<a href=\"/posts/b/\">post</a>"))
    }

    /// An e-mail client resolves nothing: links beside the post, up a folder, to a heading of
    /// its own, and from the site's root (which pages prefix with the base path) become absolute; `mailto:` and `tel:` stay.
    @Test func relativeLinksInTheFeedAreResolvedAgainstThePost() throws {
        let site = try TemporarySite(files: [
            "site.yml": "base_url: \"https://example.org/news/\"\n",
            "content/posts/a/index.md": post("title: \"A\"\ndate: 2026-10-01",
                body: "[pdf](report.pdf) [up](../b/) [here](#notes) [dot](./report.pdf) [root](/donate/) [mail](mailto:x@example.org) [call](tel:+15550100)"),
            "content/posts/a/report.pdf": "pdf",
        ])
        defer { site.remove() }
        try site.build()
        let feed = try site.read("feed.xml")
        let links: [String] = [
            "&lt;a href=&quot;https://example.org/news/posts/a/report.pdf&quot;&gt;pdf&lt;/a&gt;",
            "&lt;a href=&quot;https://example.org/news/posts/b/&quot;&gt;up&lt;/a&gt;",
            "&lt;a href=&quot;https://example.org/news/posts/a/#notes&quot;&gt;here&lt;/a&gt;",
            "&lt;a href=&quot;https://example.org/news/posts/a/report.pdf&quot;&gt;dot&lt;/a&gt;",
            "&lt;a href=&quot;https://example.org/news/donate/&quot;&gt;root&lt;/a&gt;",
            "&lt;a href=&quot;mailto:x@example.org&quot;&gt;mail&lt;/a&gt;",
            "&lt;a href=&quot;tel:+15550100&quot;&gt;call&lt;/a&gt;",
        ]
        let expected = links.joined(separator: " ")
        #expect(feed.contains(expected), "\(feed)")
    }

    @Test func controlCharactersNeverBreakTheFeed() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": post("title: \"Bell\\u0007 & <tag>\"\ndate: 2026-10-01")
        ])
        defer { site.remove() }
        try site.build()
        #expect(try site.read("feed.xml").contains("<title>Bell &amp; &lt;tag&gt;</title>"))
    }

    @Test func anEmptySiteStillHasAHomePageAndAValidFeed() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let report = try site.build()
        #expect(report.pages == 6)  // home, /categories/, /tags/, /kinds/, 404.html, /search/
        #expect(report.warnings == [.warning("content/posts", "there are no Markdown posts yet",
            hint: "add a file such as content/posts/first-post.md")])
        #expect(try site.read("index.html").contains("<p>No posts yet.</p>"))
        let feed = try site.read("feed.xml")
        #expect(!feed.contains("<item>") && !feed.contains("lastBuildDate"))
    }
}

@Suite struct OrderTests {
    /// The same instant written with two offsets is ordered by slug, not by file name: `1.md`
    /// (slug `zeta`) comes after `2.md` (slug `alpha`).
    @Test func postsAtOneInstantWithDifferentOffsetsAreOrderedBySlug() throws {
        let site = try TemporarySite(files: [
            "content/posts/1.md": post("title: \"Zeta\"\ndate: 2026-10-01T12:00:00-05:00\nslug: zeta"),
            "content/posts/2.md": post("title: \"Alpha\"\ndate: 2026-10-01T17:00:00Z\nslug: alpha"),
            "content/posts/3.md": post("title: \"Older\"\ndate: 2026-10-01T16:00:00Z"),
        ])
        defer { site.remove() }
        try site.build()
        let home = try site.read("index.html")
        let order = ["/posts/alpha/", "/posts/zeta/", "/posts/3/"].map { home.range(of: "href=\"\($0)\"")?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order.map { $0! } == order.map { $0! }.sorted())
    }
}
