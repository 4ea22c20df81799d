/// `/sitemap.xml` (sitemaps.org 0.9): every page a reader may land on from a search (each post,
/// each list's first page, the indexes of categories, tags and kinds), and its versions in
/// other languages (`xhtml:link rel="alternate" hreflang`, itself and `x-default` included, so
/// every pair is reciprocal). A post has its `lastmod`; a list has none, as in Zola: it would
/// change with every post and rewrite the lists' part, while crawlers learn of a new post from
/// its own entry. Not the numbered pages of a list, which crawlers reach by links; not
/// redirects or 404s.
///
/// A site of more than `postsPerPart` posts gets an index instead: the posts in parts of
/// `postsPerPart` numbered from the oldest (`sitemap-1.xml` holds the oldest), and the lists
/// and indexes in `sitemap-lists.xml`. A new post then changes the newest part alone (and the
/// index once every `postsPerPart` posts), not one file of a megabyte or more (10,000 posts):
/// what a publish sends stays small. Each part stays far below the protocol's 50,000 URLs.
struct Sitemap: Sendable {
    struct Entry: Sendable {
        var url: String
        var lastmod: PostDate?
        /// (hreflang, absolute URL), itself included; empty for a page in one language.
        var alternates: [(lang: String, url: String)] = []
    }

    enum Part: Sendable, Hashable {
        /// `sitemap.xml`: every URL, or the index of the parts.
        case root
        /// `sitemap-N.xml`, from 1 for the oldest posts.
        case posts(Int)
        /// `sitemap-lists.xml`.
        case lists
    }

    static let postsPerPart = 200

    var postsPerPart = Self.postsPerPart

    /// The files the sitemap takes, decided by counts alone, as the plan needs them before
    /// anything is made.
    static func parts(_ site: Site, postsPerPart: Int = Self.postsPerPart) -> [Part] {
        let count = site.posts.count
        guard count > postsPerPart else { return [.root] }
        return [.root] + (1...(count + postsPerPart - 1) / postsPerPart).map(Part.posts) + [.lists]
    }

    /// The posts (indexes of `site.posts`, newest first) whose entries part `number` holds, of
    /// `count` posts. Each part's entries are made when its file is: a rebuild that keeps every
    /// part as it was (`PageInputs`) makes none, where the entries of every post were 20 ms of
    /// an edit's rebuild at 10,000 posts, on the main thread.
    func posts(inPart number: Int, of count: Int) -> Range<Int> {
        let end = max(0, count - (number - 1) * postsPerPart)
        return max(0, end - postsPerPart)..<end
    }

    /// Each list's first page, then the indexes.
    private static func lists(_ site: Site) -> [Entry] {
        let urls = site.urls
        let homes = site.lists.filter { if case .home = $0.scope { true } else { false } }
        let homeAlternates = homes.count > 1 ? homes.map { ($0.lang, urls.absolute(urls.list($0.folder))) } + [("x-default", urls.absolute(urls.list([])))] : []
        var lists: [Entry] = []
        for list in site.lists {
            var entry = Entry(url: urls.absolute(urls.list(list.folder)), lastmod: nil)
            if case .home = list.scope {
                entry.alternates = homeAlternates
            } else {
                let twins = site.twins(of: list)
                if !twins.isEmpty {
                    let versions = [list] + twins
                    entry.alternates = versions.map { ($0.lang, urls.absolute(urls.list($0.folder))) }
                    // As for a post: the version in the site's language, else the one in the first language of the site's order.
                    let preferred = versions.first { $0.lang == site.config.language }
                        ?? site.languages.lazy.compactMap { lang in versions.first { $0.lang == lang } }.first ?? list
                    entry.alternates.append(("x-default", urls.absolute(urls.list(preferred.folder))))
                }
            }
            lists.append(entry)
        }
        let termIndexes = TaxonomyKind.allCases.flatMap { kind in site.languagesWithTerms(kind).map { site.termsURL(kind, lang: $0) } }
        let newsletters = site.languagesWithEditions.map { urls.list(Editions.folder(lang: $0, config: site.config)) }
        for url in termIndexes + site.languagesWithKinds.map({ urls.list(site.kindsFolder($0)) }) + newsletters {
            lists.append(Entry(url: urls.absolute(url), lastmod: nil))
        }
        return lists
    }

    private static func post(_ index: Int, in site: Site) -> Entry {
        let post = site.posts[index]
        let urls = site.urls
        var entry = Entry(url: urls.absolute(urls.address(of: post)), lastmod: post.lastChange)
        let versions = TranslationView.versions(of: index, in: site)
        guard versions.count > 1 else { return entry }
        entry.alternates = versions.map { (site.posts[$0].lang, urls.absolute(urls.address(of: site.posts[$0]))) }
        // The version in the site's language, else the first written (posts are newest first).
        let preferred = versions.first { site.posts[$0].lang == site.config.language } ?? versions.max()!
        entry.alternates.append(("x-default", urls.absolute(urls.address(of: site.posts[preferred]))))
        return entry
    }

    /// The text of one of its files.
    func text(_ part: Part, in site: Site) -> String {
        let urls = site.urls
        switch part {
        case .root where site.posts.count > postsPerPart:
            let parts = (1...(site.posts.count + postsPerPart - 1) / postsPerPart).map(Self.fileName) + [Self.fileName(.lists)]
            return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
                + parts.map { "<sitemap><loc>\(TextEscaping.xml.escape(urls.absolute(urls.rootPath + $0)))</loc></sitemap>\n" }.joined()
                + "</sitemapindex>\n"
        case .root: return Self.urlset(site.posts.indices.map { Self.post($0, in: site) } + Self.lists(site))
        case .posts(let number): return Self.urlset(posts(inPart: number, of: site.posts.count).map { Self.post($0, in: site) })
        case .lists: return Self.urlset(Self.lists(site))
        }
    }

    /// Where a part is written, relative to the site's root.
    static func fileName(_ part: Part) -> String {
        switch part {
        case .root: OutputFormat.sitemap.fileName
        case .posts(let number): fileName(number)
        case .lists: "sitemap-lists.xml"
        }
    }

    private static func fileName(_ number: Int) -> String { "sitemap-\(number).xml" }

    private static func urlset(_ entries: [Entry]) -> String {
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
