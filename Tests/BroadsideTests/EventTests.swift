import Foundation
import Testing

@testable import Broadside

/// Events as a reader meets them: the when-and-where block, `/events/` split at the build's
/// now, the `.ics` file a calendar app imports, and the errors an editor sees.
@Suite struct EventTests {
    static let assembly = post("""
        title: "Community Assembly"
        date: 2026-11-16T09:00:00-06:00
        kind: event
        summary: "Share a meal and plan 2027."
        event:
          start: 2026-11-30T18:00:00-06:00
          end: 2026-11-30T20:00:00-06:00
          location: "Iglesia San Martín, 412 Elm Street"
          rsvp_url: "https://example.org/rsvp"
        """)

    static func build(_ site: TemporarySite, now: String) throws {
        let date = try #require(PostDate.parse(now, timeZone: TimeZone(identifier: "UTC")!)).date
        try Build.run(BuildOptions(source: site.root, now: date))
    }

    /// The `/events/` page's main part, from its first heading to the pager.
    static func eventsPage(_ site: TemporarySite) throws -> String {
        let page = try site.read("events/index.html")
        let start = try #require(page.range(of: "<h1 dir=\"auto\">"))
        let end = try #require(page.range(of: "<nav class=\"pager\""))
        return String(page[start.lowerBound..<end.lowerBound])
    }

