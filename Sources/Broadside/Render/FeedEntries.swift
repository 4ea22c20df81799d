/// Each post some feed carries, as every feed shows it, found by the post's number in
/// `site.posts`: only those posts are held. An optional entry for every post was 31 MB at
/// 100,000 posts, most of them nil (a feed carries the newest twenty of its list).
struct FeedEntries: Sendable {
    private var entries: [FeedEntry] = []
    /// A post's place in `entries`, or -1.
    private var slots: [Int32]

    /// The entries of `posts` (numbers in `site.posts`, each once), made on every core.
    init(posts: [Int], count: Int, entry: @Sendable (Int) -> FeedEntry) {
        slots = Array(repeating: -1, count: count)
        entries = parallelMap(posts, entry)
        for (place, post) in posts.enumerated() { slots[post] = Int32(place) }
    }

    subscript(post: Int) -> FeedEntry? { slots[post] < 0 ? nil : entries[Int(slots[post])] }

    /// An entry, once made, is only ever replaced (escaped): the post must have one.
    mutating func replace(_ post: Int, with entry: FeedEntry) {
        precondition(slots[post] >= 0, "only a post a feed carries has an entry to replace")
        entries[Int(slots[post])] = entry
    }
}
