/// One series in one language: the days of a week of action, in day order. The Spanish days of
/// a week are a series of their own, paired with the English days by `translation_key`.
public struct Series: Sendable, Equatable {
    public struct Day: Sendable, Equatable {
        public var number: Int
        public var title: String
        public var date: PostDate
        /// Index into `Site.posts`; nil for a day dated after the build's "now", shown unlinked.
        public var post: Int?
    }

    public var name: String
    public var lang: String
    public var slug: String
    /// `["series", slug]` in the site's language, `[lang, "series", slug]` in another, so two
    /// languages never share a folder and a series' URL never depends on which others exist.
    public var folder: [String]
    /// In day order, published and scheduled, one per number.
    public var days: [Day]

    /// The highest day written, scheduled days included: "Day 2 of 5" before day 5 is out.
    public var total: Int { days.last?.number ?? 0 }

    /// The days that have a page, in day order.
    public var published: [Day] { days.filter { $0.post != nil } }
}

extension Series {
    /// Every series of the site from its posts (indices into `posts`) and its scheduled days,
    /// by language (the site's first) and name; a day twice is an error, a day missing a warning.
    static func build(posts: [Post], scheduled: [ScheduledDay], config: SiteConfig) -> ([Series], [Diagnostic]) {
        struct Entry {
            var day: Day
            var source: String
            var dayLine: Int?
        }
        var entries: [SeriesKey: [Entry]] = [:]
        for (index, post) in posts.enumerated() {
            guard let name = post.series, let number = post.seriesDay else { continue }
            entries[SeriesKey(name: name, lang: post.lang), default: []].append(
                Entry(day: Day(number: number, title: post.title, date: post.date, post: index), source: post.source, dayLine: post.seriesDayLine))
        }
        for day in scheduled {
            entries[SeriesKey(name: day.series, lang: day.lang), default: []].append(
                Entry(day: Day(number: day.day, title: day.title, date: day.date, post: nil), source: day.source, dayLine: day.dayLine))
        }

        var diagnostics: [Diagnostic] = []
        var series: [Series] = []
        var nameOfFolder: [[String]: (name: String, source: String)] = [:]
        let keys = entries.keys.sorted {
            ($0.lang == config.language ? 0 : 1, $0.lang, $0.name) < ($1.lang == config.language ? 0 : 1, $1.lang, $1.name)
        }
        for key in keys {
            // By day, then by file, so which of two clashing files is named first never varies.
            let found = entries[key]!.sorted { ($0.day.number, $0.source) < ($1.day.number, $1.source) }
            let first = found[0]
            let slug = Slug.make(key.name)
            guard !slug.isEmpty else {
                diagnostics.append(.error(first.source, "the series \"\(key.name)\" has no letters or digits",
                    hint: "give the series a name with letters or digits, the same on each of its days"))
                continue
            }
            let folder = (key.lang == config.language ? [] : [key.lang]) + ["series", slug]
            if let other = nameOfFolder[folder] {
                diagnostics.append(.error(first.source, "the series \"\(key.name)\" and \"\(other.name)\" of \(other.source) would share the page /\(folder.joined(separator: "/"))/",
                    hint: "write the series' name the same way on all its days, or give the two series names that differ in letters or digits"))
                continue
            }
            nameOfFolder[folder] = (key.name, first.source)

            var days: [Day] = []
            var sourceOfDay: [Int: String] = [:]
            for entry in found {
                if let other = sourceOfDay[entry.day.number] {
                    diagnostics.append(.error(entry.source, line: entry.dayLine,
                        "day \(entry.day.number) of the series \"\(key.name)\" is also \(other)",
                        hint: "give each day of the series its own series_day, or set translation_key: and lang: on a translation of that day"))
                    continue
                }
                sourceOfDay[entry.day.number] = entry.source
                days.append(entry.day)
            }
            var previous = 0
            // One warning a gap, not one a missing day: `series_day: 900` after day 1 is one mistake.
            for entry in found where sourceOfDay[entry.day.number] == entry.source && entry.day.number > previous {
                let (first, last) = (previous + 1, entry.day.number - 1)
                if first <= last {
                    let which = first == last ? "day \(first)" : "days \(first) to \(last)"
                    diagnostics.append(.warning(entry.source, line: entry.dayLine,
                        "the series \"\(key.name)\" has no \(which)\(key.lang == config.language ? "" : " in `\(key.lang)`")",
                        hint: "write \(which), or number the days of the series 1, 2, 3 … without a gap"))
                }
                previous = entry.day.number
            }
            series.append(Series(name: key.name, lang: key.lang, slug: slug, folder: folder, days: days))
        }
        return (series, diagnostics)
    }

    private struct SeriesKey: Hashable {
        var name: String
        var lang: String
    }
}
