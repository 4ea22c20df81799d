import Foundation
import Testing

@testable import Broadside

/// Every input has a bound, and going past it is an error that says where and what the bound is.
@Suite struct InputBoundsTests {
    @Test func atMostAHundredTagsAndCategoriesAPost() throws {
        let many = (1...101).map { "\"t\($0)\"" }.joined(separator: ", ")
        let lines = (1...150).map { "  - c\($0)" }.joined(separator: "\n")
        let site = try TemporarySite(files: ["content/posts/a.md": goodPost])
        defer { site.remove() }
        let diagnostics = try site.failureAfterAGoodBuild {
            try site.write("content/posts/a.md", post("title: \"A\"\ndate: 2026-10-01\ntags: [\(many)]\ncategories:\n\(lines)"))
        }
        #expect(diagnostics == [
            .error("content/posts/a.md", line: 5, column: 1, "the post has 150 categories; at most 100 are allowed",
                hint: "keep the categories readers will look for, and remove the others"),
            .error("content/posts/a.md", line: 4, column: 1, "the post has 101 tags; at most 100 are allowed",
                hint: "keep the tags readers will look for, and remove the others"),
        ])
    }

    @Test func aHundredTagsAreFine() throws {
        let tags = (1...100).map { "\"t\($0)\"" }.joined(separator: ", ")
        let site = try TemporarySite(files: ["content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01\ntags: [\(tags)]")])
        defer { site.remove() }
        try site.build()
        #expect(site.exists("tags/t100/index.html"))
    }

    @Test func pageAndFeedSizesAreRangeChecked() throws {
        let site = try TemporarySite(files: ["content/posts/a.md": goodPost])
        defer { site.remove() }
        let diagnostics = try site.failureAfterAGoodBuild {
            try site.write("site.yml", "base_url: \"https://example.org/\"\nposts_per_page: 9223372036854775807\nfeed_size: 0\n")
        }
        #expect(diagnostics == [
            .error("site.yml", line: 2, column: 17, "`posts_per_page` must be a whole number from 1 to 1000", hint: "posts_per_page: 10"),
            .error("site.yml", line: 3, column: 12, "`feed_size` must be a whole number from 1 to 1000", hint: "feed_size: 20"),
        ])
    }

    @Test func theLargestPageAndFeedSizesBuild() throws {
        let site = try TemporarySite(files: [
            "site.yml": "base_url: \"https://example.org/\"\nposts_per_page: 1000\nfeed_size: 1000\n",
            "content/posts/a.md": goodPost,
        ])
        defer { site.remove() }
        try site.build()
        #expect(site.exists("index.html"))
    }
}

/// A "now" that leaves every post out fails instead of publishing an empty site.
@Suite struct FuturePostsTests {
    let hint = "pass --future to publish them anyway; otherwise check --now, SOURCE_DATE_EPOCH and the posts' dates"

    @Test func everyPostInTheFutureIsAnError() throws {
        let site = try TemporarySite(files: ["content/posts/a.md": goodPost])
        defer { site.remove() }
        let diagnostics = try site.failureAfterAGoodBuild {
            try site.write("content/posts/a.md", post("title: \"A\"\ndate: 2027-10-01"))
            try site.write("content/posts/b.md", post("title: \"B\"\ndate: 2027-10-02"))
            try site.write("content/posts/c.md", post("title: \"C\"\ndate: 2020-10-02\ndraft: true"))
        }
        #expect(diagnostics == [
            .error(nil, "all 2 posts are dated after the build's now, 2026-11-23T12:00:00Z, so the site would have no posts", hint: hint)
        ])
        try site.build(future: true)
        #expect(site.exists("posts/b/index.html"))
    }

    @Test func theOnlyPostInTheFuture() throws {
        let site = try TemporarySite(files: ["content/posts/a.md": post("title: \"A\"\ndate: 2027-10-01")])
        defer { site.remove() }
        #expect(site.failure() == [
            .error(nil, "the only post is dated after the build's now, 2026-11-23T12:00:00Z, so the site would have no posts", hint: hint)
        ])
    }

    @Test func mostPostsInTheFutureIsAWarning() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": post("title: \"A\"\ndate: 2027-10-01"),
            "content/posts/b.md": post("title: \"B\"\ndate: 2027-10-02"),
            "content/posts/c.md": post("title: \"C\"\ndate: 2026-10-02"),
            "content/posts/d.md": post("title: \"D\"\ndate: 2026-10-03\ndraft: true"),
            "content/posts/e.md": post("title: \"E\"\ndate: 2026-10-03\ndraft: true"),
        ])
        defer { site.remove() }
        #expect(try site.build().warnings == [
            .warning(nil, "2 of 3 posts are dated after the build's now, 2026-11-23T12:00:00Z, and are left out", hint: hint)
        ])
    }

    @Test func halfInTheFutureIsFine() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": post("title: \"A\"\ndate: 2027-10-01"),
            "content/posts/b.md": post("title: \"B\"\ndate: 2026-10-02"),
        ])
        defer { site.remove() }
        #expect(try site.build().warnings == [])
    }
}

