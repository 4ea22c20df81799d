import Foundation
import Testing

@testable import Broadside

/// Bad input: each error names the file, line and column, says how to fix it,
/// every error of a build comes together, and the previous site is left alone.
@Suite struct ErrorTests {
    @Test func unquotedColonInYAML() throws {
        let site = try TemporarySite(files: [
            "content/posts/cuts.md": post("title: Cuts: What's next\ndate: 2026-10-01")
        ])
        defer { site.remove() }
        #expect(site.failure() == [
            .error("content/posts/cuts.md", line: 2, column: 12,
                "this `:` inside a value that is not in quotes makes YAML read the rest as another key",
                hint: "put the value in double quotes: title: \"Cuts: What's next\"")
        ])
    }

    @Test func missingTitleAndDate() throws {
        let site = try TemporarySite(files: ["content/posts/empty.md": post("kind: dispatch")])
        defer { site.remove() }
        #expect(site.failure() == [
            .error("content/posts/empty.md", line: 1, column: 1, "the post has no title",
                hint: "add a line such as title: \"Day 1: Pack the courtroom\" to the front matter"),
            .error("content/posts/empty.md", line: 1, column: 1, "the post has no date",
                hint: "add a line such as date: 2026-05-01 or date: 2026-05-01T09:30:00-05:00 to the front matter"),
        ])
    }

    @Test func unparseableDate() throws {
        let site = try TemporarySite(files: [
            "content/posts/when.md": post("title: \"When\"\ndate: 2026-13-01")
        ])
        defer { site.remove() }
        #expect(site.failure() == [
            .error("content/posts/when.md", line: 3, column: 7, "`date` is not a date: \"2026-13-01\"",
                hint: "write the date as 2026-05-01, or with a time and UTC offset as 2026-05-01T09:30:00-05:00")
        ])
    }

    @Test func duplicateSlug() throws {
        let site = try TemporarySite(files: [
            "content/posts/rally.md": post("title: \"Rally\"\ndate: 2026-10-01"),
            "content/posts/2026/other.md": post("title: \"Other\"\ndate: 2026-10-02\nslug: Rally"),
        ])
        defer { site.remove() }
        #expect(site.failure() == [
            .error("content/posts/rally.md", "the slug \"rally\" is already used by content/posts/2026/other.md",
                hint: "both would be written to /posts/rally/; rename one file or give it another slug: in its front matter")
        ])
    }

    @Test func missingPartial() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01"),
            "templates/post.mustache": "<main>\n  {{> partials/sharing }}\n</main>\n",
        ])
        defer { site.remove() }
        #expect(site.failure() == [
            .error("templates/post.mustache", line: 2, column: 3, "the partial \"partials/sharing\" does not exist",
                hint: "add themes/default/templates/partials/sharing.mustache, or fix the name; templates are named by their path below templates/ without .mustache")
        ])
    }

    @Test func missingTheme() throws {
        let site = try TemporarySite(files: [
            "site.yml": "theme: newsroom\n",
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01"),
        ])
        defer { site.remove() }
        #expect(site.failure().filter { $0.severity == .error } == [
            .error("themes/newsroom", "the theme \"newsroom\" is missing: there is no themes/newsroom/ folder",
                hint: "themes here: default; set theme: in site.yml to one of them")
        ])
    }

    @Test func templateThatDoesNotParse() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01"),
            "templates/list.mustache": "{{#posts}}\n<p>{{title}}</p>\n{{/post}}\n",
        ])
        defer { site.remove() }
        let errors = site.failure()
        #expect(errors.count == 1)
        #expect(errors.first?.file == "templates/list.mustache")
        #expect(errors.first?.line == 3)
        #expect(errors.first?.message == "the template does not parse: a section is closed with another name than it was opened")
    }

    @Test func badSettings() throws {
        let site = try TemporarySite(files: [
            "site.yml": "title: \"News\"\ntime_zone: Mars/Olympus\nposts_per_page: none\ncolour: red\n",
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01"),
        ])
        defer { site.remove() }
        #expect(site.failure() == [
            .error("site.yml", line: 2, column: 12, "`time_zone` is not a time zone name: Mars/Olympus",
                hint: "use a name from the tz database, such as America/Chicago, Europe/Madrid or UTC"),
            .error("site.yml", line: 3, column: 17, "`posts_per_page` must be a whole number from 1 to 1000", hint: "posts_per_page: 10"),
            .warning("site.yml", line: 4, column: 1, "unknown setting `colour` is ignored",
                hint: "the settings are title, description, base_url, language, time_zone, theme, posts_per_page, feed_size, feeds, share_image, logo, search_engines, search, unsafe, images, menu, footer_menu, footer_text, social, donate, brand, term_pairs, newsletter, publish"),
            .warning("site.yml", "the site has no base_url, so its feeds link to http://localhost/, its pages have no share cards and it has no sitemap",
                hint: "set base_url: \"https://your.org/\" in site.yml, or pass --base-url"),
        ])
    }

    @Test func wrongTypesAndUnknownKind() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": post("title:\n  - \"A\"\ndate: 2026-10-01\nkind: newsletter\ntags:\n  nested: map\nseries_day: first\ndraft: maybe")
        ])
        defer { site.remove() }
        #expect(site.failure().map { "\($0.line ?? 0):\($0.column ?? 0) \($0.message)" } == [
            "3:3 `title` must be a single value, not a list or map",
            "5:7 unknown kind \"newsletter\"",
            "9:8 `draft` must be true or false",
            "8:13 `series_day` must be a whole number from 1 to 1000",
            "7:3 `tags` must be a list of names",
        ])
    }

    @Test func noFrontMatter() throws {
        let site = try TemporarySite(files: ["content/posts/plain.md": "# Just a heading\n"])
        defer { site.remove() }
        #expect(site.failure() == [
            .error("content/posts/plain.md", line: 1, column: 1, "the file does not start with front matter",
                hint: "begin the file with a `---` line, then title: and date:, then another `---` line")
        ])
    }

    @Test func frontMatterThatNeverEnds() throws {
        let site = try TemporarySite(files: ["content/posts/open.md": "---\ntitle: \"Open\"\ndate: 2026-10-01\n\nThe body.\n"])
        defer { site.remove() }
        #expect(site.failure() == [
            .error("content/posts/open.md", line: 1, column: 1, "the front matter that starts here never ends",
                hint: "add a line with only `---` after the last front-matter line, before the text of the post")
        ])
    }

    @Test func everyErrorOfABuildIsReportedTogether() throws {
        let site = try TemporarySite(files: [
            "site.yml": "theme: missing\n",
            "content/posts/a.md": post("title: \"A\""),
            "content/posts/b.md": post("date: 2026-10-01"),
            "content/posts/c.md": post("title: \"C\"\ndate: soon"),
        ])
        defer { site.remove() }
        let files = site.failure().filter { $0.severity == .error }.map { $0.file ?? "" }
        #expect(files == ["themes/missing", "content/posts/a.md", "content/posts/b.md", "content/posts/c.md"])
    }

    @Test func aFailedBuildLeavesThePreviousSiteUntouched() throws {
        let site = try TemporarySite(files: ["content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01")])
        defer { site.remove() }
        try site.build()
        let before = try tree(site.output)
        let neighbours = try FileManager.default.contentsOfDirectory(atPath: site.root.path).sorted()
        try site.write("content/posts/b.md", post("title: \"B\"\ndate: 2026-10-01\nslug: a"))
        #expect(!site.failure().isEmpty)
        #expect(try tree(site.output) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.path).sorted() == neighbours)
    }

    @Test func anOutputThatIsALinkReplacesWhatItPointsTo() throws {
        let site = try TemporarySite(files: ["content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01")])
        defer { site.remove() }
        let webRoot = site.root.appendingPathComponent("www/html")
        try FileManager.default.createDirectory(at: webRoot, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: site.output, withDestinationURL: webRoot)
        try site.build()
        try site.build()
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: site.output.path) == webRoot.path)
        #expect(FileManager.default.fileExists(atPath: webRoot.appendingPathComponent("posts/a/index.html").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: webRoot.deletingLastPathComponent().path) == ["html"])
    }

    @Test func outputMayNotHoldTheSite() throws {
        let site = try TemporarySite(files: ["content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01")])
        defer { site.remove() }
        for output in [site.root, site.root.deletingLastPathComponent(), site.root.appendingPathComponent("content/out")] {
            var options = site.options()
            options.output = output
            #expect(throws: BuildFailure.self) { try Build.run(options) }
        }
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("content/posts/a.md").path))
    }

    @Test func aTermWithoutLettersIsAnError() throws {
        let site = try TemporarySite(files: ["content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01\ntags: [\"¿?\"]")])
        defer { site.remove() }
        #expect(site.failure() == [
            .error("content/posts/a.md", "the tag \"¿?\" has no letters or digits",
                hint: "give the tag a name with letters or digits, or remove it")
        ])
    }
}

