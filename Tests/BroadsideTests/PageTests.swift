import Foundation
import Testing
@testable import Broadside

/// Pages of `content/pages/`: About, Donate, Know your rights. Each at its own address, in its
/// language's folder, with its translations; never in a list or a feed; in the sitemap.
@Suite struct PageTests {
    static let files = [
        "site.yml": "title: \"Puentes\"\nbase_url: \"https://example.org/\"\n",
        "content/posts/vigil.md": "---\ntitle: \"Vigil\"\ndate: 2026-10-01\n---\n\nText.\n",
        "content/pages/about.md": "---\ntitle: \"About us\"\ntranslation_key: about\nsummary: \"Who we are.\"\n---\n\nWe are a network. Read [the vigil](/posts/vigil/).\n",
        "content/pages/acerca-de.md": "---\ntitle: \"Quiénes somos\"\nlang: es\ntranslation_key: about\n---\n\nSomos una red.\n",
        "content/pages/get-help/know-your-rights.md": "---\ntitle: \"Know your rights\"\nupdated: 2026-11-02\n---\n\nText.\n",
        "content/pages/donate/index.md": "---\ntitle: \"Donate\"\nattachments:\n  - file: form.pdf\n    label: \"Form\"\n---\n\nGive.\n",
        "content/pages/donate/form.pdf": "%PDF-1.4\n",
    ]

    @Test func eachPageIsAtItsOwnAddressInItsLanguage() throws {
        let site = try TemporarySite(files: Self.files)
        defer { site.remove() }
        try site.build()
        let about = try site.read("about/index.html")
        #expect(about.contains("<h1 dir=\"auto\">About us</h1>"))
        #expect(about.contains("<p>We are a network. Read <a href=\"/posts/vigil/\">the vigil</a>.</p>"))
        #expect(about.contains("<li><a rel=\"alternate\" href=\"/es/acerca-de/\" hreflang=\"es\" lang=\"es\">"))
        #expect(about.contains("<link rel=\"alternate\" hreflang=\"es\" href=\"https://example.org/es/acerca-de/\">"))
        // A page: no date, kind or byline; a WebPage and a website card, not a NewsArticle.
        #expect(!about.contains("<p class=\"meta\">") && !about.contains("NewsArticle") && !about.contains("article:published_time"))
        #expect(about.contains("\"@type\": \"WebPage\"") && about.contains("<meta property=\"og:type\" content=\"website\">"))
        #expect(try site.read("es/acerca-de/index.html").contains("<html lang=\"es\">"))
        #expect(site.exists("get-help/know-your-rights/index.html"))
        // Files beside a page's index.md are published beside it.
        #expect(site.exists("donate/form.pdf"))
        #expect(try site.read("donate/index.html").contains("<a href=\"/donate/form.pdf\" type=\"application/pdf\" dir=\"auto\">Form (PDF, 9 bytes)</a>"))
    }

    @Test func aPagesFolderIsItsPathInItsLanguage() {
        #expect(PostParser.pageFolder("get-help/know-your-rights", slug: "know-your-rights", lang: "en", siteLanguage: "en") == "get-help/know-your-rights")
        #expect(PostParser.pageFolder("acerca-de", slug: "acerca-de", lang: "es", siteLanguage: "en") == "es/acerca-de")
        // Kept in a folder named after their language, Spanish pages are not put in /es/es/.
        #expect(PostParser.pageFolder("es/conoce", slug: "conoce", lang: "es", siteLanguage: "en") == "es/conoce")
        #expect(PostParser.pageFolder("Ayuda Legal/conoce", slug: "conoce", lang: "pt-BR", siteLanguage: "en") == "pt-BR/ayuda-legal/conoce")
    }

