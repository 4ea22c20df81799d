/// A page of `content/pages/` takes its address from its path, so it can land where the site
/// already writes something: `content/pages/categories.md` on the categories' index,
/// `content/pages/posts/vigil.md` on a post, `pages/page/2.md` on the home's second page.
/// Each such page is an error naming both, instead of one silently replacing the other.
enum PageAddresses {
    /// `paths`: each page's file, as `OutputPlan.path` gives it.
    static func clashes(_ pages: [Page], paths: [String], in site: Site) -> [Diagnostic] {
        var owner: [String: Page] = [:]
        owner.reserveCapacity(pages.count)
        var clashes: [Diagnostic] = []
        // Pages of content/pages last, so the file the site writes anyway is the one named.
        let ordered = pages.indices.filter { !isContentPage(pages[$0], site) } + pages.indices.filter { isContentPage(pages[$0], site) }
        for (page, path) in ordered.map({ (pages[$0], paths[$0]) }) where !page.format.isRedirect {
            guard let first = owner[path] else {
                owner[path] = page
                continue
            }
            guard case .post(let index) = page.kind, isContentPage(page, site) else { continue }
            let post = site.posts[index]
            clashes.append(.error(post.source, "this page's address, \(site.urls.address(of: post)), is already \(describe(first, site))",
                hint: "rename the file (or set slug:) so the page has an address of its own"))
        }
        return clashes
    }

    private static func isContentPage(_ page: Page, _ site: Site) -> Bool {
        // The field itself: the post's computed `isPage` copied the whole post first.
        if case .post(let index) = page.kind { return site.posts[index].page != nil }
        return false
    }

    private static func describe(_ page: Page, _ site: Site) -> String {
        switch page.kind {
        case .post(let index):
            let other = site.posts[index]
            return "the address of the \(other.isPage ? "page" : "post") \(other.source)"
        case .list(let index, _):
            return page.format.isFeed ? "a feed's (/\(OutputPlan.path(of: page, in: site)))" : "a page of the list at \(site.urls.list(site.lists[index].folder))"
        case .terms(let kind, let lang): return "the index of \(kind.rawValue)" + (lang == site.config.language ? "" : " in \(lang)")
        case .kinds: return "the index of the kinds of post"
        case .search: return "the site's search page (search: false in site.yml leaves it out)"
        default: return "a file Broadside writes (/\(OutputPlan.path(of: page, in: site)))"
        }
    }
}