@Suite struct TemplateErrorTests {
    @Test func partialsThatIncludeEachOtherAreAnErrorNotACrash() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01"),
            "templates/partials/a.mustache": "<p>{{>partials/b}}</p>\n",
            "templates/partials/b.mustache": "{{#post}}{{>partials/b}}{{/post}}\n{{>partials/a}}\n",
        ])
        defer { site.remove() }
        #expect(site.failure() == [
            .error("templates/partials/b.mustache", line: 1, column: 10,
                "the templates include each other in a circle: partials/b → partials/b",
                hint: "remove this include: a template may not include itself, directly or through others, even inside a {{#section}}"),
            .error("templates/partials/b.mustache", line: 2, column: 1,
                "the templates include each other in a circle: partials/a → partials/b → partials/a",
                hint: "remove this include: a template may not include itself, directly or through others, even inside a {{#section}}"),
        ])
    }

    // Mustache looks a missing key up in the enclosing contexts: one level of the data without
    // `items` and the recursion finds its parent's and never ends, and swift-mustache would crash.
    @Test func aPartialInsideASectionMayNotRecurse() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01\nmenu:\n  items:\n    - name: one"),
            "templates/post.mustache": "{{#post.params.menu}}{{>partials/menu}}{{/post.params.menu}}\n",
            "templates/partials/menu.mustache": "<ul>{{#items}}<li>{{name}}\n           {{>partials/menu}}</li>{{/items}}</ul>",
        ])
        defer { site.remove() }
        #expect(site.failure() == [
            .error("templates/partials/menu.mustache", line: 2, column: 12,
                "the templates include each other in a circle: partials/menu → partials/menu",
                hint: "remove this include: a template may not include itself, directly or through others, even inside a {{#section}}")
        ])
    }
}