    @Test func pagesAreInNoListOrFeedButInTheSitemap() throws {
        let site = try TemporarySite(files: Self.files)
        defer { site.remove() }
        try site.build()
        for list in ["index.html", "feed.xml", "atom.xml", "feed.json", "es/index.html", "es/feed.xml", "kinds/index.html"] {
            let text = try site.read(list)
            #expect(!text.contains("About us") && !text.contains("Quiénes somos") && !text.contains("/about/"), "\(list) lists a page")
        }
        #expect(!site.exists("kinds/dispatch/page/1/index.html"))
        let sitemap = try site.read("sitemap.xml")
        // No date of its own: no lastmod; `updated:` gives one.
        #expect(sitemap.contains("<url>\n<loc>https://example.org/about/</loc>\n<xhtml:link"))
        #expect(sitemap.contains("<url>\n<loc>https://example.org/get-help/know-your-rights/</loc>\n<lastmod>2026-11-02T00:00:00+00:00</lastmod>\n</url>"))
    }

    /// A page dated on purpose keeps its date as lastmod, even the first day a date can be.
    @Test func aPageDatedOnTheFirstDayStillHasALastmod() throws {
        let site = try TemporarySite(files: [
            "site.yml": "title: \"Site\"\nbase_url: https://example.org/\n",
            "content/posts/vigil.md": "---\ntitle: \"Vigil\"\ndate: 2026-10-01\n---\n\nText.\n",
            "content/pages/history.md": "---\ntitle: \"History\"\ndate: 1970-01-01\n---\n\nText.\n",
            "content/pages/about.md": "---\ntitle: \"About\"\n---\n\nText.\n",
        ])
        defer { site.remove() }
        try site.build()
        let sitemap = try site.read("sitemap.xml")
        #expect(sitemap.contains("<url>\n<loc>https://example.org/history/</loc>\n<lastmod>1970-01-01T00:00:00+00:00</lastmod>\n</url>"), "\(sitemap)")
        #expect(sitemap.contains("<url>\n<loc>https://example.org/about/</loc>\n</url>"), "\(sitemap)")
    }

