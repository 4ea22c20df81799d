import Foundation
import Testing

@testable import Broadside

/// The whole fixture site, byte for byte. After an intended change to the output,
/// refresh the golden copy with `UPDATE_GOLDEN=1 swift test --filter GoldenSiteTests`
/// and read the diff before committing it.
@Suite struct GoldenSiteTests {
    static let golden = fixturesRoot.appendingPathComponent("basic.golden")

    @Test func fixtureSiteMatchesGolden() throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        try site.build()
        let built = try tree(site.output)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(at: Self.golden)
            try FileManager.default.copyItem(at: site.output, to: Self.golden)
            return
        }
        let expected = try tree(Self.golden)
        #expect(built.keys.sorted() == expected.keys.sorted(), "the fixture site's files differ from basic.golden/")
        for (path, data) in expected.sorted(by: { $0.key < $1.key }) {
            guard let actual = built[path], actual != data else { continue }
            let a = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let e = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let line = Array(zip(a, e)).firstIndex { $0 != $1 } ?? min(a.count, e.count)
            Issue.record("""
                \(path) differs from the golden copy at line \(line + 1):
                  golden: \(line < e.count ? String(e[line]) : "<end>")
                  built:  \(line < a.count ? String(a[line]) : "<end>")
                """)
        }
    }
}

/// What a reader or feed reader sees, fragment by fragment, in the fixture site.
/// A class, so that `deinit` removes the site each test built, as `defer` does elsewhere.
@Suite final class FixtureSiteTests {
    let site: TemporarySite
    let report: BuildReport

    init() throws {
        let site = try TemporarySite(copying: "basic")
        do {
            report = try site.build()
        } catch {
            site.remove()
            throw error
        }
        self.site = site
    }

    deinit { site.remove() }

    @Test func frontMatterIsEscapedEverywhere() throws {
        let page = try site.read("posts/first-dispatch/index.html")
        #expect(page.contains("<h1 dir=\"auto\">First &lt;script&gt;alert(1)&lt;/script&gt; Dispatch &amp; &quot;More&quot;</h1>"))
        #expect(page.contains("<title>First &lt;script&gt;alert(1)&lt;/script&gt; Dispatch &amp; &quot;More&quot; | Fixture &lt;Network&gt; &amp; Friends</title>"))
        // The post's own summary, in the description and its share card; the site's on pages without one.
        #expect(page.contains("<meta name=\"description\" content=\"A summary with &lt;b&gt;tags&lt;/b&gt; &amp; ampersands.\">"))
        #expect(page.contains("<meta property=\"og:title\" content=\"First &lt;script&gt;alert(1)&lt;/script&gt; Dispatch &amp; &quot;More&quot;\">"))
        #expect(try site.read("tags/index.html").contains("<meta name=\"description\" content=\"A small site the tests build: &quot;quoted&quot; &amp; &lt;escaped&gt;.\">"))
        #expect(!page.contains("<script>"))
        // In JSON-LD (an Event: the post has one), JSON's escaping: `</script>` cannot close the block, and no quote is left raw.
        #expect(page.contains("\"name\": \"First \\u003cscript\\u003ealert(1)\\u003c/script\\u003e Dispatch \\u0026 \\u0022More\\u0022\""))
        let home = try site.read("index.html")
        #expect(home.contains("<p class=\"summary\" dir=\"auto\">A summary with &lt;b&gt;tags&lt;/b&gt; &amp; ampersands.</p>"))
        let feed = try site.read("feed.xml")
        #expect(feed.contains("<title>First &lt;script&gt;alert(1)&lt;/script&gt; Dispatch &amp; &quot;More&quot;</title>"))
        // Escaped as HTML, then as XML: a feed reader renders the summary's tags as text.
        #expect(feed.contains("<description>A summary with &amp;lt;b&amp;gt;tags&amp;lt;/b&amp;gt; &amp;amp; ampersands.</description>"))
    }

