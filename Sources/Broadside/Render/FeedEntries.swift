/// Each post some feed carries, as every feed shows it, found by the post's number in
/// `site.posts`, made the first time a feed asks for it: a rebuild whose feeds have the inputs
/// their live files were made from (`PageInputs`) makes none. Only the posts feeds carry have a
/// slot: an optional entry for every post was 31 MB at 100,000 posts, most of them nil (a feed
/// carries the newest twenty of its list).
final class FeedEntries: Sendable {
    private struct Slot {
        var entry: FeedEntry?
        /// Its content escaped (`FeedEntry.escape`): done once, for the first feed written that carries it.
        var escaped = false
    }

    private let make: @Sendable (Int) -> FeedEntry
    /// A post's place in the slots, or -1.
    private let places: [Int32]
    private let slots: Locked<[Slot]>

    /// Slots for `posts` (numbers in `site.posts`, each once).
    init(posts: [Int], count: Int, entry make: @escaping @Sendable (Int) -> FeedEntry) {
        var places = Array(repeating: Int32(-1), count: count)
        for (place, post) in posts.enumerated() { places[post] = Int32(place) }
        self.places = places
        self.make = make
        slots = Locked(Array(repeating: Slot(), count: posts.count))
    }

    /// The entry as feeds are digested from it; nil for a post no feed carries.
    subscript(post: Int) -> FeedEntry? { entry(post, escaped: false) }

    /// The entry with its content escaped, as a feed written copies it.
    func escaped(_ post: Int) -> FeedEntry? { entry(post, escaped: true) }

    /// Every entry, made on every core; `escaped` for feeds that will all be written.
    func makeAll(escaped: Bool) {
        let posts = places.indices.filter { places[$0] >= 0 }
        _ = parallelMap(posts) { post in _ = self.entry(post, escaped: escaped) }
    }

    private func entry(_ post: Int, escaped: Bool) -> FeedEntry? {
        let place = Int(places[post])
        guard place >= 0 else { return nil }
        let kept = slots.withLock { $0[place] }
        if let entry = kept.entry, kept.escaped || !escaped { return entry }
        // Made and escaped outside the lock, on whichever core asks; the first one kept stays.
        var entry = kept.entry ?? make(post)
        if escaped { entry.escape() }
        return slots.withLock { slots in
            if let entry = slots[place].entry, slots[place].escaped || !escaped { return entry }
            slots[place] = Slot(entry: entry, escaped: escaped)
            return entry
        }
    }
}