    @Test func eventsAreSplitAtTheBuildsNowAndMoveToThePast() throws {
        let site = try TemporarySite(files: [
            "content/posts/assembly.md": Self.assembly,
            "content/posts/vigil.md": post("""
                title: "Vigil"
                date: 2026-10-01
                event:
                  start: 2026-10-09T19:00:00-05:00
                """),
            "content/posts/workshop.md": post("""
                title: "Workshop"
                date: 2026-10-02
                kind: event
                event:
                  start: 2026-10-20T10:00:00-05:00
                  online_url: "https://meet.example.org/kyr"
                """),
            "content/posts/march.md": post("""
                title: "March"
                date: 2026-10-03
                kind: event
                event:
                  start: 2026-12-10T12:00:00-06:00
                """),
            "content/posts/news.md": post("title: \"News\"\ndate: 2026-10-04"),
        ])
        defer { site.remove() }

        try Self.build(site, now: "2026-11-23T12:00:00Z")
        #expect(try Self.eventsPage(site) == """
            <h1 dir=\"auto\">Events</h1>
            <section class="events-upcoming">
            <h2>Upcoming events</h2>
            <article class="event-item" lang="en">
            <h3><a href="/posts/assembly/" dir="auto">Community Assembly</a></h3>
            <p class="meta"><time datetime="2026-11-30T18:00:00-06:00">November 30, 2026, 6:00 pm</time> · <bdi>Iglesia San Martín, 412 Elm Street</bdi></p>
            <p class="summary" dir="auto">Share a meal and plan 2027.</p>
            </article>
            <article class="event-item" lang="en">
            <h3><a href="/posts/march/" dir="auto">March</a></h3>
            <p class="meta"><time datetime="2026-12-10T12:00:00-06:00">December 10, 2026, 12:00 pm</time></p>
            <p class="summary" dir="auto">Body text.</p>
            </article>
            </section>
            <section class="events-past">
            <h2>Past events</h2>
            <article class="event-item" lang="en">
            <h3><a href="/posts/workshop/" dir="auto">Workshop</a></h3>
            <p class="meta"><time datetime="2026-10-20T10:00:00-05:00">October 20, 2026, 10:00 am</time> · Online</p>
            <p class="summary" dir="auto">Body text.</p>
            </article>
            <article class="event-item" lang="en">
            <h3><a href="/posts/vigil/" dir="auto">Vigil</a></h3>
            <p class="meta"><time datetime="2026-10-09T19:00:00-05:00">October 9, 2026, 7:00 pm</time></p>
            <p class="summary" dir="auto">Body text.</p>
            </article>
            </section>

            """)

        // During the assembly it is still upcoming; once it has ended it is the most recent past event.
        try Self.build(site, now: "2026-12-01T01:30:00Z")
        let during = try Self.eventsPage(site)
        #expect(during.range(of: "/posts/assembly/")!.lowerBound < during.range(of: "<h2>Past events</h2>")!.lowerBound)
        try Self.build(site, now: "2026-12-01T02:00:01Z")
        let after = try Self.eventsPage(site)
        let order = ["<h2>Upcoming events</h2>", "/posts/march/", "<h2>Past events</h2>", "/posts/assembly/", "/posts/workshop/", "/posts/vigil/"]
            .map { after.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order.map { $0! } == order.map { $0! }.sorted())
        #expect(!site.exists("events/page/2/index.html"))
        #expect(!site.exists("posts/news/event.ics"))
    }

    @Test func aPageWhereTheSplitFallsShowsBothHeadings() throws {
        var files = ["site.yml": "base_url: \"https://example.org/\"\nposts_per_page: 2\n"]
        for day in 1...3 {
            files["content/posts/e\(day).md"] = post("title: \"E\(day)\"\ndate: 2026-10-0\(day)\nevent:\n  start: 2026-11-2\(day)T10:00:00Z")
        }
        let site = try TemporarySite(files: files)
        defer { site.remove() }
        try Self.build(site, now: "2026-11-22T12:00:00Z")
        // Upcoming: e3 (Nov 23); past: e2 (Nov 22, 10:00), e1.
        let first = try site.read("events/index.html")
        #expect(first.contains("<h2>Upcoming events</h2>") && first.contains("<h2>Past events</h2>"))
        #expect(first.range(of: "/posts/e3/")!.lowerBound < first.range(of: "/posts/e2/")!.lowerBound)
        let second = try site.read("events/page/2/index.html")
        #expect(!second.contains("<h2>Upcoming events</h2>") && second.contains("<h2>Past events</h2>") && second.contains("/posts/e1/"))
    }

    @Test func thePostPageSaysWhenAndWhereInEnglish() throws {
        let site = try TemporarySite(files: ["content/posts/assembly.md": Self.assembly])
        defer { site.remove() }
        try site.build()
        let page = try site.read("posts/assembly/index.html")
        #expect(page.contains("""
            </header>
            <section class="event">
            <p class="event-badge" aria-hidden="true"><span class="event-badge-month">NOV</span> <span class="event-badge-day">30</span></p>
            <dl class="event-details">
            <dt>When</dt>
            <dd><time datetime="2026-11-30T18:00:00-06:00">November 30, 2026, 6:00 pm</time> – <time datetime="2026-11-30T20:00:00-06:00">8:00 pm</time> <span class="event-zone">(UTC−06:00)</span></dd>
            <dt>Where</dt>
            <dd dir="auto">Iglesia San Martín, 412 Elm Street</dd>
            </dl>
            <ul class="event-actions">
            <li><a href="https://example.org/rsvp">RSVP</a></li>
            <li><a href="/posts/assembly/event.ics" type="text/calendar">Add to calendar</a></li>
            </ul>
            </section>
            """))
        #expect(page.contains("<li><a href=\"/events/\">Events</a></li>"))
    }

    @Test func thePostPageSaysWhenAndWhereInSpanish() throws {
        let site = try TemporarySite(files: ["content/posts/taller.md": post("""
            title: "Taller: conozca sus derechos"
            date: 2026-10-01
            lang: es
            kind: event
            event:
              start: 2026-10-24T10:00:00-05:00
              end: 2026-10-25T13:30:00-05:00
              online_url: "https://meet.example.org/taller"
            """)])
        defer { site.remove() }
        try site.build()
        let page = try site.read("posts/taller/index.html")
        #expect(page.contains("""
            <section class="event">
            <p class="event-badge" aria-hidden="true"><span class="event-badge-month">OCT</span> <span class="event-badge-day">24</span></p>
            <dl class="event-details">
            <dt>Cuándo</dt>
            <dd><time datetime="2026-10-24T10:00:00-05:00">24 de octubre de 2026, 10:00</time> – <time datetime="2026-10-25T13:30:00-05:00">25 de octubre de 2026, 13:30</time> <span class="event-zone">(UTC−05:00)</span><br><span class="event-utc">24 de octubre de 2026, 15:00 UTC</span></dd>
            <dt>En línea</dt>
            <dd><a href="https://meet.example.org/taller">https://meet.example.org/taller</a></dd>
            </dl>
            <ul class="event-actions">
            <li><a href="/posts/taller/event.ics" type="text/calendar">Agregar al calendario</a></li>
            </ul>
            </section>
            """))
    }

    @Test func theCalendarFileIsRFC5545() throws {
        let site = try TemporarySite(files: [
            "site.yml": "base_url: \"https://Puentes.example.org/news/\"\n",
            "content/posts/assembly.md": post("""
                title: "Asamblea comunitaria, cena y planificación; todo el año: reunión de familias"
                date: 2026-11-16T09:00:00-06:00
                kind: event
                summary: "Line one.\\nA backslash \\\\ here."
                event:
                  start: 2026-11-30T18:00:00-06:00
                  end: 2026-11-30T20:00:00-06:00
                  location: "Iglesia San Martín, 412 Elm Street"
                """),
        ])
        defer { site.remove() }
        try site.build()
        let bytes = try Data(contentsOf: site.output.appendingPathComponent("posts/assembly/event.ics"))
        #expect(String(decoding: bytes, as: UTF8.self) == [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Broadside//Broadside//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "BEGIN:VEVENT",
            "UID:assembly@puentes.example.org",
            "DTSTAMP:20261116T150000Z",
            "DTSTART:20261201T000000Z",
            "DTEND:20261201T020000Z",
            // At most 75 octets a line: "reuni" ends at 74, and "ó" (two octets) is not cut in two.
            "SUMMARY:Asamblea comunitaria\\, cena y planificación\\; todo el año: reuni",
            " ón de familias",
            "DESCRIPTION:Line one.\\nA backslash \\\\ here.",
            "LOCATION:Iglesia San Martín\\, 412 Elm Street",
            "URL:https://Puentes.example.org/news/posts/assembly/",
            "END:VEVENT",
            "END:VCALENDAR",
        ].map { $0 + "\r\n" }.joined())
    }

    @Test func foldingNeverSplitsACharacter() {
        let line = "SUMMARY:" + String(repeating: "ñ", count: 50) + String(repeating: "€", count: 40)
        let folded = CalendarWriter.folded(line)
        let parts = folded.components(separatedBy: "\r\n")
        #expect(parts.allSatisfy { $0.utf8.count <= 75 })
        #expect(parts.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(parts.first! + parts.dropFirst().map { String($0.dropFirst()) }.joined() == line)
        // "SUMMARY:" is 8 octets; 33 ñ make 74, and a 34th would make 76.
        #expect(parts[0].utf8.count == 74)
    }

    @Test func anEventPostDatedOnItsEventsDayIsBuiltAndListed() throws {
        let site = try TemporarySite(files: ["content/posts/today.md": post("""
            title: "Vigil tonight"
            date: 2026-11-23
            kind: event
            event:
              start: 2026-11-23T19:00:00-06:00
            """)])
        defer { site.remove() }
        try site.build()
        #expect(site.exists("posts/today/index.html") && site.exists("posts/today/event.ics"))
        #expect(try site.read("index.html").contains("href=\"/posts/today/\""))
        #expect(try Self.eventsPage(site).contains("<h2>Upcoming events</h2>\n<article class=\"event-item\" lang=\"en\">\n<h3><a href=\"/posts/today/\" dir=\"auto\">Vigil tonight</a></h3>"))
    }
}

/// Every mistake in `event:` is an error at its line and column, and the site built before stays.
@Suite struct EventErrorTests {
    /// Builds a good site, adds `content/posts/bad.md`, and returns the failing build's
    /// diagnostics after checking that the output is byte for byte what it was.
    func failure(_ frontMatter: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [Diagnostic] {
        let site = try TemporarySite(files: ["content/posts/good.md": post("title: \"Good\"\ndate: 2026-10-01")])
        defer { site.remove() }
        try site.build()
        let before = try tree(site.output)
        try site.write("content/posts/bad.md", post(frontMatter))
        let diagnostics = site.failure(sourceLocation: sourceLocation)
        #expect(try tree(site.output) == before, "the previous site changed", sourceLocation: sourceLocation)
        return diagnostics
    }

    let hint = "use an http, https, mailto: or tel: URL, or a path on this site"

    @Test func anEventPostWithoutEvent() throws {
        #expect(try failure("title: \"A\"\ndate: 2026-10-01\nkind: event") == [
            .error("content/posts/bad.md", line: 4, column: 7, "a post of kind event needs an `event:` with its start",
                hint: "add `event:` with an indented line `start: 2026-11-30T18:00:00-06:00` below it, or use another kind")
        ])
    }

    @Test func anEventWithoutStart() throws {
        #expect(try failure("title: \"A\"\ndate: 2026-10-01\nkind: event\nevent:\n  location: \"Hall\"") == [
            .error("content/posts/bad.md", line: 5, column: 1, "`event` has no `start`",
                hint: "add an indented line `start: 2026-11-30T18:00:00-06:00` below event:")
        ])
    }

    @Test func anEndBeforeTheStart() throws {
        #expect(try failure("""
            title: "A"
            date: 2026-10-01
            event:
              start: 2026-11-30T18:00:00-06:00
              end: 2026-11-30T17:00:00-06:00
            """) == [
            .error("content/posts/bad.md", line: 6, column: 8,
                "the event ends before it starts: `event.end` is 2026-11-30T17:00:00-06:00, `event.start` 2026-11-30T18:00:00-06:00",
                hint: "check the end's date, time and UTC offset; leave out end: if you do not know it")
        ])
    }

    @Test func datesThatAreNotDates() throws {
        #expect(try failure("title: \"A\"\ndate: 2026-10-01\nevent:\n  start: next Tuesday\n  end: [1, 2]") == [
            .error("content/posts/bad.md", line: 5, column: 10, "`event.start` is not a date and time: \"next Tuesday\"",
                hint: "write it as 2026-11-30T18:00:00-06:00, or 2026-11-30T18:00 for the site's time zone"),
            .error("content/posts/bad.md", line: 6, column: 8, "`event.end` must be a date and time, not a list or map",
                hint: "write it on the same line: end: …"),
        ])
    }

    @Test func linksThatWouldRunScriptsOrLeaveWithoutAScheme() throws {
        #expect(try failure("""
            title: "A"
            date: 2026-10-01
            event:
              start: 2026-11-30T18:00:00-06:00
              online_url: " JaVa\tScRiPt:alert(1)"
              rsvp_url: "//evil.example/rsvp"
            """) == [
            .error("content/posts/bad.md", line: 6, column: 15, "`event.online_url` cannot be a link: it is a javascript: URL", hint: hint),
            .error("content/posts/bad.md", line: 7, column: 13,
                "`event.rsvp_url` cannot be a link: it starts with // (a link to another host without http: or https:)", hint: hint),
        ])
    }

    @Test func unknownKeysAndAnEventThatIsNotAMap() throws {
        #expect(try failure("title: \"A\"\ndate: 2026-10-01\nevent:\n  start: 2026-11-30T18:00:00-06:00\n  venue: \"Hall\"") == [
            .error("content/posts/bad.md", line: 6, column: 3, "`event` has no key `venue`",
                hint: "the keys of event: are start, end, location, online_url and rsvp_url")
        ])
        #expect(try failure("title: \"A\"\ndate: 2026-10-01\nevent: 2026-11-30") == [
            .error("content/posts/bad.md", line: 4, column: 8, "`event` must be a map of start, end, location, online_url and rsvp_url",
                hint: "write `event:` on a line of its own, then indented lines such as `start: 2026-11-30T18:00:00-06:00`")
        ])
    }
}

/// A home page leads with what is coming: the three soonest upcoming events, on its first page.
@Suite struct HomeEventsTests {
    @Test func theSoonestUpcomingEventsHeadTheHomePage() throws {
        var files = ["site.yml": "base_url: \"https://example.org/\"\nposts_per_page: 2\n"]
        for (name, start) in [("past", "2026-11-01T18:00:00Z"), ("e1", "2026-12-10T18:00:00Z"), ("e2", "2026-12-12T18:00:00Z"),
                              ("e3", "2026-12-20T18:00:00Z"), ("e4", "2027-01-05T18:00:00Z")] {
            files["content/posts/\(name).md"] = "---\ntitle: \"\(name)\"\ndate: 2026-10-01\nkind: event\nevent:\n  start: \(start)\n  location: \"Hall\"\n---\n\nText.\n"
        }
        for day in 1...4 { files["content/posts/d\(day).md"] = "---\ntitle: \"d\(day)\"\ndate: 2026-10-0\(day + 1)\n---\n\nText.\n" }
        let site = try TemporarySite(files: files)
        defer { site.remove() }
        try EventTests.build(site, now: "2026-12-05T00:00:00Z")
        let home = try site.read("index.html")
        let start = try #require(home.range(of: "<section class=\"home-events\""))
        let end = try #require(home.range(of: "</section>", range: start.upperBound..<home.endIndex))
        let section = String(home[start.lowerBound..<end.upperBound])
        let shown = section.components(separatedBy: "<h3><a href=\"/posts/").dropFirst().map { String($0.prefix { $0 != "/" }) }
        #expect(shown == ["e1", "e2", "e3"])
        #expect(section.contains("<p><a href=\"/events/\">All events</a></p>"))
        #expect(home.range(of: "<h1>Latest posts</h1>")!.lowerBound < start.lowerBound)
        #expect(!(try site.read("page/1/index.html")).contains("home-events"))
        // Once they are past, none.
        try EventTests.build(site, now: "2027-02-01T00:00:00Z")
        #expect(!(try site.read("index.html")).contains("home-events"))
    }
}

/// A home page's call to act: the newest action block among its posts.
@Suite struct HomeActionTests {
    @Test func theNewestActionBlockOfEachHomesPosts() throws {
        func action(_ title: String) -> String { "\n```action\ntitle: \"\(title)\"\nurl: https://example.org/\(title.count)\n```\n" }
        let site = try TemporarySite(files: [
            "site.yml": "base_url: \"https://example.org/\"\nposts_per_page: 1\n",
            "content/posts/old.md": "---\ntitle: Old\ndate: 2026-10-01\n---\n\nText.\n" + action("Older call"),
            "content/posts/new.md": "---\ntitle: New\ndate: 2026-10-03\n---\n\nText.\n" + action("Newest call"),
            "content/posts/plain.md": "---\ntitle: Plain\ndate: 2026-10-04\n---\n\nText.\n",
            "content/posts/es.md": "---\ntitle: Es\ndate: 2026-10-02\nlang: es\n---\n\nTexto.\n" + action("Llamada"),
        ])
        defer { site.remove() }
        try site.build()
        let home = try site.read("index.html")
        #expect(home.contains("<h2 class=\"block-title\">Newest call</h2>") && !home.contains("Older call"))
        #expect(try site.read("es/index.html").contains("<h2 class=\"block-title\">Llamada</h2>"))
        #expect(!(try site.read("page/1/index.html")).contains("block-action"))
    }
}
