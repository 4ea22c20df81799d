/// Every `PostList` of the site, from the resolved posts and taxonomies.
enum Lists {
    static func build(posts: [Post], categories: Taxonomy, tags: Taxonomy, config: SiteConfig, series: [Series] = []) -> ([PostList], [String]) {
        let site = config.language
        let languages = [site] + Set(posts.map(\.lang)).subtracting([site]).sorted()
        var lists: [PostList] = []

        // `/` and `/feed.xml` hold each text once, in the site's language where it has a version
        // there, so a subscriber of an RSS-to-email service does not get every Q&A twice; posts
        // with no version in the site's language are there too, so nothing is hidden.
        let translatedIntoSite = Set(posts.filter { $0.lang == site }.compactMap(\.translationKey))
        // Pages are in no list: only their own address leads to them.
        let home = posts.indices.filter { index in
            !posts[index].isPage
                && (posts[index].lang == site || posts[index].translationKey.map { !translatedIntoSite.contains($0) } ?? true)
        }
        lists.append(PostList(scope: .home(lang: site), lang: site, posts: home, folder: [], feeds: config.feeds))
        for lang in languages.dropFirst() {
            lists.append(PostList(scope: .home(lang: lang), lang: lang,
                posts: posts.indices.filter { posts[$0].lang == lang && !posts[$0].isPage }, folder: [lang], feeds: config.feeds))
        }

        for taxonomy in [categories, tags] {
            for (index, term) in taxonomy.terms.enumerated() {
                lists.append(PostList(scope: .term(taxonomy.kind, index: index), lang: term.lang, posts: term.posts,
                    folder: Taxonomy.folder(taxonomy.kind, term, siteLanguage: site), feeds: config.feeds))
            }
        }
        // Each language's kinds, gathered in one pass over the posts (newest first, as they are).
        var membersOfKind: [String: [Kind: [Int]]] = [:]
        for index in posts.indices where !posts[index].isPage {
            membersOfKind[posts[index].lang, default: [:]][posts[index].kind, default: []].append(index)
        }
        for lang in languages {
            for kind in Kind.allCases {
                guard let members = membersOfKind[lang]?[kind] else { continue }
                lists.append(PostList(scope: .kind(kind, lang: lang), lang: lang, posts: members,
                    folder: (lang == site ? [] : [lang]) + ["kinds", kind.rawValue], feeds: config.feeds))
            }
        }
        for (index, one) in series.enumerated() {
            lists.append(PostList(scope: .series(index: index), lang: one.lang, posts: one.published.compactMap(\.post),
                folder: one.folder, feeds: config.feeds))
        }
        return (lists, languages)
    }
}