    @Test func whatOnlyAPostMaySayIsAnErrorInAPage() throws {
        let site = try TemporarySite(files: [
            "content/posts/vigil.md": "---\ntitle: \"Vigil\"\ndate: 2026-10-01\n---\n\nText.\n",
            "content/pages/about.md": "---\ntitle: \"About\"\ncategories: [News]\nkind: report\n---\n\nText.\n",
        ])
        defer { site.remove() }
        let hint = "remove the line; to publish news, write a post in content/posts/"
        #expect(site.failure() == [
            .error("content/pages/about.md", line: 3, column: 1, "`categories` belongs to posts: a page is never in a list, a feed or a series", hint: hint),
            .error("content/pages/about.md", line: 4, column: 1, "`kind` belongs to posts: a page is never in a list, a feed or a series", hint: hint),
        ])
    }

    @Test func aPageWhoseAddressTheSiteHasIsAnErrorNamingBoth() throws {
        let site = try TemporarySite(files: [
            "site.yml": "base_url: \"https://example.org/\"\n",
            "content/posts/vigil.md": "---\ntitle: \"Vigil\"\ndate: 2026-10-01\n---\n\nText.\n",
            "content/pages/about.md": "---\ntitle: \"About\"\n---\n\nText.\n",
            "content/pages/about-us.md": "---\ntitle: \"About us\"\nslug: about\n---\n\nText.\n",
            "content/pages/categories.md": "---\ntitle: \"Our topics\"\n---\n\nText.\n",
            "content/pages/posts/vigil.md": "---\ntitle: \"Vigil page\"\n---\n\nText.\n",
            "content/pages/index.md": "---\ntitle: \"Home\"\n---\n\nText.\n",
            "content/pages/search.md": "---\ntitle: \"Search\"\n---\n\nText.\n",
        ])
        defer { site.remove() }
        let hint = "rename the file (or set slug:) so the page has an address of its own"
        let failure = site.failure().filter { $0.severity == .error }
        #expect(failure.contains(.error("content/pages/index.md", "a page cannot be the home page, which lists the newest posts",
            hint: "give the page a name of its own, such as content/pages/about.md")))
        // The build stops at the file before it plans addresses; without it, the clashes.
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/pages/index.md"))
        let clashes = site.failure().filter { $0.severity == .error }
        #expect(clashes.contains(.error("content/pages/categories.md", "this page's address, /categories/, is already the index of categories", hint: hint)))
        #expect(clashes.contains(.error("content/pages/posts/vigil.md", "this page's address, /posts/vigil/, is already the address of the post content/posts/vigil.md", hint: hint)))
        #expect(clashes.contains { $0.message.hasPrefix("this page's address, /about/, is already the address of the page content/pages/about") })
        #expect(clashes.contains(.error("content/pages/search.md",
            "this page's address, /search/, is already the site's search page (search: false in site.yml leaves it out)", hint: hint)))
        #expect(failure.count == 1 && clashes.count == 4, "\(failure) \(clashes)")
    }

    @Test func newPageWritesADraftAtItsAddressAndNeverReplacesAFile() throws {
        let site = try TemporarySite(files: ["site.yml": "base_url: \"https://example.org/news/\"\nlanguage: en\n", "content/posts/a.md": "---\ntitle: A\ndate: 2026-10-01\n---\n\nA.\n"])
        defer { site.remove() }
        guard case .success(let written) = NewPage.write(title: "Conoce tus derechos", slug: nil, lang: "es", source: site.root) else {
            Issue.record("new page failed")
            return
        }
        #expect(written.path == "content/pages/conoce-tus-derechos.md" && written.address == "/news/es/conoce-tus-derechos/")
        #expect(try String(contentsOf: site.root.appendingPathComponent(written.path), encoding: .utf8).hasPrefix("---\ntitle: \"Conoce tus derechos\"\nlang: es\n# Quite la línea siguiente cuando la publicación esté lista.\ndraft: true\n---\n"))
        guard case .failure(let failure) = NewPage.write(title: "Conoce tus derechos", slug: nil, lang: "es", source: site.root) else {
            Issue.record("new page replaced a file")
            return
        }
        #expect(failure.diagnostics.first?.message == "this file already exists, and new never replaces a file")
    }

    /// Every page leads to the site's other languages: to its translation, else to that home.
    @Test(arguments: [
        ("", nil, nil, "the title is empty", "give the page's title in quotes: broadside new page \"About us\""),
        ("¿¡…!?", nil, nil, "the title \"¿¡…!?\" has no letters or digits", "name the page's file: --slug about-us"),
        ("About", "--", nil, "--slug \"--\" has no letters or digits", "name the page's file: --slug about-us"),
        ("About", nil, "english", "--lang \"english\" is not a language code", "use a code such as en, es or pt-BR"),
    ] as [(String, String?, String?, String, String)])
    func newPageRefusesWhatNamesNoPage(_ title: String, _ slug: String?, _ lang: String?, _ message: String, _ hint: String) throws {
        let site = try TemporarySite(files: ["content/posts/a.md": "---\ntitle: A\ndate: 2026-10-01\n---\n\nA.\n"])
        defer { site.remove() }
        guard case .failure(let failure) = NewPage.write(title: title, slug: slug, lang: lang, source: site.root) else {
            Issue.record("new page wrote a page for \(title)")
            return
        }
        #expect(failure.usage)
        #expect(failure.diagnostics == [.error(nil, message, hint: hint)])
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("content/pages").path))
    }

    @Test func everyPageSwitchesToTheTranslationOrThatLanguagesHome() throws {
        let site = try TemporarySite(files: Self.files)
        defer { site.remove() }
        try site.build()
        func switchOf(_ path: String) throws -> String? {
            let html = try site.read(path)
            guard let start = html.range(of: "<nav class=\"language-switch\""), let end = html.range(of: "</nav>", range: start.upperBound..<html.endIndex) else { return nil }
            return String(html[start.lowerBound..<end.upperBound])
        }
        #expect(try switchOf("about/index.html") == "<nav class=\"language-switch\" aria-label=\"Languages\">\n<ul>\n<li><a href=\"/es/acerca-de/\" hreflang=\"es\" lang=\"es\" rel=\"alternate\">Español</a></li>\n</ul>\n</nav>")
        #expect(try switchOf("es/acerca-de/index.html")?.contains("<li><a href=\"/about/\" hreflang=\"en\" lang=\"en\" rel=\"alternate\">English</a></li>") == true)
        #expect(try switchOf("es/acerca-de/index.html")?.contains("aria-label=\"Idiomas\"") == true)
        for path in ["posts/vigil/index.html", "tags/index.html", "get-help/know-your-rights/index.html"] {
            #expect(try switchOf(path)?.contains("<li><a href=\"/es/\" hreflang=\"es\" lang=\"es\">Español</a></li>") == true, "\(path)")
        }
        // A home's twin is the other language's home.
        #expect(try switchOf("index.html")?.contains("<li><a href=\"/es/\" hreflang=\"es\" lang=\"es\" rel=\"alternate\">Español</a></li>") == true)
        #expect(try switchOf("es/index.html")?.contains("<li><a href=\"/\" hreflang=\"en\" lang=\"en\" rel=\"alternate\">English</a></li>") == true)
    }

    @Test func aSiteInOneLanguageHasNoSwitch() throws {
        let site = try TemporarySite(files: ["content/posts/vigil.md": "---\ntitle: \"Vigil\"\ndate: 2026-10-01\n---\n\nText.\n"])
        defer { site.remove() }
        try site.build()
        #expect(!(try site.read("posts/vigil/index.html")).contains("language-switch"))
    }
}

