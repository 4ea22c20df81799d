/// `/sitemap.xml` (sitemaps.org 0.9): every page a reader may land on from a search (each post,
/// each list's first page, the indexes of categories, tags and kinds), with its `lastmod` and
/// its versions in other languages (`xhtml:link rel="alternate" hreflang`, itself and
/// `x-default` included, so every pair is reciprocal). Not the numbered pages of a list,
/// which change with every post and which crawlers reach by links; not redirects or 404s.
/// Past `limit` URLs, `/sitemap.xml` is an index of `sitemap-1.xml`, `sitemap-2.xml` …
struct Sitemap: Sendable {
    struct Entry: Sendable {
        var url: String
        var lastmod: PostDate?
        /// (hreflang, absolute URL), itself included; empty for a page in one language.
        var alternates: [(lang: String, url: String)] = []
    }

    static let limit = 50_000

    var entries: [Entry]
    var limit = Self.limit

    var parts: Int { max(1, (entries.count + limit - 1) / limit) }

    /// How many files the sitemap takes, counted as `init` counts its entries, without making them.
    static func partCount(_ site: Site, limit: Int = Self.limit) -> Int {
        let count = site.posts.count + site.lists.count + TaxonomyKind.allCases.count + 1
        return max(1, (count + limit - 1) / limit)
    }

    init(site: Site, limit: Int = Self.limit) {
        self.limit = limit
        let urls = site.urls
        var entries = site.posts.indices.map { Self.post($0, in: site) }
        let homes = site.lists.filter { if case .home = $0.scope { true } else { false } }
        let homeAlternates = homes.count > 1 ? homes.map { ($0.lang, urls.absolute(urls.list($0.folder))) } + [("x-default", urls.absolute(urls.list([])))] : []
        for list in site.lists {
            var entry = Entry(url: urls.absolute(urls.list(list.folder)), lastmod: list.posts.min().map { site.posts[$0].date })
            if case .home = list.scope { entry.alternates = homeAlternates }
            entries.append(entry)
        }
        let newest = site.posts.first?.date
        for url in TaxonomyKind.allCases.map(urls.taxonomy) + [urls.kinds()] {
            entries.append(Entry(url: urls.absolute(url), lastmod: newest))
        }
        self.entries = entries
    }

    private static func post(_ index: Int, in site: Site) -> Entry {
        let post = site.posts[index]
        let urls = site.urls
        var entry = Entry(url: urls.absolute(urls.post(post.slug)), lastmod: post.updated ?? post.date)
        let versions = TranslationView.versions(of: index, in: site)
        guard versions.count > 1 else { return entry }
        entry.alternates = versions.map { (site.posts[$0].lang, urls.absolute(urls.post(site.posts[$0].slug))) }
        // The version in the site's language, else the first written (posts are newest first).
        let preferred = versions.first { site.posts[$0].lang == site.config.language } ?? versions.max()!
        entry.alternates.append(("x-default", urls.absolute(urls.post(site.posts[preferred].slug))))
        return entry
    }

    /// `sitemap.xml`: the URLs themselves, or the index of the parts when there are several.
    func root(_ urls: SiteURLs) -> String {
        guard parts > 1 else { return urlset(entries[...]) }
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for part in 1...parts {
            xml += "<sitemap><loc>\(TextEscaping.xml.escape(urls.absolute(urls.rootPath + Self.partFile(part))))</loc></sitemap>\n"
        }
        return xml + "</sitemapindex>\n"
    }

    /// Part `number` (from 1) of a sitemap in several files.
    func part(_ number: Int) -> String {
        let start = (number - 1) * limit
        return urlset(entries[start..<min(entries.count, start + limit)])
    }

    static func partFile(_ number: Int) -> String { "sitemap-\(number).xml" }

    private func urlset(_ entries: ArraySlice<Entry>) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n"
        for entry in entries {
            xml += "<url>\n<loc>\(TextEscaping.xml.escape(entry.url))</loc>\n"
            if let lastmod = entry.lastmod { xml += "<lastmod>\(DateText.iso8601(lastmod))</lastmod>\n" }
            for alternate in entry.alternates {
                xml += "<xhtml:link rel=\"alternate\" hreflang=\"\(TextEscaping.xml.escape(alternate.lang))\" href=\"\(TextEscaping.xml.escape(alternate.url))\"/>\n"
            }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }
}

/// `/robots.txt`: every crawler welcome, and where the sitemap is; or, for a copy search
/// engines should not show (`search_engines: false`), every crawler kept out.
enum RobotsText {
    static func text(_ site: Site) -> String {
        guard site.config.searchEngines else { return "User-agent: *\nDisallow: /\n" }
        var text = "User-agent: *\nAllow: /\n"
        if site.config.baseURL != nil { text += "\nSitemap: \(site.urls.absolute(site.urls.rootPath + OutputFormat.sitemap.fileName))\n" }
        return text
    }
}