/// `--now`, `SOURCE_DATE_EPOCH` and `--base-url` as the CLI hands them over.
@Suite struct UsageValueTests {
    let nowHint = "write it as 2026-05-01 or 2026-05-01T09:00:00Z"
    let epochHint = "set it to a whole number of seconds such as 1767225600 (2026-01-01), or unset it to use the clock"
    let clock = Date(timeIntervalSince1970: 42)

    func resolve(now: String? = nil, epoch: String? = nil) -> Result<Date, Diagnostic> {
        BuildTime.resolve(now: now, sourceDateEpoch: epoch, clock: { clock })
    }

    @Test func goodTimes() {
        #expect(resolve(now: "2026-05-01T09:00:00Z", epoch: "nan") == .success(Date(timeIntervalSince1970: 1_777_626_000)))
        #expect(resolve(epoch: "1767225600") == .success(Date(timeIntervalSince1970: 1_767_225_600)))
        #expect(resolve(epoch: "") == .success(clock))
        #expect(resolve() == .success(clock))
    }

    @Test func badTimes() {
        let long = String(repeating: "9", count: 10_000)
        #expect(resolve(now: "nan") == .failure(.error(nil, "--now nan is not a date", hint: nowHint)))
        #expect(resolve(now: long) == .failure(.error(nil, "--now \(String(repeating: "9", count: 60))… is not a date", hint: nowHint)))
        #expect(resolve(now: "1969-12-31") == .failure(.error(nil, "--now 1969-12-31 is not between the years 1970 and 9998", hint: nowHint)))
        #expect(resolve(now: "2026-05-01\n09:00") == .failure(.error(nil, "--now 2026-05-01\u{FFFD}09:00 is not a date", hint: nowHint)))
        for epoch in ["inf", "nan", "-inf", "1e9", "12.5", "soon"] {
            #expect(resolve(epoch: epoch) == .failure(.error(nil, "SOURCE_DATE_EPOCH=\(epoch) is not a whole number of seconds since 1970", hint: epochHint)))
        }
        for epoch in ["-1", "253370764800", "253402300799", "9223372036854775807"] {
            #expect(resolve(epoch: epoch) == .failure(.error(nil, "SOURCE_DATE_EPOCH=\(epoch) is not between the years 1970 and 9998", hint: epochHint)))
        }
        #expect(resolve(epoch: "253370764799") == .success(Date(timeIntervalSince1970: 253_370_764_799)))
    }