/// `menu:` and `footer_menu:` in site.yml: per language, checked like any link.
@Suite struct MenuTests {
    static let site = """
        base_url: "https://example.org/news/"
        menu:
          en:
            - label: "About us"
              link: /about/
            - label: "Our partners"
              link: https://partners.example.net/
          es:
            - label: "Sobre nosotros"
              link: /es/acerca-de/
        footer_menu:
          - label: "Donate"
            link: /donate/

        """

    static let files = [
        "site.yml": site,
        "content/posts/vigil.md": "---\ntitle: \"Vigil\"\ndate: 2026-10-01\n---\n\nText.\n",
        "content/posts/vigilia.md": "---\ntitle: \"Vigilia\"\ndate: 2026-10-01\nlang: es\n---\n\nTexto.\n",
        "content/pages/about.md": "---\ntitle: \"About\"\n---\n\nText.\n",
        "content/pages/acerca-de.md": "---\ntitle: \"Acerca\"\nlang: es\n---\n\nTexto.\n",
        "content/pages/donate.md": "---\ntitle: \"Donate\"\n---\n\nText.\n",
    ]

    @Test func eachLanguageHasItsMenuOnEveryPage() throws {
        let site = try TemporarySite(files: Self.files)
        defer { site.remove() }
        try site.build()
        let english = try site.read("posts/vigil/index.html")
        #expect(english.contains("<li><a href=\"/news/about/\" dir=\"auto\">About us</a></li>\n<li><a href=\"https://partners.example.net/\" dir=\"auto\">Our partners</a></li>"))
        #expect(english.contains("<ul class=\"footer-menu\">\n<li><a href=\"/news/donate/\" dir=\"auto\">Donate</a></li>\n</ul>"))
        let spanish = try site.read("es/index.html")
        #expect(spanish.contains("<li><a href=\"/news/es/acerca-de/\" dir=\"auto\">Sobre nosotros</a></li>"))
        // The footer list names no language: it is the site's, and Spanish pages are not given English labels.
        #expect(!spanish.contains("About us") && !spanish.contains("footer-menu"))
    }

