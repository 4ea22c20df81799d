import Foundation
import Testing

@testable import Broadside

/// Issue 13's honest mistakes: what an editor writes in good faith that used to be published in
/// silence. Each is a warning at its file and line, or an error (and the site built before stays
/// as it was) where publishing would be wrong.
@Suite struct EditorMistakeTests {
    static let file = "content/posts/b.md"

    /// A site built once, then given `files`: the build's diagnostics, and whether `site/` is as it was.
    static func rebuild(adding files: [String: String], to site: TemporarySite) throws -> (diagnostics: [Diagnostic], untouched: Bool) {
        try site.build()
        let before = try tree(site.output)
        for (path, text) in files { try site.write(path, text) }
        let diagnostics = site.failure()
        return (diagnostics, try tree(site.output) == before)
    }

    static func siteWithOnePost() throws -> TemporarySite {
        try TemporarySite(files: ["content/posts/a.md": post("title: \"Vigil tonight\"\ndate: 2026-10-01", body: "Bring a candle.")])
    }

    // MARK: 1. Two posts with one title

    @Test func titlesAreComparedFoldedAsCharactersWouldFoldThem() {
        // Every ASCII byte, white space of every kind among them, and letters beyond ASCII.
        var generator = SystemRandomNumberGenerator()
        var titles = ["  Day 2:\tPACK  the\r\ncourt \u{0B}\u{0C}", "", " \n ", "Día\u{00A0}2 ÉTAT", "a\u{1C}b\u{1F}C", "İstanbul  Vigil"]
        for _ in 0..<500 {
            titles.append(String(decoding: (0..<Int.random(in: 0...12, using: &generator)).map { _ in UInt8.random(in: 1...0x7F, using: &generator) }, as: UTF8.self))
        }
        for title in titles {
            #expect(SiteMistakes.folded(title) == title.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " "), "\(Array(title.utf8))")
        }
    }

