import Foundation
import Testing

@testable import Broadside

/// A rebuild into the output the last build left renders only the pages whose values changed
/// (`PageDigests`), and its output is a clean build's, byte for byte.
@Suite struct PageDigestsTests {
    func digest(_ value: TemplateValue) -> PageDigest {
        var digest = ValueDigest()
        digest.add(value)
        return digest.digest
    }

    @Test func aDigestStandsForTheValuesAlone() {
        let page: TemplateValue = .map(["title": .text("Día 2"), "posts": .list([.map(["url": .url("/a/")])]), "count": .number(3)])
        #expect(digest(page) == digest(page))
        // The same in every run and on every machine: it is kept between builds.
        #expect(digest(.text("Día 2")) == PageDigest(high: 0xEDED9336D0266CED, low: 0x6520D21C3D10CC6B))
        #expect(digest(.text("a")) != digest(.html("a")))
        #expect(digest(.text("a")) != digest(.url("a")))
        #expect(digest(.list([.text("ab"), .text("c")])) != digest(.list([.text("a"), .text("bc")])))
        #expect(digest(.map(["a": .text("x")])) != digest(.map(["b": .text("x")])))
        #expect(digest(.number(1)) != digest(.bool(true)))
        #expect(digest(.text("abcdefgh")) != digest(.text("abcdefgh\u{0}")))
        #expect(digest(.list([])) != digest(.map([:])))
        // A map digested before stands for its pairs: the same digest as reading them.
        let entry: TemplateMap = ["title": .text("A"), "url": .url("/posts/a/")]
        var known = ValueDigest(known: [MapIdentity(entry)!: PageDigest(high: 1, low: 2)])
        known.add(.list([.map(entry)]))
        var copy = entry
        copy["title"] = .text("B")
        var changed = ValueDigest(known: [MapIdentity(entry)!: PageDigest(high: 1, low: 2)])
        changed.add(.list([.map(copy)]))
        #expect(known.digest != changed.digest && changed.digest == digest(.list([.map(copy)])))
    }

    @Test func aFeedEntrysDigestReadsEveryField() {
        let entry = FeedEntry(title: "A", url: "https://example.org/a/", date: PostDate(secondsSince1970: 0, offset: 0), summary: "S",
            parts: .init(before: "<p>B</p>", text: "<p>T</p>", after: "<p>A</p>"), authors: ["Ana"], terms: ["Vigils"], image: nil,
            enclosures: [.init(url: "https://example.org/a.pdf", length: 10, mediaType: "application/pdf", title: "PDF")], lang: "en")
        // Its ten fields, the content escaped from them and the digest: a field added to the entry
        // must be added to its digest too, or a feed would not be written again when only it changes.
        #expect(Mirror(reflecting: entry).children.count == 12)
        #expect(Mirror(reflecting: entry.enclosures[0]).children.count == 4)
        let changes: [(inout FeedEntry) -> Void] = [
            { $0.title = "B" }, { $0.url += "x" }, { $0.date.offset = 3600 }, { $0.summary = "" }, { $0.parts.before = "" },
            { $0.parts = .init(before: "<p>B</p>", text: "<p>U</p>", after: "<p>A</p>") }, { $0.parts.after = "" },
            { $0.authors = [] }, { $0.terms.append("Court") }, { $0.enclosures[0].length = 11 }, { $0.lang = "es" },
        ]
        for change in changes {
            var other = entry
            change(&other)
            #expect(other.digestOfFields() != entry.digestOfFields())
        }
    }