    /// An address typed with accents (a Spanish list's) is checked as written and linked percent-encoded.
    @Test func aMenuLinkWithAccentsIsPercentEncoded() throws {
        let site = try TemporarySite(files: [
            "site.yml": "title: \"Puentes\"\nmenu:\n  - label: \"Detención\"\n    link: /categories/detención/\n",
            "content/posts/vigil.md": post("title: \"Vigil\"\ndate: 2026-10-01\ncategories: [\"Detención\"]"),
        ])
        defer { site.remove() }
        try site.build()
        #expect(try site.read("index.html").contains("<li><a href=\"/categories/detenci%C3%B3n/\" dir=\"auto\">Detención</a></li>"))
    }

    @Test func theFooterTextIsTheLanguagesOwn() throws {
        var files = Self.files
        files["site.yml"] = Self.site + "footer_text:\n  en: \"PO Box 1 & Co.\"\n  es: \"Apartado 1\"\n"
        let site = try TemporarySite(files: files)
        defer { site.remove() }
        try site.build()
        #expect(try site.read("index.html").contains("<p dir=\"auto\">PO Box 1 &amp; Co.</p>"))
        #expect(try site.read("es/index.html").contains("<p dir=\"auto\">Apartado 1</p>"))
        files["site.yml"] = Self.site + "footer_text: [a, b]\n"
        let wrong = try TemporarySite(files: files)
        defer { wrong.remove() }
        #expect(wrong.failure().contains { $0.message == "`footer_text` must be text, or one text per language" && $0.file == "site.yml" && $0.line != nil })
    }

    @Test func aBrokenMenuLinkIsAnErrorAtItsLine() throws {
        var files = Self.files
        files["site.yml"] = Self.site.replacingOccurrences(of: "link: /donate/", with: "link: /donat/")
            .replacingOccurrences(of: "link: https://partners.example.net/", with: "link: javascript:alert(1)")
        let site = try TemporarySite(files: files)
        defer { site.remove() }
        let errors = site.failure().filter { $0.severity == .error }
        #expect(errors == [
            .error("site.yml", line: 7, column: 13, "the menu link javascript:alert(1) is not a web address",
                hint: "write an address of the site from its root, such as /about/, or another site's, such as https://example.org/"),
        ])
        files["site.yml"] = Self.site.replacingOccurrences(of: "link: /donate/", with: "link: /donat/")
        let again = try TemporarySite(files: files)
        defer { again.remove() }
        #expect(again.failure().filter { $0.severity == .error } == [
            .error("site.yml", line: 13, column: 11, "the menu link /donat/ goes to a page the site does not have",
                hint: "did you mean /donate/? link a page of content/pages/ by its address (content/pages/about.md is /about/), a list as /categories/detention/ or /events/, another site by its https:// address"),
        ])
    }
}