    @Test func aSecondPostWithTheSameTitleInOneLanguageIsNamed() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": post("title: \"Vigil Tonight\"\ndate: 2026-10-01", body: "One."),
            "content/posts/b.md": post("date: 2026-10-02\ntitle: \"vigil  tonight\"", body: "Two."),
            "content/posts/c.md": post("title: \"Vigil Tonight\"\ndate: 2026-10-03\nlang: es", body: "Tres."),
        ])
        defer { site.remove() }
        #expect(try site.build().warnings == [
            .warning(Self.file, line: 3, column: 8, "this post has the same title as content/posts/a.md: \"vigil  tonight\"",
                hint: "give this post a title of its own (lists and subscribers' email would show the two alike); if it is a copy, remove one"),
        ])
    }

    // MARK: 2. Placeholder text of `new`

    @Test(arguments: Kind.allCases)
    func placeholderTextOfNewIsAnErrorOncePublished(_ kind: Kind) throws {
        let site = try ScaffoldTests.newSite()
        defer { site.remove() }
        let path = try ScaffoldTests.write(kind, "Ready now", in: site, series: kind == .actionDay ? "Week" : nil).get()
        // As a draft it builds, with --drafts too: the preview shows unfinished posts.
        #expect(try site.build(drafts: true).warnings == [])
        let written = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
        try site.build()
        let before = try tree(site.output)
        let published = written.replacingOccurrences(of: "draft: true\n", with: "")
        try site.write(path, published)
        let lines = published.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let first = try #require(ScaffoldText.body(kind, lang: "en").first)
        let lineOf = { (prefix: String) in lines.firstIndex { $0.hasPrefix(prefix) }.map { $0 + 1 } }
        var expected: [Diagnostic] = []
        if kind == .perspective {
            expected.append(.error(path, line: lineOf("author:"), column: 9, "`author` is still the placeholder `broadside new` wrote: \"Your Name\"",
                hint: "write the name that signs the piece"))
        }
        if kind == .event {
            expected.append(.error(path, line: lineOf("  location:"), column: 13,
                "`event.location` is still the placeholder `broadside new` wrote: \"The place and its street address\"",
                hint: "write the place and its address: readers' calendars get it as the event's location"))
        }
        expected.append(.error(path, line: lineOf(first), column: 1, "this is the placeholder text `broadside new` wrote: \"\(Excerpt.short(first))\"",
            hint: "write the post's own text here, or keep the post a draft (draft: true) until it is ready"))
        #expect(site.failure().filter { $0.severity == .error } == expected)
        #expect(try tree(site.output) == before)
    }

    @Test func theEventsPlaceholderPlaceIsAnErrorAtItsLine() throws {
        let site = try Self.siteWithOnePost()
        defer { site.remove() }
        let (diagnostics, untouched) = try Self.rebuild(adding: [Self.file: post("""
            title: "Assembly"
            date: 2026-10-02
            kind: event
            event:
              start: 2026-12-01T18:00:00Z
              location: "The place and its street address"
            """, body: "We meet at the hall.")], to: site)
        #expect(untouched)
        #expect(diagnostics == [
            .error(Self.file, line: 7, column: 13, "`event.location` is still the placeholder `broadside new` wrote: \"The place and its street address\"",
                hint: "write the place and its address: readers' calendars get it as the event's location"),
        ])
    }

    @Test func spanishPlaceholderTextIsRefusedToo() throws {
        let site = try Self.siteWithOnePost()
        defer { site.remove() }
        let line = ScaffoldText.body(.dispatch, lang: "es")[1]
        let (diagnostics, untouched) = try Self.rebuild(adding: [Self.file: post("title: \"Hoy\"\ndate: 2026-10-02\nlang: es",
            body: "Una noticia de verdad.\n\(line)")], to: site)
        #expect(untouched)
        #expect(diagnostics == [
            .error(Self.file, line: 7, column: 1, "this is the placeholder text `broadside new` wrote: \"\(Excerpt.short(line))\"",
                hint: "write the post's own text here, or keep the post a draft (draft: true) until it is ready"),
        ])
    }

    /// The scaffold writes its text from the list the check reads: no line of any kind's body drifts.
    @Test func everyLineNewWritesIsOneTheCheckKnows() throws {
        for lang in ["en", "es"] {
            for kind in Kind.allCases {
                let text = NewPost.text(NewPost.Request(kind: kind, title: "T", now: testNow), title: "T", slug: "t", lang: nil,
                    language: lang, series: nil, timeZone: TimeZone(identifier: "UTC")!)
                let body = text.components(separatedBy: "---\n").last!
                for line in body.split(separator: "\n") where !["Sincerely,", "Atentamente,"].contains(line) {
                    #expect(ScaffoldText.published.contains(ScaffoldText.withoutHeadingMark(String(line))), "\(kind) \(lang): \(line)")
                }
            }
        }
        #expect(ScaffoldText.published.contains("El lugar y su dirección"))
    }

    // MARK: 3. Nothing to read

    @Test(arguments: [("## Only a heading\n", "the post's text is only a heading"), ("", "the post has no text"), ("# A\n\n### B", "the post's text is only a heading")])
    func aPostWithNoTextButHeadingsIsAWarning(_ body: String, _ what: String) throws {
        let site = try TemporarySite(files: ["content/posts/b.md": "---\ntitle: \"B\"\ndate: 2026-10-01\n---\n\(body)"])
        defer { site.remove() }
        #expect(try site.build().warnings == [
            .warning(Self.file, line: 4, column: 1, "\(what): its page, its summary in lists and its description in the feed are empty",
                hint: "write the post's text below this line; a first paragraph is also its summary"),
        ])
    }

    // MARK: 4. A title too long

    @Test func aTitleOver150CharactersIsAWarningAtItsLine() throws {
        let long = String(repeating: "Á", count: 151)
        let site = try TemporarySite(files: [
            "content/posts/a.md": post("title: \"\(String(repeating: "x", count: 150))\"\ndate: 2026-10-01"),
            "content/posts/b.md": post("date: 2026-10-01\ntitle: \(long)"),
        ])
        defer { site.remove() }
        #expect(try site.build().warnings == [
            .warning(Self.file, line: 3, column: 8, "the title is 151 characters long, more than a phone shows in a list or a share card shows (150)",
                hint: "shorten the title to the news itself, and say the rest in the first paragraph or in summary:"),
        ])
    }

    // MARK: 5. Bare addresses

    @Test func bareAddressesBecomeLinksAsGitHubMakesThem() {
        let html = Markdown.render("""
            See https://example.org/a_(b)). Or www.example.com/x?y=1, and ana.ruiz+news@example.org.
            Not `https://code.example`, [https://text.example](https://y.org), <https://auto.example>.
            https://example.org/q?a=1&amp; and (www.paren.example) and http://e.org/"><script>x
            """).html
        #expect(html == """
            <p>See <a href="https://example.org/a_(b)">https://example.org/a_(b)</a>). Or <a href="https://www.example.com/x?y=1">www.example.com/x?y=1</a>, \
            and <a href="mailto:ana.ruiz+news@example.org">ana.ruiz+news@example.org</a>.
            Not <code>https://code.example</code>, <a href="https://y.org">https://text.example</a>, <a href="https://auto.example">https://auto.example</a>.
            <a href="https://example.org/q?a=1&amp;">https://example.org/q?a=1&amp;</a> and (<a href="https://www.paren.example">www.paren.example</a>) \
            and <a href="http://e.org/%E2%80%9D%3E">http://e.org/”&gt;</a><!-- raw HTML omitted -->x</p>

            """)
    }

    @Test func addressesThatAreNotQuiteAddressesStayText() {
        let html = Markdown.render("javascript:alert(1) www.x and @handle, a@b, a@b_, www.under_score.example_com. https:// x@y.z-").html
        #expect(html == "<p>javascript:alert(1) www.x and @handle, a@b, a@b_, www.under_score.example_com. https:// x@y.z-</p>\n")
    }

    @Test func rawHTMLLinksAreNotLinkedAgain() {
        let html = Markdown.render("<a href=\"https://a.example\">https://a.example</a> https://b.example", unsafe: true).html
        #expect(html == "<p><a href=\"https://a.example\">https://a.example</a> <a href=\"https://b.example\">https://b.example</a></p>\n")
    }

    @Test func theDefaultThemeBreaksLongWords() throws {
        let css = try String(contentsOf: repositoryRoot.appendingPathComponent("themes/default/static/css/style.css"), encoding: .utf8)
        #expect(css.contains("body {\n  margin: 0 auto;\n  max-width: 42rem;\n  /* A long address or word breaks instead of making a phone's page scroll sideways. */\n  overflow-wrap: anywhere;"))
    }

    // MARK: 6. A caption for the featured image

    @Test func aCaptionIsShownWithTheCreditAndACreditThatNamesItsKindIsNotLabelledTwice() throws {
        let site = try TemporarySite(files: [
            "content/posts/a/index.md": post("""
                title: "A"
                date: 2026-10-01
                image: a.svg
                image_alt: "A fence"
                image_caption: "Families <wait> & \\"hope\\""
                image_credit: "Photo: Ana Ruiz"
                """),
            "content/posts/a/a.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
            "content/posts/b/index.md": post("title: \"B\"\ndate: 2026-10-02\nimage: b.svg\nimage_alt: \"A gate\"\nimage_credit: \"Ana Ruiz\""),
            "content/posts/b/b.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
            "content/posts/c.md": post("title: \"C\"\ndate: 2026-10-03\nimage_caption: \"Nothing\""),
        ])
        defer { site.remove() }
        #expect(try site.build().warnings == [
            .warning("content/posts/c.md", line: 4, column: 1, "`image_caption` is ignored: the post has no `image`",
                hint: "add image: with the image's file, or remove `image_caption`"),
        ])
        #expect(try site.read("posts/a/index.html").contains("""
            <img src="/posts/a/a.svg" alt="A fence">
            <figcaption><bdi>Families &lt;wait&gt; &amp; &quot;hope&quot;</bdi> <span class="credit"><bdi>Photo: Ana Ruiz</bdi></span></figcaption>
            </figure>
            """))
        #expect(try site.read("posts/b/index.html").contains("<figcaption dir=\"auto\">Image: Ana Ruiz</figcaption>\n</figure>"))
        for credit in ["Foto: Ana Ruiz", "Photo by Ana Ruiz", "Fotografía de Ana Ruiz", "© Ana Ruiz", "Map: OpenStreetMap"] {
            #expect(ResourceViews.labelsItself(credit), "\(credit)")
        }
        for credit in ["Ana Ruiz", "Puentes Network: archive", "Photographers' collective"] {
            #expect(!ResourceViews.labelsItself(credit), "\(credit)")
        }
    }

    // MARK: 7. Curly quotes

    @Test func aValueInCurlyQuotesIsNamedWithTheValueWithoutThem() throws {
        let site = try TemporarySite(files: ["content/posts/b.md": post("title: “Day 1”\ndate: 2026-10-01\nseries: «Semana»\nseries_day: 1")])
        defer { site.remove() }
        #expect(try site.build().warnings == [
            .warning(Self.file, line: 2, column: 8, "the title is in curly quotes, which YAML keeps as part of it: readers would see “Day 1”",
                hint: "write straight double quotes instead: title: \"Day 1\""),
            .warning(Self.file, line: 4, column: 9, "the series is in curly quotes, which YAML keeps as part of it: readers would see «Semana»",
                hint: "write straight double quotes instead: series: \"Semana\""),
        ])
    }

    /// Following the hint gives the title without the curly quotes.
    @Test func theHintForACurlyQuotedValueWithAColonLeavesTheCurlyQuotesOut() throws {
        let site = try TemporarySite(files: ["content/posts/b.md": post("title: “Day 1: Pack the court”\ndate: 2026-10-01")])
        defer { site.remove() }
        #expect(site.failure() == [
            .error(Self.file, line: 2, column: 14, "this `:` inside a value that is not in quotes makes YAML read the rest as another key",
                hint: "put the value in double quotes: title: \"Day 1: Pack the court\""),
        ])
    }

    @Test func aCategoryInCurlyQuotesBesideItsPlainNameIsNamed() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01\ncategories: [Advocacy]"),
            "content/posts/b.md": post("title: \"B\"\ndate: 2026-10-02\ncategories: [“Advocacy”]"),
        ])
        defer { site.remove() }
        // The newer post's spelling would be shown; the one without curly quotes is, whichever is newer.
        #expect(try site.build().warnings == [
            .warning(Self.file, line: 4, column: 14, "the category is in curly quotes, which YAML keeps as part of its name: readers would see “Advocacy”",
                hint: "write straight double quotes instead: categories: [\"Advocacy\"]"),
        ])
        #expect(try site.read("categories/index.html").contains(">Advocacy<"))
        #expect(try !site.read("categories/index.html").contains("“Advocacy”"))
    }

    /// With no other post to merge with, the quotes would be shown: named all the same, each at its item.
    @Test func aCategoryOrTagInCurlyQuotesAloneIsNamedAtItsItem() throws {
        let site = try TemporarySite(files: [
            "content/posts/b.md": post("title: \"B\"\ndate: 2026-10-02\ncategories:\n  - Mexico\n  - “Legal aid”\ntags: [‘asylum’, «sí»]"),
        ])
        defer { site.remove() }
        #expect(try site.build().warnings == [
            .warning(Self.file, line: 6, column: 5, "the category is in curly quotes, which YAML keeps as part of its name: readers would see “Legal aid”",
                hint: "write straight double quotes instead: categories: [\"Legal aid\"]"),
            .warning(Self.file, line: 7, column: 8, "the tag is in curly quotes, which YAML keeps as part of its name: readers would see ‘asylum’",
                hint: "write straight double quotes instead: tags: [\"asylum\"]"),
            .warning(Self.file, line: 7, column: 18, "the tag is in curly quotes, which YAML keeps as part of its name: readers would see «sí»",
                hint: "write straight double quotes instead: tags: [\"sí\"]"),
        ])
    }

    @Test func anEmptySummaryIsNamedAndTheFirstParagraphIsUsed() throws {
        let site = try TemporarySite(files: [
            "content/posts/b.md": post("title: \"B\"\ndate: 2026-10-02\nsummary: \"  \"", body: "The court met at nine."),
        ])
        defer { site.remove() }
        #expect(try site.build().warnings == [
            .warning(Self.file, line: 4, column: 10, "`summary` is empty, so the post's first paragraph is used instead",
                hint: "write one sentence in it, or remove the line"),
        ])
        #expect(try site.read("feed.xml").contains("<description>The court met at nine.</description>"))
    }

    // MARK: 8. A post dated far ahead by a typo

    static func siteWithAFuturePost() throws -> TemporarySite {
        try TemporarySite(files: [
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01"),
            "content/posts/a2.md": post("title: \"A2\"\ndate: 2026-10-03"),
            "content/posts/a3.md": post("title: \"A3\"\ndate: 2026-10-04"),
            "content/posts/b.md": post("title: \"Next year by mistake\"\ndate: 2027-12-03"),
            "content/posts/c.md": post("title: \"Next week\"\ndate: 2026-11-30"),
            "content/posts/d.md": post("title: \"D\"\ndate: 2026-10-02\ndraft: true"),
        ])
    }

    @Test func checkNamesAPostDatedMoreThan30DaysAhead() throws {
        let site = try Self.siteWithAFuturePost()
        defer { site.remove() }
        #expect(SiteCheck.run(site.options()).diagnostics == [
            .warning(Self.file, line: 3, column: 7, "the post is dated 2027-12-03, more than 30 days after now, so it is left out of the site until then",
                hint: "if the year or month is a typo, correct the date; a post meant for later can stay as it is"),
        ])
    }

    @Test func theBuildReportsEachLeftOutPostByFile() throws {
        let site = try Self.siteWithAFuturePost()
        defer { site.remove() }
        let report = try site.build()
        #expect(report.warnings == [])
        #expect(report.leftOutPosts.map { "\($0.source) \($0.day) \($0.draft)" } == [
            "content/posts/b.md 2027-12-03 false", "content/posts/c.md 2026-11-30 false", "content/posts/d.md 2026-10-02 true",
        ])
        // With --drafts the draft is published, and only the future posts are left out.
        #expect(try site.build(drafts: true).leftOutPosts.map(\.source) == ["content/posts/b.md", "content/posts/c.md"])
    }

    @Test func thePreviewLabelsDraftsAndScheduledPostsInTheirLanguage() throws {
        let site = try Self.siteWithAFuturePost()
        defer { site.remove() }
        try site.write("content/posts/e.md", post("title: \"E\"\ndate: 2027-12-03\nlang: es"))
        try site.build(drafts: true, future: true)
        #expect(try site.read("posts/b/index.html").contains("<p class=\"status\"><strong>Scheduled for December 3, 2027</strong></p>\n<p class=\"meta\">"))
        #expect(try site.read("posts/d/index.html").contains("<p class=\"status\"><strong>Draft</strong></p>\n<p class=\"meta\">"))
        #expect(try site.read("posts/e/index.html").contains("<strong>Programada para el 3 de diciembre de 2027</strong>"))
        let home = try site.read("index.html")
        #expect(home.contains("<h2><a href=\"/posts/d/\" dir=\"auto\">D</a></h2>\n<p class=\"status\"><strong>Draft</strong></p>"))
        #expect(home.contains("<h2><a href=\"/posts/c/\" dir=\"auto\">Next week</a></h2>\n<p class=\"status\"><strong>Scheduled for November 30, 2026</strong></p>"))
        #expect(!home.contains("<h2><a href=\"/posts/a/\" dir=\"auto\">A</a></h2>\n<p class=\"status\">"))
        // Published as usual, nothing is labelled.
        try site.build()
        #expect(try !site.read("index.html").contains("class=\"status\""))
    }

    // MARK: 9. A series or translation key written two ways

    @Test func aSeriesNameNearAnotherGetsDidYouMean() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01\nseries: \"Week of Action\"\nseries_day: 1"),
            "content/posts/b.md": post("title: \"B\"\ndate: 2026-10-02\nseries: \"Week of Acton\"\nseries_day: 2"),
            "content/posts/c.md": post("title: \"C\"\ndate: 2026-10-03\nseries: \"Week of Action\"\nseries_day: 3"),
            // Numbered editions are series of their own.
            "content/posts/d.md": post("title: \"D\"\ndate: 2026-10-04\nseries: \"Week of Action 2\"\nseries_day: 1"),
            "content/posts/e.md": post("title: \"E\"\ndate: 2026-10-05\nseries: \"Week of Action 3\"\nseries_day: 1"),
        ])
        defer { site.remove() }
        let warnings = try site.build().warnings.filter { $0.message.contains("written differently") }
        #expect(warnings == [
            .warning(Self.file, line: 4, column: 9, "the series \"Week of Acton\" is written differently from \"Week of Action\", so this post makes a series of its own",
                hint: "did you mean \"Week of Action\"? Write the series' name exactly as its other days do"),
        ])
    }

    @Test func aTranslationKeyNearTheOriginalsGetsDidYouMean() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01\ntranslation_key: \"qa-clinic\""),
            "content/posts/b.md": post("title: \"B\"\ndate: 2026-10-02\nlang: es\ntranslation_key: \"qa-clinc\""),
            "content/posts/c.md": post("title: \"C\"\ndate: 2026-10-03\ntranslation_key: \"letter-1\""),
            "content/posts/d.md": post("title: \"D\"\ndate: 2026-10-04\ntranslation_key: \"letter-2\""),
        ])
        defer { site.remove() }
        #expect(try site.build().warnings == [
            .warning(Self.file, line: 5, column: 18, "no other post has the translation_key \"qa-clinc\", and \"qa-clinic\" has no version in es",
                hint: "did you mean \"qa-clinic\"? A translation must have the same translation_key as its original"),
        ])
    }

    // MARK: 10. new

    @Test func newReportMakesAPostFolder() throws {
        let site = try ScaffoldTests.newSite()
        defer { site.remove() }
        #expect(try ScaffoldTests.write(.report, "Court watch", in: site).get() == "content/posts/court-watch/index.md")
        try site.write("content/posts/other/index.md", post("title: \"O\"\ndate: 2026-10-01"))
        try FileManager.default.createSymbolicLink(atPath: site.root.path + "/content/posts/linked", withDestinationPath: "/tmp")
        guard case .failure(let failure) = ScaffoldTests.write(.report, "Linked", in: site) else {
            Issue.record("new wrote through a link")
            return
        }
        #expect(failure.diagnostics == [.error("content/posts/linked", "a link is already here, so Broadside will not write the post into it",
            hint: "choose another title, or give the new post another name with --slug")])
    }

    @Test func newNeverWritesThroughALinkOrIntoAPipeWhereThePostGoes() throws {
        let site = try ScaffoldTests.newSite()
        defer { site.remove() }
        let outside = site.root.appendingPathComponent("outside.md").path
        try FileManager.default.createSymbolicLink(atPath: site.root.path + "/content/posts/linked.md", withDestinationPath: outside)
        #expect(mkfifo(site.root.path + "/content/posts/piped.md", 0o644) == 0)
        for (title, what) in [("Linked", "a link"), ("Piped", "a pipe")] {
            guard case .failure(let failure) = ScaffoldTests.write(.dispatch, title, in: site) else {
                Issue.record("new wrote through \(what)")
                continue
            }
            #expect(failure.diagnostics == [.error("content/posts/\(title.lowercased()).md", "\(what) is already here, so Broadside will not write the post into it",
                hint: "choose another title, or give the new file another name with --slug")])
        }
        #expect(!FileManager.default.fileExists(atPath: outside))
    }

    @Test func newInSpanishWritesSpanishTextAndChecksTheLanguage() throws {
        let site = try ScaffoldTests.newSite()
        defer { site.remove() }
        let path = try ScaffoldTests.write(.event, "Asamblea", in: site, lang: "es").get()
        let text = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
        #expect(text.contains("  location: \"El lugar y su dirección\"\n"))
        // The comments too are in the post's language: its editor reads Spanish.
        #expect(text.contains("\n  # Cambie el inicio (fecha, hora y desfase de UTC) y el lugar; añada end: y rsvp_url: si los hay.\n"))
        #expect(text.contains("\n# Quite la línea siguiente cuando la publicación esté lista.\ndraft: true\n"))
        let report = try ScaffoldTests.write(.report, "Informe", in: site, lang: "es").get()
        let reportText = try String(contentsOf: site.root.appendingPathComponent(report), encoding: .utf8)
        #expect(reportText.contains("\n# Un archivo para descargar: póngalo junto a este index.md y quite el # de delante de estas tres líneas.\n"))
        #expect(reportText.contains("\n#     label: \"El informe completo (PDF)\"\n"))
        #expect(text.hasSuffix("---\n" + ScaffoldText.body(.event, lang: "es").joined(separator: "\n") + "\n"))
        guard case .failure(let failure) = ScaffoldTests.write(.qa, "X", in: site, lang: "xx") else {
            Issue.record("new wrote a post in a language the theme has no words for")
            return
        }
        #expect(failure.usage)
        #expect(failure.diagnostics == [.error(nil, "--lang xx: the theme has no words in this language",
            hint: "use one of en, es, or add i18n/xx.yml to the site, translated from i18n/en.yml")])
    }

    @Test func newTranslationOfFillsTheKeyOrSaysThereIsNoSuchPost() throws {
        let site = try ScaffoldTests.newSite(["content/posts/clinic.md": post("title: \"Clinic\"\ndate: 2026-10-01\ntranslation_key: \"qa-clinic\"")])
        defer { site.remove() }
        let request = NewPost.Request(kind: .qa, title: "Clínica", lang: "es", translationOf: "clinic", now: testNow)
        let path = try NewPost.write(request, source: site.root).get()
        let text = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
        #expect(text.contains("\nlang: es\ntranslation_key: \"qa-clinic\"\n"))
        let missing = NewPost.Request(kind: .qa, title: "Otra", lang: "es", translationOf: "clinc", now: testNow)
        guard case .failure(let failure) = NewPost.write(missing, source: site.root) else {
            Issue.record("new wrote a translation of a post that does not exist")
            return
        }
        #expect(failure.diagnostics == [.error(nil, "--translation-of \"clinc\": there is no post with this slug",
            hint: "give the slug of the post this one translates, its file's name without .md (did you mean clinic?)")])
        let sameLanguage = NewPost.Request(kind: .qa, title: "Clinic again", translationOf: "clinic", now: testNow)
        guard case .failure(let same) = NewPost.write(sameLanguage, source: site.root) else {
            Issue.record("new wrote a translation in the original's language")
            return
        }
        #expect(same.usage)
        #expect(same.diagnostics == [.error(nil, "--translation-of clinic: that post is in en too, and a translation is in another language",
            hint: "give the translation's language with --lang, such as --lang es")])
    }

    @Test func newCleansControlCharactersFromTheTitle() throws {
        let site = try ScaffoldTests.newSite()
        defer { site.remove() }
        let path = try ScaffoldTests.write(.dispatch, "Don\u{92}t\u{7} wait", in: site).get()
        let text = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
        #expect(text.hasPrefix("---\ntitle: \"Don’t  wait\"\n"))
    }

    // MARK: 11. Markdown beside content/posts/

    @Test func aPageBesidePostsIsToldWherePagesGo() throws {
        let site = try TemporarySite(files: ["content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01"), "content/about.md": "# About us\n"])
        defer { site.remove() }
        let warnings = try site.build().warnings
        #expect(warnings == [.warning("content/about.md", "this file is not read: \(UnreadFilesTests.noPages)",
            hint: UnreadFilesTests.pageHint("about"))])
        #expect(warnings.first?.hint?.contains("content/pages/about.md") == true)
    }

    // MARK: Control characters

    @Test func aControlCharacterInATitleIsNamedAtItsLineWithTheFix() throws {
        let site = try Self.siteWithOnePost()
        defer { site.remove() }
        let (diagnostics, untouched) = try Self.rebuild(adding: [Self.file: "---\ndate: 2026-10-02\ntitle: \"Don\u{92}t wait\"\n---\nText.\n"], to: site)
        #expect(untouched)
        #expect(diagnostics == [
            .error(Self.file, line: 3, column: 12, "this line holds the control character U+0092, which YAML does not allow",
                hint: "replace it with ’ (a file saved in another encoding does this)"),
        ])
    }

    @Test func aControlCharacterWrittenAsAnEscapeIsAWarningWithTheFix() throws {
        let site = try TemporarySite(files: [Self.file: post("date: 2026-10-02\ntitle: \"Don\\u0092t wait\"")])
        defer { site.remove() }
        #expect(try site.build().warnings == [
            .warning(Self.file, line: 3, column: 8, "the title holds the control character U+0092, which browsers show as a box or not at all",
                hint: "replace it with ’ (a file saved in another encoding does this): title: \"Don’t wait\""),
        ])
    }
}
