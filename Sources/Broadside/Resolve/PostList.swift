/// "These posts, in this order, under this URL": the home page of each language, each
/// category, tag, kind and series, and the events. Every list page comes from one, and a
/// list's feed (today the home pages') is one more output of the same value.
public struct PostList: Sendable, Equatable {
    public enum Scope: Sendable, Hashable {
        /// The home page of a language: `/` for the site's, `/es/` for others.
        case home(lang: String)
        case term(TaxonomyKind, index: Int)
        case kind(Kind)
        case series(index: Int)
        case events
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
}
