import Foundation
import Testing
@testable import Broadside

/// Issue 17: each week's posts of a language as a newsletter edition: a web page, an e-mail
/// (HTML, text, a whole message, the body alone), an index and a digest feed.
@Suite struct NewsletterTests {
    static let settings = """
        title: "Puentes <Network>"
        base_url: "https://example.org/"
        time_zone: America/Chicago
        newsletter:
          from: "Red Puentes <news@example.org>"
          unsubscribe: "*|UNSUB|*"
          greeting: "Hello *|FNAME|*,"

        """
    static let files = [
        "site.yml": settings,
        "content/posts/vigil.md": post("title: \"Vigil <script>alert(1)</script>\"\ndate: 2026-11-03T19:00:00-06:00\nsummary: \"Candles & songs.\""),
        "content/posts/report.md": post("title: \"Court report\"\ndate: 2026-11-02T08:00:00-06:00\nkind: report"),
        "content/posts/older.md": post("title: \"Older\"\ndate: 2026-10-30T08:00:00-05:00"),
        "content/posts/vigilia.md": post("title: \"Vigilia\"\ndate: 2026-11-04T08:00:00-06:00\nlang: es"),
        "content/posts/call.md": post("title: \"Call\"\ndate: 2026-11-05T08:00:00-06:00",
            body: "Text.\n\n```action\ntitle: \"Call the board\"\nurl: /posts/vigil/\nbutton: \"Call now\"\n```\n"),
    ]

    @Test func weeksAreISOWeeksInTheSitesTimeZone() {
        var config = SiteConfig()
        config.timeZone = TimeZone(identifier: "America/Chicago")!
        func key(_ text: String) -> String { Editions.edition(of: PostDate.parse(text, timeZone: config.timeZone)!, lang: "en", config: config).key }
        #expect(key("2026-11-02T00:30:00-06:00") == "2026-w45")
        // Sunday late evening in Chicago is Monday in UTC: still the week before, where the site is.
        #expect(key("2026-11-08T23:30:00-06:00") == "2026-w45")
        #expect(key("2026-12-31") == "2026-w53")
        #expect(key("2027-01-03") == "2026-w53")
        #expect(key("2024-12-30") == "2025-w01")
        config.newsletter.period = .daily
        #expect(key("2026-11-08T23:30:00-06:00") == "2026-11-08")
    }

    @Test func eachWeekOfEachLanguageIsAnEditionWithItsFiles() throws {
        let site = try TemporarySite(files: Self.files)
        defer { site.remove() }
        try site.build()
        for file in ["index.html", "email.html", "email.txt", "edition.eml", "fragment.html"] {
            #expect(site.exists("newsletter/2026-w45/\(file)"), "\(file)")
            #expect(site.exists("es/newsletter/2026-w45/\(file)"), "\(file)")
        }
        #expect(site.exists("newsletter/2026-w44/index.html"))
        let web = try site.read("newsletter/2026-w45/index.html")
        #expect(web.contains("<h1 dir=\"auto\">Newsletter, November 2, 2026 – November 8, 2026</h1>"))
        #expect(web.contains("/posts/vigil/") && web.contains("/posts/report/") && !web.contains("/posts/older/"))
        let index = try site.read("newsletter/index.html")
        #expect(index.contains("<li><a href=\"/newsletter/2026-w45/\" dir=\"auto\">Newsletter, November 2, 2026 – November 8, 2026</a> <span class=\"count\">(4)</span></li>"))
        // The Spanish post has no English version, so the English edition carries it, as the English home does.
        #expect(try site.read("sitemap.xml").contains("<loc>https://example.org/newsletter/</loc>"))
        #expect(try site.read("sitemap.xml").contains("<loc>https://example.org/es/newsletter/2026-w45/</loc>"))
        #expect(try site.read("es/newsletter/index.html").contains(">Boletín, del 2 de noviembre de 2026 al 8 de noviembre de 2026</a> <span class=\"count\">(1)</span></li>"))
    }

    @Test func theEmailIsMadeForMailClients() throws {
        let site = try TemporarySite(files: Self.files)
        defer { site.remove() }
        try site.build()
        let html = try site.read("newsletter/2026-w45/email.html")
        #expect(!html.contains("<script") && !html.contains("<link"))
        #expect(html.contains("<title>Puentes &lt;Network&gt;: November 2, 2026 – November 8, 2026</title>"))
        #expect(html.contains(">Vigil &lt;script&gt;alert(1)&lt;/script&gt;</a></h2>"))
        // The hidden preheader is the lead's summary: the newest post's.
        #expect(html.contains("<div style=\"display:none;mso-hide:all;\">Text.</div>"))
        #expect(html.contains("href=\"https://example.org/newsletter/2026-w45/\""))
        #expect(html.contains("<a class=\"bs-button\" href=\"https://example.org/posts/vigil/\""))
        #expect(html.contains("<a class=\"bs-link\" href=\"*|UNSUB|*\""))
        #expect(html.contains("<p style=\"margin:0;\">Hello *|FNAME|*,</p>"))
        // Every address absolute.
        for attribute in ["href=\"", "src=\""] {
            for part in html.components(separatedBy: attribute).dropFirst() {
                #expect(part.hasPrefix("https://") || part.hasPrefix("*|"), "\(part.prefix(40))")
            }
        }
        let fragment = try site.read("newsletter/2026-w45/fragment.html")
        #expect(fragment.hasPrefix("<table role=\"presentation\" class=\"bs-column bs-card\" width=\"600\""))
        #expect(html.contains(fragment))
        let text = try site.read("newsletter/2026-w45/email.txt")
        #expect(text.contains("Vigil <script>alert(1)</script>\n\nCandles & songs.\n\nRead more: https://example.org/posts/vigil/\n"))
        #expect(text.contains("Call the board — Call now: https://example.org/posts/vigil/\n"))
        #expect(text.hasSuffix("Unsubscribe: *|UNSUB|*\n"))
        #expect(text.contains("in your browser: https://example.org/newsletter/2026-w45/\n\nHello *|FNAME|*,\n"))
    }

