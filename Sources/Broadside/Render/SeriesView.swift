/// A series as templates see it: on each of its days (`post.series`) and on its own page
/// (`series`). Words come from the theme's strings in the series' language.
struct SeriesView: Sendable {
    struct DayLink: Sendable {
        var number: Int
        var title: String
        /// Nil for a scheduled day: it has no page yet.
        var url: String?
        var label: String
        var date: String
        var dateISO: String
        var isCurrent: Bool

        // `is_published` and `is_current` are always given: inside `{{#days}}`, a missing `url`
        // would be looked up in the series around it and link a scheduled day to the series page.
        var context: TemplateMap {
            var context: TemplateMap = [
                "number": .number(number), "title": .text(title), "label": .text(label), "date": .text(date), "date_iso": .text(dateISO),
                "is_published": .bool(url != nil), "is_current": .bool(isCurrent),
            ]
            if let url { context["url"] = .url(url) }
            return context.compacted
        }
    }

    /// A series' days, made once for every page of it: the links, and their template values
    /// with no day current. Each day's page shares the values and changes only its own day's:
    /// made for each day of a 30-day series, they were 900 maps for the series.
    struct Days: Sendable {
        var links: [DayLink]
        var values: [TemplateValue]

        init(_ links: [DayLink]) {
            self.links = links
            values = links.map { .map($0.context) }
        }
    }

    var name: String
    var url: String
    var total: Int
    var allDaysLabel: String
    var days: [DayLink]
    /// `days` as template values, shared with the series' other pages.
    private var dayValues: [TemplateValue]
    /// The day of the post page this view is for, with its "Day 3 of 5" and neighbours.
    var current: (number: Int, label: String, previous: DayLink?, next: DayLink?)?

    /// `series` seen from the post `index` (nil: from the series page). `days` are the series'
    /// `SeriesView.days` made before, so that each day of a long series does not make them all again.
    init(_ series: Series, in site: Site, strings: ThemeStrings, current index: Int? = nil, days made: Days? = nil) {
        let lang = series.lang
        name = series.name
        url = site.urls.list(series.folder)
        total = series.total
        allDaysLabel = strings.text("series_all_days", lang: lang, ["series": series.name])
        let shared = made ?? Days(series.days.map { day in
            DayLink(number: day.number, title: day.title, url: day.post.map { site.urls.address(of: site.posts[$0]) },
                label: strings.text("series_day", lang: lang, ["day": "\(day.number)", "total": "\(series.total)"]),
                date: strings.date(day.date, lang: lang), dateISO: DateText.iso8601(day.date), isCurrent: false)
        })
        var links = shared.links
        dayValues = shared.values
        if let index, let position = series.days.firstIndex(where: { $0.post == index }) {
            links[position].isCurrent = true
            dayValues[position] = .map(links[position].context)
        }
        days = links
        if let position = links.firstIndex(where: \.isCurrent) {
            // Neighbours are published days: a scheduled day has no page to go to.
            let previous = links[..<position].last { $0.url != nil }
            let next = links[(position + 1)...].first { $0.url != nil }
            current = (links[position].number, links[position].label, previous, next)
        }
    }

    var context: TemplateMap {
        var context: TemplateMap = [
            "name": .text(name), "url": .url(url), "total": .number(total), "all_days_label": .text(allDaysLabel), "days": .list(dayValues),
        ]
        if let current {
            context["day"] = .number(current.number)
            context["label"] = .text(current.label)
            if let previous = current.previous { context["previous"] = .map(["url": .url(previous.url!), "title": .text(previous.title), "label": .text(previous.label)]) }
            if let next = current.next { context["next"] = .map(["url": .url(next.url!), "title": .text(next.title), "label": .text(next.label)]) }
        }
        return context.compacted
    }
}

extension Site {
    /// The index of the series `post` is a day of.
    func seriesIndex(of post: Post) -> Int? {
        guard let name = post.series else { return nil }
        return series.firstIndex { $0.name == name && $0.lang == post.lang }
    }

    /// Each series' days as templates see them, made once for all the series' day pages.
    func seriesDays(strings: ThemeStrings) -> [SeriesView.Days] {
        parallelMap(Array(series.indices)) { [self] in SeriesView.Days(SeriesView(series[$0], in: self, strings: strings).days) }
    }
}
