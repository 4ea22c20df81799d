import Mustache

/// Renders one page through the theme.
///
/// A post shows up on about eight list pages (home, its categories, its tags), so its list
/// entry, the theme's `partials/post-item`, is rendered once and reused: that partial sees
/// the post and `site`, not the page it lands on. This keeps list pages from costing
/// several times the posts themselves.
struct PageRenderer: Sendable {
    static let itemPartial = "partials/post-item"

    var site: Site
    var theme: Theme
    var postViews: [PostView]
    /// `0..<posts.count`, made once for the home pages rather than once per page.
    var allPosts: [Int]
    /// Each post's rendered list entry, when the theme has `partials/post-item`.
    var renderedItems: [String]?
    /// The theme's templates with the item partial replaced by the post's rendered entry.
    var listLibrary: MustacheLibrary

    init(site: Site, theme: Theme) {
        self.site = site
        self.theme = theme
        let views = parallelMap(Array(site.posts.indices)) { [site] in PostView(site.posts[$0], in: site, index: $0) }
        postViews = views
        allPosts = Array(site.posts.indices)
        listLibrary = theme.library
        if theme.templateNames.contains(Self.itemPartial) {
            renderedItems = parallelMap(views) { [theme, site] view in
                var context = view.context
                context["site"] = Self.siteContext(site)
                return theme.library.render(context, withTemplate: Self.itemPartial) ?? ""
            }
            if let cached = try? MustacheTemplate(string: "{{{rendered_item}}}") {
                listLibrary.register(cached, named: Self.itemPartial)
            }
        }
    }

    func render(_ page: Page) -> OutputFile {
        switch page {
        case .post(let index):
            let post = site.posts[index]
            var view = postViews[index].context
            view["content"] = post.html
            var context = base(title: post.title, url: postViews[index].url, lang: post.lang, kind: "post")
            context["post"] = view
            return file(page, template: "post", context)

        case .home(let number):
            let title = number == 1 ? site.config.title : "\(site.config.title), page \(number)"
            var context = base(title: title, url: site.urls.home(page: number), lang: nil, kind: "home")
            context["is_home"] = true
            context["heading"] = site.config.title
            list(allPosts, page: number, url: { site.urls.home(page: $0) }, into: &context)
            let template = theme.templateNames.contains("home") ? "home" : "list"
            return file(page, template: template, context)

        case .term(let kind, let index, let number):
            let term = site.taxonomy(kind).terms[index]
            let heading = "\(kind.singular.capitalized): \(term.name)"
            let title = number == 1 ? heading : "\(heading), page \(number)"
            let url = { (n: Int) in site.urls.term(kind, slug: term.slug, page: n) }
            var context = base(title: title, url: url(number), lang: nil, kind: kind.singular)
            context["heading"] = heading
            context["term"] = TemplateContext(["name": term.name, "url": url(1), "count": term.posts.count, "taxonomy": kind.rawValue])
            list(term.posts, page: number, url: url, into: &context)
            return file(page, template: "list", context)

        case .taxonomy(let kind):
            let taxonomy = site.taxonomy(kind)
            var context = base(title: kind.title, url: site.urls.taxonomy(kind), lang: nil, kind: kind.rawValue)
            context["heading"] = kind.title
            context["taxonomy"] = TemplateContext(["name": kind.rawValue, "title": kind.title, "singular": kind.singular])
            context["terms"] = taxonomy.terms.map {
                ["name": $0.name, "url": site.urls.term(kind, slug: $0.slug), "count": $0.posts.count] as TemplateContext
            }
            context["has_terms"] = !taxonomy.terms.isEmpty
            return file(page, template: "terms", context)

        case .feed:
            return OutputFile(path: OutputPlan.path(of: page, in: site), contents: .text(FeedWriter(site: site).rss()))
        }
    }

    /// What every page has: the site, and the page's own title, URL and language.
    private func base(title: String, url: String, lang: String?, kind: String) -> TemplateContext {
        let urls = site.urls
        return [
            "site": Self.siteContext(site),
            "page": TemplateContext([
                "title": title, "document_title": title == site.config.title ? title : "\(title) | \(site.config.title)",
                "url": url, "absolute_url": urls.absolute(url), "lang": lang ?? site.config.language, "kind": kind]),
        ]
    }

    private static func siteContext(_ site: Site) -> TemplateContext {
        let urls = site.urls
        return [
            "title": site.config.title, "description": site.config.description, "language": site.config.language,
            "root": urls.rootPath, "home_url": urls.home(page: 1), "categories_url": urls.taxonomy(.categories),
            "tags_url": urls.taxonomy(.tags), "feed_url": urls.feed, "feed_absolute_url": urls.absolute(urls.feed),
            "generator": "Broadside",
        ]
    }

    /// One page of a list of posts (indices, newest first) with its pager.
    private func list(_ indices: [Int], page: Int, url: (Int) -> String, into context: inout TemplateContext) {
        let perPage = site.config.postsPerPage
        let pages = site.pageCount(listing: indices.count)
        let start = min(indices.count, (page - 1) * perPage)
        let slice = indices[start..<min(indices.count, start + perPage)]
        context["posts"] = slice.map { index -> TemplateContext in
            var item = postViews[index].context
            if let renderedItems { item["rendered_item"] = renderedItems[index] }
            return item
        }
        context["has_posts"] = !slice.isEmpty
        var pager: TemplateContext = ["page": page, "pages": pages, "has_pages": pages > 1]
        if page > 1 { pager["newer_url"] = url(page - 1) }
        if page < pages { pager["older_url"] = url(page + 1) }
        context["pager"] = pager
    }

    private func file(_ page: Page, template: String, _ context: TemplateContext) -> OutputFile {
        // Every template used here was checked to exist when the theme was loaded.
        let library = template == "post" ? theme.library : listLibrary
        let html = library.render(context, withTemplate: template) ?? ""
        return OutputFile(path: OutputPlan.path(of: page, in: site), contents: .text(html))
    }
}