    static let files = [
        "site.yml": "title: \"Kept\"\nbase_url: \"https://example.org/\"\n",
        "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01\ncategories: [Legal aid]", body: "The *first* post."),
        "content/posts/b.md": post("title: \"B\"\ndate: 2026-10-02\ntags: [court]", body: "The second post."),
        "content/posts/c.md": post("title: \"C\"\ndate: 2026-10-03\ncategories: [Vigils]", body: "The third post."),
    ]

    /// A whole build (not "nothing changed").
    func build(_ site: TemporarySite) throws -> BuildReport {
        var options = site.options()
        options.wholeBuild = true
        return try Build.run(options)
    }

    /// The output of a clean build of `site`'s files, in a site of its own.
    func clean(_ site: TemporarySite, now: Date = testNow) throws -> [String: Data] {
        let copy = try TemporarySite()
        defer { copy.remove() }
        try FileManager.default.removeItem(at: copy.root)
        try FileManager.default.copyItem(at: site.root, to: copy.root)
        for leftover in [copy.output, copy.root.appendingPathComponent(CacheFolder.name)] { try? FileManager.default.removeItem(at: leftover) }
        var options = copy.options()
        options.now = now
        try Build.run(options)
        return try tree(copy.output)
    }

    @Test func onlyThePagesWhoseValuesChangedAreRendered() throws {
        let site = try TemporarySite(files: Self.files)
        defer { site.remove() }
        #expect(try build(site).filesUnchanged == 0)
        let all = try build(site).filesUnchanged
        #expect(all > 10)

        // A's page and the lists it is on change; B's page does not.
        try site.write("content/posts/a.md", post("title: \"A\"\ndate: 2026-10-01\ncategories: [Legal aid]", body: "The *first* post, edited."))
        let edited = try build(site)
        #expect(edited.filesUnchanged > 0 && edited.filesUnchanged < all)
        #expect(try site.read("posts/a/index.html").contains("post, edited"))
        #expect(try site.read("feed.xml").contains("post, edited") && site.read("feed.json").contains("post, edited"))
        #expect(try tree(site.output) == clean(site))

        // A template of the site's own: every page is made again; the search index's files and
        // the feeds (whose content has the feed partial's output among its values) are not.
        let theme = try String(contentsOf: repositoryRoot.appendingPathComponent("themes/default/templates/post.mustache"), encoding: .utf8)
        try site.write("templates/post.mustache", "<!-- edited -->" + theme)
        let index = try FileManager.default.subpathsOfDirectory(atPath: site.output.appendingPathComponent("search-index").path)
            .filter { $0.hasSuffix(".bsi") }
        let feeds = try FileManager.default.subpathsOfDirectory(atPath: site.output.path)
            .filter { ["feed.xml", "atom.xml", "feed.json"].contains(($0 as NSString).lastPathComponent) }
        #expect(index.count > 3 && feeds.count > 6)
        // The sitemap and robots.txt too: code writes them, not the theme.
        #expect(try build(site).filesUnchanged == index.count + feeds.count + 2)
        #expect(try site.read("posts/b/index.html").contains("<!-- edited -->"))
        #expect(try tree(site.output) == clean(site))
    }

    @Test func pagesOfTheSameInputsAreNotEvenValued() throws {
        let site = try TemporarySite(files: Self.files)
        defer { site.remove() }
        try build(site)
        let all = try build(site)
        // Every file but the search index's, which keeps its own digests: sitemap.xml and robots.txt too.
        #expect(all.filesOfSameInputs > 10 && all.filesOfSameInputs == all.pages + all.feeds + 2)
        let feedsOfA = try FileManager.default.subpathsOfDirectory(atPath: site.output.path)
            .filter { ["feed.xml", "atom.xml", "feed.json"].contains(($0 as NSString).lastPathComponent) }
            .filter { try site.read($0).contains("first") }
        #expect(feedsOfA.count >= 6)

        // A second paragraph: A's summary, its first paragraph, stays; only A's own page and the
        // feeds that carry its text have other inputs.
        let a = post("title: \"A\"\ndate: 2026-10-01\ncategories: [Legal aid]", body: "The *first* post.\n\nA second paragraph.")
        try site.write("content/posts/a.md", a)
        #expect(try build(site).filesOfSameInputs == all.filesOfSameInputs - 1 - feedsOfA.count)
        #expect(try site.read("feed.xml").contains("A second paragraph."))
        #expect(try site.read("posts/a/index.html").contains("A second paragraph."))
        #expect(try tree(site.output) == clean(site))

        // A field of a post (its title, on its lists) or a new post: the pages that show it are
        // made again, B's and C's are not, nor the lists and feeds of B's tag and C's category.
        let posts: [() throws -> Void] = [
            { try site.write("content/posts/a.md", a.replacingOccurrences(of: "title: \"A\"", with: "title: \"A, renamed\"")) },
            { try site.write("content/posts/d.md", post("title: \"D\"\ndate: 2026-10-04", body: "Now.")) },
        ]
        for edit in posts {
            try edit()
            let report = try build(site)
            #expect(report.filesOfSameInputs >= 2 + 2 * 4 && report.filesOfSameInputs < report.pages + report.feeds)
            #expect(try tree(site.output) == clean(site))
        }
        #expect(try site.read("posts/d/index.html").contains("Now."))
        // Whatever else changes, no page is taken for its inputs: a template, a theme string, site.yml.
        let edits: [() throws -> Void] = [
            { try site.write("templates/partials/footer.mustache", "<footer>Our own footer</footer>\n") },
            { try site.write("i18n/en.yml", "home: \"Front page\"\n") },
            { try site.write("site.yml", Self.files["site.yml"]! + "description: \"News\"\n") },
        ]
        for edit in edits {
            try edit()
            #expect(try build(site).filesOfSameInputs == 0)
            #expect(try tree(site.output) == clean(site))
        }
        // A draft added: the posts left out are among every page's inputs.
        try site.write("content/posts/e.md", post("title: \"E\"\ndate: 2026-10-05\ndraft: true", body: "Not yet."))
        try build(site)
        #expect(try tree(site.output) == clean(site))
    }

    /// A page is taken for its inputs only when what it shows of other posts is as it was: the
    /// posts "more in" its category, the days of its series, its versions in other languages.
    @Test func whatAPageShowsOfOtherPostsIsInItsInputs() throws {
        let day = { (number: Int, title: String) in
            post("title: \"\(title)\"\ndate: 2026-10-1\(number)\nseries: \"Week\"\nseries_day: \(number)", body: "Day \(number).")
        }
        let files = [
            "site.yml": "title: \"Kept\"\nbase_url: \"https://example.org/\"\n",
            "content/posts/a1.md": post("title: \"A1\"\ndate: 2026-10-01\ncategories: [Legal aid]", body: "First."),
            "content/posts/a2.md": post("title: \"A2\"\ndate: 2026-10-05\ncategories: [Legal aid]", body: "Second."),
            "content/posts/s1.md": day(1, "Day one"),
            "content/posts/s2.md": day(2, "Day two"),
            "content/posts/en.md": post("title: \"Letter\"\ndate: 2026-10-03\ntags: [court]\ntranslation_key: letter", body: "A letter."),
            "content/posts/es.md": post("title: \"Carta\"\ndate: 2026-10-03\nlang: es\ntranslation_key: letter", body: "Una carta."),
        ]
        let site = try TemporarySite(files: files)
        defer { site.remove() }
        try build(site)
        #expect(try site.read("posts/a2/index.html").contains(">A1<"))
        let edits: [(String, String, () throws -> Void)] = [
            // A1 is "more in Legal aid" on A2's page.
            ("posts/a2/index.html", ">A1, renamed<", { try site.write("content/posts/a1.md", files["content/posts/a1.md"]!.replacingOccurrences(of: "\"A1\"", with: "\"A1, renamed\"")) }),
            // Day one is on day two's page.
            ("posts/s2/index.html", "Day one, renamed", { try site.write("content/posts/s1.md", day(1, "Day one, renamed")) }),
            // The Spanish version's address is on the English page.
            ("posts/en/index.html", "/posts/carta/", { try site.write("content/posts/es.md", files["content/posts/es.md"]!.replacingOccurrences(of: "lang: es", with: "lang: es\nslug: carta")) }),
            // A post between A1 and A2 is what follows A2 now.
            ("posts/a2/index.html", ">A3<", { try site.write("content/posts/a3.md", post("title: \"A3\"\ndate: 2026-10-02\ncategories: [Legal aid]", body: "Third.")) }),
            ("posts/a2/index.html", ">A1, renamed<", { try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/posts/a3.md")) }),
        ]
        for (page, shown, edit) in edits {
            try edit()
            let report = try build(site)
            // The pages that show nothing of the post edited are taken for their inputs.
            #expect(report.filesOfSameInputs > 0 && report.filesOfSameInputs < report.pages + report.feeds)
            #expect(try site.read(page).contains(shown))
            #expect(try tree(site.output) == clean(site))
        }
    }

    /// A list's page counts the posts it shows and its pager: a new post leaves its list's older
    /// pages as they were, unless a template shows how many posts, or pages, the list has.
    @Test func aNewPostLeavesTheOlderPagesOfItsListsAlone() throws {
        var files = ["site.yml": "title: \"Kept\"\nbase_url: \"https://example.org/\"\nposts_per_page: 2\n"]
        for day in 1...6 { files["content/posts/p\(day).md"] = post("title: \"P\(day)\"\ndate: 2026-10-0\(day)", body: "Day \(day).") }
        let list = try String(contentsOf: repositoryRoot.appendingPathComponent("themes/default/templates/list.mustache"), encoding: .utf8)
        let themes: [(template: String?, seven: String, eight: String)] = [
            (nil, "</html>", "</html>"),
            ("<!-- {{list.count}} posts -->" + list, "7 posts -->", "8 posts -->"),
            ("<!-- {{#pager}}{{pages}}{{/pager}} pages -->" + list, "3 pages -->", "4 pages -->"),
        ]
        var kept: [Int] = []
        for theme in themes {
            let site = try TemporarySite(files: files)
            defer { site.remove() }
            if let template = theme.template { try site.write("templates/list.mustache", template) }
            try build(site)
            // Six posts, two a page: the first page and two older ones. A seventh is on the first page.
            try site.write("content/posts/p7.md", post("title: \"P7\"\ndate: 2026-10-07", body: "Day 7."))
            kept.append(try build(site).filesOfSameInputs)
            #expect(try tree(site.output) == clean(site))
            #expect(try site.read("page/1/index.html").contains(theme.seven))
            // An eighth: a third older page, so the second one's newer page is another.
            try site.write("content/posts/p8.md", post("title: \"P8\"\ndate: 2026-10-08", body: "Day 8."))
            try build(site)
            #expect(try site.read("page/2/index.html").contains("href=\"/page/3/\""))
            #expect(try site.read("page/1/index.html").contains(theme.eight))
            #expect(try tree(site.output) == clean(site))
        }
        // The home's and the kind's two older pages each, made again only when the count is shown.
        #expect(kept[0] - kept[1] == 4 && kept[2] == kept[0])
        #expect(kept[1] >= 6)
    }

    @Test func nowCountsAsFarAsTheRecordCountsIt() throws {
        let vigil = post("title: \"Vigil\"\ndate: 2026-10-04\nkind: event\nevent:\n  start: 2026-11-24T18:00:00Z\n  location: \"Plaza\"")
        let site = try TemporarySite(files: Self.files.merging(["content/posts/vigil.md": vigil]) { $1 })
        defer { site.remove() }
        func build(at now: Date) throws -> BuildReport {
            var options = site.options()
            options.wholeBuild = true
            options.now = now
            return try Build.run(options)
        }
        try build(at: testNow)
        // Later the same day the vigil is still to come: every page and feed has the same inputs.
        let later = try build(at: testNow + 6 * 3600)
        #expect(later.filesOfSameInputs > 10 && later.filesOfSameInputs == later.pages + later.feeds + later.calendars + 2)
        // Once it is over, the events' pages show it past: no page is taken for its inputs.
        let after = testNow + 3 * 86_400
        #expect(try build(at: after).filesOfSameInputs == 0)
        #expect(try site.read("events/index.html") != String(decoding: clean(site, now: testNow).first { $0.key == "events/index.html" }?.value ?? Data(), as: UTF8.self))
        #expect(try tree(site.output) == clean(site, now: after))
    }

    /// Calendars, redirect pages and the sitemap's parts are made from posts' fields: a rebuild
    /// leaves each as it was, its file not even compared, until a field it shows changes.
    @Test func filesCodeWritesAreKeptForTheirInputs() throws {
        let vigil = post("title: \"Vigil\"\ndate: 2026-10-04\nkind: event\naliases: [/old-vigil/]\nevent:\n  start: 2026-11-24T18:00:00Z\n  location: \"Plaza\"")
        var files = Self.files.merging(["content/posts/vigil.md": vigil]) { $1 }
        // Past 200 posts the sitemap is in parts: the oldest part's posts are not the vigil.
        for number in 1...200 {
            files["content/posts/old-\(number).md"] = post("title: \"Old \(number)\"\ndate: 2025-01-01T\(String(format: "%02d", number / 60)):\(String(format: "%02d", number % 60)):00Z")
        }
        let site = try TemporarySite(files: files)
        defer { site.remove() }
        try build(site)
        let written = ["posts/vigil/event.ics", "old-vigil/index.html", "sitemap-1.xml", "sitemap-2.xml", "sitemap.xml", "robots.txt", "_redirects"]
        for path in written { #expect(site.exists(path), "\(path)") }
        let ages = { try written.map { try FileManager.default.attributesOfItem(atPath: site.output.appendingPathComponent($0).path)[.modificationDate] as? Date } }
        let before = try ages()
        let again = try build(site)
        // The redirect page, `_redirects`, four files of the sitemap and robots.txt besides the pages.
        #expect(again.filesOfSameInputs == again.pages + again.feeds + again.calendars + 7)
        #expect(try ages() == before)

        // The vigil's title: its calendar, its redirect page and the newest part of the sitemap
        // (its lastmod) are made again; the oldest part is kept as it was.
        try site.write("content/posts/vigil.md", vigil.replacingOccurrences(of: "title: \"Vigil\"", with: "title: \"Night vigil\"")
            .replacingOccurrences(of: "date: 2026-10-04", with: "date: 2026-10-04\nupdated: 2026-10-05"))
        let edited = try build(site)
        #expect(edited.filesOfSameInputs < again.filesOfSameInputs)
        #expect(try site.read("posts/vigil/event.ics").contains("SUMMARY:Night vigil\r\n"))
        #expect(try site.read("sitemap-2.xml").contains("<lastmod>2026-10-05"))
        let after = try ages()
        #expect(after[0] != before[0] && after[2] == before[2] && after[3] != before[3])
        #expect(try tree(site.output) == clean(site))
    }

    @Test func aPostsFieldsDigestLeavesItsTextAndLinksOut() throws {
        let site = try TemporarySite(files: Self.files)
        defer { site.remove() }
        var options = site.options()
        var diagnostics: [Diagnostic] = []
        var clock = StageClock(progress: nil)
        options.wholeBuild = true
        let post = try #require(Build.prepare(options, writing: false, diagnostics: &diagnostics, clock: &clock)?.site.posts.first)
        var other = post
        other.body = PostHTML("<p>Another text.</p>")
        other.links = []
        #expect(post.fieldsDigest != nil && other.fieldsDigest == post.fieldsDigest)
        let changes: [(inout Post) -> Void] = [
            { $0.title += "!" }, { $0.summary = "" }, { $0.tags.append("x") }, { $0.params["mood"] = .text("calm") }, { $0.featured.toggle() },
            { $0.authors.append("A. N. Other") }, { $0.seriesDay = ($0.seriesDay ?? 0) + 1 }, { $0.page = "about" },
            { $0.titleLine = ($0.titleLine ?? 0) + 1 }, { $0.aliases.append(Alias(written: "/old/", file: "old/index.html", path: "old/", line: 3, column: 10)) },
        ]
        for change in changes {
            var changed = post
            change(&changed)
            #expect(changed.fieldsDigest != post.fieldsDigest)
        }
    }

    @Test func digestsNotOfTheRecordedBuildAreNotTrusted() throws {
        let site = try TemporarySite(files: Self.files)
        defer { site.remove() }
        try build(site)
        let file = site.root.appendingPathComponent(PageDigests.path)
        var bytes = try Data(contentsOf: file)
        bytes[bytes.count - 1] ^= 1
        try bytes.write(to: file)
        #expect(try build(site).filesUnchanged == 0)
        #expect(try build(site).filesUnchanged > 0)
        // A link in the file's place, even to the very bytes the record names: not read, and
        // not written through (no digests are kept while it is there).
        let moved = site.root.appendingPathComponent("pages-elsewhere")
        try FileManager.default.moveItem(at: file, to: moved)
        try FileManager.default.createSymbolicLink(at: file, withDestinationURL: moved)
        #expect(try build(site).filesUnchanged == 0)
        #expect(try build(site).filesUnchanged == 0)
        try FileManager.default.removeItem(at: file)
        #expect(try build(site).filesUnchanged == 0)
        #expect(try build(site).filesUnchanged > 0)
        // A new top-level dot folder: the output is swapped whole, with the files made from the
        // same values linked from the live site.
        try site.write("static/.well-known/security.txt", "Contact: mailto:security@example.org\n")
        #expect(try build(site).filesUnchanged > 10)
        #expect(try site.read(".well-known/security.txt").hasPrefix("Contact"))
        #expect(try tree(site.output) == clean(site))
        // A page of the output changed by hand: the output is not as recorded, every page is made.
        try site.write("site/posts/b/index.html", "edited by hand")
        #expect(try build(site).filesUnchanged == 0)
        #expect(try tree(site.output) == clean(site))
    }
}
