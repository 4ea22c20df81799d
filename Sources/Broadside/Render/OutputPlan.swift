import Foundation

/// Where bytes of a file are in the build's spill file (`HTMLSpill`).
public struct SpilledBytes: Sendable {
    let spill: HTMLSpill
    let offset: Int
    let count: Int
}

/// One file of the finished site.
public struct OutputFile: Sendable {
    public enum Contents: Sendable {
        case text(String)
        /// UTF-8 as the template engine wrote it, never made into a `String` on the way out.
        case bytes([UInt8])
        case copy(URL)
        /// A file Broadside made earlier and keeps (a photo's size in the image cache): linked
        /// into the site where the file system allows, else copied.
        case link(URL)
        /// Bytes Broadside carries itself: the built-in theme's static files.
        case data(Data)
        /// The live file already holds this file's bytes: the last build rendered it from the
        /// same values (`PageDigests`). Made only for a rebuild that updates the output in place.
        case unchanged
        /// Bytes made before the pages, kept in the build's spill file until written: the search
        /// index's files, about 30 MB held through rendering at 100,000 posts.
        case stored(SpilledBytes)

        /// `bytes` in `spill` when they can be written there, else in memory.
        static func stored(_ bytes: [UInt8], in spill: HTMLSpill?) -> Self {
            guard let spill, let offset = bytes.withUnsafeBufferPointer(spill.write) else { return .bytes(bytes) }
            return .stored(SpilledBytes(spill: spill, offset: offset, count: bytes.count))
        }

        /// `body` with the bytes of contents held in memory or spilled; nil for a file copied or linked from elsewhere.
        func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
            switch self {
            case .text(var text): text.withUTF8(body)
            case .bytes(let bytes): bytes.withUnsafeBufferPointer(body)
            case .data(let data): [UInt8](data).withUnsafeBufferPointer(body)
            // Fewer bytes only after a read error, which fails the build (`HTMLSpill.problems`).
            case .stored(let stored):
                [UInt8](unsafeUninitializedCapacity: stored.count) { $1 = stored.spill.read(offset: stored.offset, into: $0) }
                    .withUnsafeBufferPointer(body)
            case .copy, .link, .unchanged: nil
            }
        }
    }

    /// Relative to the output folder, `/`-separated: `posts/a/index.html`.
    public var path: String
    public var contents: Contents
}

/// What a page is about, apart from the format it is written in.
enum PageKind: Sendable, Hashable {
    case post(Int)
    /// A page of `Site.lists[list]`.
    case list(Int, page: Pagination.Page)
    /// `/categories/`, `/es/tags/`: every term of a language with its count (see `Site.languagesWithTerms`).
    case terms(TaxonomyKind, lang: String)
    /// `/kinds/`: every kind that has posts.
    /// The index of one language's kinds (see `Site.languagesWithKinds`).
    case kinds(lang: String)
    /// `/newsletter/` of a language: every edition, and its digest feed.
    case editions(lang: String)
    /// The redirect page at alias `alias` of post `post` (see `RedirectPage`).
    case alias(Int, alias: Int)
    /// `_redirects`: every alias, for hosts that read the file.
    case redirects
    /// `/sitemap.xml`, and on a big site the parts it indexes.
    case sitemap(Sitemap.Part)
    case robots
    /// The page a host shows for an address the site does not have, in a language (`/404.html`, `/es/404.html`).
    case notFound(lang: String)
    /// The search page of a language (see `SearchPages`).
    case search(lang: String)
}

/// One file the site has: a kind of page in a format.
struct Page: Sendable, Hashable {
    var kind: PageKind
    var format: OutputFormat

}

/// Every (page, format) pair of the site, enumerated up front and rendered lazily; the writer
/// walks whatever list it gets.
enum OutputPlan {
    /// `templateNames`: the theme's, which decide whether the optional pages (404, search) are made.
    static func pages(for site: Site, templateNames: Set<String> = []) -> [Page] {
        var pages: [Page] = site.posts.indices.map { Page(kind: .post($0), format: .html) }
        pages += site.posts.indices.filter { site.posts[$0].event != nil }.map { Page(kind: .post($0), format: .calendar) }
        for (index, list) in site.lists.enumerated() {
            pages += site.pagination(of: list).pages.map { Page(kind: .list(index, page: $0), format: .html) }
            pages += (list.feeds + list.files).map { Page(kind: .list(index, page: .first), format: $0) }
        }
        for kind in TaxonomyKind.allCases {
            pages += site.languagesWithTerms(kind).map { Page(kind: .terms(kind, lang: $0), format: .html) }
        }
        pages += site.languagesWithKinds.map { Page(kind: .kinds(lang: $0), format: .html) }
        pages += site.languagesWithEditions.flatMap { [Page(kind: .editions(lang: $0), format: .html), Page(kind: .editions(lang: $0), format: .digest)] }
        // By index, field by field here and below: a post taken whole is copied, every field of it retained.
        for index in site.posts.indices {
            pages += site.posts[index].aliases.indices.map { Page(kind: .alias(index, alias: $0), format: .redirect) }
        }
        if site.posts.indices.contains(where: { !site.posts[$0].aliases.isEmpty }) { pages.append(Page(kind: .redirects, format: .redirectList)) }
        // A sitemap holds absolute addresses only, and a site without base_url has none.
        if site.config.baseURL != nil {
            pages += Sitemap.parts(site).map { Page(kind: .sitemap($0), format: .sitemap) }
        }
        pages.append(Page(kind: .robots, format: .robots))
        if templateNames.contains(PageRenderer.notFoundTemplate) { pages += site.languages.map { Page(kind: .notFound(lang: $0), format: .html) } }
        pages += SearchPages.languages(site, templateNames: templateNames).map { Page(kind: .search(lang: $0), format: .html) }
        return pages
    }

    /// Where a page is written, relative to the output folder.
    static func path(of page: Page, in site: Site) -> String {
        let name = page.format.fileName
        return switch page.kind {
        case .post(let index): Post.folder(page: site.posts[index].page, slug: site.posts[index].slug) + name
        case .list(let index, let number): SiteURLs.listFolder(site.lists[index].folder, page: page.format == .html ? number : .first) + name
        case .terms(let kind, let lang): SiteURLs.listFolder(Taxonomy.indexFolder(kind, lang: lang, siteLanguage: site.config.language), page: .first) + name
        case .kinds(let lang): SiteURLs.listFolder(site.kindsFolder(lang), page: .first) + name
        case .editions(let lang): SiteURLs.listFolder(Editions.folder(lang: lang, config: site.config), page: .first) + name
        case .alias(let index, let alias): site.posts[index].aliases[alias].file
        case .redirects, .robots: name
        case .sitemap(let part): Sitemap.fileName(part)
        case .notFound(let lang): (lang == site.config.language ? "" : lang + "/") + "404.html"
        case .search(let lang): SiteURLs.listFolder(SearchPages.folder(lang, in: site), page: .first) + name
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
        case .terms, .kinds, .editions, .redirects, .sitemap, .robots, .notFound, .search: return .site
        }
    }
}
