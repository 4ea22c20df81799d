import Foundation
import Testing

@testable import Broadside

/// A post with each block and every field of each, for the template contract and these tests.
enum BlockFixture {
    static let body = """
        Intro.

        ```action
        title: "Call the county board"
        text: "Ask them to fund counsel for everyone in detention."
        url: /posts/other/
        phone: "+1 (555) 010-4477"
        button: "Read the script"
        ```

        ```stat
        figure: "1,204"
        label: "people held at the county jail"
        as_of: 2026-09-30
        source: "County records"
        source_url: "https://example.org/records"
        ```

        ```callout
        title: "Bring a friend"
        text: "Court is less *lonely* together."
        ```
        """

    static func site(lang: String = "en") throws -> TemporarySite {
        try TemporarySite(files: [
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01\nlang: \(lang)", body: body),
            "content/posts/other.md": post("title: \"Other\"\ndate: 2026-10-02"),
        ])
    }

    /// Contract name (`block stat`) → what its partial receives.
    static func contexts() throws -> [(String, TemplateMap)] {
        let site = try site()
        defer { site.remove() }
        let (config, _) = SiteConfig.load(from: site.root, baseURLOverride: nil)
        let (theme, _) = Theme.load(source: site.root, name: config.theme, language: config.language)
        let parser = PostParser(config: config, rootPath: "/") { _, _ in true }
        let (parsed, _) = parser.parse(post("title: \"A\"\ndate: 2026-10-01", body: body), file: "a.md", fileStem: "a")
        let post = try #require(parsed)
        let renderer = BlockRenderer(theme: try #require(theme))
        // As pages get them, and as feeds do (with `email`).
        return post.blocks.flatMap { block in
            [false, true].map { ("block \(block.name.rawValue)", renderer.context(of: block, lang: post.lang, t: TemplateMap(), email: $0)) }
        }
    }
}

@Suite struct BlockTests {
    @Test func eachBlockIsRenderedThroughItsPartialInEnglish() throws {
        let site = try BlockFixture.site()
        defer { site.remove() }
        try site.build()
        let page = try site.read("posts/a/index.html")
        #expect(page.contains("""
            <p>Intro.</p>
            <aside class="block block-action">
            <h2 class="block-title">Call the county board</h2>
            <p>Ask them to fund counsel for everyone in detention.</p>
            <p class="block-action-button"><a href="/posts/other/">Read the script</a></p>
            <p class="block-action-phone">Call <a href="tel:+15550104477">+1 (555) 010-4477</a></p>
            </aside>
            <aside class="block block-stat">
            <p class="block-stat-figure"><strong>1,204</strong></p>
            <p class="block-stat-label">people held at the county jail</p>
            <p class="block-stat-as-of"><time datetime="2026-09-30">as of September 30, 2026</time></p>
            <p class="block-stat-source">Source: <a href="https://example.org/records">County records</a></p>
            </aside>
            <aside class="block block-callout">
            <h2 class="block-title">Bring a friend</h2>
            <p>Court is less <em>lonely</em> together.</p>
            </aside>
            """))
        #expect(!page.contains("broadside-block"))
    }

    @Test func blocksSpeakThePostsLanguage() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01\nlang: es", body: """
                ```action
                title: "Llame a la junta"
                phone: "(555) 010-4477"
                ```

                ```stat
                figure: "1.204"
                label: "personas detenidas"
                as_of: 2022-07-11
                source: "Registros del condado"
                ```
                """)
        ])
        defer { site.remove() }
        try site.build()
        let page = try site.read("posts/a/index.html")
        #expect(page.contains("""
            <aside class="block block-action">
            <h2 class="block-title">Llame a la junta</h2>
            <p class="block-action-button"><a href="tel:5550104477">Actúe ahora</a></p>
            <p class="block-action-phone">Llame al <a href="tel:5550104477">(555) 010-4477</a></p>
            </aside>
            <aside class="block block-stat">
            <p class="block-stat-figure"><strong>1.204</strong></p>
            <p class="block-stat-label">personas detenidas</p>
            <p class="block-stat-as-of"><time datetime="2022-07-11">al 11 de julio de 2022</time></p>
            <p class="block-stat-source">Fuente: Registros del condado</p>
            </aside>
            """))
    }

    @Test func blocksAreInTheFeedWithAbsoluteLinks() throws {
        let site = try BlockFixture.site()
        defer { site.remove() }
        try site.build()
        let feed = try site.read("feed.xml")
        // Styled inline: an e-mail client reads no stylesheet of the site's.
        #expect(feed.contains("""
            &lt;p class=&quot;block-action-button&quot;&gt;&lt;a href=&quot;https://example.org/posts/other/&quot; style=&quot;display:inline-block;background:#1d4e89;color:#ffffff;padding:10px 18px;border-radius:4px;text-decoration:none;font-weight:bold&quot;&gt;Read the script&lt;/a&gt;&lt;/p&gt;
            """))
        #expect(feed.contains("&lt;p class=&quot;block-stat-figure&quot; style=&quot;margin:0;font-size:2em;line-height:1.2&quot;&gt;&lt;strong&gt;1,204&lt;/strong&gt;&lt;/p&gt;"))
        #expect(feed.contains("&lt;h2 class=&quot;block-title&quot; style=&quot;margin:0 0 8px;font-size:1.2em&quot;&gt;Bring a friend&lt;/h2&gt;"))
        #expect(!(try site.read("posts/a/index.html")).contains("style="))
        #expect(!feed.contains("broadside-block"))
    }

    @Test func anotherInfoStringStaysCode() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01", body: "```swift\nfigure: 1\n```\n\n    indented: code\n")
        ])
        defer { site.remove() }
        try site.build()
        let page = try site.read("posts/a/index.html")
        #expect(page.contains("<pre><code class=\"language-swift\">figure: 1\n</code></pre>\n<pre><code>indented: code\n</code></pre>"))
    }

    /// A marker written by an editor, even one copied from a built page, is never a block:
    /// in safe mode cmark drops it as raw HTML; in unsafe mode the real markers take another number.
    @Test func aMarkerTypedByAnEditorNeverBecomesABlock() throws {
        for unsafe in [false, true] {
            let site = try TemporarySite(files: [
                "site.yml": "base_url: \"https://example.org/\"\nunsafe: \(unsafe)\n",
                "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01", body: """
                    <!--broadside-block-1:0-->

                    Text <!--broadside-block-1:0--> and &lt;!--broadside-block-1:0--&gt;

                    ```callout
                    text: "The real one."
                    ```
                    """),
            ])
            defer { site.remove() }
            try site.build()
            let page = try site.read("posts/a/index.html")
            #expect(page.components(separatedBy: "<aside class=\"block block-callout\">").count == 2, "unsafe: \(unsafe)")
            #expect(page.contains("<aside class=\"block block-callout\">\n<p>The real one.</p>\n</aside>"))
            if unsafe {
                #expect(page.contains("<!--broadside-block-1:0-->\n<p>Text <!--broadside-block-1:0--> and &lt;!–broadside-block-1:0–&gt;</p>"))
                #expect(!page.contains("broadside-block-2"))
            } else {
                #expect(!page.contains("<!--broadside-block"))
                #expect(page.contains("<!-- raw HTML omitted -->\n<p>Text <!-- raw HTML omitted --> and &lt;!–broadside-block-1:0–&gt;</p>"))
            }
        }
    }

    @Test func aThemeWithoutABlocksPartialIsAnErrorAtTheBlock() throws {
        let site = try BlockFixture.site()
        defer { site.remove() }
        let (config, _) = SiteConfig.load(from: site.root, baseURLOverride: nil)
        var theme = try #require(Theme.load(source: site.root, name: config.theme, language: config.language).0)
        let parser = PostParser(config: config, rootPath: "/") { _, _ in true }
        let post = try #require(parser.parse(post("title: \"A\"\ndate: 2026-10-01", body: BlockFixture.body), file: "content/posts/a.md", fileStem: "a").0)
        #expect(BlockRenderer.missingPartials(in: [post], theme: theme).isEmpty)
        theme.templateNames.remove("blocks/stat")
        #expect(BlockRenderer.missingPartials(in: [post], theme: theme) == [
            .error("content/posts/a.md", line: 15, column: 1,
                "the theme \"default\" has no blocks/stat template, so this stat block cannot be shown",
                hint: "add themes/default/templates/blocks/stat.mustache or templates/blocks/stat.mustache; themes/default has one to copy")
        ])
    }
}
