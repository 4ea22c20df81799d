/// "These posts, in this order, under this URL": the home page of each language, each
/// category, tag, kind and series, and the events. Every list page comes from one, and a
/// list's feed (today the home pages') is one more output of the same value.
public struct PostList: Sendable, Equatable {
    public enum Scope: Sendable, Hashable {
        /// The home page of a language: `/` for the site's, `/es/` for others.
        case home(lang: String)
        case term(TaxonomyKind, index: Int)
        /// A kind's posts in one language: `/kinds/report/` for the site's, `/es/kinds/report/` for others.
        case kind(Kind, lang: String)
        case series(index: Int)
        /// The events announced in one language: `/events/` for the site's, `/es/events/` for others.
        case events(lang: String)
        /// A newsletter edition (see `Edition`).
        case edition(Edition)
    }

    public var scope: Scope
    /// The language of the page's words (`<html lang>`, labels and dates).
    public var lang: String
    /// Indices into `Site.posts`, in the order the list shows them.
    public var posts: [Int]
    /// Path segments below the site's root, UTF-8 as written (`["tags", "niñez-migrante"]`;
    /// `[]` for the home page): files use them as they are, links percent-encode them.
    public var folder: [String]
    /// The feeds written beside the list's first page, in the order pages link them.
    var feeds: [OutputFormat]
    /// Other files written beside the list's first page, not linked as feeds: an edition's e-mail.
    var files: [OutputFormat] = []
}

extension PostList {
    /// The posts a feed of the list carries: its newest `count`, newest first. Posts are indexed
    /// newest first, so that is the smallest indices; a series lists its days in order and the
    /// events the upcoming first, whose feeds would otherwise hold the oldest days.
    func feedPosts(_ count: Int) -> [Int] {
        switch scope {
        case .series, .events: Array(posts.sorted().prefix(count))
        case .home, .term, .kind, .edition: Array(posts.prefix(count))
        }
    }
}