extension MenuTests {
    @Test func aMenuLinkAboveTheRootIsAnErrorAtItsLine() throws {
        var files = Self.files
        files["site.yml"] = Self.site.replacingOccurrences(of: "link: /donate/", with: "link: /../../etc/")
        let site = try TemporarySite(files: files)
        defer { site.remove() }
        #expect(site.failure().filter { $0.severity == .error } == [
            .error("site.yml", line: 13, column: 11, "the menu link /../../etc/ climbs above the site's root",
                hint: "write the address from the site's root, such as /about/"),
        ])
    }

    /// A label's direction controls end with it, and its combining marks stay on its own letters:
    /// the theme's words after the menu read as written.
    @Test func aMenuLabelCannotTurnThePageAround() throws {
        var files = Self.files
        files["site.yml"] = Self.site.replacingOccurrences(of: "\"Donate\"", with: "\"\\u202EDonate\\u0301\"")
        let site = try TemporarySite(files: files)
        defer { site.remove() }
        try site.build()
        let page = try site.read("posts/vigil/index.html")
        #expect(page.contains("<li><a href=\"/news/donate/\" dir=\"auto\">\u{202E}Donate\u{301}\u{202C}</a></li>"), "\(page)")
    }

    @Test func theDonateButtonAndSocialLinksPerLanguage() throws {
        var files = Self.files
        files["site.yml"] = Self.site + "donate:\n  en: /donate/\n  es: \"https://give.example.org/es\"\nsocial:\n  - label: \"Mastodon\"\n    link: \"https://social.example/@p\"\n"
        let site = try TemporarySite(files: files)
        defer { site.remove() }
        try site.build()
        let english = try site.read("posts/vigil/index.html")
        #expect(english.contains("<p class=\"donate-button\"><a href=\"/news/donate/\">Donate</a></p>"))
        #expect(english.contains("<ul class=\"social\">\n<li><a href=\"https://social.example/@p\" rel=\"me\" dir=\"auto\">Mastodon</a></li>\n</ul>"))
        let spanish = try site.read("es/index.html")
        #expect(spanish.contains("<p class=\"donate-button\"><a href=\"https://give.example.org/es\">Donar</a></p>"))
        // The social list names no language: the site's, as the footer menu.
        #expect(!spanish.contains("class=\"social\""))
    }

    @Test func aBrokenDonateLinkIsAnErrorAtItsLine() throws {
        var files = Self.files
        files["site.yml"] = Self.site + "donate: /donat/\nsocial:\n  - label: \"X\"\n    link: \"javascript:alert(1)\"\n"
        let site = try TemporarySite(files: files)
        defer { site.remove() }
        let errors = site.failure().filter { $0.severity == .error }
        #expect(errors.contains(.error("site.yml", line: 17, column: 11, "the menu link javascript:alert(1) is not a web address",
            hint: "write an address of the site from its root, such as /about/, or another site's, such as https://example.org/")), "\(errors)")
        files["site.yml"] = Self.site + "donate: /donat/\n"
        let again = try TemporarySite(files: files)
        defer { again.remove() }
        #expect(again.failure().filter { $0.severity == .error } == [
            .error("site.yml", line: 14, column: 9, "the menu link /donat/ goes to a page the site does not have",
                hint: "did you mean /donate/? link a page of content/pages/ by its address (content/pages/about.md is /about/), a list as /categories/detention/ or /events/, another site by its https:// address"),
        ])
    }

    @Test func aHundredMenuLinksAreAllShown() throws {
        var files = Self.files
        let items = (1...100).map { "  - label: \"Link \($0)\"\n    link: https://example.net/\($0)/\n" }.joined()
        files["site.yml"] = "base_url: \"https://example.org/news/\"\nmenu:\n" + items
        let site = try TemporarySite(files: files)
        defer { site.remove() }
        try site.build()
        let page = try site.read("index.html")
        #expect(page.components(separatedBy: "<a href=\"https://example.net/").count == 101)
        #expect(page.contains("<li><a href=\"https://example.net/100/\" dir=\"auto\">Link 100</a></li>"))
    }
}

