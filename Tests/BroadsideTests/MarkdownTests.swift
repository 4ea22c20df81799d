import Testing

@testable import Broadside

@Suite struct MarkdownTests {
    @Test func smartPunctuation() {
        let out = Markdown.render("Straight \"quotes\" -- and dots...")
        #expect(out.html == "<p>Straight “quotes” – and dots…</p>\n")
    }

    @Test func headingsGetUniqueAnchors() {
        let out = Markdown.render("## What's next?\n\ntext\n\n## What's next?\n\n### Niñez *migrante*\n")
        #expect(out.html == """
            <h2 id="whats-next">What’s next?</h2>
            <p>text</p>
            <h2 id="whats-next-1">What’s next?</h2>
            <h3 id="niñez-migrante">Niñez <em>migrante</em></h3>

            """)
    }

    @Test func headingsNeverTakeTheLayoutsIds() {
        #expect(Markdown.render("## Main content\n").html == "<h2 id=\"main-content-1\">Main content</h2>\n")
    }

    @Test func rawHTMLAndJavascriptLinksAreDroppedByDefault() {
        let source = "<script>alert(1)</script>\n\nHi <b>there</b> [x](javascript:alert(1))\n"
        let safe = Markdown.render(source)
        #expect(!safe.html.contains("<script>"))
        #expect(!safe.html.contains("<b>"))
        #expect(!safe.html.contains("javascript:"))
        #expect(safe.html.contains("<!-- raw HTML omitted -->"))
        // The link is gone and its text stays, rather than cmark's `<a href="">x</a>`.
        #expect(safe.html.contains("<p>Hi <!-- raw HTML omitted -->there<!-- raw HTML omitted --> x</p>"))
    }

    @Test func unsafeKeepsRawHTML() {
        let out = Markdown.render("Hi <b>there</b>\n\n<div class=\"box\">x</div>\n", unsafe: true)
        #expect(out.html == "<p>Hi <b>there</b></p>\n<div class=\"box\">x</div>\n")
    }

    @Test func rawHTMLInAHeadingStaysOmitted() {
        let out = Markdown.render("## Hi <img src=x onerror=alert(1)>\n")
        #expect(out.html == "<h2 id=\"hi\">Hi <!-- raw HTML omitted --></h2>\n")
    }

    @Test func rootRelativeLinksGetTheBasePath() {
        let out = Markdown.render("[a](/posts/a/) [b](https://example.org/) [c](//cdn.example/) ![i](/images/x.png)", rootPath: "/news/")
        // An image of the site's own is a marker until the page says how it is shown (ImageMarkup).
        #expect(out.html == "<p><a href=\"/news/posts/a/\">a</a> <a href=\"https://example.org/\">b</a> <a href=\"//cdn.example/\">c</a> <!--broadside-image-1:0--></p>\n")
        #expect(out.images == [InlineImage(url: "/images/x.png", alt: "i", title: nil, marker: "<!--broadside-image-1:0-->")])
    }

    @Test func anImageInsideAnImagesTextIsOnlyItsAltText() {
        // CommonMark shows the outer image with the inner one's text as alt: the inner image is
        // not the page's (it was published with no marker left to show it), nor a link to check.
        let out = Markdown.render("![a ![i](/x.png) [l](/z/) b](/y.png) ![![j](/x.png)](javascript:x)")
        #expect(out.images == [InlineImage(url: "/y.png", alt: "a i l b", title: nil, marker: "<!--broadside-image-1:0-->")])
        #expect(out.links.map(\.url) == ["/y.png"])
        #expect(out.html == "<p><!--broadside-image-1:0--> j</p>\n")
    }

    @Test func firstParagraphIsPlainText() {
        let out = Markdown.render("## Title\n\nA *first* [para](/x/)\nwith `code`.\n\nSecond.\n")
        #expect(out.firstParagraph == "A first para with code.")
    }
}
