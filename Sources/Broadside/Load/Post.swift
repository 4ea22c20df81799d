/// The kinds of advocacy post Broadside knows. Their labels come from the theme's strings
/// (`kind.<kind>`, `kind_plural.<kind>`), in the reader's language.
public enum Kind: String, CaseIterable, Sendable, Codable {
    case dispatch
    case actionDay = "action-day"
    case qa
    case perspective
    case report
    case letter
    case event
}

/// One post as loaded: front matter checked and typed, body converted once.
/// Later stages refer to posts by their index in the resolved site, never copy or change them.
public struct Post: Sendable, Equatable, Codable {
    /// Path relative to the site folder, for messages: `content/posts/a.md`.
    public var source: String
    public var slug: String
    public var title: String
    public var date: PostDate
    /// `dispatch` when the front matter names none.
    public var kind: Kind
    /// `author:`, one name or a list of names, in the order written.
    public var authors: [String]
    public var categories: [String]
    public var tags: [String]
    /// From front matter, else the first paragraph's text.
    public var summary: String
    /// The post's `lang`, else the site's language.
    public var lang: String
    public var series: String?
    public var seriesDay: Int?
    public var translationKey: String?
    public var draft: Bool
    /// The body as HTML, with markers where its blocks and images go (see `html`).
    public var body: PostHTML
    /// Every other front-matter key, handed to templates as `params`.
    public var params: [String: FrontMatterValue]
    /// Where `slug:` was written, if it was, for messages about duplicates.
    public var slugLine: Int?
    /// The body's action, stat and callout blocks, in order; `html` holds their markers.
    public var blocks: [Block] = []
    /// Where `series_day:` and `translation_key:` were written, for messages about duplicates.
    public var seriesDayLine: Int? = nil
    public var translationKeyLine: Int? = nil
    /// Where the title and `series:` values were written, for messages about two posts with one
    /// title and a series named two ways; the column of `translation_key`'s value, for its near misses.
    public var titleLine: Int? = nil
    public var titleColumn: Int? = nil
    public var seriesLine: Int? = nil
    public var seriesColumn: Int? = nil
    public var translationKeyColumn: Int? = nil
    /// What the post announces under `event:`, if anything.
    @OutOfLine public var event: Event? = nil
    /// When the post was last changed (`updated:`), on or after `date`.
    public var updated: PostDate? = nil
    /// Attachments, featured image and the files beside a post folder's `index.md`.
    @OutOfLine public var resources = PostResources()
    /// Old addresses of the post (`aliases:`), each a redirect page to it.
    public var aliases: [Alias] = []
    /// The links and images of the text and its blocks that the checks judge, where they were
    /// written: those to the site's own pages and files, and images with no alt text (`LinkCheck`,
    /// `AltTextCheck`).
    public var links: [PostLink] = []
    /// The images of the text that are files of the site; `html` holds their markers.
    public var images: [InlineImage] = []
    /// For a page (`content/pages/`), its folder below the site's root: `about`,
    /// `get-help/know-your-rights`, `es/acerca-de`. Nil for a post. A page is never in a list
    /// or a feed; it has its own address, translations, files beside it, blocks and share card.
    public var page: String? = nil
    /// False for a page written without `date:`: the parser dates it 1970 so it sorts after
    /// every post, which is no day it changed.
    public var isDated = true
    /// `featured: true`: leads the home page of its language while it is the newest so marked.
    public var featured = false
    /// False for `search: false`: not in the site's search index.
    public var searchable = true
}

extension Post {
    public var isPage: Bool { page != nil }

    /// The body's HTML; read from the build's spill file each time when it was spilled.
    public var html: String {
        get { body.text }
        set { body = PostHTML(newValue) }
    }

    /// Where it is written below the site's root, with a trailing slash: `posts/<slug>/`, or a
    /// page's own folder.
    public var folder: String { Self.folder(page: page, slug: slug) }

    /// `folder` of a post with this `page` and `slug`: a loop over every post reads the two fields
    /// of each, where asking the post's `folder` copied the whole post first.
    static func folder(page: String?, slug: String) -> String { page.map { $0 + "/" } ?? "posts/" + slug + "/" }

    /// When it last changed, for the sitemap: `updated:`, else its date; none for an undated page.
    public var lastChange: PostDate? {
        updated ?? (isDated ? date : nil)
    }
}
