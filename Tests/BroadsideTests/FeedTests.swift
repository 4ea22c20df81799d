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
        #expect(report.pages == 4)  // home, /categories/, /tags/, /kinds/
        #expect(report.warnings == [.warning("content/posts", "there are no Markdown posts yet",
            hint: "add a file such as content/posts/first-post.md")])
        #expect(try site.read("index.html").contains("<p>No posts yet.</p>"))
        let feed = try site.read("feed.xml")
        #expect(!feed.contains("<item>") && !feed.contains("lastBuildDate"))
    }
}
