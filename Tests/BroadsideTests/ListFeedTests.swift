import Foundation
import Testing

@testable import Broadside

/// Every list's feeds: the same items in RSS, Atom and JSON Feed, the newest first, whatever
/// order the list's page shows.
@Suite struct ListFeedTests {
    static func day(_ number: Int) -> String {
        let date = String(format: "2026-10-%02d", number)
        return post("title: \"Day \(number)\"\ndate: \(date)\nkind: action-day\nseries: \"Week of Action\"\nseries_day: \(number)\nauthor: \"Ana <Ruiz>\"")
    }

    @Test func aSeriesFeedHoldsItsNewestDaysNewestFirst() throws {
        var files = ["site.yml": "base_url: \"https://example.org/\"\nfeed_size: 3\n"]
        for number in 1...5 { files["content/posts/day-\(number).md"] = Self.day(number) }
        let site = try TemporarySite(files: files)
        defer { site.remove() }
        try site.build()
        let rss = try site.read("series/week-of-action/feed.xml")
        let titles = rss.components(separatedBy: "<item>\n<title>").dropFirst().map { $0.prefix { $0 != "<" } }
        #expect(titles == ["Day 5", "Day 4", "Day 3"])
        // The page shows the days in order.
        let page = try site.read("series/week-of-action/index.html")
        let first = try #require(page.range(of: "Day 1")), fifth = try #require(page.range(of: "Day 5"))
        #expect(first.lowerBound < fifth.lowerBound)
    }

    @Test func atomAndJSONFeedCarryWhatRSSDoes() throws {
        let site = try TemporarySite(files: ["site.yml": "base_url: \"https://example.org/\"\ntitle: \"Puentes & Co\"\n", "content/posts/day-1.md": Self.day(1)])
        defer { site.remove() }
        try site.build()
        let atom = try site.read("kinds/action-day/atom.xml")
        #expect(atom.hasPrefix("""
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
            <id>https://example.org/kinds/action-day/atom.xml</id>
            <title>Action days | Puentes &amp; Co</title>
            """))
        #expect(atom.contains("""
            <link rel="self" type="application/atom+xml" href="https://example.org/kinds/action-day/atom.xml"/>
            <updated>2026-10-01T00:00:00+00:00</updated>
            """))
        #expect(atom.contains("""
            <entry xml:lang="en">
            <id>https://example.org/posts/day-1/</id>
            <title type="text">Day 1</title>
            <link rel="alternate" type="text/html" href="https://example.org/posts/day-1/"/>
            <published>2026-10-01T00:00:00+00:00</published>
            <updated>2026-10-01T00:00:00+00:00</updated>
            <author><name>Ana &lt;Ruiz&gt;</name></author>
            <summary type="text">Body text.</summary>
            <content type="html">
            """))
        let json = try site.read("kinds/action-day/feed.json")
        #expect(json.hasPrefix("""
            {
            "version": "https://jsonfeed.org/version/1.1",
            "title": "Action days | Puentes \\u0026 Co",
            "home_page_url": "https://example.org/kinds/action-day/",
            "feed_url": "https://example.org/kinds/action-day/feed.json",
            """))
        #expect(json.contains("""
            {"id": "https://example.org/posts/day-1/", "url": "https://example.org/posts/day-1/", "title": "Day 1", "content_html": "
            """))
        #expect(json.contains("\"authors\": [{\"name\": \"Ana \\u003cRuiz\\u003e\"}]"))
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let items = try #require(parsed?["items"] as? [[String: Any]])
        #expect(items.count == 1 && (items[0]["summary"] as? String) == "Body text.")
    }

    @Test func feedsNoneWritesNoFeedAndNoPageLinksOne() throws {
        let site = try TemporarySite(files: ["site.yml": "base_url: \"https://example.org/\"\nfeeds: []\n", "content/posts/day-1.md": Self.day(1)])
        defer { site.remove() }
        let report = try site.build()
        #expect(report.feeds == 0)
        let names = try tree(site.output).keys
        #expect(!names.contains { $0.hasSuffix("feed.xml") || $0.hasSuffix("atom.xml") || $0.hasSuffix("feed.json") })
        let home = try site.read("index.html")
        #expect(!home.contains("application/rss+xml") && !home.contains("feed.xml"))
    }

    /// A feed writes an item's content in pieces (before, the text with its links made absolute,
    /// after) straight into its bytes; that is, byte for byte, the whole content escaped, for
    /// texts that take the fast path and for those that need the general escapers (a direction
    /// control balanced over the whole, a character XML forbids).
    @Test func contentWrittenInPiecesIsTheWholeContentEscaped() {
        let texts = [
            "<p>Plain, <a href=\"/news/posts/b/\">root</a> and <img src=\"chart.png\" alt=\"\"> & <a href=\"#notes\">notes</a></p>\n",
            "<p>No link at all, día \u{2028} ñ</p>",
            "<p><a href=\"../c/\">up</a> \u{202E}reversed <a href=\"//cdn.example/x\">proto</a> <a href=\"mailto:a@b.c\">mail</a></p>",
            "<p>Forbidden \u{1} byte, <a href=\"/x/\">x</a></p>",
            "",
        ]
        for text in texts {
            for (before, after) in [("", ""), ("<figure><img src=\"https://example.org/a.jpg\" alt=\"A & B\"></figure>", "<p>\u{2066}after</p>")] {
                let entry = FeedEntry(title: "T", url: "https://example.org/news/posts/a/", date: PostDate(secondsSince1970: 0, offset: 0),
                    summary: "", parts: .init(before: before, text: text, after: after), authors: [], terms: [], image: nil,
                    enclosures: [], lang: "en")
                var xml = FeedBytes(capacity: 0), json = FeedBytes(capacity: 0)
                xml.addContent(entry, json: false)
                json.addContent(entry, json: true)
                #expect(String(decoding: xml.bytes, as: UTF8.self) == TextEscaping.xml.escape(entry.content))
                #expect(String(decoding: json.bytes, as: UTF8.self) == JSONText.escaped(entry.content))
            }
        }
        #expect(FeedEntry.absoluteLinks(texts[0], base: "https://example.org/news/posts/a/") == """
            <p>Plain, <a href="https://example.org/news/posts/b/">root</a> and <img src="https://example.org/news/posts/a/chart.png" alt=""> & <a href="https://example.org/news/posts/a/#notes">notes</a></p>\n
            """)
    }

    /// JSON Feed and JSON-LD: each byte that could end the string or the `<script>` block, and
    /// the two separators JavaScript reads as line ends, escaped; the rest as it is.
    @Test func jsonTextEscapesWhatCouldEndItsStringOrItsBlock() throws {
        #expect(JSONText.escaped("plain día 🇲🇽") == "plain día 🇲🇽")
        #expect(JSONText.escaped("a\"b\\c\n\t\u{1}</script>&'") == "a\\u0022b\\\\c\\n\\t\\u0001\\u003c/script\\u003e\\u0026\\u0027")
        #expect(JSONText.escaped("x\u{2028}y\u{2029}") == "x\\u2028y\\u2029")
        let hostile = "\"\u{301} </script> \u{2028} \\ \u{7}"
        let decoded = try JSONSerialization.jsonObject(with: Data(JSONText.string(hostile).utf8), options: .fragmentsAllowed) as? String
        #expect(decoded == hostile)
    }
}