    @Test func baseURLs() {
        #expect(BaseURL.check("https://example.org/news") == .success("https://example.org/news/"))
        #expect(BaseURL.check("HTTP://example.org:8080/") == .success("http://example.org:8080/"))
        // The default port written out is the site's host, written as links show it.
        #expect(BaseURL.check("https://example.org:443/") == .success("https://example.org/"))
        #expect(BaseURL.check("http://example.org:80/news") == .success("http://example.org/news/"))
        #expect(BaseURL.check("https://example.org:80/") == .success("https://example.org:80/"))
        #expect(BaseURL.check("https://example.org/caf%C3%A9/") == .success("https://example.org/caf%C3%A9/"))
        #expect(BaseURL.check("https://example.org/v1.2/...x/") == .success("https://example.org/v1.2/...x/"))
        #expect(BaseURL.check("https://[2001:db8::1]/") == .success("https://[2001:db8::1]/"))
        #expect(BaseURL.check("https://puentes.ejemplo.es/noticias-en-español/") == .success("https://puentes.ejemplo.es/noticias-en-español/"))
        let refused: [(String, BaseURL.Problem)] = [
            ("javascript:alert(1)", .notAbsolute), ("ftp://example.org/", .notAbsolute), ("example.org", .notAbsolute),
            ("https:///path", .notAbsolute), ("https://example.org:port/", .notAbsolute), ("//example.org/", .notAbsolute),
            ("https://x.org//evil.com/", .doubleSlashPath), ("https://x.org//", .doubleSlashPath),
            ("https://x.org/\"onmouseover=\"alert(1)", .forbiddenCharacter), ("https://x.org/'", .forbiddenCharacter),
            ("https://x.org/<script>", .forbiddenCharacter), ("https://x.org/a b/", .forbiddenCharacter),
            (" https://x.org/", .forbiddenCharacter), ("https://x.org\\@evil.com/", .forbiddenCharacter),
            ("https://x.org/\u{7}", .forbiddenCharacter), ("https://x.org/\u{202E}", .forbiddenCharacter),
            ("https://x.org/?a=1", .queryOrFragment), ("https://x.org/#top", .queryOrFragment),
            ("https://user:pass@x.org/", .credentials), ("https://x.org@evil.com/", .credentials),
            // What a browser would read as another address than the one written.
            ("https://x.org/../../", .dotSegment), ("https://x.org/./x/", .dotSegment), ("https://x.org/a/..", .dotSegment),
            ("https://x.org/%2e%2E/", .dotSegment), ("https://x.org/a%/", .badEscape), ("https://x.org/a%2/", .badEscape),
            ("https://x.org/%zz/", .badEscape), ("https://x.org:65536/", .badPort), ("https://x.org:0/", .badPort),
            ("https://x.org:99999999999999999999/", .badPort),
            // Each special character followed by a combining mark: one `Character`, still the character to a browser.
            ("https://x.org/\"\u{301} onmouseover=alert(1)", .forbiddenCharacter), ("https://x.org/<\u{301}", .forbiddenCharacter),
            ("https://x.org//\u{301}evil.com/", .doubleSlashPath), ("https://x.org/?\u{301}a", .queryOrFragment),
            ("https://evil.com@\u{301}x.org/", .credentials), ("https://x.org/ \u{301}", .forbiddenCharacter),
        ]
        for (text, problem) in refused {
            #expect(BaseURL.check(text) == .failure(problem), "\(text)")
        }
    }

    @Test func baseURLMessagesInSiteYml() throws {
        let site = try TemporarySite(files: [
            "site.yml": "base_url: \"https://x.org//evil.com/\"\n",
            "content/posts/a.md": goodPost,
        ])
        defer { site.remove() }
        #expect(site.failure() == [
            .error("site.yml", line: 1, column: 11,
                "`base_url` must not have a path that starts with //, which browsers read as another site",
                hint: "use a single / after the host, for example https://example.org/news/")
        ])
        try site.write("site.yml", "title: News\nbase_url: https://x.org/news/../\n")
        #expect(site.failure() == [
            .error("site.yml", line: 2, column: 11,
                "`base_url` must not have . or .. as a folder of its path, which browsers remove, so pages would be published at another address",
                hint: "write the path as it is, without . or .., for example https://example.org/news/")
        ])
        try site.write("site.yml", "title: News\nbase_url: https://x.org/?utm=1\n")
        #expect(site.failure() == [
            .error("site.yml", line: 2, column: 11, "`base_url` must not have a query (?…) or a fragment (#…)",
                hint: "give the address of the folder the site is published in, for example https://example.org/news/")
        ])
    }

    @Test func aBaseURLOptionIsCheckedTheSameWay() throws {
        let site = try TemporarySite(files: ["content/posts/a.md": goodPost])
        defer { site.remove() }
        do {
            try site.build(baseURL: "https://x.org/\"><script>alert(1)</script>" + String(repeating: "x", count: 5000))
            Issue.record("the build should have failed")
        } catch {
            #expect(error.diagnostics == [
                .error(nil, "--base-url https://x.org/\"><script>alert(1)</script>\(String(repeating: "x", count: 19))… must not contain spaces, quotes, control characters or any of < > \\ ` { } | ^",
                    hint: "write the address as a browser shows it, for example https://example.org/news/")
            ])
        }
    }

    /// A settings file that could not be read says so once; "no base_url" would only mislead.
    @Test func noBaseURLWarningWhenSiteYmlWasNotRead() throws {
        let site = try TemporarySite(files: [
            "site.yml": "title: Cuts: what next\n",
            "content/posts/a.md": goodPost,
        ])
        defer { site.remove() }
        #expect(site.failure() == [
            .error("site.yml", line: 1, column: 12, "this `:` inside a value that is not in quotes makes YAML read the rest as another key",
                hint: "put the value in double quotes: title: \"Cuts: what next\"")
        ])
        try site.write("site.yml", "base_url: ftp://example.org/\n")
        #expect(site.failure() == [
            .error("site.yml", line: 1, column: 11, "`base_url` must be an absolute http(s) URL", hint: "base_url: \"https://example.org/\"")
        ])
        try site.write("site.yml", "title: News\n")
        #expect(try site.build().warnings == [
            .warning("site.yml", "the site has no base_url, so its feeds link to http://localhost/, its pages have no share cards and it has no sitemap",
                hint: "set base_url: \"https://your.org/\" in site.yml, or pass --base-url")
        ])
    }
}