    @Test func theMessageIsMultipartQuotedPrintable() throws {
        let site = try TemporarySite(files: Self.files)
        defer { site.remove() }
        try site.build()
        let message = try site.read("es/newsletter/2026-w45/edition.eml")
        #expect(message.hasPrefix("MIME-Version: 1.0\r\nDate: Wed, 04 Nov 2026 08:00:00 -0600\r\nFrom: \"Red Puentes\" <news@example.org>\r\n"
            + "Subject: =?UTF-8?Q?Puentes_=3CNetwork=3E=3A_del_2_de_noviembre_de_202?=\r\n =?UTF-8?Q?6_al_8_de_noviembre_de_2026?=\r\n"))
        #expect(message.contains("Content-Type: multipart/alternative; boundary=\"=_broadside_2026-w45\"\r\n\r\n--=_broadside_2026-w45\r\nContent-Type: text/plain; charset=utf-8\r\n"))
        #expect(message.hasSuffix("--=_broadside_2026-w45--\r\n"))
        for line in message.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 76 && line.utf8.allSatisfy { $0 < 0x80 && $0 != 10 }, "\(line)")
        }
    }

    @Test func quotedPrintableKeepsLinesShortAndBytesSafe() {
        #expect(QuotedPrintable.encode("café = ok \nnext") == "caf=C3=A9 =3D ok=20\r\nnext")
        let long = QuotedPrintable.encode(String(repeating: "a", count: 100))
        #expect(long == String(repeating: "a", count: 75) + "=\r\n" + String(repeating: "a", count: 25))
        #expect(MailHeader.address("Puentes <a@b.org>") == "\"Puentes\" <a@b.org>")
        #expect(MailHeader.address("\"Puentes\" <a@b.org>") == "\"Puentes\" <a@b.org>")
        #expect(MailHeader.address("Net <x> & \"Friends\" <a@b.org>") == "\"Net <x> & \\\"Friends\\\"\" <a@b.org>")
        #expect(MailHeader.encoded("Plain subject") == "Plain subject")
    }

    /// Week 45 of 2026 with `perDay` posts a day, `p<day>-<n>`, ten minutes apart from 10:00; its
    /// e-mail, checked to fit the budget and to say that the site has more.
    func busyWeek(perDay: Int, frontMatter: (Int, Int) -> String) throws -> (TemporarySite, String) {
        var files = ["site.yml": Self.settings]
        for day in 0..<7 {
            for n in 0..<perDay {
                let time = String(format: "%02d:%02d", 10 + n / 6, n % 6 * 10)
                files["content/posts/p\(day)-\(n).md"] = post(frontMatter(day, n) + "\ndate: 2026-11-0\(day + 2)T\(time):00-06:00")
            }
        }
        let site = try TemporarySite(files: files)
        try site.build()
        let html = try site.read("newsletter/2026-w45/email.html")
        #expect(html.utf8.count <= EmailEdition.budget)
        #expect(html.contains(">Read every post of this edition on the site</a>"))
        return (site, html)
    }

    @Test func aBigWeekIsCutToTitlesPastTheBudget() throws {
        let summary = String(repeating: "A long summary of what happened today in court. ", count: 8)
        let (site, html) = try busyWeek(perDay: 12) { "title: \"Post \($0)-\($1)\"\nsummary: \"\(summary)\"" }
        defer { site.remove() }
        // The newest post whole, the oldest by title and date only, every post linked.
        #expect(html.contains(">Post 6-11</a></h2>"))
        #expect(html.contains(">Post 0-0</a> <span"))
        for day in 0..<7 { for hour in 0..<12 { #expect(html.contains("https://example.org/posts/p\(day)-\(hour)/")) } }
    }

    @Test func aWeekWhoseTitlesAlonePassTheBudgetLeavesTheOldestToTheSite() throws {
        let (site, html) = try busyWeek(perDay: 60) { "title: \"A rather long title for post \($0)-\($1) of a very busy week\"" }
        defer { site.remove() }
        // The newest is there, by title; the oldest only on the web page, which lists all 420.
        #expect(html.contains("https://example.org/posts/p6-59/") && !html.contains("https://example.org/posts/p0-0/"))
        #expect(try site.read("newsletter/2026-w45/index.html").contains("/posts/p0-0/"))
        #expect(!(try site.read("newsletter/2026-w45/email.txt")).contains("/posts/p0-0/"))
    }

    @Test func settingsChooseThePeriodOrNoEditions() throws {
        var files = Self.files
        files["site.yml"] = Self.settings + "  period: daily\n"
        let daily = try TemporarySite(files: files)
        defer { daily.remove() }
        try daily.build()
        #expect(daily.exists("newsletter/2026-11-03/email.html") && !daily.exists("newsletter/2026-w45/index.html"))
        for settings in ["title: \"Puentes\"\nnewsletter: { enabled: false }\n", "title: \"Puentes\"\n"] {
            files["site.yml"] = settings
            let none = try TemporarySite(files: files)
            defer { none.remove() }
            try none.build()
            #expect(!none.exists("newsletter/index.html"), "\(settings)")
        }
        files["site.yml"] = "title: \"Puentes\"\nnewsletter:\n  period: monthly\n  from: \"a\\nBcc: x@y.org\"\n"
        let wrong = try TemporarySite(files: files)
        defer { wrong.remove() }
        let errors = wrong.failure()
        #expect(errors.contains(.error("site.yml", line: 3, column: 11, "`newsletter.period` must be weekly or daily, not \"monthly\"",
            hint: "period: weekly (one edition per ISO week) or period: daily")))
        #expect(errors.contains { $0.message == "`newsletter.from` must be one line of text" && $0.line == 4 })
        files["site.yml"] = "title: \"Puentes\"\nnewsletter:\n  unsubscribe: \"javascript:alert(1)\"\n"
        let script = try TemporarySite(files: files)
        defer { script.remove() }
        #expect(script.failure().contains { $0.message == "the site has no base_url, so its feeds link to http://localhost/ (so do its newsletter's e-mails), its pages have no share cards and it has no sitemap" })
        #expect(script.failure().contains(.error("site.yml", line: 3, column: 16, "`newsletter.unsubscribe` is a javascript: address, which no mail client follows",
            hint: "write your mailing tool's merge tag, such as \"*|UNSUB|*\", or an https:// address")))
        files["site.yml"] = "title: \"Puentes\"\nnewsletter:\n  greting: hi\n"
        let misspelt = try TemporarySite(files: files)
        defer { misspelt.remove() }
        #expect(try misspelt.build().warnings.contains(.warning("site.yml", line: 3, column: 3, "unknown setting `newsletter.greting` is ignored",
            hint: "did you mean `greeting`? The newsletter settings are enabled, period, from, unsubscribe, greeting")))
    }

    @Test func theDigestFeedCarriesEachWholeEmail() throws {
        let site = try TemporarySite(files: Self.files)
        defer { site.remove() }
        try site.build()
        let feed = try site.read("newsletter/feed.xml")
        #expect(feed.contains("<item>\n<title>Puentes &lt;Network&gt;: November 2, 2026 – November 8, 2026</title>\n<link>https://example.org/newsletter/2026-w45/</link>"))
        #expect(feed.contains("<content:encoded>&lt;!DOCTYPE html&gt;"))
        #expect(feed.components(separatedBy: "<item>").count - 1 == 2)
    }

    @Test func theEditorAsksForAnEdition() throws {
        let site = try TemporarySite(files: Self.files)
        defer { site.remove() }
        let editions = try site.build().editions
        func key(_ week: String? = nil, _ date: String? = nil, _ lang: String? = nil) -> String? {
            try? EditionFiles.choose(editions, week: week, date: date, lang: lang).get().key
        }
        #expect(try EditionFiles.choose(editions, week: nil, date: nil, lang: nil).get().files == [
            "newsletter/2026-w45/index.html", "newsletter/2026-w45/email.html", "newsletter/2026-w45/email.txt",
            "newsletter/2026-w45/edition.eml", "newsletter/2026-w45/fragment.html"])
        #expect(key("2026-W44") == "2026-w44" && key(nil, "2026-10-30") == "2026-w44" && key(nil, "2026-11-08") == "2026-w45")
        #expect(try EditionFiles.choose(editions, week: nil, date: nil, lang: "es").get().files[0] == "es/newsletter/2026-w45/index.html")
        #expect(EditionFiles.choose(editions, week: "2020-W01", date: nil, lang: nil) == .failure(.error(nil, "no edition of week 2020-W01 in en",
            hint: "write the week as 2026-W45; the newest edition is 2026-W45")))
        #expect(EditionFiles.choose(editions, week: nil, date: nil, lang: "fr") == .failure(.error(nil, "the site has no newsletter edition in fr",
            hint: "the languages with editions are en, es")))
        #expect(EditionFiles.problem(week: "45", date: nil) == .error(nil, "--week 45 is not a week", hint: "write the ISO week as 2026-W45"))
        #expect(EditionFiles.choose([], week: nil, date: nil, lang: nil) == .failure(.error(nil, "the site has no newsletter edition",
            hint: "add newsletter: to site.yml (its sender and your mailing tool's unsubscribe merge tag), and publish a post")))
    }
}
