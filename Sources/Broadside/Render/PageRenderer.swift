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
    /// when the theme has `partials/post-item`. Made once, when first asked for; a post is on
    /// about eight lists.
    var entries: PostEntries
    /// Puts each post's blocks into its HTML, as its page and its feed item are made: the HTML
    /// of every post is never held at once (see `PostHTML`).
    var blocks: BlockRenderer
    /// The theme's strings (`t`) in each language of the site, made once.
    var words: [String: TemplateMap]
    /// `site` as pages in each language see it, made once.
    var siteContexts: [String: TemplateMap]
    /// The theme's templates per language, with its site-constant partials (header, footer)
    /// rendered once for that language.
    var libraries: [String: TemplateSet]
    /// Each series' days as templates see them, for its days' pages and its own page.
    var seriesDays: [SeriesView.Days]
    /// The site's images as the image stage published them, for `<picture>` and feed images.
    var images: ImageSet
    /// Each post some feed carries, as every feed shows it; nil for the others.
    var feedEntries: FeedEntries
    /// How the sitemap is in parts; nil without a base URL.
    var sitemap: Sitemap?
    /// Each home page's call to act: the newest action block of its posts, as `blocks/action` gets it.
    var homeActions: [String: TemplateMap] = [:]
    /// What a theme page's bytes depend on besides its template and values, per language: the
    /// program, the engine, every template's text, the partials rendered once, `site` and `t`.
    var renderKeys: [String: PageDigest] = [:]
    /// The same without a language's partials and values, for a page of no language of the site.
    var themeKey: PageDigest
    /// What every theme page is made from (`PageInputs`), when the build knows it.
    var inputs: PageInputs?
    /// The templates that name `count`, and those that name `pages` (in a partial they include,
    /// too): only a list page made from one shows how many posts, or pages, its list has.
    var countingTemplates: Set<String>
    var pagingTemplates: Set<String>

    init(site: Site, theme: Theme, images: ImageSet = ImageSet()) {
        self.site = site
        self.theme = theme
        self.images = images
        let words = Dictionary(uniqueKeysWithValues: site.languages.map { ($0, theme.strings.templateValues(lang: $0)) })
        self.words = words
        let seriesDays = site.seriesDays(strings: theme.strings)
        self.seriesDays = seriesDays
        let siteContexts = Self.siteContexts(site, images: images, templateNames: theme.templateNames)
        self.siteContexts = siteContexts
        let themeKey = Self.themeKey(theme)
        self.themeKey = themeKey
        countingTemplates = theme.templates.own.naming("count")
        pagingTemplates = theme.templates.own.naming("pages")
        var renderKeys: [String: PageDigest] = [:]
        libraries = Dictionary(uniqueKeysWithValues: site.languages.map { [theme] lang in
            var library = theme.templates
            let context: TemplateMap = ["site": .map(siteContexts[lang] ?? TemplateMap()), "t": .map(words[lang] ?? TemplateMap())]
            var key = ValueDigest()
            key.add(themeKey)
            key.add(context)
            for name in theme.siteConstantPartials.sorted() {
                guard let html = theme.templates.render(context, template: name),
                    !html.unicodeScalars.contains(where: { $0 == "\u{1}" || $0 == "\u{2}" })
                else { continue }
                library = library.replacing(name, with: html)
                key.add(name)
                key.add(html)
            }
            renderKeys[lang] = key.digest
            return (lang, library)
        })
        self.renderKeys = renderKeys
        sitemap = site.config.baseURL == nil ? nil : Sitemap()
        let blocks = BlockRenderer(theme: theme, words: words)
        homeActions = Self.homeActions(site, blocks: blocks, words: words)
        self.blocks = blocks
        // Each post as templates see it, made when first asked for: for its list entry, its page and its feed item.
        let terms = TermValues(site)
        let items = theme.templateNames.contains(Self.itemPartial)
        entries = PostEntries(count: site.posts.count) { [site, theme, images] index in
            var view = PostView(site.posts[index], in: site, index: index, strings: theme.strings, terms: terms, seriesDays: seriesDays,
                images: images).context
            guard items else { return view }
            // The list entry as the item partial renders it, kept in the spill file.
            var context = view
            let lang = site.posts[index].lang
            context["site"] = .map(siteContexts[lang] ?? Self.siteContext(site, lang: lang))
            context["t"] = .map(words[lang] ?? theme.strings.templateValues(lang: lang))
            // Without its last line break: `{{{rendered_item}}}` stands on a line of its own,
            // where a partial's tag would have been removed with its line.
            var html = theme.templates.render(context, template: Self.itemPartial) ?? ""
            if html.hasSuffix("\n") { html.removeLast() }
            view["rendered_item"] = .storedHTML(PostHTML(html).spilled(like: site.posts[index].body))
            return view
        }
        let inFeeds = Set(site.lists.filter { !$0.feeds.isEmpty }.flatMap { $0.feedPosts(site.config.feedSize) })
        let feedContent = FeedContent(site: site, theme: theme, words: words, siteContexts: siteContexts, images: images, blocks: blocks)
        // The entry's `rendered_item` is left out by the feed's content (`FeedContent.parts`).
        feedEntries = FeedEntries(posts: inFeeds.sorted(), count: site.posts.count) { [site, entries] index in
            let content = feedContent.html(of: index, body: blocks.html(of: site.posts[index]), view: entries[index])
            return FeedEntry(post: site.posts[index], index: index, in: site, content: content, images: images)
        }
    }

    /// Makes every list entry and feed entry now, on every core, where most pages and feeds
    /// will ask for them (a clean build, or a rebuild whose inputs differ for every page).
    func makeEntries(escapingFeeds: Bool) {
        entries.makeAll()
        feedEntries.makeAll(escaped: escapingFeeds)
    }

    func render(_ page: Page) -> OutputFile {
        var made = MadeDigests()
        return render(page, previous: nil, made: &made)
    }

    /// What a page's file was made from, for `PageDigests`.
    struct MadeDigests {
        /// A theme page's or a feed's digest (see `digest(template:context:lang:)`); a file code
        /// writes from the posts' fields (a calendar, the sitemap), its text's; the newsletter's
        /// have none and are always made.
        var values: PageDigest?
        /// Its inputs (`PageInputs`), when the build has them.
        var inputs: PageDigest?
    }

    /// `page`'s file; `.unchanged` when it is made from what its live file was made from, as
    /// `previous` has it: the same inputs, or else the same values (the newsletter's files,
    /// which have neither, are always made).
    func render(_ page: Page, previous: PageDigests?, made: inout MadeDigests) -> OutputFile {
        let path = OutputPlan.path(of: page, in: site)
        if let kept = kept(page, path: path, previous: previous, made: &made) { return kept }
        return make(page, path: path, previous: previous?[path], made: &made)
    }

    /// `page`'s file, made; `.unchanged` when its values are those of the live file (`previous`).
    /// Never inlined into `render`: there the optimizer copied the site three times on entry
    /// for the writers that hold one, for every page, kept or not (50 ms of an edit's CPU).
    @inline(never)
    private func make(_ page: Page, path: String, previous previousValues: PageDigest?, made: inout MadeDigests) -> OutputFile {
        switch page.format.writer {
        case .feed(let syntax):
            guard case .list(let index, _) = page.kind else { preconditionFailure("only lists have feeds") }
            let list = site.lists[index]
            let feed = FeedWriter(site: site, list: list, format: page.format, heading: heading(of: list), entries: feedEntries)
            let digest = feed.digest(syntax)
            made.values = digest
            if digest == previousValues { return OutputFile(path: path, contents: .unchanged) }
            return OutputFile(path: path, contents: .bytes(feed.bytes(syntax)))
        case .calendar:
            guard case .post(let index) = page.kind else { preconditionFailure("only posts have calendars") }
            return written(CalendarWriter.ics(post: index, in: site), path: path, previous: previousValues, made: &made)
        case .redirect:
            guard case .alias(let index, let alias) = page.kind else { preconditionFailure("only aliases redirect") }
            return written(RedirectPage.html(post: index, alias: site.posts[index].aliases[alias], in: site), path: path, previous: previousValues,
                made: &made)
        case .redirectList:
            return written(RedirectPage.list(in: site), path: path, previous: previousValues, made: &made)
        case .sitemap:
            guard case .sitemap(let part) = page.kind, let sitemap else { preconditionFailure("a sitemap is planned only with a base URL") }
            return written(sitemap.text(part, in: site), path: path, previous: previousValues, made: &made)
        case .robots:
            return written(RobotsText.text(site), path: path, previous: previousValues, made: &made)
        case .edition(let file):
            guard case .list(let index, _) = page.kind, case .edition(let edition) = site.lists[index].scope else { preconditionFailure("only editions are e-mailed") }
            let email = EmailEdition(site: site, list: site.lists[index], edition: edition, strings: theme.strings, images: images)
            let text = switch file {
            case .html: email.htmlDocument()
            case .text: email.text()
            case .message: email.message()
            case .fragment: email.fragment()
            }
            return OutputFile(path: path, contents: .text(text))
        case .digest:
            guard case .editions(let lang) = page.kind else { preconditionFailure("only the newsletter has a digest") }
            return OutputFile(path: path, contents: .text(DigestFeed(site: site, lang: lang, strings: theme.strings, images: images).xml()))
        case .theme:
            // Every template chosen here was checked to exist when the theme was loaded.
            let (template, context) = html(page.kind)
            let lang = language(of: page.kind)
            let digest = self.digest(template: template, context: context, lang: lang)
            made.values = digest
            if digest == previousValues { return OutputFile(path: path, contents: .unchanged) }
            let library = libraries[lang] ?? theme.templates
            return OutputFile(path: path, contents: library.file(context, template: template))
        }
    }

    /// A file code writes from the posts' fields, `text`: `.unchanged` when the live file holds
    /// it (its digest is the file's values). Its inputs were asked first (`kept`): a calendar
    /// for each event and the sitemap's parts were a tenth of an edit's rebuild, made only to
    /// be found as they were.
    private func written(_ text: String, path: String, previous: PageDigest?, made: inout MadeDigests) -> OutputFile {
        var digest = ValueDigest()
        digest.add(text)
        made.values = digest.digest
        if made.values == previous { return OutputFile(path: path, contents: .unchanged) }
        return OutputFile(path: path, contents: .text(text))
    }

    /// `.unchanged` when the page was made from the same inputs as its live file: its values
    /// would be the ones that file was made from, so they are not made.
    private func kept(_ page: Page, path: String, previous: PageDigests?, made: inout MadeDigests) -> OutputFile? {
        made.inputs = inputs(of: page, path: path)
        guard let previousValues = previous?[path], let inputs = made.inputs, inputs == previous?.inputs(path) else { return nil }
        made.values = previousValues
        return OutputFile(path: path, contents: .unchanged)
    }

    /// The language a page is written in, as `base(title:url:lang:kind:)` gets it.
    private func language(of kind: PageKind) -> String {
        switch kind {
        case .post(let index), .alias(let index, _): site.posts[index].lang
        case .list(let index, _): site.lists[index].lang
        case .notFound(let lang), .kinds(let lang), .terms(_, let lang), .editions(let lang), .search(let lang): lang
        case .redirects, .sitemap, .robots: site.config.language
        }
    }

    /// The template of an HTML page and what it receives (see `TemplateContract`).
    func html(_ kind: PageKind) -> (template: String, context: TemplateMap) {
        switch kind {
        case .post(let index): post(index)
        case .list(let index, let number): list(site.lists[index], page: number)
        case .terms(let taxonomy, let lang): terms(taxonomy, lang: lang)
        case .kinds(let lang): kinds(lang)
        case .editions(let lang): editions(lang)
        case .notFound(let lang): notFound(lang)
        case .search(let lang): search(lang)
        case .alias, .redirects, .sitemap, .robots: preconditionFailure("redirects, the sitemap and robots.txt are written by code")
        }
    }

    /// How many upcoming events a home page shows above its posts.
    static let upcomingOnHome = 3

    /// The first of `names` the theme has: a kind or a list may have a template of its own.
    func template(_ names: String...) -> String {
        names.first(where: theme.templateNames.contains) ?? names.last!
    }

    private func post(_ index: Int) -> (String, TemplateMap) {
        let post = site.posts[index]
        // The entry made once for lists, less what only lists use: not made again per page.
        var view = entries[index]
        view["rendered_item"] = nil
        view["content"] = .html(ImageMarkup.expand(blocks.html(of: post), post: post, images: images, urls: site.urls, for: .page))
        let url = site.urls.address(of: post)
        if !post.isPage {
            view["more"] = MoreInCategory.context(of: index, in: site, entries: entries) { words("more_in", post.lang, ["name": $0]) }.map(TemplateValue.map)
        }
        view["share"] = ShareLinks.context(title: post.title, absoluteURL: site.config.baseURL == nil ? nil : site.urls.absolute(url),
                                           emailLabel: words("share_email", post.lang)).map(TemplateValue.map)
        var context = base(title: post.title, url: url, lang: post.lang, kind: post.isPage ? "page" : "post")
        if var page = context["page"]?.map, page["has_languages"] == true {
            page["languages"] = .maps(LanguageSwitch.links(from: post.lang, translations: LanguageSwitch.translations(of: index, in: site),
                                                           in: site, strings: theme.strings))
            context["page"] = .map(page)
        }
        share(postCard(index), in: &context)
        context["post"] = .map(view)
        context["alternates"] = .maps(TranslationView.alternates(of: index, in: site))
        return (post.isPage ? template("page", "post") : template("post-\(post.kind.rawValue)", "post"), context)
    }

    /// `<link rel="alternate">` of each feed: a list page's own, else the home feeds of the page's language.
    func feedLinks(_ list: PostList, title: String) -> [TemplateMap] {
        list.feeds.map { format in
            ["url": .url(site.urls.listFeed(list.folder, format)), "media_type": .text(format.mediaType),
             "title": .text("\(title) (\(format.label))"), "label": .text(format.label)] as TemplateMap
        }
    }

    /// `404.html` of a language: the theme's `404` template, kept out of search engines.
    private func notFound(_ lang: String) -> (String, TemplateMap) {
        let title = words("not_found_title", lang)
        let url = site.urls.rootPath + (lang == site.config.language ? "" : lang + "/") + "404.html"
        var context = base(title: title, url: url, lang: lang, kind: "404")
        if var page = context["page"]?.map {
            page["noindex"] = true
            // No share card (nobody shares a missing page), but the one JSON-LD item every page has.
            page["json_ld"] = .html(StructuredData.page("WebPage", name: title, description: "", url: site.urls.absolute(url), lang: lang,
                site: site, logo: nil))
            context["page"] = .map(page)
        }
        context["heading"] = .text(title)
        return (Self.notFoundTemplate, context)
    }

    static let notFoundTemplate = "404"

    /// A theme string in `lang`.
    func words(_ key: String, _ lang: String, _ values: [String: String] = [:]) -> String {
        theme.strings.text(key, lang: lang, values)
    }

    /// What every page has: the site, the theme's words in the page's language, and the page's
    /// own title, URL and language.
    /// `translations`: the page's own versions in other languages, which the language switch leads to.
    func base(title: String, url: String, lang: String?, kind: String, feeds list: PostList? = nil,
                      translations: [String: String] = [:]) -> TemplateMap {
        let urls = site.urls
        let lang = lang ?? site.config.language
        let feeds = list ?? site.list(.home(lang: lang)) ?? site.list(.home(lang: site.config.language))
        let feedTitle = list.flatMap(heading(of:)).map { "\($0) | \(site.config.title)" } ?? site.config.title
        let languages = LanguageSwitch.links(from: lang, translations: translations, in: site, strings: theme.strings)
        return [
            "site": .map(siteContexts[lang] ?? Self.siteContext(site, lang: lang)),
            "t": .map(words[lang] ?? theme.strings.templateValues(lang: lang)),
            "page": .map([
                "title": .text(title), "document_title": .text(title == site.config.title ? title : "\(title) | \(site.config.title)"),
                "url": .url(url), "absolute_url": .url(urls.absolute(url)), "lang": .text(lang), "kind": .text(kind),
                "feeds": .maps(feeds.map { feedLinks($0, title: feedTitle) } ?? []), "noindex": .bool(!site.config.searchEngines),
                "languages": .maps(languages), "has_languages": .bool(!languages.isEmpty)]),
        ]
    }
}
