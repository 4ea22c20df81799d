import Testing

@testable import Broadside

@Suite struct SiteDescriptionTests {
    @Test func aSiteWithoutADescriptionHasNoEmptyMetaDescription() throws {
        let site = try TemporarySite(files: ["content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01")])
        defer { site.remove() }
        _ = try site.build()
        #expect(!(try site.read("index.html")).contains("<meta name=\"description\""))
    }

    @Test func aSiteDescriptionIsInEveryPagesHead() throws {
        let site = try TemporarySite(files: [
            "site.yml": "base_url: \"https://example.org/\"\ndescription: \"News & calls to act\"\n",
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01"),
        ])
        defer { site.remove() }
        _ = try site.build()
        #expect(try site.read("index.html").contains("<meta name=\"description\" content=\"News &amp; calls to act\">"))
    }
}
