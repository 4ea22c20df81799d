import Foundation
import Testing

@testable import Broadside

/// A week of action: days 1 to 3 published, day 4 scheduled after the build's "now" (testNow,
/// 2026-11-23), so it counts in "of 4" and is never linked.
@Suite struct SeriesTests {
    static func day(_ number: Int, date: String, extra: String = "") -> String {
        post("title: \"Day \(number)\"\ndate: \(date)\nkind: action-day\nseries: \"Week of Action\"\nseries_day: \(number)\(extra)")
    }

    static let files: [String: String] = [
        "content/posts/day-1.md": day(1, date: "2026-10-05"),
        "content/posts/day-2.md": day(2, date: "2026-10-06"),
        "content/posts/day-3.md": day(3, date: "2026-10-07"),
        "content/posts/day-4.md": day(4, date: "2027-10-08"),
        "content/posts/other.md": post("title: \"Other\"\ndate: 2026-10-01"),
    ]

    let site: TemporarySite

    init() throws {
        site = try TemporarySite(files: Self.files)
        try site.build()
    }

    @Test func firstDayLinksOnlyForward() throws {
        let page = try site.read("posts/day-1/index.html")
        #expect(page.contains("<p class=\"meta\"><time datetime=\"2026-10-05T00:00:00+00:00\">October 5, 2026</time> · Action day · <a href=\"/series/week-of-action/\" dir=\"auto\">Week of Action</a>, Day 1 of 4</p>"))
        #expect(!page.contains("rel=\"prev\""))
        #expect(page.contains("<a rel=\"next\" href=\"/posts/day-2/\">Next day: <bdi>Day 2</bdi> →</a>"))
        #expect(page.contains("""
            <h2><a href="/series/week-of-action/" dir="auto">All days of Week of Action</a></h2>
            <ol class="series-days">
            <li value="1"><span aria-current="page"><bdi>Day 1</bdi></span> · <time datetime="2026-10-05T00:00:00+00:00">October 5, 2026</time></li>
            <li value="2"><a href="/posts/day-2/"><bdi>Day 2</bdi></a> · <time datetime="2026-10-06T00:00:00+00:00">October 6, 2026</time></li>
            <li value="3"><a href="/posts/day-3/"><bdi>Day 3</bdi></a> · <time datetime="2026-10-07T00:00:00+00:00">October 7, 2026</time></li>
            <li value="4"><span class="scheduled"><bdi>Day 4</bdi></span> · <time datetime="2027-10-08T00:00:00+00:00">October 8, 2027</time></li>
            </ol>
            """))
    }

    @Test func middleDayLinksBothWays() throws {
        let page = try site.read("posts/day-2/index.html")
        #expect(page.contains("Week of Action</a>, Day 2 of 4</p>"))
        #expect(page.contains("<a rel=\"prev\" href=\"/posts/day-1/\">← Previous day: <bdi>Day 1</bdi></a>\n<a rel=\"next\" href=\"/posts/day-3/\">Next day: <bdi>Day 3</bdi> →</a>"))
        #expect(page.contains("<li value=\"2\"><span aria-current=\"page\"><bdi>Day 2</bdi></span>"))
    }

    /// Day 3 is the last published day: day 4 is scheduled, so there is no next day to go to.
    @Test func lastPublishedDayHasNoNextAndTheScheduledDayIsNotLinked() throws {
        let page = try site.read("posts/day-3/index.html")
        #expect(page.contains("Week of Action</a>, Day 3 of 4</p>"))
        #expect(page.contains("<a rel=\"prev\" href=\"/posts/day-2/\">← Previous day: <bdi>Day 2</bdi></a>"))
        #expect(!page.contains("rel=\"next\""))
        #expect(!page.contains("/posts/day-4/"))
        #expect(!site.exists("posts/day-4/index.html"))
    }

    @Test func seriesPageListsTheDaysInDayOrder() throws {
        let page = try site.read("series/week-of-action/index.html")
        #expect(page.contains("<h1 dir=\"auto\">Week of Action</h1>"))
        #expect(page.contains("""
            <li value="1"><a href="/posts/day-1/"><bdi>Day 1</bdi></a> · <time datetime="2026-10-05T00:00:00+00:00">October 5, 2026</time></li>
            <li value="2"><a href="/posts/day-2/"><bdi>Day 2</bdi></a> · <time datetime="2026-10-06T00:00:00+00:00">October 6, 2026</time></li>
            <li value="3"><a href="/posts/day-3/"><bdi>Day 3</bdi></a> · <time datetime="2026-10-07T00:00:00+00:00">October 7, 2026</time></li>
            <li value="4"><span class="scheduled"><bdi>Day 4</bdi></span> · <time datetime="2027-10-08T00:00:00+00:00">October 8, 2027</time></li>
            """))
        #expect(page.contains("<html lang=\"en\">"))
    }

    @Test func listEntriesNameTheDay() throws {
        // Not the home page, which leads with the newest post instead of listing it.
        let home = try site.read("kinds/action-day/index.html")
        #expect(home.contains("<p class=\"meta\"><time datetime=\"2026-10-07T00:00:00+00:00\">October 7, 2026</time> · Action day · <a href=\"/series/week-of-action/\" dir=\"auto\">Week of Action</a>, Day 3 of 4</p>"))
    }

    /// With --future the scheduled day is a page like the others, and linked.
    @Test func futureBuildsLinkEveryDay() throws {
        let all = try TemporarySite(files: Self.files)
        defer { all.remove() }
        try all.build(future: true)
        let page = try all.read("posts/day-3/index.html")
        #expect(page.contains("<a rel=\"next\" href=\"/posts/day-4/\">Next day: <bdi>Day 4</bdi> →</a>"))
    }

    /// A Spanish series is its own, below /es/, in Spanish words and dates.
    @Test func aSpanishSeriesIsItsOwn() throws {
        let spanish = try TemporarySite(files: [
            "content/posts/day-1.md": Self.day(1, date: "2026-10-05"),
            "content/posts/dia-1.md": post("title: \"Día 1\"\ndate: 2026-10-05\nlang: es\nseries: \"Week of Action\"\nseries_day: 1"),
            "content/posts/dia-2.md": post("title: \"Día 2\"\ndate: 2026-10-06\nlang: es\nseries: \"Week of Action\"\nseries_day: 2"),
        ])
        defer { spanish.remove() }
        try spanish.build()
        let page = try spanish.read("posts/dia-1/index.html")
        #expect(page.contains("<html lang=\"es\">"))
        #expect(page.contains("<time datetime=\"2026-10-05T00:00:00+00:00\">5 de octubre de 2026</time> · Boletín · <a href=\"/es/series/week-of-action/\" dir=\"auto\">Week of Action</a>, Día 1 de 2</p>"))
        #expect(page.contains("<a rel=\"next\" href=\"/posts/dia-2/\">Día siguiente: <bdi>Día 2</bdi> →</a>"))
        #expect(try spanish.read("posts/day-1/index.html").contains("Week of Action</a>, Day 1 of 1</p>"))
        #expect(try spanish.read("es/series/week-of-action/index.html").contains("<html lang=\"es\">"))
    }
}

/// `content/series/*.md`: a week of action's introduction above its days, named by its title.
@Suite struct SeriesIntroductionTests {
    static func site(_ introductions: [String: String]) throws -> TemporarySite {
        var files = SeriesTests.files
        for (name, text) in introductions { files["content/series/\(name)"] = text }
        return try TemporarySite(files: files)
    }

    @Test func theIntroductionStandsAboveTheDaysAndDescribesThePage() throws {
        let site = try Self.site(["week.md": "---\ntitle: \"Week of Action\"\nsummary: \"Five days & one aim.\"\n---\n\nWhy *this* week: read [day 1](/posts/day-1/).\n"])
        defer { site.remove() }
        try site.build()
        let page = try site.read("series/week-of-action/index.html")
        #expect(page.contains("<h1 dir=\"auto\">Week of Action</h1>\n<div class=\"series-intro\">\n<p>Why <em>this</em> week: read <a href=\"/posts/day-1/\">day 1</a>.</p>\n"))
        #expect(page.contains("<meta name=\"description\" content=\"Five days &amp; one aim.\">"))
        // Not a page of its own, in no list or feed.
        #expect(!site.exists("series/week/index.html"))
        #expect(!(try site.read("feed.xml")).contains("Why"))
    }

    @Test func anIntroductionOfNoSeriesIsAnErrorNamingTheNearest() throws {
        let site = try Self.site([
            "week.md": "---\ntitle: \"Week of Actions\"\n---\n\nText.\n",
            "again.md": "---\ntitle: \"Week of Action\"\n---\n\nText.\n",
            "twice.md": "---\ntitle: \"Week of Action\"\n---\n\nText.\n",
        ])
        defer { site.remove() }
        #expect(site.failure().filter { $0.severity == .error } == [
            .error("content/series/twice.md", line: 2, column: 8, "the series \"Week of Action\" already has an introduction, content/series/again.md",
                hint: "keep one introduction a series; remove this file or join the two"),
            .error("content/series/week.md", line: 2, column: 8, "this introduces the series \"Week of Actions\", but no post in en is a day of it",
                hint: "did you mean \"Week of Action\"? the title of a series' introduction is the series' name, as its days write it in series:"),
        ])
    }

    @Test func itsLinksAreCheckedAndItsImagesRefused() throws {
        let broken = try Self.site(["week.md": "---\ntitle: \"Week of Action\"\n---\n\nRead [day 9](/posts/day-9/).\n"])
        defer { broken.remove() }
        #expect(try broken.build().warnings.contains { $0.file == "content/series/week.md" && $0.line == 5
            && $0.message == "the link /posts/day-9/ goes to a page the site does not have" })
        let image = try Self.site(["week.md": "---\ntitle: \"Week of Action\"\n---\n\n![A march](/images/march.jpg)\n"])
        defer { image.remove() }
        #expect(image.failure().contains(.error("content/series/week.md",
            "a series' introduction shows text and links only: its images, blocks and attachments would not be published",
            hint: "put them in the series' first day, and link that day from here")))
    }
}