@Suite struct DateEdgeTests {
    let utc = TimeZone(identifier: "UTC")!

    /// `new event --now` in 9999's last week died of SIGILL (a week later did not parse), and a post
    /// dated late on 9999-12-31 west of UTC wrote a five-digit year in the calendar's DTSTAMP.
    @Test func theLastYearIsNineThousandNineHundredNinetyEight() throws {
        #expect(BuildTime.resolve(now: "9999-12-28", sourceDateEpoch: nil, clock: { Date() }) == .failure(.error(nil,
            "--now 9999-12-28 is not between the years 1970 and 9998", hint: "write it as 2026-05-01 or 2026-05-01T09:00:00Z")))
        let lastWeek = try #require(PostDate.parse("9998-12-30T12:00:00Z", timeZone: utc))
        let start = NewPost.eventStart(after: lastWeek, timeZone: TimeZone(identifier: "Pacific/Kiritimati")!)
        #expect(start.civil.year == 9999)
        let site = try TemporarySite(files: ["content/posts/a.md": post("title: \"A\"\ndate: 9999-12-31T23:00:00-05:00"),
            "content/posts/b.md": post("title: \"B\"\ndate: 2026-10-01\nkind: event\nevent:\n  start: 10000-01-01T10:00\n  location: \"Hall\""),
            "content/posts/c.md": post("title: \"C\"\ndate: 2026-10-01\nkind: event\nevent:\n  start: 9999-01-04T18:00:00\n  location: \"Hall\"")])
        defer { site.remove() }
        #expect(site.failure() == [
            .error("content/posts/a.md", line: 3, column: 7,
                "`date` is after the year 9998, the last a feed or calendar can hold: \"9999-12-31T23:00:00-05:00\"",
                hint: "check the year; a post is dated when it is published, such as 2026-05-01"),
            .error("content/posts/b.md", line: 6, column: 10, "`event.start` is not a date and time: \"10000-01-01T10:00\"",
                hint: "write it as 2026-11-30T18:00:00-06:00, or 2026-11-30T18:00 for the site's time zone"),
            .error("content/posts/c.md", line: 6, column: 10,
                "`event.start` is after the year 9998, the last a calendar can hold: \"9999-01-04T18:00:00\"", hint: "check the year"),
        ])
    }

    /// 2:30 on the night clocks go from 2:00 to 3:00 does not exist: read with the offset before the
    /// gap (RFC 5545), it is 3:30 on the page and the same instant in the calendar file.
    @Test(arguments: [("America/New_York", "2027-03-14T02:30:00", "2027-03-14T07:30:00Z"),
                      ("Europe/Madrid", "2027-03-28T02:30", "2027-03-28T01:30:00Z")])
    func aTimeInTheSpringGapIsOneInstant(_ zone: String, _ written: String, _ instant: String) throws {
        let date = try #require(PostDate.parse(written, timeZone: TimeZone(identifier: zone)!))
        #expect(date.secondsSince1970 == PostDate.parse(instant, timeZone: utc)!.secondsSince1970)
        #expect((date.civil.hour, date.civil.minute) == (3, 30))
        #expect(TimeZone(identifier: zone)!.secondsFromGMT(for: date.date) == date.offset)
    }
}
