import Mustache

/// Renders one page through the theme.
///
/// A post shows up on about eight list pages (home, its categories, its tags, its kind), so
/// its list entry, the theme's `partials/post-item`, is rendered once with the post and `site`
/// and handed to list templates as `rendered_item`. A template that includes the partial
/// itself gets it rendered in place, with the page around it: nothing is swapped by name.
struct PageRenderer: Sendable {
    static let itemPartial = "partials/post-item"

    var site: Site
    var theme: Theme
    /// Each post as list pages hand it to templates: its view's context, with `rendered_item`
    /// when the theme has `partials/post-item`. Made once; a post is on about eight lists.
    var entries: [TemplateContext]
    /// Each post's HTML with its blocks rendered, for its page and the feeds.
    var bodies: [String]
    /// The theme's strings (`t`) in each language of the site, made once.
    var words: [String: TemplateWords]
    /// `site` as pages in each language see it, made once.
    var siteContexts: [String: TemplateContext]
    /// The theme's templates per language, with its site-constant partials (header, footer)
    /// rendered once for that language.
    var libraries: [String: MustacheLibrary]
    /// Each series' days as templates see them, for its days' pages and its own page.
    var seriesDays: [[SeriesView.DayLink]]
    /// The site's images as the image stage published them, for `<picture>` and feed images.
    var images: ImageSet
    /// Each post some feed carries, as every feed shows it; nil for the others.
    var feedEntries: [FeedEntry?]
    /// Every page of the sitemap, made once for its files; nil without a base URL.
    var sitemap: Sitemap?
    /// The theme parsed by Broadside's own engine when a test chose it; nil for swift-mustache.
    var templates: TemplateLibrary?

    init(site: Site, theme: Theme, images: ImageSet = ImageSet(), engine: TemplateEngineChoice = .swiftMustache) {
        self.site = site
        self.theme = theme
        self.images = images
        let templates = engine == .broadside ? TemplateLibrary(parsing: theme.sources) : nil
        self.templates = templates
        let words = Dictionary(uniqueKeysWithValues: site.languages.map { ($0, theme.strings.templateValues(lang: $0)) })
        self.words = words
        let seriesDays = site.seriesDays(strings: theme.strings)
        self.seriesDays = seriesDays
        let views = parallelMap(Array(site.posts.indices)) { [site] in
            PostView(site.posts[$0], in: site, index: $0, strings: theme.strings, seriesDays: seriesDays, images: images)
        }
        let siteContexts = Dictionary(uniqueKeysWithValues: site.languages.map { ($0, Self.siteContext(site, lang: $0)) })
        self.siteContexts = siteContexts
        libraries = Dictionary(uniqueKeysWithValues: site.languages.map { lang in
            var library = theme.library
            let context: TemplateContext = ["site": siteContexts[lang], "t": words[lang]]
            for name in theme.siteConstantPartials.sorted() {
                guard let html = theme.library.render(context, withTemplate: name),
                    !html.unicodeScalars.contains(where: { $0 == "\u{1}" || $0 == "\u{2}" }),
                    let literal = try? MustacheTemplate(string: SiteConstantPartials.literal(html))
                else { continue }
                library.register(literal, named: name)
            }
            return (lang, library)
        })
        sitemap = site.config.baseURL == nil ? nil : Sitemap(site: site)
        let blocks = BlockRenderer(theme: theme, words: words)
        bodies = parallelMap(Array(site.posts.indices)) { [site] in blocks.html(of: site.posts[$0]) }
        let inFeeds = Set(site.lists.filter { !$0.feeds.isEmpty }.flatMap { $0.feedPosts(site.config.feedSize) })
        let syntaxes = Set(site.config.feeds.compactMap { if case .feed(let syntax) = $0.writer { syntax } else { nil } })
        let feedContent = FeedContent(site: site, theme: theme, words: words, siteContexts: siteContexts, images: images, blocks: blocks)
        feedEntries = parallelMap(Array(site.posts.indices)) { [site, bodies, views] index in
            guard inFeeds.contains(index) else { return nil }
            let content = feedContent.html(of: index, body: bodies[index], view: views[index].context)
            return FeedEntry(post: site.posts[index], index: index, in: site, content: content, images: images, syntaxes: syntaxes)
        }
        let hasItem = theme.templateNames.contains(Self.itemPartial)
        entries = parallelMap(views) { [theme, site] view in
            var entry = view.context
            guard hasItem else { return entry }
            var context = entry
            context["site"] = siteContexts[view.lang] ?? Self.siteContext(site, lang: view.lang)
            context["t"] = words[view.lang] ?? theme.strings.templateValues(lang: view.lang)
            // Without its last line break: `{{{rendered_item}}}` stands on a line of its own,
            // where a partial's tag would have been removed with its line.
            var html = (templates.map { try? $0.render(TemplateValue(context), template: Self.itemPartial) }
                ?? theme.library.render(context, withTemplate: Self.itemPartial)) ?? ""
            if html.hasSuffix("\n") { html.removeLast() }
            entry["rendered_item"] = html
            return entry
        }
    }

