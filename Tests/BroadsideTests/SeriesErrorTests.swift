import Foundation
import Testing

@testable import Broadside

/// Series and translation mistakes: exact diagnostics, and the site built before stays as it was.
@Suite struct SeriesErrorTests {
    static let good = [
        "content/posts/day-1.md": post("title: \"Day 1\"\ndate: 2026-10-05\nseries: \"Week\"\nseries_day: 1"),
    ]

    /// Builds the good site, adds `files`, and returns the failed build's diagnostics after
    /// checking that the output is byte for byte the one built before.
    static func failure(adding files: [String: String], sourceLocation: SourceLocation = #_sourceLocation) throws -> [Diagnostic] {
        let site = try TemporarySite(files: good)
        defer { site.remove() }
        try site.build()
        let before = try tree(site.output)
        for (path, text) in files { try site.write(path, text) }
        let diagnostics = site.failure(sourceLocation: sourceLocation)
        #expect(try tree(site.output) == before, "the previous site was changed", sourceLocation: sourceLocation)
        return diagnostics
    }

    @Test func twoPostsForOneDay() throws {
        let found = try Self.failure(adding: [
            "content/posts/day-1-again.md": post("title: \"Day 1 again\"\ndate: 2026-10-06\nseries: \"Week\"\nseries_day: 1")
        ])
        #expect(found == [
            .error("content/posts/day-1.md", line: 5, "day 1 of the series \"Week\" is also content/posts/day-1-again.md",
                hint: "give each day of the series its own series_day, or set translation_key: and lang: on a translation of that day")
        ])
    }

    /// A day in another language is another series: no clash.
    @Test func oneDayInTwoLanguagesIsFine() throws {
        let site = try TemporarySite(files: Self.good.merging([
            "content/posts/dia-1.md": post("title: \"Día 1\"\ndate: 2026-10-05\nlang: es\nseries: \"Week\"\nseries_day: 1")
        ]) { a, _ in a })
        defer { site.remove() }
        try site.build()
        #expect(site.exists("series/week/index.html") && site.exists("es/series/week/index.html"))
    }

    @Test func aMissingDayIsAWarning() throws {
        let site = try TemporarySite(files: Self.good.merging([
            "content/posts/day-3.md": post("title: \"Day 3\"\ndate: 2026-10-07\nseries: \"Week\"\nseries_day: 3")
        ]) { a, _ in a })
        defer { site.remove() }
        let report = try site.build()
        #expect(report.warnings == [
            .warning("content/posts/day-3.md", line: 5, "the series \"Week\" has no day 2",
                hint: "write day 2, or number the days of the series 1, 2, 3 … without a gap")
        ])
        #expect(try site.read("posts/day-3/index.html").contains("Week</a>, Day 3 of 3</p>"))
    }

    /// A gap is one mistake and one warning, however many days it spans.
    @Test func aGapOfManyDaysIsOneWarning() throws {
        let site = try TemporarySite(files: Self.good.merging([
            "content/posts/day-900.md": post("title: \"Day 900\"\ndate: 2026-10-07\nseries: \"Week\"\nseries_day: 900")
        ]) { a, _ in a })
        defer { site.remove() }
        let report = try site.build()
        #expect(report.warnings == [
            .warning("content/posts/day-900.md", line: 5, "the series \"Week\" has no days 2 to 899",
                hint: "write days 2 to 899, or number the days of the series 1, 2, 3 … without a gap")
        ])
    }

    /// `series_day: 30000000` made 30 million warnings and 15 GB of memory before it was bounded.
    @Test func aSeriesDayBeyondAThousandIsAnError() throws {
        let found = try Self.failure(adding: [
            "content/posts/far.md": post("title: \"Far\"\ndate: 2026-10-06\nseries: \"Week\"\nseries_day: 30000000")
        ])
        #expect(found == [
            .error("content/posts/far.md", line: 5, column: 13, "`series_day` must be a whole number from 1 to 1000",
                hint: "write which day of the series this post is, such as series_day: 3 for its third day")
        ])
    }

    @Test func seriesDayWithoutSeries() throws {
        let found = try Self.failure(adding: [
            "content/posts/lone.md": post("title: \"Lone\"\ndate: 2026-10-06\nseries_day: 2")
        ])
        #expect(found == [
            .error("content/posts/lone.md", line: 4, column: 1, "the post has a series_day but no series",
                hint: "add series: with the series' name, written as on its other days, or remove series_day:")
        ])
    }

    @Test func seriesWithoutSeriesDay() throws {
        let found = try Self.failure(adding: [
            "content/posts/lone.md": post("title: \"Lone\"\ndate: 2026-10-06\nseries: \"Week\"")
        ])
        #expect(found == [
            .error("content/posts/lone.md", line: 4, column: 1, "the post names a series but not its day in it",
                hint: "add series_day: with the day's number (1 for the first day), or remove series:")
        ])
    }

    @Test func twoVersionsInOneLanguage() throws {
        let found = try Self.failure(adding: [
            "content/posts/qa.md": post("title: \"Q&A\"\ndate: 2026-10-06\ntranslation_key: \"clinic\""),
            "content/posts/qa-copy.md": post("title: \"Q&A copy\"\ndate: 2026-10-06\ntranslation_key: \"clinic\""),
        ])
        #expect(found == [
            .error("content/posts/qa.md", line: 4,
                "content/posts/qa-copy.md is already the `en` version of translation_key \"clinic\"",
                hint: "give each language one version: set lang: on a translation, or give a different text its own translation_key")
        ])
    }

    @Test func aLanguageTheThemeHasNoStringsFor() throws {
        let found = try Self.failure(adding: [
            "content/posts/fr.md": post("title: \"Bonjour\"\ndate: 2026-10-06\nlang: fr")
        ])
        #expect(found == [
            .error("content/posts/fr.md", line: 4, column: 7, "the theme has no strings in `fr`, so no page can be written in it",
                hint: "add themes/default/i18n/fr.yml or the site's own i18n/fr.yml, translated from themes/default/i18n/en.yml, or use one of en, es")
        ])
    }
}
