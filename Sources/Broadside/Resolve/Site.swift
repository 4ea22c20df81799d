/// The site after resolving: posts in their final order and every index over them.
/// Relations are indices into `posts`; nothing here is changed by later stages.
public struct Site: Sendable {
    public var config: SiteConfig
    public var urls: SiteURLs
    /// Newest first; ties broken by slug so the order never depends on the file system.
    public var posts: [Post]
    public var categories: Taxonomy
    public var tags: Taxonomy
    /// Every list of posts the site shows, in output order (see `PostList`).
    public var lists: [PostList]
    /// The site's language first, then the others posts are written in, by code.
    public var languages: [String]
    /// Every series, the site's language first (see `Series`); lists `.series(index:)` index it.
    public var series: [Series] = []
    /// Each series' introduction (`content/series/`), by the index of its series; nil for none.
    public var introductions: [Post?] = []
    /// For each post, every version of its text, itself included (see `Translations`).
    public var translations: [[Int]] = []
    /// By language, how many of the first posts of its `.events` list are upcoming at the build's now (see `Events`).
    public var upcomingEvents: [String: Int] = [:]
    /// The build's now (seconds since 1970): a post dated after it is shown only by the preview, as scheduled.
    public var now: Double = 0

    public func taxonomy(_ kind: TaxonomyKind) -> Taxonomy {
        kind == .categories ? categories : tags
    }

    /// Where each list's scope is in `lists`, so every page finds its language's home in one step.
    var listOfScope: [PostList.Scope: Int] = [:]

    /// The list of `scope`; every scope a page or view refers to was made by `Lists.build`.
    public func list(_ scope: PostList.Scope) -> PostList? {
        if let index = listOfScope[scope] { return lists[index] }
        return listOfScope.isEmpty ? lists.first { $0.scope == scope } : nil
    }

    /// The languages with an index of kinds: the site's always (`/kinds/`), others with kind lists (`/es/kinds/`).
    var languagesWithKinds: [String] {
        var found: Set<String> = [config.language]
        for list in lists { if case .kind(_, let lang) = list.scope { found.insert(lang) } }
        return languages.filter(found.contains)
    }

    /// The folder of `lang`'s index of kinds: `["kinds"]`, `["es", "kinds"]`.
    func kindsFolder(_ lang: String) -> [String] { (lang == config.language ? [] : [lang]) + ["kinds"] }

    /// The languages with an index of `kind`: the site's always (`/categories/`), others with terms of their own (`/es/categories/`).
    func languagesWithTerms(_ kind: TaxonomyKind) -> [String] {
        let found = Set(taxonomy(kind).terms.map(\.lang)).union([config.language])
        return languages.filter(found.contains)
    }

    /// The address of `lang`'s index of `kind`; a language without terms of its own has the site language's.
    func termsURL(_ kind: TaxonomyKind, lang: String) -> String {
        let has = lang == config.language || taxonomy(kind).terms.contains { $0.lang == lang }
        return urls.list(Taxonomy.indexFolder(kind, lang: has ? lang : config.language, siteLanguage: config.language))
    }

    /// The address of term `index` of `kind`.
    func termURL(_ kind: TaxonomyKind, _ index: Int) -> String {
        urls.list(Taxonomy.folder(kind, taxonomy(kind).terms[index], siteLanguage: config.language))
    }

    /// The languages with newsletter editions, the site's first.
    var languagesWithEditions: [String] {
        var found: Set<String> = []
        for list in lists { if case .edition(let edition) = list.scope { found.insert(edition.lang) } }
        return languages.filter(found.contains)
    }

    /// How `list` is cut into pages of `posts_per_page`.
    public func pagination(of list: PostList) -> Pagination {
        list.pagination(perPage: config.postsPerPage)
    }
}

