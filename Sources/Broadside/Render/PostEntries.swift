
/// Each post as list pages hand it to templates (its view's context, with `rendered_item` when
/// the theme has `partials/post-item`), made the first time a page or a feed asks for it: a
/// rebuild that makes one post's page again (`PageInputs`) makes a handful of entries, not
/// every post's view and item. Each is made once and kept; every page gets the same storage,
/// by which its digest, taken as it is kept, is found (`ValueDigest.known`).
final class PostEntries: Sendable {
    private struct State {
        var entries: [TemplateMap?]
        var digests: [MapIdentity: PageDigest] = [:]
        /// The storage of each set of names, shared by every entry with the same names (about
        /// 40 MB less at 100,000 posts).
        var names: [[String]: [String]] = [:]
    }

    private let make: @Sendable (Int) -> TemplateMap
    private let state: Locked<State>

    init(count: Int, make: @escaping @Sendable (Int) -> TemplateMap) {
        self.make = make
        state = Locked(State(entries: Array(repeating: nil, count: count)))
    }

    subscript(index: Int) -> TemplateMap {
        if let entry = state.withLock({ $0.entries[index] }) { return entry }
        // Made and digested outside the lock, on whichever core asks; the first one kept is the one every page gets.
        var entry = make(index)
        var digest = ValueDigest()
        digest.add(entry)
        return state.withLock { state in
            if let kept = state.entries[index] { return kept }
            // Made to its size: the room an insertion leaves is held by one entry at a time.
            entry.compact(sharingNamesIn: &state.names)
            if let identity = MapIdentity(entry) { state.digests[identity] = digest.digest }
            state.entries[index] = entry
            return entry
        }
    }

    /// Every entry, made on every core.
    func makeAll() {
        let count = state.withLock { $0.entries.count }
        _ = parallelMap(Array(0..<count)) { index in _ = self[index] }
    }

    /// The digest of an entry made before, by its storage.
    func digest(_ identity: MapIdentity) -> PageDigest? {
        state.withLock { $0.digests[identity] }
    }
}
