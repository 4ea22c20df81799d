import Foundation
import Testing

@testable import Broadside

@Suite struct SlugTests {
    @Test(arguments: [
        ("Niñez Migrante", "niñez-migrante"),
        ("TPS", "tps"),
        ("Refugees & Asylum Seekers", "refugees-asylum-seekers"),
        ("Labor & Workers' Rights", "labor-workers-rights"),
        ("LGBTQ+ rights", "lgbtq-rights"),
        ("¿Qué pasa?", "qué-pasa"),
        ("Nin\u{0303}ez", "niñez"),  // decomposed ñ becomes one character (NFC)
        ("../../etc/passwd", "etc-passwd"),
        ("!!!", ""),
    ])
    func slugs(_ input: String, _ expected: String) {
        #expect(Slug.make(input) == expected)
    }

    @Test func linksArePercentEncoded() {
        #expect(PercentEncoding.segment("niñez-migrante") == "ni%C3%B1ez-migrante")
        #expect(SiteURLs(baseURL: "https://example.org/news/").list(["tags", "niñez-migrante"], page: .numbered(2))
            == "/news/tags/ni%C3%B1ez-migrante/page/2/")
    }

    /// Every ASCII character and a few others, alone and in a title, as Foundation encodes a
    /// query value with only RFC 3986's unreserved characters allowed.
    @Test func everyCharacterButTheUnreservedIsEncodedAsFoundationDoes() {
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        let texts = (0..<128).map { String(UnicodeScalar(UInt8($0))) } + ["ñ", "€", "🙂", "Día 3: ¿asilo? 50% & \"más\" #derechos"]
        for text in texts {
            #expect(PercentEncoding.segment(text) == text.addingPercentEncoding(withAllowedCharacters: unreserved), "\(text.debugDescription)")
        }
    }
}

@Suite struct PostDateTests {
    let chicago = TimeZone(identifier: "America/Chicago")!

    @Test func keepsTheWrittenOffset() throws {
        let date = try #require(PostDate.parse("2019-06-03T22:29:54-04:00", timeZone: chicago))
        #expect(date.offset == -4 * 3600)
        #expect(date.secondsSince1970 == 1_559_615_394)
        #expect(DateText.iso8601(date) == "2019-06-03T22:29:54-04:00")
        #expect(DateText.rfc822(date) == "Mon, 03 Jun 2019 22:29:54 -0400")
        #expect(DateText.day(date) == "2019-06-03")
        #expect(DateText.icalendarUTC(date) == "20190604T022954Z")
        #expect(DateText.utc(date.secondsSince1970) == "2019-06-04T02:29:54Z")
    }

    @Test func bareDatesAreMidnightInTheSiteTimeZone() throws {
        let summer = try #require(PostDate.parse("2026-08-12", timeZone: chicago))
        #expect(DateText.iso8601(summer) == "2026-08-12T00:00:00-05:00")
        let winter = try #require(PostDate.parse("2026-12-01", timeZone: chicago))
        #expect(DateText.iso8601(winter) == "2026-12-01T00:00:00-06:00")
    }

    @Test func zulu() throws {
        let date = try #require(PostDate.parse("2026-11-23T12:00:00Z", timeZone: chicago))
        #expect(DateText.rfc822(date) == "Mon, 23 Nov 2026 12:00:00 +0000")
    }

    @Test(arguments: ["2026-02-30", "2026-13-01", "yesterday", "2026-05-01T25:00:00Z", "2026-05-01T10:00:00+5", "05/01/2026"])
    func rejects(_ text: String) {
        #expect(PostDate.parse(text, timeZone: chicago) == nil)
    }
}
