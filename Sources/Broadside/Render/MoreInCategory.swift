/// "More in Legal aid" at the end of a post: the posts published just before it in its first
/// category, so a reader who finished one goes on to the next. The ones before it, not the
/// newest: a new post then changes a handful of pages, not every page of its category (which
/// a publish would send again).
enum MoreInCategory {
    static let count = 3

    /// `post.more`: `heading` and `posts` (each a list entry: title, url, date), or nil for a
    /// post without a category or the oldest of its category.
    static func context(of index: Int, in site: Site, entries: PostEntries, heading: (String) -> String) -> TemplateMap? {
        guard let (term, older) = posts(of: index, in: site) else { return nil }
        return ["heading": .text(heading(site.categories.terms[term].name)), "posts": .maps(older.map { entries[$0] })]
    }

    /// The first category of `index` and the posts `context` shows from it; nil when it shows none.
    static func posts(of index: Int, in site: Site) -> (term: Int, posts: ArraySlice<Int>)? {
        guard let term = site.categories.termsOfPost[index].first else { return nil }
        let category = site.categories.terms[term]
        // `posts` is in index order (newest first): find this post by bisection, then take the next ones.
        var (low, high) = (0, category.posts.count)
        while low < high {
            let middle = (low + high) / 2
            if category.posts[middle] < index { low = middle + 1 } else { high = middle }
        }
        let older = category.posts[min(low + 1, category.posts.count)...].prefix(count)
        return older.isEmpty ? nil : (term, older)
    }
}