/// "More in …" at a post's end: the posts before it in its first category.
@Suite struct MoreInCategoryTests {
    @Test func thePostsBeforeItInItsFirstCategory() throws {
        var files = ["site.yml": "base_url: \"https://example.org/\"\n"]
        for day in 1...6 {
            files["content/posts/p\(day).md"] = "---\ntitle: \"P\(day)\"\ndate: 2026-10-0\(day)\ncategories: [\(day == 6 ? "Other, " : "")Legal aid]\n---\n\nText.\n"
        }
        let site = try TemporarySite(files: files)
        defer { site.remove() }
        try site.build()
        let links = { (path: String) throws -> [String] in
            let html = try site.read(path)
            guard let start = html.range(of: "<aside class=\"more\"") else { return [] }
            let aside = html[start.lowerBound...].prefix { _ in true }
            return aside.components(separatedBy: "<li><a href=\"").dropFirst().prefix(3).map { String($0.prefix { $0 != "\"" }) }
        }
        #expect(try links("posts/p5/index.html") == ["/posts/p4/", "/posts/p3/", "/posts/p2/"])
        #expect(try site.read("posts/p5/index.html").contains("<h2 id=\"more-heading\" dir=\"auto\">More in Legal aid</h2>"))
        #expect(try links("posts/p2/index.html") == ["/posts/p1/"])
        #expect(!(try site.read("posts/p1/index.html")).contains("class=\"more\""))
        // Its first category: p6's is Other, where it is alone.
        #expect(!(try site.read("posts/p6/index.html")).contains("class=\"more\""))
    }
}

/// The front page leads with one story: the newest marked `featured: true`, else the newest.
@Suite struct LeadStoryTests {
    static func files(featured: String = "") -> [String: String] {
        [
            "site.yml": "base_url: \"https://example.org/\"\n",
            "content/posts/old.md": post("title: \"Old report\"\ndate: 2026-09-01\(featured)"),
            "content/posts/new.md": post("title: \"New dispatch\"\ndate: 2026-10-01\nsummary: \"Today & tomorrow.\""),
        ]
    }

    @Test func theNewestLeadsAndIsNotListedTwice() throws {
        let site = try TemporarySite(files: Self.files())
        defer { site.remove() }
        try site.build()
        let home = try site.read("index.html")
        #expect(home.contains("<article class=\"lead\" lang=\"en\">\n<p class=\"kind-label\">Dispatch</p>\n<h2><a href=\"/posts/new/\" dir=\"auto\">New dispatch</a></h2>\n"))
        #expect(home.contains("<p class=\"summary\" dir=\"auto\">Today &amp; tomorrow.</p>"))
        #expect(home.components(separatedBy: "href=\"/posts/new/\" dir=\"auto\"").count == 2)
        #expect(home.contains("<h2><a href=\"/posts/old/\" dir=\"auto\">Old report</a></h2>"))
        // The subscribe box names each feed of the home page.
        #expect(home.contains("<li><a href=\"/feed.xml\" type=\"application/rss+xml\">RSS</a></li>\n<li><a href=\"/atom.xml\" type=\"application/atom+xml\">Atom</a></li>"))
    }

    @Test func aFeaturedPostLeadsThoughOlder() throws {
        let site = try TemporarySite(files: Self.files(featured: "\nfeatured: true"))
        defer { site.remove() }
        try site.build()
        let home = try site.read("index.html")
        #expect(home.contains("<h2><a href=\"/posts/old/\" dir=\"auto\">Old report</a></h2>\n<p class=\"meta\">"))
        #expect(home.contains("<article class=\"lead\" lang=\"en\">\n<p class=\"kind-label\">Dispatch</p>\n<h2><a href=\"/posts/old/\""))
        #expect(home.components(separatedBy: "href=\"/posts/old/\" dir=\"auto\"").count == 2)
        // Only the home page leads: the list of dispatches lists both.
        #expect(!(try site.read("kinds/dispatch/index.html")).contains("class=\"lead\""))
    }

    @Test func featuredIsAFlagOfPostsOnly() throws {
        var files = Self.files(featured: "\nfeatured: soon")
        files["content/pages/about.md"] = "---\ntitle: \"About\"\nfeatured: true\n---\n\nText.\n"
        let site = try TemporarySite(files: files)
        defer { site.remove() }
        let errors = site.failure().filter { $0.severity == .error }
        #expect(errors.contains { $0.file == "content/posts/old.md" && $0.message == "`featured` must be true or false" })
        #expect(errors.contains { $0.file == "content/pages/about.md" && $0.message == "`featured` belongs to posts: a page is never in a list, a feed or a series" })
    }
}
