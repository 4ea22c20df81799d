import Foundation
import Testing

@testable import Broadside

/// `aliases:`: old addresses of a post become redirect pages and lines of `_redirects`; an
/// alias that cannot be one is an error at its own line.
@Suite struct AliasTests {
    static func site(base: String = "https://example.org/", _ posts: [String: String], static files: [String: String] = [:]) throws -> TemporarySite {
        var all = posts
        all["site.yml"] = "base_url: \"\(base)\"\n"
        for (path, text) in files { all["static/" + path] = text }
        return try TemporarySite(files: all)
    }

    @Test func eachAliasIsARedirectPageAndALineOfRedirects() throws {
        let site = try Self.site([
            "content/posts/new-name.md": post("""
                title: "Court <Watch> & \\"Report\\""
                date: 2026-10-01
                aliases:
                  - /2019/05/old-name/
                  - /old.html
                  - https://example.org/canci%C3%B3n
                """),
            "content/posts/other.md": post("title: \"Otro\"\ndate: 2026-10-02\nlang: es\naliases: [/viejo/]"),
        ])
        defer { site.remove() }
        let report = try site.build()
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        #expect(try site.read("2019/05/old-name/index.html") == """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Moved: Court &lt;Watch&gt; &amp; &quot;Report&quot;</title>
            <link rel="canonical" href="https://example.org/posts/new-name/">
            <meta name="robots" content="noindex">
            <meta http-equiv="refresh" content="0; url=/posts/new-name/">
            </head>
            <body>
            <p>This page has moved to <a href="/posts/new-name/">Court &lt;Watch&gt; &amp; &quot;Report&quot;</a>.</p>
            </body>
            </html>

            """)
        #expect(try site.read("old.html").contains("<meta http-equiv=\"refresh\" content=\"0; url=/posts/new-name/\">"))
        #expect(try site.read("canción/index.html").contains("<link rel=\"canonical\" href=\"https://example.org/posts/new-name/\">"))
        #expect(try site.read("viejo/index.html").contains("<a href=\"/posts/other/\" lang=\"es\">Otro</a>"))
        #expect(try site.read("_redirects") == """
            /2019/05/old-name/ /posts/new-name/ 301
            /canci%C3%B3n /posts/new-name/ 301
            /old.html /posts/new-name/ 301
            /viejo/ /posts/other/ 301

            """)
        // Home, Spanish home, 2 posts, categories, tags, kinds in each language, the dispatch kind
        // in each language, the two 404 pages, the two search pages: the 4 redirect pages are not counted.
        #expect(report.pages == 14)
    }

    @Test func aSiteWithoutAliasesHasNoRedirectsFile() throws {
        let site = try Self.site(["content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01")])
        defer { site.remove() }
        try site.build()
        #expect(!site.exists("_redirects"))
    }

    @Test func aliasesAreReadFromTheSitesRootUnderABasePath() throws {
        let site = try Self.site(base: "https://example.org/news/", [
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01\naliases: [/2019/a/, \"https://example.org/news/old.html\"]"),
        ])
        defer { site.remove() }
        try site.build()
        #expect(try site.read("2019/a/index.html").contains("<meta http-equiv=\"refresh\" content=\"0; url=/news/posts/a/\">"))
        #expect(try site.read("_redirects") == "/news/2019/a/ /news/posts/a/ 301\n/news/old.html /news/posts/a/ 301\n")
    }

    static let hint = "write the old address from the site's root, such as /2019/05/old-name/ or /old-page.html"

    static let badAliases: [(written: String, message: String, hint: String)] = [
        ("\"\"", "an alias is empty", hint + ", or remove the empty line"),
        ("old/", "the alias old/ is not an address on this site: it must start with / or https://", hint),
        ("//evil.example/x", "the alias //evil.example/x starts with //, which browsers read as another host", hint),
        ("https://other.org/x/", "the alias https://other.org/x/ is on another host (other.org); a redirect can only be made on this site's host, example.org",
            "a redirect from another host is set up on that host; here, " + hint),
        ("https://example.org/blog/x/", "the alias https://example.org/blog/x/ is outside https://example.org/news/, where the site is published, so no page of the site can be written there",
            "a redirect elsewhere on example.org is set up on the web server; here, " + hint),
        ("/../etc/", "the alias /../etc/ has a . or .. part, or an escaped / or \\, which would lead outside the site's folder", hint),
        ("/a/%2e%2e/%2e%2e/x", "the alias /a/%2e%2e/%2e%2e/x has a . or .. part, or an escaped / or \\, which would lead outside the site's folder", hint),
        ("/a%2F..%2Fb/", "the alias /a%2F..%2Fb/ has a . or .. part, or an escaped / or \\, which would lead outside the site's folder", hint),
        ("/a%00b/", "the alias /a%00b/ has a % that does not start a valid escape, or an escaped control character",
            "write the address as the browser shows it, such as /2019/05/canción/"),
        ("/.git/config", "the alias /.git/config has a part that starts with a dot, which web hosts keep hidden", hint),
        ("/x?page=2", "the alias /x?page=2 has a query (?…) or a fragment (#…); a redirect page answers only to a path",
            "leave out everything from the ? or #: " + hint),
        ("[/a/]", "each of `aliases` must be one address, not a list or map", hint),
    ]

    @Test(arguments: badAliases.indices)
    func anAliasThatCannotBeARedirectIsAnErrorAtItsLine(_ index: Int) throws {
        let (written, message, hint) = Self.badAliases[index]
        let site = try Self.site(base: "https://example.org/news/", [
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01\naliases:\n  - /fine/\n  - \(written)"),
        ])
        defer { site.remove() }
        #expect(site.failure() == [.error("content/posts/a.md", line: 6, column: 5, message, hint: hint)])
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test func anAliasThatIsAlreadyAnAddressOfTheSiteIsAnError() throws {
        let site = try Self.site([
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01\naliases:\n  - /shared/\n  - /posts/b/\n  - /posts/a/"),
            "content/posts/b.md": post("title: \"B\"\ndate: 2026-10-02\naliases: [\"/shared/\"]"),
        ])
        defer { site.remove() }
        let remove = "remove this alias: the address already shows a post"
        #expect(site.failure() == [
            .error("content/posts/a.md", line: 6, column: 5, "the alias /posts/b/ is the address of the post content/posts/b.md", hint: remove),
            .error("content/posts/a.md", line: 7, column: 5, "the alias /posts/a/ is this post's own address", hint: remove),
            .error("content/posts/b.md", line: 4, column: 11,
                "the alias /shared/ is also an alias of content/posts/a.md (line 5), and one address can lead to one post only",
                hint: "keep the alias on the post readers should reach, and remove the other"),
        ])
    }

    @Test func anAliasOnAPageOrStaticFileIsAnError() throws {
        let site = try Self.site([
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01\ncategories: [Detention]\naliases:\n  - /old.html\n  - /categories/detention/\n  - /\n"),
        ], static: ["old.html": "mine", "_redirects": "/x /y 301\n"])
        defer { site.remove() }
        let hint = "remove this alias: readers who follow the old address already find something there"
        #expect(site.failure() == [
            .error("content/posts/a.md", line: 6, column: 5, "the alias /old.html cannot have a redirect page: the static file static/old.html is published there", hint: hint),
            .error("content/posts/a.md", line: 7, column: 5, "the alias /categories/detention/ cannot have a redirect page: it is the page of the category \"Detention\"", hint: hint),
            .error("content/posts/a.md", line: 8, column: 5, "the alias / cannot have a redirect page: the site already has a page there", hint: hint),
            .error("static/_redirects", "this file would be replaced by the _redirects Broadside writes for the posts' aliases",
                hint: "write each redirect as aliases: in the front matter of the post it leads to, and remove this file"),
        ])
    }

    /// The redirect page of `/feed.xml` would be `feed.xml/index.html`: it needs a folder where
    /// the feed is a file. The message is at the alias, and says the redirect page is the problem.
    @Test func anAliasWhoseRedirectPageNeedsAFolderWhereAFileIsIsAnErrorAtItsLine() throws {
        let site = try Self.site([
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01"),
            "content/posts/b.md": post("title: \"B\"\ndate: 2026-10-02"),
        ], static: ["old": "mine"])
        defer { site.remove() }
        _ = try site.build()
        let before = try site.read("posts/a/index.html")
        try site.write("content/posts/a.md", post("title: \"A, moved\"\ndate: 2026-10-01\naliases:\n  - /feed.xml\n  - /posts/b/index.html/x/\n  - /old/\n"))
        let hint = "remove or change this alias"
        #expect(site.failure() == [
            .error("content/posts/a.md", line: 5, column: 5,
                "the redirect page of the alias /feed.xml needs a folder /feed.xml/, where the site's file is published as /feed.xml", hint: hint),
            .error("content/posts/a.md", line: 6, column: 5,
                "the redirect page of the alias /posts/b/index.html/x/ needs a folder /posts/b/index.html/, where the post's page is published as /posts/b/index.html",
                hint: hint),
            .error("content/posts/a.md", line: 7, column: 5,
                "the redirect page of the alias /old/ needs a folder /old/, where the static file static/old is published as /old", hint: hint),
        ])
        #expect(try site.read("posts/a/index.html") == before)
    }

    @Test func aNearMissOfAliasesIsNamed() throws {
        let site = try Self.site(["content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01\nalias: [/old/]")])
        defer { site.remove() }
        let report = try site.build()
        #expect(report.warnings.map(\.message) == ["the key `alias` is not one Broadside knows, so its value is not used as `aliases`"])
    }
}
