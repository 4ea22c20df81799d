/// How a list is cut into pages.
///
/// A list whose newest post comes first (the homes, categories, tags and kinds) is cut from
/// its end into blocks of `perPage` posts, archive pages numbered from the oldest (`page/1/`
/// holds the oldest `perPage`); its first page, at the list's own address, holds the newest
/// block with what does not yet fill a block: from `perPage` posts to one less than twice as
/// many. A new post then changes the first page only, and once every `perPage` posts adds an
/// archive page and points the one before it at it: every other page keeps its posts, links
/// and bytes, and a publish sends a few files, not every page of every list the post is in (as
/// Hugo's numbering from the newest does). No post is on two pages.
///
/// A list in reading order (a series' days, the events with the upcoming first) grows at its
/// end, so it is numbered from its start as books are: page 1 is its first page, `page/2/`
/// the next.
public struct Pagination: Sendable, Equatable {
    public enum Page: Hashable, Sendable {
        /// At the list's own address.
        case first
        /// At `page/N/` below it.
        case numbered(Int)
    }

    public let count: Int
    public let perPage: Int
    /// True when archive pages are numbered from the list's end (its oldest posts).
    public let fromEnd: Bool

    public init(count: Int, perPage: Int, fromEnd: Bool) {
        self.count = count
        self.perPage = max(1, perPage)
        self.fromEnd = fromEnd
    }

    /// Pages after the first: whole blocks from the end but the newest, or what follows the
    /// first page.
    private var archivePages: Int {
        guard count > perPage else { return 0 }
        return fromEnd ? count / perPage - 1 : (count - 1) / perPage
    }

    /// The first page's posts: what the archive pages leave.
    private var firstPageCount: Int { fromEnd ? count - archivePages * perPage : min(count, perPage) }

    /// Every page, the first first, then from the newest archive page to the oldest.
    public var pages: [Page] {
        let archive = archivePages
        guard archive > 0 else { return [.first] }
        return fromEnd ? [.first] + (1...archive).reversed().map(Page.numbered)
                       : [.first] + (2...archive + 1).map(Page.numbered)
    }

    /// Where `page`'s posts are in the list (positions in the list's order); empty for a page
    /// the list does not have.
    public func positions(of page: Page) -> Range<Int> {
        switch page {
        case .first:
            return 0..<firstPageCount
        case .numbered(let number) where fromEnd:
            guard (1...max(1, archivePages)).contains(number), archivePages > 0 else { return 0..<0 }
            return (count - number * perPage)..<(count - (number - 1) * perPage)
        case .numbered(let number):
            guard (2...max(2, archivePages + 1)).contains(number), archivePages > 0 else { return 0..<0 }
            return (number - 1) * perPage..<min(count, number * perPage)
        }
    }

    /// The page before `page` in reading order (newer posts, or the series' earlier days).
    public func previous(_ page: Page) -> Page? {
        switch page {
        case .first: nil
        case .numbered(let number) where fromEnd: number >= archivePages ? .first : .numbered(number + 1)
        case .numbered(let number): number <= 2 ? .first : .numbered(number - 1)
        }
    }

    /// The page after `page` in reading order.
    public func next(_ page: Page) -> Page? {
        let archive = archivePages
        switch page {
        case .first where archive == 0: return nil
        case .first: return fromEnd ? .numbered(archive) : .numbered(2)
        case .numbered(let number) where fromEnd: return number > 1 ? .numbered(number - 1) : nil
        case .numbered(let number): return number <= archive ? .numbered(number + 1) : nil
        }
    }

    /// The number a page's title and pager show: 1 for the first; an archive page's own number.
    public func number(_ page: Page) -> Int {
        switch page {
        case .first: 1
        case .numbered(let number): number
        }
    }
}

extension PostList {
    /// Homes, categories, tags and kinds list the newest first and grow at their start.
    func pagination(perPage: Int) -> Pagination {
        // An edition is one page, as its e-mail is one message.
        if case .edition = scope { return Pagination(count: posts.count, perPage: max(posts.count, 1), fromEnd: false) }
        let fromEnd = switch scope {
        case .home, .term, .kind, .edition: true
        case .series, .events: false
        }
        return Pagination(count: posts.count, perPage: perPage, fromEnd: fromEnd)
    }
}
