/// A list's pages: their values, template, heading and pager.
extension PageRenderer {
    func list(_ list: PostList, page: Pagination.Page) -> (String, TemplateMap) {
        let heading = heading(of: list) ?? site.config.title
        let kind = switch list.scope {
        case .home: "home"
        case .term(let taxonomy, _): taxonomy.singular
        case .kind: "kind"
        case .series: "series"
        case .events: "events"
        case .edition: "newsletter"
        }
        let url = site.urls.list(list.folder, page: page)
        let title = switch page {
        case .first: heading
        case .numbered(let number): heading + words("page_title_suffix", list.lang, ["page": "\(number)"])
        }
        let twinLists = site.twins(of: list)
        let twins = Dictionary(twinLists.map { ($0.lang, site.urls.list($0.folder)) }, uniquingKeysWith: { first, _ in first })
        var context = base(title: title, url: url, lang: list.lang, kind: kind, feeds: list, translations: twins)
        // hreflang links between a list's first page and its twins' (later pages hold other posts).
        if page == .first, !twinLists.isEmpty {
            context["alternates"] = .maps(([list] + twinLists).map { ["lang": .text($0.lang), "url": .url(site.urls.absolute(site.urls.list($0.folder)))] as TemplateMap })
        }
        share(listCard(list, heading: heading, url: url, page: page), in: &context)
        context["heading"] = .text(heading)
        var listContext: TemplateMap = ["url": .url(site.urls.list(list.folder)), "count": .number(list.posts.count)]
        if let first = list.feeds.first { listContext["feed_url"] = .url(site.urls.listFeed(list.folder, first)) }
        listContext["feeds"] = .maps(feedLinks(list, title: heading == site.config.title ? heading : "\(heading) | \(site.config.title)"))
        context["list"] = .map(listContext)
        switch list.scope {
        case .home:
            context["is_home"] = true
            if page == .first, let action = homeActions[list.lang] { context["take_action"] = .map(action) }
            // A campaign's front page: what is coming, above the news.
            let upcoming = page == .first ? upcomingEvents(onHome: list.lang) : []
            if !upcoming.isEmpty {
                context["upcoming_events"] = .maps(upcoming.map { entries[$0] })
                context["has_upcoming_events"] = true
            }
        case .term(let taxonomy, let index):
            let term = site.taxonomy(taxonomy).terms[index]
            context["term"] = .map(["name": .text(term.name), "url": .url(site.urls.list(list.folder)), "count": .number(term.posts.count),
                                    "taxonomy": .text(taxonomy.rawValue)])
        case .kind(let postKind, _):
            context["kind"] = .map(["name": .text(postKind.rawValue), "label": .text(heading), "url": .url(site.urls.list(list.folder)),
                                    "count": .number(list.posts.count)])
        case .series(let index):
            var series = SeriesView(site.series[index], in: site, strings: theme.strings, days: seriesDays[index]).context
            if let introduction = site.introductions.indices.contains(index) ? site.introductions[index] : nil {
                series["intro"] = .map(["content": .html(introduction.html)])
            }
            context["series"] = .map(series)
        case .events:
            eventSections(list, positions: site.pagination(of: list).positions(of: page), into: &context)
        case .edition: break
        }
        self.page(page, of: list, into: &context)
        return (template(of: list), context)
    }

    /// A list may have a template of its own (`home`, `series`, `events`, `newsletter`), else `list`.
    func template(of list: PostList) -> String {
        switch list.scope {
        case .home: template("home", "list")
        case .term, .kind: "list"
        case .series: template("series", "list")
        case .events: template("events", "list")
        case .edition: template("newsletter", "list")
        }
    }

    /// A list's name as its first page heads it; nil for a home page, which the site's title heads.
    func heading(of list: PostList) -> String? {
        switch list.scope {
        case .home:
            return nil
        case .term(let taxonomy, let index):
            let key = taxonomy == .categories ? "category_heading" : "tag_heading"
            return words(key, list.lang, ["name": site.taxonomy(taxonomy).terms[index].name])
        case .kind(let postKind, _): return words("kind_plural.\(postKind.rawValue)", list.lang)
        case .series(let index): return site.series[index].name
        case .events: return words("events", list.lang)
        case .edition(let edition):
            return words("edition_heading", list.lang, ["dates": EmailEdition.dates(edition, lang: list.lang, strings: theme.strings)])
        }
    }

    /// One page of a list with its pager. A list numbered from its oldest posts labels a page
    /// by the dates it covers, which stay as they are when posts are added; one numbered from
    /// its start by "page N of M".
    private func page(_ page: Pagination.Page, of list: PostList, into context: inout TemplateMap) {
        let pagination = site.pagination(of: list)
        let slice = list.posts[pagination.positions(of: page)]
        let lead = lead(of: list, page: page)
        if let lead { context["lead"] = .map(entries[lead]) }
        context["posts"] = .maps(slice.filter { $0 != lead }.map { entries[$0] })
        context["has_posts"] = .bool(!slice.isEmpty)
        context["pager"] = .map(pager(page, of: list, pagination: pagination, slice: slice))
    }

    /// The pager of `page` of `list`, which shows `slice`.
    func pager(_ page: Pagination.Page, of list: PostList, pagination: Pagination, slice: ArraySlice<Int>) -> TemplateMap {
        let number = pagination.number(page), pages = pagination.pages.count
        let label = if pagination.fromEnd, let newest = slice.first, let oldest = slice.last {
            dates(from: site.posts[oldest].date, to: site.posts[newest].date, lang: list.lang)
        } else {
            words("page_of", list.lang, ["page": "\(number)", "pages": "\(pages)"])
        }
        var pager: TemplateMap = ["page": .number(number), "pages": .number(pages), "has_pages": .bool(pages > 1), "label": .text(label)]
        if let newer = pagination.previous(page) { pager["newer_url"] = .url(site.urls.list(list.folder, page: newer)) }
        if let older = pagination.next(page) { pager["older_url"] = .url(site.urls.list(list.folder, page: older)) }
        return pager
    }

    /// The story a campaign's front page leads with: the newest marked `featured: true`, else
    /// the newest; it is not listed again below. Nil on other pages.
    func lead(of list: PostList, page: Pagination.Page) -> Int? {
        guard case .home = list.scope, page == .first else { return nil }
        return list.posts.first { site.posts[$0].featured } ?? list.posts.first
    }

    /// The events a home's first page shows above its posts: what is coming, first.
    func upcomingEvents(onHome lang: String) -> ArraySlice<Int> {
        guard let events = site.list(.events(lang: lang)), let upcoming = site.upcomingEvents[lang], upcoming > 0 else { return [] }
        return events.posts.prefix(min(upcoming, Self.upcomingOnHome))
    }

    /// "3 March 2025 – 14 April 2025", or one date when both are on the same day.
    private func dates(from oldest: PostDate, to newest: PostDate, lang: String) -> String {
        let from = theme.strings.date(oldest, lang: lang), to = theme.strings.date(newest, lang: lang)
        return from == to ? from : words("page_dates", lang, ["from": from, "to": to])
    }
}
