/// Each page's share card and structured data (see `ShareCard`, `StructuredData`), from the
/// site, the post or the list the page shows.
extension PageRenderer {
    func share(_ card: ShareCard, in context: inout TemplateMap) {
        guard var page = context["page"]?.map, case .url(let url)? = page["absolute_url"] else { return }
        card.add(to: &page, absoluteURL: url, hasBaseURL: site.config.baseURL != nil)
        context["page"] = .map(page)
    }

    func postCard(_ index: Int) -> ShareCard {
        let post = site.posts[index]
        let description = post.summary.isEmpty ? site.config.description : post.summary
        let image = shareImage(post) ?? siteImage(site.config.shareImage, share: true)
        let translations = TranslationView.versions(of: index, in: site).map { site.posts[$0].lang }
        if post.isPage {
            // A page is not news: no publication date, section or tags; a `WebPage` with its language versions.
            let url = site.urls.absolute(site.urls.address(of: post))
            return ShareCard(title: post.title, description: description, kind: .website, lang: post.lang,
                otherLanguages: Array(Set(translations).subtracting([post.lang])).sorted(), image: image,
                structuredData: StructuredData.page("WebPage", name: post.title, description: description, url: url, lang: post.lang,
                    site: site, logo: siteImage(site.config.logo, share: false)))
        }
        let categories = site.categories.termsOfPost[index].map { site.categories.terms[$0].name }
        return ShareCard(title: post.title, description: description, kind: .article, lang: post.lang,
            otherLanguages: Array(Set(translations).subtracting([post.lang])).sorted(), image: image, published: post.date,
            section: categories.first, tags: site.tags.termsOfPost[index].map { site.tags.terms[$0].name },
            structuredData: StructuredData.post(index, in: site, description: description, image: image, logo: siteImage(site.config.logo, share: false)))
    }

    /// A home's first page is the `WebSite`; its other pages, and every other list, a `CollectionPage`.
    func listCard(_ list: PostList, heading: String, url: String, page: Pagination.Page) -> ShareCard {
        let isHome = if case .home = list.scope { page == .first } else { false }
        let absolute = site.urls.absolute(url)
        // A series' introduction says what the week is for: its summary is the card's text.
        let introduction: Post? = if case .series(let index) = list.scope, site.introductions.indices.contains(index) {
            site.introductions[index]
        } else { nil }
        let description = introduction.map(\.summary).flatMap { $0.isEmpty ? nil : $0 } ?? site.config.description
        return ShareCard(title: heading, description: description, kind: .website, lang: list.lang,
            otherLanguages: isHome ? site.languages.filter { $0 != list.lang } : [], image: siteImage(site.config.shareImage, share: true),
            structuredData: StructuredData.page(isHome ? "WebSite" : "CollectionPage", name: heading, description: description,
                url: absolute, lang: list.lang, site: site, logo: siteImage(site.config.logo, share: false)))
    }

    /// An index of terms or kinds in `lang`.
    func indexCard(_ title: String, url: String, lang: String) -> ShareCard {
        ShareCard(title: title, description: site.config.description, kind: .website, lang: lang,
            image: siteImage(site.config.shareImage, share: true),
            structuredData: StructuredData.page("CollectionPage", name: title, description: site.config.description,
                url: site.urls.absolute(url), lang: lang, site: site, logo: siteImage(site.config.logo, share: false)))
    }

    /// The featured image's share-card copy (1,200 pixels wide, or the photo's own width).
    func shareImage(_ post: Post) -> FeedEntry.Image? {
        guard let featured = post.resources.image, let path = featured.file.outputPath, let image = images.images[path],
            let file = image.share ?? image.fallback(near: site.config.images.shareWidth)
        else { return nil }
        return FeedEntry.Image(file, alt: featured.alt, urls: site.urls)
    }

    /// An image `site.yml` names, as published: its share-card copy, or the file itself (a logo).
    /// Its alt text is the site's title: the card stands for the site.
    func siteImage(_ named: SiteImage?, share: Bool) -> FeedEntry.Image? {
        guard let named, let image = images.images[named.path],
            let file = share ? (image.share ?? image.fallback(near: site.config.images.shareWidth)) : (image.own ?? image.fallback.last)
        else { return nil }
        return FeedEntry.Image(file, alt: site.config.title, urls: site.urls)
    }
}
