import Foundation

/// One file of the finished site.
public struct OutputFile: Sendable {
    public enum Contents: Sendable {
        case text(String)
        case copy(URL)
        /// A file Broadside made earlier and keeps (a photo's size in the image cache): linked
        /// into the site where the file system allows, else copied.
        case link(URL)
        /// Bytes Broadside carries itself: the built-in theme's static files.
        case data(Data)
    }

    /// Relative to the output folder, `/`-separated: `posts/a/index.html`.
    public var path: String
    public var contents: Contents
}

/// What a page is about, apart from the format it is written in.
enum PageKind: Sendable, Hashable {
    case post(Int)
    /// Page `page` of `Site.lists[list]`.
    case list(Int, page: Int)
    /// `/categories/`, `/tags/`: every term with its count.
    case terms(TaxonomyKind)
    /// `/kinds/`: every kind that has posts.
    case kinds
    /// The redirect page at alias `alias` of post `post` (see `RedirectPage`).
    case alias(Int, alias: Int)
    /// `_redirects`: every alias, for hosts that read the file.
    case redirects
}

/// How a page is written. A new feed or calendar format is one more case here and one more
/// branch in `OutputPlan.path` and `PageRenderer.render`; lists and posts stay as they are.
enum OutputFormat: Sendable, Hashable {
    case html
    case rss
    /// iCalendar, `posts/<slug>/event.ics`, for a post with an event.
    case ics
    /// A page that sends the browser elsewhere, written by code, never through the theme.
    case redirect
    /// Plain text for a web host (`_redirects`).
    case text
}

/// One file the site has: a kind of page in a format.
struct Page: Sendable, Hashable {
    var kind: PageKind
    var format: OutputFormat

}

/// Every (page, format) pair of the site, enumerated up front and rendered lazily; the writer
/// walks whatever list it gets.
enum OutputPlan {
    static func pages(for site: Site) -> [Page] {
        var pages: [Page] = site.posts.indices.map { Page(kind: .post($0), format: .html) }
        pages += site.posts.indices.filter { site.posts[$0].event != nil }.map { Page(kind: .post($0), format: .ics) }
        for (index, list) in site.lists.enumerated() {
            pages += (1...site.pageCount(listing: list.posts.count)).map { Page(kind: .list(index, page: $0), format: .html) }
            if list.hasFeed { pages.append(Page(kind: .list(index, page: 1), format: .rss)) }
        }
        pages += TaxonomyKind.allCases.map { Page(kind: .terms($0), format: .html) }
        pages.append(Page(kind: .kinds, format: .html))
        for (index, post) in site.posts.enumerated() {
            pages += post.aliases.indices.map { Page(kind: .alias(index, alias: $0), format: .redirect) }
        }
        if site.posts.contains(where: { !$0.aliases.isEmpty }) { pages.append(Page(kind: .redirects, format: .text)) }
        return pages
    }

    /// Where a page is written, relative to the output folder.
    static func path(of page: Page, in site: Site) -> String {
        switch (page.kind, page.format) {
        case (.post(let index), .ics): SiteURLs.calendarFile(site.posts[index].slug)
        case (.post(let index), _): SiteURLs.postFile(site.posts[index].slug)
        case (.list(let index, _), .rss): SiteURLs.listFeedFile(site.lists[index].folder)
        case (.list(let index, let number), _): SiteURLs.listFile(site.lists[index].folder, page: number)
        case (.terms(let kind), _): SiteURLs.taxonomyFile(kind)
        case (.kinds, _): SiteURLs.kindsFile
        case (.alias(let index, let alias), _): site.posts[index].aliases[alias].file
        case (.redirects, _): RedirectPage.listFile
        }
    }

    /// What a page is made from, for messages when it cannot be written.
    static func origin(of page: Page, in site: Site) -> PlannedFile.Origin {
        switch page.kind {
        case .post(let index): return .post(source: site.posts[index].source)
        case .alias(let index, let number):
            let post = site.posts[index]
            let alias = post.aliases[number]
            return .alias(source: post.source, address: site.urls.rootPath + alias.path, line: alias.line, column: alias.column)
        case .list(let index, _):
            guard case .term(let kind, let term) = site.lists[index].scope else { return .site }
            let found = site.taxonomy(kind).terms[term]
            return .term(kind, name: found.name, source: found.posts.first.map { site.posts[$0].source } ?? "")
        case .terms, .kinds, .redirects: return .site
        }
    }
}
