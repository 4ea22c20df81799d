/// What each page is made from (`PageInputs`): the renderer's own values made once for every
/// page, digested, and the inputs of each page it makes.
extension PageRenderer {
    /// The digests of what the renderer shares between pages, for `PageInputs`. Digested from the
    /// values pages receive, so whatever they are made of is counted (a home's call to act
    /// comes from a post's blocks, a list's twins from term pairs and translations).
    func sharedInputs() -> PageInputs.Shared {
        var constants = ValueDigest()
        constants.add(themeKey)
        constants.add(word: UInt64(site.languages.count))
        for lang in site.languages {
            constants.add(lang)
            constants.add(renderKeys[lang] ?? themeKey)
            // `base`'s feed links and the language switch lead to each language's home.
            let home = site.list(.home(lang: lang))
            constants.add(home.map { $0.folder.joined(separator: "/") + "\u{0}" + $0.feeds.map(\.label).joined(separator: ",") } ?? "")
            constants.add(homeActions[lang] ?? [:])
            constants.add(word: UInt64(bitPattern: Int64(site.upcomingEvents[lang] ?? -1)))
        }
        let terms = { (kind: TaxonomyKind) in
            site.taxonomy(kind).terms.indices.map { index in
                var digest = ValueDigest()
                digest.add(TermLink(kind, index, in: site).context)
                return digest.digest
            }
        }
        let series = site.series.indices.map { index in
            var digest = ValueDigest()
            digest.add(SeriesView(site.series[index], in: site, strings: theme.strings, days: seriesDays[index]).context)
            return digest.digest
        }
        return PageInputs.Shared(constants: constants.digest, categories: terms(.categories), tags: terms(.tags), series: series,
            lists: parallelMap(Array(site.lists.indices), listHead))
    }

    /// What heads list `index`'s pages and feeds besides its posts (see `list(_:page:)`).
    private func listHead(_ index: Int) -> PageDigest {
        let list = site.lists[index]
        var digest = ValueDigest()
        // The scope counts terms, series and editions by their place: another place is another digest, never the same.
        digest.add(String(reflecting: list.scope))
        digest.add(list.lang)
        digest.add(list.folder.joined(separator: "/"))
        digest.add(list.feeds.map(\.label).joined(separator: ","))
        digest.add(heading(of: list) ?? "")
        for twin in site.twins(of: list) {
            digest.add(twin.lang)
            digest.add(twin.folder.joined(separator: "/"))
        }
        switch list.scope {
        case .term(let kind, let term):
            digest.add(TermLink(kind, term, in: site).context)
        case .series(let series):
            digest.add(SeriesView(site.series[series], in: site, strings: theme.strings, days: seriesDays[series]).context)
            if site.introductions.indices.contains(series), let introduction = site.introductions[series] {
                digest.add(introduction.html)
                digest.add(introduction.summary)
            }
        case .home, .kind, .events, .edition: break
        }
        return digest.digest
    }

    /// What the page, feed or file at `path` is made from; nil for the newsletter's files (made of
    /// the posts' text, few), which are always made, and when the build has no inputs.
    func inputs(of page: Page, path: String) -> PageDigest? {
        guard let inputs else { return nil }
        switch (page.format.writer, page.kind) {
        case (.feed, .list(let index, _)):
            let posts = site.lists[index].feedPosts(site.config.feedSize)
            return inputs.list(path: path, index, shows: posts, texts: posts)
        case (.theme, .post(let index)):
            let more = site.posts[index].isPage ? [] : MoreInCategory.posts(of: index, in: site)?.posts ?? []
            return inputs.post(path: path, index, more: more)
        case (.theme, .list(let index, let number)):
            let list = site.lists[index]
            let pagination = site.pagination(of: list)
            let slice = list.posts[pagination.positions(of: number)]
            var shown = Array(slice)
            if let lead = lead(of: list, page: number) { shown.append(lead) }
            if case .home = list.scope, number == .first { shown += upcomingEvents(onHome: list.lang) }
            return inputs.list(path: path, index, shows: shown, numbers: numbers(of: list, page: number, pagination: pagination, slice: slice))
        case (.theme, _):
            return inputs.page(path: path)
        case (.calendar, .post(let index)), (.redirect, .alias(let index, _)):
            return inputs.posts(path: path, CollectionOfOne(index))
        case (.sitemap, .sitemap(.posts(let number))):
            guard let sitemap else { return nil }
            return inputs.posts(path: path, sitemap.posts(inPart: number, of: site.posts.count))
        case (.sitemap, _), (.redirectList, _), (.robots, _):
            return inputs.page(path: path)
        default:
            return nil
        }
    }

    /// What a page of `list` shows of the list besides its posts, as numbers: its pager (its
    /// number, whether there are others, which pages it leads to), and how many posts the
    /// list and its term have when its template names `count`. The number of pages only when
    /// the template names `pages` or the pager's label counts them: a list numbered from its
    /// end keeps each older page's posts and labels it by their dates, so a post added to it
    /// leaves its older pages as they were, but for those whose pager leads elsewhere.
    private func numbers(of list: PostList, page: Pagination.Page, pagination: Pagination, slice: ArraySlice<Int>) -> [Int] {
        let template = template(of: list)
        let pages = pagination.pages.count
        let id = { (page: Pagination.Page?) in page.map(pagination.number) ?? -1 }
        var numbers = [pagination.number(page), pages > 1 ? 1 : 0, id(pagination.previous(page)), id(pagination.next(page))]
        // As `pager(_:of:pagination:slice:)` labels a page.
        if pagingTemplates.contains(template) || !pagination.fromEnd || slice.isEmpty { numbers.append(pages) }
        if countingTemplates.contains(template) {
            numbers.append(list.posts.count)
            if case .term(let kind, let term) = list.scope { numbers.append(site.taxonomy(kind).terms[term].posts.count) }
        }
        return numbers
    }
}