/// The rest of the messages an editor can meet, each with its exact words.
@Suite struct MoreErrorMessages {
    @Test func postMessages() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01\nlang: english\nslug: \"!!!\""),
            "content/posts/b.md": post("title: \"B\"\ntitle: \"B again\"\ndate: 2026-10-01"),
            "content/posts/c.md": post("- title\n- date"),
            "content/posts/---.md": post("title: \"D\"\ndate: 2026-10-01"),
        ])
        defer { site.remove() }
        try Data([0x2D, 0x2D, 0x2D, 0x0A, 0xFF, 0xFE, 0x0A]).write(to: site.root.appendingPathComponent("content/posts/e.md"))
        #expect(site.failure() == [
            .error("content/posts/---.md", "the file name gives an empty slug",
                hint: "rename the file with letters or digits, or set slug: in the front matter"),
            .error("content/posts/a.md", line: 4, column: 7, "`lang` is not a language code: \"english\"",
                hint: "use a code such as en, es or pt-BR"),
            .error("content/posts/a.md", line: 5, column: 7, "`slug` has no letters or digits: \"!!!\"",
                hint: "slug: day-1-pack-the-court"),
            .error("content/posts/b.md", line: 3, column: 1, "`title` is set twice", hint: "keep one `title:` line"),
            .error("content/posts/c.md", line: 2, column: 1, "the front matter must be `key: value` lines",
                hint: "for example title: \"Day 1: Pack the court\""),
            .error("content/posts/e.md", line: 2, column: 1, "the file is not UTF-8 text: the byte 0xFF here is not UTF-8",
                hint: "save the file as UTF-8 in your editor (in the Save As dialogue, choose the encoding UTF-8), then check the letters with accents on this line"),
        ])
    }

    @Test func siteMessages() throws {
        let site = try TemporarySite(files: [
            "site.yml": "base_url: \"example.org\"\n",
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01"),
            "static/feed.xml": "<rss/>",
            "templates/terms.mustache": "{{#x}}",
        ])
        defer { site.remove() }
        #expect(site.failure().filter { $0.severity == .error } == [
            .error("site.yml", line: 1, column: 11, "`base_url` must be an absolute http(s) URL",
                hint: "base_url: \"https://example.org/\""),
            .error("templates/terms.mustache", line: 1, column: 7,
                "the template does not parse: a section is never closed",
                hint: "check that every {{#section}} and {{^section}} is closed by {{/section}} with the same name"),
        ])
    }

    @Test func aStaticFileMayNotReplaceAPage() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01"),
            "static/feed.xml": "<rss/>",
        ])
        defer { site.remove() }
        #expect(site.failure() == [
            .error("static/feed.xml", "this static file would replace the generated page /feed.xml",
                hint: "rename or remove the file")
        ])
    }

    @Test func noPostsFolderAndABadBaseURLOption() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content"))
        var options = site.options()
        options.baseURL = "ftp://example.org"
        do {
            _ = try Build.run(options)
            Issue.record("the build should have failed")
        } catch {
            #expect(error.errors == [
                .error(nil, "--base-url ftp://example.org must be an absolute http(s) URL",
                    hint: "pass it with its scheme, for example --base-url https://example.org/"),
                .error("content/posts", "there is no content/posts/ folder in \(site.root.path)",
                    hint: "run broadside in your site's folder or pass --source; to start a new site here, run broadside init"),
            ])
        }
    }

    @Test func aThemeWithoutARequiredTemplate() throws {
        let site = try TemporarySite(files: [
            "site.yml": "base_url: \"https://example.org/\"\ntheme: bare\n",
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01"),
        ])
        defer { site.remove() }
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("themes"))
        try site.write("themes/bare/templates/post.mustache", "{{post.title}}")
        try site.write("themes/bare/templates/list.mustache", "{{heading}}")
        #expect(site.failure() == [
            .error("themes/bare/templates", "the theme \"bare\" has no terms template",
                hint: "add themes/bare/templates/terms.mustache"),
            .error("themes/bare/i18n/en.yml", "the theme has no strings in the site's language (en): there is no themes/bare/i18n/en.yml",
                hint: "add themes/bare/i18n/en.yml, copied from the built-in theme's i18n/en.yml"),
        ])
    }

    @Test func anOutputThatIsAFile() throws {
        let site = try TemporarySite(files: ["content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01")])
        defer { site.remove() }
        try site.write("site", "not a folder")
        let path = site.output.resolvingSymlinksInPath().path
        #expect(site.failure() == [
            .error(nil, "the output \(path) is a file, not a folder",
                hint: "pass another folder with --output, or move the file away")
        ])
    }
}