    @Test func postContent() throws {
        let page = try site.read("posts/first-dispatch/index.html")
        #expect(page.contains("<p>The first paragraph says “hello” – and waits…</p>"))
        #expect(page.contains("<h2 id=\"whats-next\">What’s next?</h2>"))
        #expect(page.contains("<h2 id=\"whats-next-1\">What’s next?</h2>"))
        #expect(page.contains("<a href=\"/puentes/posts/second-post/\">the second post</a>"))
        #expect(page.contains("<a href=\"https://example.org/a?b=1&amp;c=2\">an outside page</a>"))
        #expect(page.contains("<!-- raw HTML omitted -->"))
        #expect(!page.contains("alert(\"raw\")"))
        #expect(page.contains("<p>bad link</p>"))
        #expect(page.contains("<time datetime=\"2026-10-01T08:30:00-05:00\">October 1, 2026</time> · Dispatch"))
    }

    @Test func seriesAndLanguage() throws {
        let page = try site.read("posts/day-1/index.html")
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"es\">"))
        // Spanish words and date on a Spanish post, from the theme's i18n/es.yml.
        #expect(page.contains("<time datetime=\"2026-10-03T07:00:00-05:00\">3 de octubre de 2026</time> · Día de acción"))
        #expect(page.contains("<a class=\"skip-link\" href=\"#main-content\">Saltar al contenido</a>"))
        // Home and feed of the page's own language.
        #expect(page.contains("<li><a href=\"/puentes/es/\">Inicio</a></li>"))
        #expect(page.contains("<li><a href=\"/puentes/es/feed.xml\">RSS</a></li>"))
    }

    @Test func bylineNamesTheAuthorsAfterTheKind() throws {
        let page = try site.read("posts/second-post/index.html")
        #expect(page.contains("<time datetime=\"2026-10-02T00:00:00-05:00\">October 2, 2026</time> · <bdi>Perspective by Ana Ruiz and Luis Pérez</bdi></p>"))
    }

    /// Two posts a page: the oldest two on page 1, numbered from the oldest and labelled by
    /// the dates it covers; the first page the newest two and the one left over, so a new post
    /// changes no archive page.
    @Test func homePagerNumbersArchivePagesFromTheOldest() throws {
        let first = try site.read("index.html")
        #expect(first.contains("<span class=\"pager-position\">October 1, 2026 – October 3, 2026</span>"))
        #expect(first.contains("<a rel=\"next\" href=\"/puentes/page/1/\">Older posts →</a>"))
        #expect(!first.contains("rel=\"prev\""))
        // Newest first: day-1 (Oct 3), then second-post (Oct 2); first-dispatch (Oct 1, an event) is there too.
        let order = ["day-1", "second-post", "first-dispatch"].map { first.range(of: "<a href=\"/puentes/posts/\($0)/\"")?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order[0]! < order[1]!)
        let oldest = try site.read("page/1/index.html")
        #expect(oldest.contains("<a rel=\"prev\" href=\"/puentes/\">← Newer posts</a>"))
        #expect(!oldest.contains("rel=\"next\""))
        #expect(!oldest.contains("href=\"/puentes/posts/first-dispatch/\""))
        #expect(oldest.contains("<span class=\"pager-position\">September 1, 2026 – October 1, 2026</span>"))
        #expect(oldest.contains("<title>Fixture &lt;Network&gt; &amp; Friends, page 1 | Fixture &lt;Network&gt; &amp; Friends</title>"))
        #expect(!site.exists("page/2/index.html"))
    }

    @Test func termPagesAndLinks() throws {
        #expect(site.exists("tags/niñez-migrante/index.html"))
        #expect(site.exists("categories/asylum-refugees/index.html"))
        let post = try site.read("posts/first-dispatch/index.html")
        #expect(post.contains("<li class=\"tag\"><a href=\"/puentes/tags/ni%C3%B1ez-migrante/\">#<bdi>Niñez Migrante</bdi></a></li>"))
        #expect(post.contains("<li class=\"category\"><a href=\"/puentes/categories/asylum-refugees/\" dir=\"auto\">Asylum &amp; Refugees</a></li>"))
        let index = try site.read("tags/index.html")
        #expect(index.contains("<li><a href=\"/puentes/tags/due-process/\" dir=\"auto\">due process</a> <span class=\"count\">(1)</span></li>"))
        #expect(index.contains("<li><a href=\"/puentes/tags/tps/\" dir=\"auto\">tps</a> <span class=\"count\">(2)</span></li>"))
        let categories = try site.read("categories/index.html")
        #expect(categories.contains("<li><a href=\"/puentes/categories/detention/\" dir=\"auto\">Detention</a> <span class=\"count\">(2)</span></li>"))
        #expect(!categories.contains("Noticias"))
        // Issue 15: a Spanish post's terms are Spanish lists, under /es/, with their own index.
        let spanish = try site.read("posts/day-1/index.html")
        #expect(spanish.contains("<li class=\"tag\"><a href=\"/puentes/es/tags/tps/\">#<bdi>TPS</bdi></a></li>"))
        let spanishIndex = try site.read("es/categories/index.html")
        #expect(spanishIndex.hasPrefix("<!DOCTYPE html>\n<html lang=\"es\">"))
        #expect(spanishIndex.contains("<li><a href=\"/puentes/es/categories/noticias-en-espa%C3%B1ol/\" dir=\"auto\">Noticias en Español</a> <span class=\"count\">(1)</span></li>"))
        #expect(spanish.contains("href=\"/puentes/es/categories/\""))
    }

    @Test func twoSpellingsAreOneTermWithAWarning() throws {
        let tps = try site.read("tags/tps/index.html")
        // One English post each writes "TPS" and "tps": on a tie the newest post's spelling is shown.
        #expect(tps.contains("<h1 dir=\"auto\">Tag: tps</h1>"))
        #expect(tps.contains("/puentes/posts/first-dispatch/") && tps.contains("/puentes/posts/second-post/"))
        #expect(!tps.contains("/puentes/posts/day-1/"))
        // The Spanish TPS is the same slug in another language: each page's switch leads to the other.
        #expect(tps.contains("<li><a href=\"/puentes/es/tags/tps/\" hreflang=\"es\" lang=\"es\" rel=\"alternate\">Español</a></li>"))
        #expect(try site.read("es/tags/tps/index.html").contains("<li><a href=\"/puentes/tags/tps/\" hreflang=\"en\" lang=\"en\" rel=\"alternate\">English</a></li>"))
        #expect(report.warnings.contains(.warning("content/posts/first-dispatch.md",
            "the tag \"TPS\" is the same as \"tps\" in content/posts/second-post.md",
            hint: "both are listed on one page, /tags/tps/, as \"tps\"; write it the same way in every post")))
    }

    @Test func draftsAndFuturePostsAreLeftOut() throws {
        #expect(!site.exists("posts/a-draft/index.html"))
        #expect(!site.exists("posts/from-the-future/index.html"))
        #expect(report.posts == 6)
        let all = try TemporarySite(copying: "basic")
        defer { all.remove() }
        let everything = try all.build(drafts: true, future: true)
        #expect(everything.posts == 9)
        #expect(all.exists("posts/a-draft/index.html") && all.exists("posts/from-the-future/index.html"))
    }

    @Test func feed() throws {
        let feed = try site.read("feed.xml")
        #expect(feed.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:media=\"http://search.yahoo.com/mrss/\">"))
        #expect(feed.contains("<link>https://news.example.org/puentes/</link>"))
        #expect(feed.contains("<language>en</language>"))
        #expect(feed.contains("<lastBuildDate>Sat, 03 Oct 2026 07:00:00 -0500</lastBuildDate>"))
        #expect(feed.contains("<atom:link href=\"https://news.example.org/puentes/feed.xml\" rel=\"self\" type=\"application/rss+xml\"/>"))
        #expect(feed.components(separatedBy: "<item>").count - 1 == 3)
        #expect(feed.contains("""
            <item>
            <title>Second post</title>
            <link>https://news.example.org/puentes/posts/second-post/</link>
            <guid isPermaLink="true">https://news.example.org/puentes/posts/second-post/</guid>
            <pubDate>Fri, 02 Oct 2026 00:00:00 -0500</pubDate>
            <dc:creator>Ana Ruiz</dc:creator>
            <dc:creator>Luis Pérez</dc:creator>
            <category>Detention</category>
            <category>tps</category>
            <category>due process</category>
            <description>Plain text of the first paragraph, over two lines.</description>
            <content:encoded>&lt;p&gt;&lt;img src=&quot;https://news.example.org/puentes/images/banner-960.3cf5c2586f.jpg&quot; \
            width=&quot;960&quot; height=&quot;480&quot; alt=&quot;A yellow sun over a green field&quot;&gt;&lt;/p&gt;
            &lt;p&gt;&lt;em&gt;Perspective by Ana Ruiz and Luis Pérez&lt;/em&gt;&lt;/p&gt;
            &lt;p&gt;Plain text of the &lt;em&gt;first&lt;/em&gt; paragraph,
            over two lines.&lt;/p&gt;
            &lt;p&gt;Second paragraph.&lt;/p&gt;
            &lt;p&gt;&lt;img src=&quot;https://news.example.org/puentes/images/gate-48.8af4148354.jpg&quot; width=&quot;48&quot; \
            height=&quot;64&quot; alt=&quot;The gate, “at dawn”&quot; title=&quot;Taken with GPS on&quot;&gt;&lt;/p&gt;

            </content:encoded>
            <media:content url="https://news.example.org/puentes/images/banner-960.3cf5c2586f.jpg" medium="image" type="image/jpeg" width="960" height="480">
            <media:description type="plain">A yellow sun over a green field</media:description>
            </media:content>
            </item>
            """))
        #expect(feed.contains("<category>Noticias en Español</category>\n<category>Asylum &amp; Refugees</category>"))
        // Links inside the content are absolute, for feed readers and email.
        #expect(feed.contains("&lt;a href=&quot;https://news.example.org/puentes/posts/second-post/&quot;&gt;the second post&lt;/a&gt;"))
    }

    @Test func themeAssetsAreCopied() throws {
        #expect(site.exists("css/style.css"))
        #expect(try site.read("index.html").contains("<link rel=\"stylesheet\" href=\"/puentes/css/style.css\">"))
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let again = try TemporarySite(copying: "basic")
        defer { again.remove() }
        try again.build()
        #expect(try tree(again.output) == tree(site.output))
    }

    @Test func siteTemplatesOverrideTheThemeAndSeeExtraFrontMatter() throws {
        let custom = try TemporarySite(copying: "basic", files: [
            "templates/post.mustache": "{{#post}}<p>{{title}} for {{params.audience}}</p>{{/post}}\n"
        ])
        defer { custom.remove() }
        try custom.build()
        #expect(try custom.read("posts/second-post/index.html") == "<p>Second post for Volunteers</p>\n")
        // The theme's list template still makes the home page: the site named once, in its header.
        let home = try custom.read("index.html")
        #expect(home.contains("<h1>Latest posts</h1>"))
        #expect(home.contains("<p class=\"site-title\"><a href=\"/puentes/\" dir=\"auto\"><img class=\"site-logo\" src=\"/puentes/logo.png\" width=\"256\" height=\"256\" alt=\"\">Fixture &lt;Network&gt; &amp; Friends</a></p>"))
        #expect(!home.contains("<h1 dir=\"auto\">Fixture &lt;Network&gt; &amp; Friends</h1>"))
    }
}
