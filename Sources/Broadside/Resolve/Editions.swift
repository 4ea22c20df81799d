import Foundation

/// One e-mail edition: the posts of one ISO week (or one day, with `newsletter.period: daily`)
/// of a language's home list, in the site's time zone. Its list is `/newsletter/2026-w45/`
/// (`/es/newsletter/2026-w45/`), and beside its web page the e-mail files (see `EmailEdition`).
public struct Edition: Sendable, Hashable {
    public var lang: String
    /// The folder's name: `2026-w45`, or `2026-11-03` for a daily edition.
    public var key: String
    /// The first and last day the edition covers, in days since 1970 in the site's time zone.
    public var firstDay: Int
    public var lastDay: Int
}

enum Editions {
    /// An edition list for every period with posts in each language's home, newest first per language.
    static func lists(homes: [PostList], posts: [Post], config: SiteConfig) -> [PostList] {
        guard config.newsletter.enabled else { return [] }
        var lists: [PostList] = []
        for home in homes {
            var order: [Edition] = []
            var members: [Edition: [Int]] = [:]
            for index in home.posts {
                let edition = edition(of: posts[index].date, lang: home.lang, config: config)
                if members[edition] == nil { order.append(edition) }
                members[edition, default: []].append(index)
            }
            // Home lists are newest first except for translations kept in the site language's home,
            // so periods are sorted rather than taken in the order met.
            for edition in order.sorted(by: { $0.firstDay > $1.firstDay }) {
                lists.append(PostList(scope: .edition(edition), lang: edition.lang, posts: members[edition]!.sorted(),
                    folder: folder(lang: edition.lang, config: config) + [edition.key], feeds: [], files: OutputFormat.editionFiles))
            }
        }
        return lists
    }

    /// `["newsletter"]`, `["es", "newsletter"]`: where a language's editions and their index are.
    static func folder(lang: String, config: SiteConfig) -> [String] {
        (lang == config.language ? [] : [lang]) + ["newsletter"]
    }

    static func edition(of date: PostDate, lang: String, config: SiteConfig) -> Edition {
        let offset = config.timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: date.secondsSince1970))
        let local = Int(date.secondsSince1970.rounded(.down)) + offset
        let day = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        switch config.newsletter.period {
        case .daily:
            let (y, m, d) = PostDate.civilFromDays(day)
            return Edition(lang: lang, key: String(format: "%04d-%02d-%02d", y, m, d), firstDay: day, lastDay: day)
        case .weekly:
            // ISO 8601 weeks start on Monday, and a week belongs to the year of its Thursday.
            let monday = day - ((day % 7 + 7 + 3) % 7)
            let thursday = monday + 3
            let (year, _, _) = PostDate.civilFromDays(thursday)
            let week = (thursday - PostDate.daysFromCivil(year: year, month: 1, day: 1)) / 7 + 1
            return Edition(lang: lang, key: String(format: "%04d-w%02d", year, week), firstDay: monday, lastDay: monday + 6)
        }
    }
}