/// Sections nested thousands deep overflowed swift-mustache's recursive parser (exit 139 in build,
/// check and serve); 100,000 levels took minutes before that, in Broadside's own tag scanner
/// (columns measured from the line's start at every tag; Foundation's `range(of:)` copying the rest).
@Suite struct TemplateNestingTests {
    static func template(_ levels: Int) -> String {
        "{{<base}}{{$main}}\n" + String(repeating: "{{#post}}", count: levels) + "{{title}}"
            + String(repeating: "{{/post}}", count: levels) + "\n{{/main}}{{/base}}\n"
    }

    @Test func sectionsNestedPastTheLimitAreAnErrorAtTheirTagAndTheSiteStaysAsItWas() throws {
        // The layout's two blocks and 98 sections: 100 levels, the most a template may nest.
        let site = try TemporarySite(files: ["content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01"),
            "templates/post.mustache": Self.template(98)])
        defer { site.remove() }
        try site.build()
        #expect(try site.read("posts/a/index.html").contains("A"))
        let before = try tree(site.output)
        try site.write("templates/post.mustache", Self.template(20_000))
        #expect(site.failure() == [.error("templates/post.mustache", line: 2, column: 98 * 9 + 1,
            "sections are nested more than 100 deep here",
            hint: "close sections with {{/name}} before opening others; a template needs a few levels, not hundreds")])
        #expect(try tree(site.output) == before)
        #expect(SiteCheck.run(site.options()).diagnostics.first?.message == "sections are nested more than 100 deep here")
    }
}

