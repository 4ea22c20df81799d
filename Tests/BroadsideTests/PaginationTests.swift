import Testing
@testable import Broadside

/// Lists numbered from their oldest posts keep every older page as it is when a post is added.
@Suite struct PaginationTests {
    /// Positions in a newest-first list of `count`, page by page.
    func layout(_ count: Int, perPage: Int = 3, fromEnd: Bool = true) -> [Pagination.Page: [Int]] {
        let pagination = Pagination(count: count, perPage: perPage, fromEnd: fromEnd)
        return Dictionary(uniqueKeysWithValues: pagination.pages.map { ($0, Array(pagination.positions(of: $0))) })
    }

    @Test func theFirstPageHasTheNewestAndPageOneTheOldest() {
        // Archive pages hold whole blocks; the first page the newest block and what is left over.
        #expect(layout(8) == [.first: [0, 1, 2, 3, 4], .numbered(1): [5, 6, 7]])
        #expect(layout(9) == [.first: [0, 1, 2], .numbered(2): [3, 4, 5], .numbered(1): [6, 7, 8]])
        #expect(Pagination(count: 9, perPage: 3, fromEnd: true).pages == [.first, .numbered(2), .numbered(1)])
        #expect(layout(3) == [.first: [0, 1, 2]])
        #expect(layout(0) == [.first: []])
        #expect(layout(4) == [.first: [0, 1, 2, 3]])
        #expect(layout(6) == [.first: [0, 1, 2], .numbered(1): [3, 4, 5]])
    }

    /// A post added at the start (the newest) changes the first page only; once every
    /// `perPage` posts it adds an archive page, and the one before it gains a link to it.
    @Test func aNewPostChangesTheFirstPageAlone() {
        for count in 3..<40 {
            let before = layout(count), after = layout(count + 1)
            // A post's position from the list's end is the same before and after.
            func fromEnd(_ pages: [Pagination.Page: [Int]], _ total: Int) -> [Pagination.Page: [Int]] {
                pages.mapValues { $0.map { total - 1 - $0 } }
            }
            let old = fromEnd(before, count), new = fromEnd(after, count + 1)
            let changed = new.filter { old[$0.key] != $0.value }.map(\.key)
            let archive = Pagination(count: count + 1, perPage: 3, fromEnd: true).pages.count - 1
            let added = new.keys.filter { old[$0] == nil }
            #expect(changed.filter { !added.contains($0) } == [.first], "\(count): \(changed)")
            // A block is filled every third post: from the sixth on, it moves off the first page.
            #expect(added == ((count + 1) % 3 == 0 && count + 1 >= 6 ? [.numbered(archive)] : []), "\(count): \(added)")
            #expect(Set(after.values.joined()).count == count + 1 && after.values.map(\.count).reduce(0, +) == count + 1, "\(count): a post on two pages")
        }
    }

    @Test func pagerLinksFollowReadingOrder() {
        let pagination = Pagination(count: 9, perPage: 3, fromEnd: true)
        #expect(pagination.next(.first) == .numbered(2))
        #expect(pagination.next(.numbered(2)) == .numbered(1))
        #expect(pagination.next(.numbered(1)) == nil)
        #expect(pagination.previous(.numbered(1)) == .numbered(2))
        #expect(pagination.previous(.numbered(2)) == .first)
        #expect(pagination.previous(.first) == nil)
        #expect(Pagination(count: 3, perPage: 3, fromEnd: true).next(.first) == nil)
    }

    /// A series or the events, which grow at their end, are numbered from their start.
    @Test func aListInReadingOrderIsNumberedFromItsStart() {
        #expect(layout(8, fromEnd: false) == [.first: [0, 1, 2], .numbered(2): [3, 4, 5], .numbered(3): [6, 7]])
        let pagination = Pagination(count: 8, perPage: 3, fromEnd: false)
        #expect(pagination.next(.first) == .numbered(2) && pagination.next(.numbered(3)) == nil)
        #expect(pagination.previous(.numbered(2)) == .first && pagination.previous(.numbered(3)) == .numbered(2))
    }

    @Test func aPageTheListDoesNotHaveIsEmpty() {
        let pagination = Pagination(count: 9, perPage: 3, fromEnd: true)
        #expect(pagination.positions(of: .numbered(3)).isEmpty && pagination.positions(of: .numbered(0)).isEmpty)
        #expect(Pagination(count: 8, perPage: 3, fromEnd: false).positions(of: .numbered(1)).isEmpty)
    }
}
