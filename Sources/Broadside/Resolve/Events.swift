/// `/events/`: every post that announces an event, per language (`/es/events/` for a language other
/// than the site's). Upcoming events come first, soonest first,
/// then past ones, most recent first, so a reader finds what they can still attend at the top.
/// "Upcoming" is measured against the build's now, never the clock, so a build is reproducible.
enum Events {
    /// A list per language in `languages` whose posts announce an event, and how many of its first posts are upcoming.
    static func lists(posts: [Post], now: Double, languages: [String], feeds: [OutputFormat]) -> [(list: PostList, upcoming: Int)] {
        // One pass over the posts, gathering each language's announcements.
        var announcingIn: [String: [Int]] = [:]
        for index in posts.indices where posts[index].event != nil { announcingIn[posts[index].lang, default: []].append(index) }
        return languages.compactMap { lang in
            announcingIn[lang].map { list(posts: posts, announcing: $0, now: now, lang: lang, folder: (lang == languages.first ? [] : [lang]) + ["events"], feeds: feeds) }
        }
    }

    private static func list(posts: [Post], announcing: [Int], now: Double, lang: String, folder: [String], feeds: [OutputFormat]) -> (list: PostList, upcoming: Int) {
        func event(_ index: Int) -> Event { posts[index].event! }
        // An event is upcoming until it is over, so one that has begun but not ended is still listed first.
        let upcoming = announcing.filter { event($0).over.secondsSince1970 >= now }
            .sorted { order(event($0).start, $0, before: event($1).start, $1, posts: posts, soonest: true) }
        let past = announcing.filter { event($0).over.secondsSince1970 < now }
            .sorted { order(event($0).start, $0, before: event($1).start, $1, posts: posts, soonest: false) }
        let list = PostList(scope: .events(lang: lang), lang: lang, posts: upcoming + past, folder: folder, feeds: feeds)
        return (list, upcoming.count)
    }

    /// By instant (not `PostDate`'s `==`, which also compares the written offset), ties by slug.
    private static func order(_ a: PostDate, _ i: Int, before b: PostDate, _ j: Int, posts: [Post], soonest: Bool) -> Bool {
        guard a.secondsSince1970 == b.secondsSince1970 else {
            return soonest ? a.secondsSince1970 < b.secondsSince1970 : a.secondsSince1970 > b.secondsSince1970
        }
        return posts[i].slug.utf8.lexicographicallyPrecedes(posts[j].slug.utf8)
    }
}
