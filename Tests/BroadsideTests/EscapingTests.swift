import Foundation
import Testing

@testable import Broadside

/// Escaping holds for every Unicode text: a quote followed by a combining mark is one Swift
/// `Character` that is not `"`, and must still never close an attribute.
@Suite struct EscapingTests {
    static let marks = ["\u{301}", "\u{308}", "\u{20DD}", "\u{FE0F}"]

    @Test(arguments: ["&", "<", ">", "\"", "'"])
    func markupEscapesEachByteWhateverFollows(_ special: String) {
        let entity = ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"][special]!
        for mark in Self.marks {
            #expect(Escaping.markup("a\(special)\(mark)b") == "a\(entity)\(mark)b")
        }
        #expect(Escaping.markup(special) == entity)
    }

    @Test func markupLeavesOtherTextAsItIs() {
        #expect(Escaping.markup("Niñez Migrante 🇲🇽 — día 3") == "Niñez Migrante 🇲🇽 — día 3")
        #expect(Escaping.markup("") == "")
        #expect(Escaping.markup("Q&A: \"día\" <3 it's") == "Q&amp;A: &quot;día&quot; &lt;3 it&#39;s")
    }

    /// Every text field of a post and of site.yml, each holding a quote followed by a mark and
    /// an attribute that would run script if the quote closed the attribute.
    @Test func combiningMarksNeverCloseAnAttribute() throws {
        let evil = "x\"\u{301} onmouseover=alert(1) y='\u{301} z<\u{301}img src=x onerror=alert(2)>&\u{301}"
        // By scalar: Foundation's replacingOccurrences compares Characters and misses `"` + U+0301.
        let quoted = String(String.UnicodeScalarView(evil.unicodeScalars.flatMap { $0 == "\"" || $0 == "\\" ? ["\\", $0] : [$0] }))
        let site = try TemporarySite(files: [
            "site.yml": "title: \"\(quoted)\"\ndescription: \"\(quoted)\"\nbase_url: \"https://example.org/\"\n",
            "content/posts/a.md": post("""
                title: "\(quoted)"
                date: 2026-10-01
                summary: "\(quoted)"
                categories: ["\(quoted)"]
                tags: ["\(quoted)"]
                series: "\(quoted)"
                series_day: 1
                """, body: evil),
        ])
        defer { site.remove() }
        try site.build()
        for path in try tree(site.output).keys.sorted() where path.hasSuffix(".html") || path.hasSuffix(".xml") {
            let bytes = Array(try site.read(path).utf8)
            for special in ["\"", "'", "<"] {
                let raw = Array("\(special)\u{301}".utf8)
                let leaked = bytes.contains(raw)  // computed first: a failing #expect would print every byte
                #expect(!leaked, "\(path) holds \(special) followed by a combining mark, unescaped")
            }
            let image = bytes.contains(Array("<img".utf8))
            #expect(!image, "\(path) holds an <img> the theme did not write")
        }
        let page = try site.read("posts/a/index.html")
        #expect(page.contains("<meta name=\"description\" content=\"x&quot;\u{301} onmouseover=alert(1) y=&#39;\u{301} z&lt;\u{301}img src=x onerror=alert(2)&gt;&amp;\u{301}\">"))
    }