    func render(_ page: Page) -> OutputFile {
        let path = OutputPlan.path(of: page, in: site)
        switch page.format.writer {
        case .feed(let syntax):
            guard case .list(let index, _) = page.kind else { preconditionFailure("only lists have feeds") }
            let list = site.lists[index]
            let feed = FeedWriter(site: site, list: list, format: page.format, heading: heading(of: list), entries: feedEntries)
            return OutputFile(path: path, contents: .text(feed.text(syntax)))
        case .calendar:
            guard case .post(let index) = page.kind else { preconditionFailure("only posts have calendars") }
            return OutputFile(path: path, contents: .text(CalendarWriter(site: site).ics(post: index)))
        case .redirect:
            guard case .alias(let index, let alias) = page.kind else { preconditionFailure("only aliases redirect") }
            return OutputFile(path: path, contents: .text(RedirectPage.html(post: index, alias: site.posts[index].aliases[alias], in: site)))
        case .redirectList:
            return OutputFile(path: path, contents: .text(RedirectPage.list(in: site)))
        case .sitemap:
            guard case .sitemap(let part) = page.kind, let sitemap else { preconditionFailure("a sitemap is planned only with a base URL") }
            return OutputFile(path: path, contents: .text(part == 0 ? sitemap.root(site.urls) : sitemap.part(part)))
        case .robots:
            return OutputFile(path: path, contents: .text(RobotsText.text(site)))
        case .theme:
            // Every template chosen here was checked to exist when the theme was loaded.
            let (template, context) = html(page.kind)
            if let templates {
                return OutputFile(path: path, contents: .text((try? templates.render(TemplateValue(context), template: template)) ?? ""))
            }
            let library = libraries[language(of: page.kind)] ?? theme.library
            return OutputFile(path: path, contents: .text(library.render(context, withTemplate: template) ?? ""))
        }
    }

    /// The language a page is written in, as `base(title:url:lang:kind:)` gets it.
    private func language(of kind: PageKind) -> String {
        switch kind {
        case .post(let index), .alias(let index, _): site.posts[index].lang
        case .list(let index, _): site.lists[index].lang
        case .notFound(let lang): lang
        case .terms, .kinds, .redirects, .sitemap, .robots: site.config.language
        }
    }

    /// The template of an HTML page and what it receives (see `TemplateContract`).
    func html(_ kind: PageKind) -> (template: String, context: TemplateContext) {
        switch kind {
        case .post(let index): post(index)
        case .list(let index, let number): list(site.lists[index], page: number)
        case .terms(let taxonomy): terms(taxonomy)
        case .kinds: kinds()
        case .notFound(let lang): notFound(lang)
        case .alias, .redirects, .sitemap, .robots: preconditionFailure("redirects, the sitemap and robots.txt are written by code")
        }
    }

    /// The first of `names` the theme has: a kind or a list may have a template of its own.
    private func template(_ names: String...) -> String {
        names.first(where: theme.templateNames.contains) ?? names.last!
    }

    private func post(_ index: Int) -> (String, TemplateContext) {
        let post = site.posts[index]
        // The entry made once for lists, less what only lists use: not made again per page.
        var view = entries[index]
        view["rendered_item"] = nil
        view["content"] = ImageMarkup.expand(bodies[index], post: post, images: images, urls: site.urls, for: .page)
        var context = base(title: post.title, url: site.urls.post(post.slug), lang: post.lang, kind: "post")
        share(postCard(index), in: &context)
        context["post"] = view
        context["alternates"] = TranslationView.alternates(of: index, in: site)
        return (template("post-\(post.kind.rawValue)", "post"), context)
    }

