/// Each post some feed carries, as every feed shows it, found by the post's number in
/// `site.posts`: only those posts are held. An optional entry for every post was 31 MB at
/// 100,000 posts, most of them nil (a feed carries the newest twenty of its list).
struct FeedEntries: Sendable {
    private var entries: [FeedEntry] = []
    /// A post's place in `entries`, or -1.
    private var slots: [Int32]

    init(count: Int) { slots = Array(repeating: -1, count: count) }

    /// The entries of `posts` (numbers in `site.posts`, each once), made on every core.
    init(posts: [Int], count: Int, entry: @Sendable (Int) -> FeedEntry) {
        self.init(count: count)
        entries = parallelMap(posts, entry)
        for (place, post) in posts.enumerated() { slots[post] = Int32(place) }
    }

    /// Setting nil changes nothing: an entry, once made, is only ever replaced (escaped).
    subscript(post: Int) -> FeedEntry? {
        get { slots[post] < 0 ? nil : entries[Int(slots[post])] }
        set {
            guard let newValue else { return }
            if slots[post] < 0 {
                slots[post] = Int32(entries.count)
                entries.append(newValue)
            } else {
                entries[Int(slots[post])] = newValue
            }
        }
    }
}