/// Loaded posts → `Site`: order, slugs checked, taxonomies built.
enum SiteResolver {
    /// `now` is the build's (seconds since 1970): it decides which events are upcoming.
    /// `limit`: how many posts with an older post's title are named one by one (see `SiteMistakes`).
    static func resolve(_ content: LoadedContent, config: SiteConfig, urls: SiteURLs, now: Double, limit: Int = .max) -> (Site, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        // By instant: `PostDate`'s `==` also compares the written offset, so two posts at one
        // instant written with different offsets would be neither equal-by-instant nor ordered.
        // Positions sorted, then the posts copied once: sorting the posts themselves moved
        // 100,000 large values about and held a second and a third copy of them.
        let loaded = content.posts
        let posts = loaded.indices.sorted {
            let a = loaded[$0].date.secondsSince1970, b = loaded[$1].date.secondsSince1970
            return a != b ? a > b : loaded[$0].slug.utf8.lexicographicallyPrecedes(loaded[$1].slug.utf8)
        }.map { loaded[$0] }
        var firstWithSlug: [String: String] = [:]
        // By index, field by field: a post taken whole is copied, every field of it retained.
        for index in loaded.indices where loaded[index].page == nil {
            let slug = loaded[index].slug
            if let other = firstWithSlug[slug] {
                diagnostics.append(.error(loaded[index].source, line: loaded[index].slugLine,
                    "the slug \"\(slug)\" is already used by \(other)",
                    hint: "both would be written to /posts/\(slug)/; rename one file or give it another slug: in its front matter"))
            } else {
                firstWithSlug[slug] = loaded[index].source
            }
        }
        diagnostics += Aliases.problems(in: content.posts, urls: urls)
        // The site's mistakes read the posts alone: found on the other core while the terms are made.
        let (mistakes, terms) = concurrently({ SiteMistakes.check(posts, limit: limit) }) {
            var found: [Diagnostic] = []
            var categories = Taxonomy.build(.categories, posts: posts, names: \.categories, siteLanguage: config.language, diagnostics: &found)
            var tags = Taxonomy.build(.tags, posts: posts, names: \.tags, siteLanguage: config.language, diagnostics: &found)
            found += TermTwins.pair(&categories, &tags, pairs: config.termPairs, file: SiteConfig.fileName)
            found += LookAlikeTerms.check(categories, posts: posts) + LookAlikeTerms.check(tags, posts: posts)
            return (categories: categories, tags: tags, found: found)
        }
        let (categories, tags) = (terms.categories, terms.tags)
        diagnostics += terms.found
        let (series, seriesDiagnostics) = Series.build(posts: posts, scheduled: content.scheduled, config: config)
        let (translations, translationDiagnostics) = Translations.build(posts: posts, config: config)
        let (introductions, introductionDiagnostics) = SeriesIntroductions.match(content.introductions, to: series)
        diagnostics += seriesDiagnostics + introductionDiagnostics + translationDiagnostics + mistakes
        var (lists, languages) = Lists.build(posts: posts, categories: categories, tags: tags, config: config, series: series)
        let events = Events.lists(posts: posts, now: now, languages: languages, feeds: config.feeds)
        lists += events.map(\.list)
        lists += Editions.lists(homes: lists.filter { if case .home = $0.scope { true } else { false } }, posts: posts, config: config)
        var site = Site(
            config: config, urls: urls, posts: posts, categories: categories, tags: tags, lists: lists, languages: languages,
            series: series, translations: translations)
        site.introductions = introductions
        site.upcomingEvents = Dictionary(events.map { ($0.list.lang, $0.upcoming) }, uniquingKeysWith: { first, _ in first })
        site.now = now
        site.listOfScope = Dictionary(site.lists.enumerated().map { ($1.scope, $0) }, uniquingKeysWith: { first, _ in first })
        return (site, diagnostics)
    }
}

extension Site {
    /// Drops what each post's body links to, which only the link check reads (`LinkCheck`).
    mutating func forgetLinks() {
        for index in posts.indices where !posts[index].links.isEmpty { posts[index].links = [] }
    }
}
