import Foundation
import Testing

@testable import Broadside

/// What an editor says about search: `search:` in site.yml and in a post's front matter.
@Suite struct SearchSettingsTests {
    @Test func aSearchValueThatIsNotAFlagIsAnErrorAtItsPlace() throws {
        let site = try TemporarySite(files: [
            "site.yml": "base_url: \"https://example.org/\"\nsearch: maybe\n",
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01\nsearch: sometimes"),
        ])
        defer { site.remove() }
        let errors = site.failure().filter { $0.severity == .error }
        #expect(errors.contains(.error("site.yml", line: 2, column: 9, "`search` must be true or false", hint: "search: false")))
        #expect(errors.contains(.error("content/posts/a.md", line: 4, column: 9, "`search` must be true or false",
            hint: "write search: false to keep this out of the site's search")))
    }

    @Test func searchFalseInSiteYmlLeavesOutThePagesTheIndexAndTheMenuLink() throws {
        let site = try TemporarySite(files: [
            "site.yml": "base_url: \"https://example.org/\"\nsearch: false\n",
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01"),
        ])
        defer { site.remove() }
        try site.build()
        #expect(!site.exists("search") && !site.exists("search-index"))
        #expect(!(try site.read("index.html")).contains("href=\"/search/\""))
    }

    @Test func aPostWithSearchFalseIsNotInTheIndex() throws {
        let documents = { (hidden: Bool) throws -> [String] in
            let site = try TemporarySite(files: [
                "site.yml": "base_url: \"https://example.org/\"\n",
                "content/posts/a.md": post("title: \"Shown\"\ndate: 2026-10-01"),
                "content/posts/b.md": post("title: \"Hidden\"\ndate: 2026-10-02" + (hidden ? "\nsearch: false" : "")),
            ])
            defer { site.remove() }
            try site.build()
            #expect(try site.read("index.html").contains("href=\"/search/\""))
            let data = try #require(FileManager.default.contents(atPath: site.output.appendingPathComponent("search-index/docs/656e/0.bsi").path))
            return try SearchIndexTests.json([UInt8](data)).split(separator: "\n").map(String.init)
        }
        #expect(try documents(false).count == 2)
        let shown = try documents(true)
        #expect(shown.count == 1 && shown[0].hasPrefix("[[\"Shown\",\"/posts/a/\""))
    }
}