@Suite struct NormalisationClashTests {
    /// `café` written as é (NFC) and as e + U+0301 (NFD, as macOS wrote names), and Å as U+212B and
    /// U+00C5: Swift compares each pair as equal, so one file went out under the other's name.
    @Test(arguments: [
        ("static/caf\u{E9}.txt", "static/cafe\u{301}.txt"),
        ("static/logos/\u{212B}.txt", "static/logos/\u{C5}.txt"),
        ("content/posts/a/caf\u{E9}.pdf", "content/posts/a/cafe\u{301}.pdf"),
    ])
    func namesThatAreTheSameTextInOtherBytesAreAnError(_ first: String, _ second: String) throws {
        let site = try TemporarySite(files: ["content/posts/a/index.md": post("title: \"A\"\ndate: 2026-10-01")])
        defer { site.remove() }
        try site.build()
        let before = try tree(site.output)
        try site.write(first, "one")
        try site.write(second, "two")
        // Listed in byte order: NFD's "e" (0x65) comes before NFC's "é" (0xC3 0xA9), U+00C5 before U+212B.
        let (a, b) = first.utf8.lexicographicallyPrecedes(second.utf8) ? (first, second) : (second, first)
        #expect(site.failure() == [.error(a,
            "this name and \(b) are the same text written with different bytes (an accented letter made of one character or of a letter and an accent, or bytes that are not UTF-8), so they would be published as one file",
            hint: "rename one of them, or remove the copy you do not need; none of them is published until then")])
        #expect(try tree(site.output) == before)
        // Precomposed and decomposed names that are different text are both published.
        try FileManager.default.removeItem(at: site.root.appendingPathComponent(second))
        try site.write("static/cafe.txt", "three")
        try site.build()
    }
}

/// A name a template reads is one Broadside gives, a theme string or front matter's own: a
/// misspelt one is an error at its tag, where Mustache would have written nothing.
@Suite struct TemplateNameTests {
    @Test func aMisspeltNameIsAnErrorAtItsTag() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01"),
            "templates/post.mustache": "<h1>{{post.title}}</h1>\n<p>{{post.sumary}}</p>\n{{#post}}{{contnet}}{{/post}}\n{{t.read_mroe}}\n",
        ])
        defer { site.remove() }
        #expect(site.failure() == [
            .error("templates/post.mustache", line: 2, column: 4, "{{post.sumary}} reads \"sumary\", which Broadside gives no template",
                hint: "did you mean `summary`? Fix the name: themes/default/README.md lists what each template receives; front matter of your own is post.params.<name>"),
            .error("templates/post.mustache", line: 3, column: 10, "{{contnet}} reads \"contnet\", which Broadside gives no template",
                hint: "did you mean `content`? Fix the name: themes/default/README.md lists what each template receives; front matter of your own is post.params.<name>"),
            .error("templates/post.mustache", line: 4, column: 1, "{{t.read_mroe}} reads the theme string \"read_mroe\", which the theme's i18n files do not have",
                hint: "did you mean `read_more`? Add read_mroe: to i18n/<language>.yml, or fix the name"),
        ])
    }

    /// Front matter's names are the editor's: in `params`, in sections over it, and in the
    /// partials those sections include.
    @Test func frontMatterNamesAreFree() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01\nbanner: \"Vote\"\nmenu:\n  items:\n    - name: one"),
            "templates/post.mustache": "{{post.params.banner}}{{#post.params.menu}}{{>partials/menu}}{{#items}}{{name}}{{/items}}{{/post.params.menu}}\n",
            "templates/partials/menu.mustache": "<ul>{{#items}}<li>{{name}}</li>{{/items}}</ul>",
        ])
        defer { site.remove() }
        try site.build()
        #expect(try site.read("posts/a/index.html") == "Vote<ul><li>one</li></ul>one\n")
    }
}
