import Foundation

/// One file of the finished site.
public struct OutputFile: Sendable {
    public enum Contents: Sendable {
        case text(String)
        case copy(URL)
    }

    /// Relative to the output folder, `/`-separated: `posts/a/index.html`.
    public var path: String
    public var contents: Contents
}

/// Every page the site has. A new family of pages or feeds is one more case here
/// and one more branch in `OutputPlan.pages`; the writer walks whatever list it gets.
enum Page: Sendable, Hashable {
    case post(Int)
    case home(page: Int)
    case term(TaxonomyKind, term: Int, page: Int)
    case taxonomy(TaxonomyKind)
    case feed

    var isFeed: Bool { self == .feed }
}

enum OutputPlan {
    static func pages(for site: Site) -> [Page] {
        var pages: [Page] = site.posts.indices.map { Page.post($0) }
        pages += (1...site.pageCount(listing: site.posts.count)).map { Page.home(page: $0) }
        for kind in TaxonomyKind.allCases {
            let taxonomy = site.taxonomy(kind)
            pages.append(.taxonomy(kind))
            for (index, term) in taxonomy.terms.enumerated() {
                pages += (1...site.pageCount(listing: term.posts.count)).map { Page.term(kind, term: index, page: $0) }
            }
        }
        pages.append(.feed)
        return pages
    }

    /// Where a page is written, relative to the output folder.
    static func path(of page: Page, in site: Site) -> String {
        switch page {
        case .post(let index): SiteURLs.postFile(site.posts[index].slug)
        case .home(let number): SiteURLs.homeFile(page: number)
        case .term(let kind, let index, let number):
            SiteURLs.termFile(kind, slug: site.taxonomy(kind).terms[index].slug, page: number)
        case .taxonomy(let kind): SiteURLs.taxonomyFile(kind)
        case .feed: SiteURLs.feedFile
        }
    }

    /// What a page is made from, for messages when it cannot be written.
    static func origin(of page: Page, in site: Site) -> PlannedFile.Origin {
        switch page {
        case .post(let index): .post(source: site.posts[index].source)
        case .term(let kind, let index, _):
            .term(kind, name: site.taxonomy(kind).terms[index].name,
                source: site.taxonomy(kind).terms[index].posts.first.map { site.posts[$0].source } ?? "")
        case .home, .taxonomy, .feed: .site
        }
    }
}
