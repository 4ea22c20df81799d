import Foundation
import Testing

@testable import Broadside

/// A site big enough that loading, rendering and writing run on every core at once
/// (`parallelMap` makes 16 chunks a core), so the thread-sanitized run (`make test-tsan`)
/// sees the parallel stages really share work.
@Suite struct ParallelBuildTests {
    static let postCount = 300

    static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// Post n: an hour after post n-1, in one of 5 categories, with one of 12 tags and one of 7 more.
    static func files() -> [String: String] {
        var files: [String: String] = [:]
        for n in 0..<postCount {
            let date = "2026-01-\(twoDigits(1 + n / 24))T\(twoDigits(n % 24)):00:00Z"
            files["content/posts/\(n % 10)/post-\(n).md"] = post(
                "title: \"Post \(n)\"\ndate: \(date)\ncategories: [\"Category \(n % 5)\"]\ntags: [\"Tag \(n % 12)\", \"Día \(n % 7)\"]",
                body: "## Section\n\nThe text of post \(n), with a [link](/posts/post-0/).\n")
        }
        return files
    }

    @Test func aBigSiteIsBuiltWholeOnEveryCore() throws {
        let site = try TemporarySite(files: Self.files())
        defer { site.remove() }
        let report = try site.build()
        #expect(report.posts == Self.postCount)

        let built = try tree(site.output)
        // 300 posts, 30 home pages, categories (index + 5 × 6 pages), tags (index + 12 × 2 + 7 × 4 pages),
        // kinds (index + 30 pages of dispatches), three feeds for each of the 1 + 5 + 12 + 7 + 1 lists,
        // the theme's stylesheet and search script, the manifest, 404.html, /search/, robots.txt and the
        // sitemap (an index, the posts in two parts, the lists); besides, the search index.
        #expect(built.keys.filter { !$0.hasPrefix("search-index/") }.count
            == 300 + 30 + (1 + 5 * 6) + (1 + 12 * 2 + 7 * 4) + (1 + 30) + 3 * 26 + 2 + 1 + 3 + 4)
        #expect(built["search-index/manifest.bsi"] != nil && built["search-index/recent/0.bsi"] != nil)
        for n in 0..<Self.postCount {
            let page = built["posts/post-\(n)/index.html"].map { String(decoding: $0, as: UTF8.self) } ?? ""
            #expect(page.contains("<h1 dir=\"auto\">Post \(n)</h1>"), "posts/post-\(n)/index.html is missing or lacks its title")
        }
        // Past the first page, pages are numbered from the oldest posts.
        #expect(built["categories/category-4/page/5/index.html"] != nil && built["categories/category-4/page/6/index.html"] == nil)
        // Whole blocks only: 25 posts are one archive page of 10 and a first page of 15.
        #expect(built["tags/tag-11/page/1/index.html"] != nil && built["tags/tag-11/page/2/index.html"] == nil)
        #expect(built["tags/día-6/page/3/index.html"] != nil && built["tags/día-6/page/4/index.html"] == nil)

        // Newest first: the home page starts with post 299, and page 1, the oldest, ends with post 0.
        let home = String(decoding: built["index.html"] ?? Data(), as: UTF8.self)
        let newest = home.range(of: "href=\"/posts/post-299/\"")?.lowerBound
        let next = home.range(of: "href=\"/posts/post-298/\"")?.lowerBound
        #expect(newest != nil && next != nil && newest! < next!)
        #expect(String(decoding: built["page/1/index.html"] ?? Data(), as: UTF8.self).contains("href=\"/posts/post-0/\""))

        let feed = String(decoding: built["feed.xml"] ?? Data(), as: UTF8.self)
        #expect(feed.components(separatedBy: "<item>").count - 1 == 20)
        #expect(feed.contains("<link>https://example.org/posts/post-299/</link>"))
    }
}