    private func list(_ list: PostList, page number: Int) -> (String, TemplateContext) {
        let heading = heading(of: list) ?? site.config.title
        let (kind, name) = switch list.scope {
        case .home: ("home", "home")
        case .term(let taxonomy, _): (taxonomy.singular, "list")
        case .kind: ("kind", "list")
        case .series: ("series", "series")
        case .events: ("events", "events")
        }
        let url = site.urls.list(list.folder, page: number)
        let title = number == 1 ? heading : heading + words("page_title_suffix", list.lang, ["page": "\(number)"])
        var context = base(title: title, url: url, lang: list.lang, kind: kind, feeds: list)
        share(listCard(list, heading: heading, url: url, page: number), in: &context)
        context["heading"] = heading
        var listContext: TemplateContext = ["url": site.urls.list(list.folder), "count": list.posts.count]
        if let first = list.feeds.first { listContext["feed_url"] = site.urls.listFeed(list.folder, first) }
        listContext["feeds"] = feedLinks(list, title: heading == site.config.title ? heading : "\(heading) | \(site.config.title)")
        context["list"] = listContext
        switch list.scope {
        case .home:
            context["is_home"] = true
        case .term(let taxonomy, let index):
            let term = site.taxonomy(taxonomy).terms[index]
            context["term"] = TemplateContext(["name": term.name, "url": site.urls.list(list.folder), "count": term.posts.count, "taxonomy": taxonomy.rawValue])
        case .kind(let postKind):
            context["kind"] = TemplateContext(["name": postKind.rawValue, "label": heading, "url": site.urls.list(list.folder), "count": list.posts.count])
        case .series(let index):
            context["series"] = SeriesView(site.series[index], in: site, strings: theme.strings, days: seriesDays[index]).context
        case .events:
            eventSections(list, page: number, into: &context)
        }
        page(of: list.posts, page: number, lang: list.lang, url: { site.urls.list(list.folder, page: $0) }, into: &context)
        // A list may have a template of its own (`home`, `series`, `events`), else `list`.
        return (template(name, "list"), context)
    }

    /// A list's name as its first page heads it; nil for a home page, which the site's title heads.
    func heading(of list: PostList) -> String? {
        switch list.scope {
        case .home:
            return nil
        case .term(let taxonomy, let index):
            let key = taxonomy == .categories ? "category_heading" : "tag_heading"
            return words(key, list.lang, ["name": site.taxonomy(taxonomy).terms[index].name])
        case .kind(let postKind): return words("kind_plural.\(postKind.rawValue)", list.lang)
        case .series(let index): return site.series[index].name
        case .events: return words("events", list.lang)
        }
    }

    /// `<link rel="alternate">` of each feed: a list page's own, else the home feeds of the page's language.
    private func feedLinks(_ list: PostList, title: String) -> [TemplateContext] {
        list.feeds.map { format in
            ["url": site.urls.listFeed(list.folder, format), "media_type": format.mediaType,
             "title": "\(title) (\(format.label))"] as TemplateContext
        }
    }

    private func terms(_ kind: TaxonomyKind) -> (String, TemplateContext) {
        let taxonomy = site.taxonomy(kind)
        let title = words(kind.rawValue, site.config.language)
        var context = base(title: title, url: site.urls.taxonomy(kind), lang: nil, kind: kind.rawValue)
        share(indexCard(title, url: site.urls.taxonomy(kind)), in: &context)
        context["heading"] = title
        context["taxonomy"] = TemplateContext(["name": kind.rawValue, "title": title, "singular": kind.singular])
        context["terms"] = taxonomy.terms.map {
            ["name": $0.name, "url": site.urls.term(kind, slug: $0.slug), "count": $0.posts.count] as TemplateContext
        }
        context["has_terms"] = !taxonomy.terms.isEmpty
        return (template("terms"), context)
    }

    /// `/kinds/`, through the `terms` template: a kind is listed as a term is.
    private func kinds() -> (String, TemplateContext) {
        let title = words("kinds", site.config.language)
        var context = base(title: title, url: site.urls.kinds(), lang: nil, kind: "kinds")
        share(indexCard(title, url: site.urls.kinds()), in: &context)
        context["heading"] = title
        context["taxonomy"] = TemplateContext(["name": "kinds", "title": title, "singular": "kind"])
        let kinds = site.lists.compactMap { list -> TemplateContext? in
            guard case .kind(let kind) = list.scope else { return nil }
            return ["name": words("kind_plural.\(kind.rawValue)", site.config.language), "url": site.urls.list(list.folder), "count": list.posts.count]
        }
        context["terms"] = kinds
        context["has_terms"] = !kinds.isEmpty
        return (template("kinds", "terms"), context)
    }

