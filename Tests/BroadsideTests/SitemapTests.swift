import Foundation
import Testing

@testable import Broadside

/// `/sitemap.xml`, `/robots.txt` and the 404 pages: found by search engines, or kept from them.
@Suite struct SitemapTests {
    static let files = [
        "site.yml": "base_url: \"https://example.org/\"\n",
        "content/posts/clinic.md": post("title: \"Clinic\"\ndate: 2026-10-01\nupdated: 2026-10-04T09:00:00Z\ntranslation_key: clinic"),
        "content/posts/clinica.md": post("title: \"Clínica\"\ndate: 2026-10-02\nlang: es\ntranslation_key: clinic"),
        "content/posts/solo.md": post("title: \"Solo\"\ndate: 2026-10-03\ncategories: [Detention]"),
    ]

    @Test func everyPageWithItsLastChangeAndReciprocalLanguageVersions() throws {
        let site = try TemporarySite(files: Self.files)
        defer { site.remove() }
        try site.build()
        let xml = try site.read("sitemap.xml")
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n"))
        // Each version names every version in the site's order (its language first), itself
        // included, and x-default: the pairs are reciprocal.
        let versions = """
            <xhtml:link rel="alternate" hreflang="en" href="https://example.org/posts/clinic/"/>
            <xhtml:link rel="alternate" hreflang="es" href="https://example.org/posts/clinica/"/>
            <xhtml:link rel="alternate" hreflang="x-default" href="https://example.org/posts/clinic/"/>
            </url>

            """
        #expect(xml.contains("<url>\n<loc>https://example.org/posts/clinic/</loc>\n<lastmod>2026-10-04T09:00:00+00:00</lastmod>\n" + versions), "\(xml)")
        #expect(xml.contains("<url>\n<loc>https://example.org/posts/clinica/</loc>\n<lastmod>2026-10-02T00:00:00+00:00</lastmod>\n" + versions), "\(xml)")
        #expect(xml.contains("<url>\n<loc>https://example.org/posts/solo/</loc>\n<lastmod>2026-10-03T00:00:00+00:00</lastmod>\n</url>\n"))
        // A list's first page, without a lastmod (a new post would change it); the language
        // homes are each other's versions.
        #expect(xml.contains("<url>\n<loc>https://example.org/categories/detention/</loc>\n</url>\n"))
        #expect(xml.contains("<loc>https://example.org/es/</loc>\n<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/\"/>\n<xhtml:link rel=\"alternate\" hreflang=\"es\" href=\"https://example.org/es/\"/>\n<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"https://example.org/\"/>\n"))
        #expect(!xml.contains("404") && !xml.contains("/page/"))
        #expect(try site.read("robots.txt") == "User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap.xml\n")
        // The post's JSON-LD knows when it changed too.
        #expect(try site.read("posts/clinic/index.html").contains("\"dateModified\": \"2026-10-04T09:00:00+00:00\""))
    }

