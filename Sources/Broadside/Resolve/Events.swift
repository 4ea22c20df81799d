/// `/events/`: every post that announces an event. Upcoming events come first, soonest first,
/// then past ones, most recent first, so a reader finds what they can still attend at the top.
/// "Upcoming" is measured against the build's now, never the clock, so a build is reproducible.
enum Events {
    /// The list (nil when no post has an event) and how many of its first posts are upcoming.
    static func list(posts: [Post], now: Double, lang: String, feeds: [OutputFormat]) -> (list: PostList, upcoming: Int)? {
        let announcing = posts.indices.filter { posts[$0].event != nil }
        guard !announcing.isEmpty else { return nil }
        func event(_ index: Int) -> Event { posts[index].event! }
        // An event is upcoming until it is over, so one that has begun but not ended is still listed first.
        let upcoming = announcing.filter { event($0).over.secondsSince1970 >= now }
            .sorted { order(event($0).start, $0, before: event($1).start, $1, posts: posts, soonest: true) }
        let past = announcing.filter { event($0).over.secondsSince1970 < now }
            .sorted { order(event($0).start, $0, before: event($1).start, $1, posts: posts, soonest: false) }
        let list = PostList(scope: .events, lang: lang, posts: upcoming + past, folder: ["events"], feeds: feeds)
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