    /// `404.html` of a language: the theme's `404` template, kept out of search engines.
    private func notFound(_ lang: String) -> (String, TemplateContext) {
        let title = words("not_found_title", lang)
        let url = site.urls.rootPath + (lang == site.config.language ? "" : lang + "/") + "404.html"
        var context = base(title: title, url: url, lang: lang, kind: "404")
        if var page = context["page"] as? TemplateContext {
            page["noindex"] = true
            // No share card (nobody shares a missing page), but the one JSON-LD item every page has.
            page["json_ld"] = StructuredData.page("WebPage", name: title, description: "", url: site.urls.absolute(url), lang: lang,
                site: site, logo: nil)
            context["page"] = page
        }
        context["heading"] = title
        return (Self.notFoundTemplate, context)
    }

    static let notFoundTemplate = "404"

    /// A theme string in `lang`.
    private func words(_ key: String, _ lang: String, _ values: [String: String] = [:]) -> String {
        theme.strings.text(key, lang: lang, values)
    }

    /// What every page has: the site, the theme's words in the page's language, and the page's
    /// own title, URL and language.
    private func base(title: String, url: String, lang: String?, kind: String, feeds list: PostList? = nil) -> TemplateContext {
        let urls = site.urls
        let lang = lang ?? site.config.language
        let feeds = list ?? site.list(.home(lang: lang)) ?? site.list(.home(lang: site.config.language))
        let feedTitle = list.flatMap(heading(of:)).map { "\($0) | \(site.config.title)" } ?? site.config.title
        return [
            "site": siteContexts[lang] ?? Self.siteContext(site, lang: lang),
            "t": words[lang] ?? theme.strings.templateValues(lang: lang),
            "page": TemplateContext([
                "title": title, "document_title": title == site.config.title ? title : "\(title) | \(site.config.title)",
                "url": url, "absolute_url": urls.absolute(url), "lang": lang, "kind": kind,
                "feeds": feeds.map { feedLinks($0, title: feedTitle) } ?? [], "noindex": !site.config.searchEngines]),
        ]
    }

    /// The site as a page in `lang` sees it: its home page and feed are the language's own
    /// (`/es/`, `/es/feed.xml`) when the site has posts in that language.
    private static func siteContext(_ site: Site, lang: String) -> TemplateContext {
        let urls = site.urls
        let home = site.list(.home(lang: lang)) ?? site.list(.home(lang: site.config.language))
        let homeURL = home.map { urls.list($0.folder) } ?? urls.home(page: 1)
        var context: TemplateContext = [
            "title": site.config.title, "language": site.config.language,
            "root": urls.rootPath, "home_url": homeURL, "categories_url": urls.taxonomy(.categories),
            "tags_url": urls.taxonomy(.tags), "kinds_url": urls.kinds(), "generator": "Broadside",
        ]
        // Absent when the site writes no feeds, so no page links one.
        if let home, let format = home.feeds.first {
            let feedURL = urls.listFeed(home.folder, format)
            context["feed_url"] = feedURL
            context["feed_absolute_url"] = urls.absolute(feedURL)
        }
        if let events = site.list(.events) { context["events_url"] = urls.list(events.folder) }
        // Absent, not empty: Mustache's {{#site.description}} holds for "" and gave an empty <meta>.
        if !site.config.description.isEmpty { context["description"] = site.config.description }
        return context
    }

    /// One page of a list of posts (indices, in the list's order) with its pager.
    private func page(of indices: [Int], page: Int, lang: String, url: (Int) -> String, into context: inout TemplateContext) {
        let perPage = site.config.postsPerPage
        let pages = site.pageCount(listing: indices.count)
        let start = min(indices.count, (page - 1) * perPage)
        let slice = indices[start..<min(indices.count, start + perPage)]
        context["posts"] = slice.map { entries[$0] }
        context["has_posts"] = !slice.isEmpty
        var pager: TemplateContext = [
            "page": page, "pages": pages, "has_pages": pages > 1,
            "label": words("page_of", lang, ["page": "\(page)", "pages": "\(pages)"]),
        ]
        if page > 1 { pager["newer_url"] = url(page - 1) }
        if page < pages { pager["older_url"] = url(page + 1) }
        context["pager"] = pager
    }
}