    @Test func anUpdateBeforeThePostsDateIsAnErrorAtItsLine() throws {
        let site = try TemporarySite(files: ["content/posts/a.md": post("title: \"A\"\ndate: 2026-10-05\nupdated: 2026-10-01")])
        defer { site.remove() }
        #expect(site.failure() == [
            .error("content/posts/a.md", line: 4, column: 10, "`updated` is before `date`: a post cannot change before it is published",
                hint: "write the day the post last changed, on or after its date, or remove `updated`"),
        ])
    }

    @Test func aStagingCopyKeepsSearchEnginesOut() throws {
        var files = Self.files
        files["site.yml"] = "base_url: \"https://staging.example.org/\"\nsearch_engines: false\n"
        let site = try TemporarySite(files: files)
        defer { site.remove() }
        try site.build()
        #expect(try site.read("robots.txt") == "User-agent: *\nDisallow: /\n")
        for page in ["index.html", "posts/solo/index.html", "tags/index.html", "es/index.html"] {
            #expect(try site.read(page).contains("<meta name=\"robots\" content=\"noindex\">"), "\(page)")
        }
    }

    @Test func eachLanguageHasANotFoundPageInTheSitesLookThatSearchEnginesSkip() throws {
        let site = try TemporarySite(files: Self.files)
        defer { site.remove() }
        try site.build()
        let english = try site.read("404.html")
        #expect(english.contains("<title>Page not found | Broadside</title>"))
        #expect(english.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(english.contains("<li><a href=\"/categories/\">Categories</a></li>"))
        #expect(!english.contains("og:title"))
        #expect(english.contains("<script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", \"@type\": \"WebPage\", \"name\": \"Page not found\", \"inLanguage\": \"en\", \"url\": \"https://example.org/404.html\""))
        let spanish = try site.read("es/404.html")
        #expect(spanish.contains("<html lang=\"es\">") && spanish.contains("<h1>Página no encontrada</h1>"))
        #expect(!(try site.read("index.html")).contains("noindex"))
    }

    @Test func withoutABaseURLThereIsNoSitemapAndRobotsNamesNone() throws {
        var files = Self.files
        files["site.yml"] = "title: \"Local\"\n"
        let site = try TemporarySite(files: files)
        defer { site.remove() }
        try site.build()
        #expect(!site.exists("sitemap.xml"))
        #expect(try site.read("robots.txt") == "User-agent: *\nAllow: /\n")
    }

    /// Parts numbered from the oldest post keep their bytes when a post is added: a publish
    /// sends the newest part and the lists' part, not the whole sitemap.
    @Test func pastTwoPostsAPartTheSitemapIsAnIndexOfPartsFromTheOldest() throws {
        let site = try TemporarySite(files: Self.files)
        defer { site.remove() }
        let options = site.options()
        let (config, _) = SiteConfig.load(from: options.source, baseURLOverride: nil)
        let parser = PostParser(config: config, rootPath: "/") { draft, _ in !draft }
        let content = ContentLoader(source: options.source, parser: parser).load()
        let (resolved, _) = SiteResolver.resolve(content, config: config, urls: SiteURLs(baseURL: config.baseURL), now: testNow.timeIntervalSince1970)
        let sitemap = Sitemap(postsPerPart: 2)
        #expect(Sitemap.parts(resolved, postsPerPart: 2) == [.root, .posts(1), .posts(2), .lists])
        #expect(Sitemap.parts(resolved, postsPerPart: 3) == [.root])
        #expect(sitemap.text(.root, in: resolved) == "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            + ["sitemap-1.xml", "sitemap-2.xml", "sitemap-lists.xml"].map { "<sitemap><loc>https://example.org/\($0)</loc></sitemap>\n" }.joined() + "</sitemapindex>\n")
        func locations(_ part: Sitemap.Part) -> [String] {
            sitemap.text(part, in: resolved).components(separatedBy: "<loc>").dropFirst().map { String($0.prefix { $0 != "<" }) }
        }
        // The two oldest posts in part 1, the newest alone in part 2.
        #expect(locations(.posts(1)) == ["https://example.org/posts/clinica/", "https://example.org/posts/clinic/"])
        #expect(locations(.posts(2)) == ["https://example.org/posts/solo/"])
        #expect(locations(.lists).first == "https://example.org/")
        #expect(locations(.lists).count == resolved.lists.count + TaxonomyKind.allCases.count + resolved.languagesWithKinds.count)
    }

    @Test func aRobotsFileOfTheSitesOwnIsAnErrorThatSaysWhatToDoInstead() throws {
        var files = Self.files
        files["static/robots.txt"] = "User-agent: *\nDisallow: /\n"
        let site = try TemporarySite(files: files)
        defer { site.remove() }
        #expect(site.failure() == [.error("static/robots.txt", "this static file would replace the generated page /robots.txt",
            hint: "remove the file: Broadside writes robots.txt; to keep search engines out, set search_engines: false in site.yml")])
    }
}