    /// swift-mustache falls back to its own escaper in every partial; Broadside's must hold there too.
    @Test func partialsEscapeWithBroadsidesEscaper() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": post("title: \"a\\\"\u{301} onfocus=alert(1) autofocus x=\\\"\"\ndate: 2026-10-01"),
            "templates/post.mustache": "{{#post}}{{> partials/attr}}{{/post}}\n",
            "templates/partials/attr.mustache": "<p title=\"{{title}}\">{{title}}</p>\n",
        ])
        defer { site.remove() }
        try site.build()
        #expect(try site.read("posts/a/index.html")
            == "<p title=\"a&quot;\u{301} onfocus=alert(1) autofocus x=&quot;\">a&quot;\u{301} onfocus=alert(1) autofocus x=&quot;</p>\n\n")
    }

    @Test func themesCannotSwitchEscapingOff() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01"),
            "templates/post.mustache": """
                {{%CONTENT_TYPE:TEXT}}
                <h1>{{{post.title}}}</h1>{{& post.summary }}
                {{! a comment may say {{{title}}} }}{{{post.content}}}{{>*name}}
                {{=<% %>=}}
                <%{post.title}%>
                """,
        ])
        defer { site.remove() }
        let file = "templates/post.mustache"
        #expect(site.failure() == [
            .error(file, line: 1, column: 1, "a theme cannot set Mustache pragmas such as {{%CONTENT_TYPE}}",
                hint: "remove the tag: Broadside escapes every value for HTML itself"),
            .error(file, line: 2, column: 5, "{{{post.title}}} would insert `post.title` without escaping",
                hint: "write {{post.title}}: only content, email_image, json_ld and rendered_item hold markup that Broadside made, and only they may use {{{ }}}"),
            .error(file, line: 2, column: 26, "{{&post.summary}} would insert `post.summary` without escaping",
                hint: "write {{post.summary}}: only content, email_image, json_ld and rendered_item hold markup that Broadside made, and only they may use {{{ }}}"),
            .error(file, line: 3, column: 55, "a theme cannot choose a partial by a value ({{>*name}})",
                hint: "include the partial by its name, such as {{> partials/post-item}}"),
            .error(file, line: 4, column: 1, "a theme cannot change Mustache's {{ }} delimiters",
                hint: "remove the {{=…=}} tag and write tags with {{ }}"),
            // Read with the new delimiters, as Mustache reads them: a changed delimiter hides nothing.
            .error(file, line: 5, column: 1, "{{{post.title}}} would insert `post.title` without escaping",
                hint: "write {{post.title}}: only content, email_image, json_ld and rendered_item hold markup that Broadside made, and only they may use {{{ }}}"),
        ])
    }

    /// Lines are counted alike whatever ends them: `\r\n` is one Swift Character, not `\n`.
    @Test func templateLinesWithWindowsLineEnds() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01"),
            "templates/post.mustache": "<main>\r\n  {{{post.title}}}\r\n  {{> partials/nowhere}}\r\n</main>\r\n",
        ])
        defer { site.remove() }
        let file = "templates/post.mustache"
        #expect(site.failure().map(\.location) == ["\(file):2:3", "\(file):3:3"])
    }

    /// `{{{content}}}` inside `{{#params}}` must find the post's HTML, never text from front matter.
    @Test func frontMatterCannotStandInForHTML() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": post("""
                title: "A"
                date: 2026-10-01
                content: "<script>alert(1)</script>"
                box:
                  rendered_item: "<img src=x onerror=alert(2)>"
                """, body: "The *real* body."),
            "templates/post.mustache": "{{#post}}{{#params}}[{{{content}}}]{{#box}}({{{rendered_item}}}){{/box}}{{/params}}{{/post}}\n",
        ])
        defer { site.remove() }
        let report = try site.build()
        #expect(try site.read("posts/a/index.html") == "[<p>The <em>real</em> body.</p>\n]()\n")
        #expect(report.warnings == [
            .warning("content/posts/a.md", line: 4, column: 1,
                "`content` is left out: `content` is the name of HTML that Broadside makes, so templates never see this key",
                hint: "give the key another name"),
            .warning("content/posts/a.md", line: 6, column: 3,
                "`box.rendered_item` is left out: `rendered_item` is the name of HTML that Broadside makes, so templates never see this key",
                hint: "give the key another name"),
        ])
    }

    @Test func extraKeysCannotHoldScriptURLs() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": post("""
                title: "A"
                date: 2026-10-01
                link: "javascript:alert(1)"
                more:
                  - " JaVa\tScRiPt:alert(2)"
                  - "Update: the hearing moved"
                """),
        ])
        defer { site.remove() }
        let hint = "use an http, https, mailto: or tel: URL, or a path on this site"
        #expect(site.failure() == [
            .error("content/posts/a.md", line: 4, column: 7,
                "`link` is a javascript: URL, which would run in a reader's browser or read their files", hint: hint),
            .error("content/posts/a.md", line: 6, column: 5,
                "`more[1]` is a javascript: URL, which would run in a reader's browser or read their files", hint: hint),
        ])
    }
}

/// Links and images in Markdown that would run script are removed and leave valid HTML.
@Suite struct UnsafeMarkdownTests {
    @Test func unsafeImageBecomesItsAltText() {
        let out = Markdown.render("Look: ![a rally](javascript:alert(1)) and ![ok](data:image/png;base64,AAAA)\n")
        #expect(out.html == "<p>Look: a rally and <img src=\"data:image/png;base64,AAAA\" alt=\"ok\" /></p>\n")
        #expect(out.notes == [
            .init(line: 1, column: 7, message: "the image with a javascript: URL was removed; its alt text is shown instead",
                hint: "links and images may be http, https, mailto: or tel: URLs, or paths on this site")
        ])
    }

    @Test(arguments: [
        "javascript:alert(1)", "JAVASCRIPT:alert(1)", "&#106;avascript:alert(1)", "vbscript:msgbox(1)",
        "data:text/html;base64,PHNjcmlwdD4=", "file:///etc/passwd",
    ])
    func unsafeLinkKeepsItsText(_ url: String) {
        let out = Markdown.render("Para.\n\nSee [the *report*](\(url)) now.\n")
        #expect(out.html == "<p>Para.</p>\n<p>See the <em>report</em> now.</p>\n")
        #expect(out.notes.map(\.line) == [3])
    }

    @Test func nestedUnsafeImageInUnsafeLink() {
        let out = Markdown.render("[![alt](javascript:a)](javascript:b)\n")
        #expect(out.html == "<p>alt</p>\n")
        #expect(out.notes.count == 2)
    }

    @Test func safeSchemesStay() {
        let out = Markdown.render("[a](https://x.org) [b](mailto:a@x.org) [c](tel:+15551234) [d](sms:+1555) [e](/posts/a/) [f](#top)\n")
        #expect(out.notes.isEmpty)
        #expect(out.html.contains("<a href=\"sms:+1555\">d</a>"))
        #expect(out.html.contains("<a href=\"#top\">f</a>"))
    }

    @Test func unsafeSitesKeepWhatTheyWrote() {
        let out = Markdown.render("[x](javascript:go())\n", unsafe: true)
        #expect(out.html == "<p><a href=\"javascript:go()\">x</a></p>\n")
        #expect(out.notes.isEmpty)
    }

    /// A NUL byte used to end the post there: cmark got a C string.
    @Test func nulByteIsReplacedAndTheRestKept() throws {
        let out = Markdown.render("First line.\n\nSecond \u{0} line.\n\nThird.\n")
        #expect(out.html == "<p>First line.</p>\n<p>Second \u{FFFD} line.</p>\n<p>Third.</p>\n")
        #expect(out.notes == [
            .init(line: 3, column: 8, message: "the text holds a NUL byte, shown as \u{FFFD}",
                hint: "delete the invisible character at this place; it often comes from text pasted out of a PDF or a binary file")
        ])
        let site = try TemporarySite(files: ["content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01", body: "One.\n\nTwo \u{0} three.\n\nFour.")])
        defer { site.remove() }
        let report = try site.build()
        #expect(try site.read("posts/a/index.html").contains("<p>Four.</p>"))
        #expect(report.warnings.map(\.location) == ["content/posts/a.md:7:5"])
    }

    @Test func warningsPointAtTheLineInThePost() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01", body: "Intro.\n\nClick [here](javascript:alert(1)).")
        ])
        defer { site.remove() }
        let report = try site.build()
        #expect(report.warnings == [
            .warning("content/posts/a.md", line: 7, column: 7, "the link with a javascript: URL was removed, keeping its text",
                hint: "links and images may be http, https, mailto: or tel: URLs, or paths on this site")
        ])
    }
}

@Suite struct URLPolicyTests {
    @Test(arguments: [
        ("https://x.org/a", nil), ("HTTP://x.org", nil), ("mailto:a@b.org", nil), ("tel:+15551234", nil),
        ("/posts/a/", nil), ("../a.pdf", nil), ("#top", nil), ("a.pdf", nil), ("a:b/c", "it is a a: URL"),
        ("javascript:alert(1)", "it is a javascript: URL"), (" java\tscript:x", "it is a javascript: URL"),
        ("\u{1}javascript:x", "it is a javascript: URL"), ("data:text/html,x", "it is a data: URL"),
        ("//evil.example/x", "it starts with // (a link to another host without http: or https:)"),
        ("ftp://x.org", "it is a ftp: URL"),
    ] as [(String, String?)])
    func problem(_ url: String, _ expected: String?) {
        #expect(URLPolicy.problem(with: url) == expected)
    }
}

extension Array where Element == UInt8 {
    func contains(_ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= count else { return needle.isEmpty }
        return (0...(count - needle.count)).contains { self[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}

/// Found by fuzz-markdown (`Fuzz/regressions/markdown/root-link-then-combining-mark`): a path
/// whose first `Character` is `/` plus a combining mark is still root-relative to a browser.
@Suite struct RootPathTests {
    @Test func rootRelativeLinksGetTheRootPathWhateverFollowsTheSlash() {
        let out = Markdown.render("[link](/\u{301}posts/a/) [two](//other.example/x)\n", rootPath: "/news/")
        #expect(out.html == "<p><a href=\"/news/%CC%81posts/a/\">link</a> <a href=\"//other.example/x\">two</a></p>\n")
    }
}

extension RootPathTests {
    @Test func theBaseURLsPathIsReadByBytes() {
        #expect(SiteURLs(baseURL: "https://x.org/\u{301}news/").rootPath == "/\u{301}news/")
        #expect(SiteURLs(baseURL: "https://x.org/news/").rootPath == "/news/")
        #expect(SiteURLs(baseURL: "https://News.Example.org:8080/news/").host == "news.example.org:8080")
        #expect(SiteURLs(baseURL: "https://x.org").rootPath == "/")
        #expect(SiteURLs(baseURL: nil).rootPath == "/")
    }
}

@Suite struct DirectionControlTests {
    @Test func openControlsAreClosedAtTheEndOfTheValueAndStrayClosersDropped() {
        #expect(Escaping.balancingDirection("Ana \u{202E}zenítraM") == "Ana \u{202E}zenítraM\u{202C}")
        #expect(Escaping.balancingDirection("\u{2067}\u{202B}x") == "\u{2067}\u{202B}x\u{202C}\u{2069}")
        #expect(Escaping.balancingDirection("a\u{202C}b\u{2069}c") == "abc")
        #expect(Escaping.balancingDirection("\u{2066}\u{202A}x\u{2069}y") == "\u{2066}\u{202A}x\u{2069}y")
        #expect(Escaping.balancingDirection("\u{202B}x\u{202C}— “y”") == "\u{202B}x\u{202C}— “y”")
        #expect(Escaping.markup("<\u{202E}>") == "&lt;\u{202E}&gt;\u{202C}")
    }

    /// The theme's words after an author with an unclosed override read as written.
    @Test func anAuthorWithAnUnclosedOverrideDoesNotReverseThePage() throws {
        let site = try TemporarySite(files: ["content/posts/a.md": post("title: \"Vigil \u{202E}tonight\"\ndate: 2026-10-01\nauthor: \"Ana \u{202E}Mart\u{202C}\u{202C}ínez \u{2067}x\"")])
        defer { site.remove() }
        try site.build()
        let page = try site.read("posts/a/index.html")
        #expect(page.contains("Vigil \u{202E}tonight\u{202C}</h1>") || page.contains("Vigil \u{202E}tonight\u{202C}<"))
        #expect(page.contains("Ana \u{202E}Mart\u{202C}ínez \u{2067}x\u{2069}"))
        #expect(!page.contains("tonight</"))
    }
}

/// The one-pass escaper gives exactly what the general escapers give, for HTML and XML, on text
/// made of the bytes each path treats apart: entities, control characters, direction controls,
/// curly quotes (0xE2 too), U+FFFE/U+FFFF and U+FEFF (0xEF), combining marks.
@Suite struct FastEscapingTests {
    static let pieces = [
        "a", "Ü", "&", "<", ">", "\"", "'", "\t", "\n", "\r", "\u{1}", "\u{1F}", "\u{202E}", "\u{202C}", "\u{2066}", "\u{2069}",
        "\u{201C}", "\u{2014}", "\u{2028}", "\u{FFFE}", "\u{FFFF}", "\u{FEFF}", "\u{301}", "🙂", " ",
    ]

    @Test func itEqualsTheGeneralEscapers() {
        var generator = SystemRandomNumberGenerator()
        var cases = Self.pieces + ["", "plain text only", "\u{202E}abc", "x\u{FFFF}", "“quoted” — text"]
        for _ in 0..<3_000 {
            cases.append((0..<Int.random(in: 1...12, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined())
        }
        for text in cases {
            for xml in [false, true] {
                let general = FastEscaping.general(text, xml: xml)
                #expect(FastEscaping.escaped(text, xml: xml) == general, "\(text.debugDescription) xml: \(xml)")
                var out: [UInt8] = Array("pre".utf8)
                FastEscaping.append(text, xml: xml, to: &out)
                #expect(out == Array(("pre" + general).utf8), "\(text.debugDescription) xml: \(xml)")
            }
        }
    }
}
