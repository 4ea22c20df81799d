import Foundation
import Testing

@testable import Broadside

/// Text that reads as something it is not: an override or a right-to-left name spilling over the
/// theme's words, a Cyrillic letter in a Latin name, a slug of nothing visible.
@Suite struct SpoofingTests {
    @Test func insertedTextIsIsolatedFromTheThemesWords() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": post("title: \"\u{202E}Vigil\"\ndate: 2026-10-01\nkind: perspective\nauthor: \"مريم \u{202E}Ana\"\ncategories: [\"עזרה\"]\ntags: [\"\u{202E}tag\"]"),
        ])
        defer { site.remove() }
        try site.build()
        let page = try site.read("posts/a/index.html")
        // Each override is closed where its value ends (U+202C), and each value stands apart.
        #expect(page.contains("<h1 dir=\"auto\">\u{202E}Vigil\u{202C}</h1>"))
        #expect(page.contains("· <bdi>Perspective by مريم \u{202E}Ana\u{202C}</bdi></p>"))
        #expect(page.contains("dir=\"auto\">עזרה</a></li>"))
        #expect(page.contains(">#<bdi>\u{202E}tag\u{202C}</bdi></a></li>"))
        let home = try site.read("index.html")
        #expect(home.contains("<h2><a href=\"/posts/a/\" dir=\"auto\">\u{202E}Vigil\u{202C}</a></h2>"))
    }

    @Test func aTermWithLettersOfAnotherScriptDrawnAlikeIsNamed() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01\ncategories: [Advocacy]\ntags: [\"Dеtention\"]"),
            // A Cyrillic А in the category: its twin above is the one meant.
            "content/posts/b.md": post("title: \"B\"\ndate: 2026-10-02\ncategories: [\"Аdvocacy\"]\ntags: [Москва]"),
        ])
        defer { site.remove() }
        let warnings = try site.build().warnings
        #expect(warnings.contains(.warning("content/posts/b.md",
            "the category \"Аdvocacy\" looks the same as \"Advocacy\" of content/posts/a.md but is written with letters of another script, so they are two categories",
            hint: "type it again with your keyboard's own letters, as \"Advocacy\" is")))
        // A Cyrillic е alone in a tag, with no twin: named with the letter.
        #expect(warnings.contains(.warning("content/posts/a.md",
            "the tag \"Dеtention\" mixes Latin letters with Cyrillic ones drawn alike (е in \"Dеtention\"), so it is another word to searches and links",
            hint: "type the name again with your keyboard's own letters: tags: [\"Detention\"]")))
        // A word wholly in Cyrillic is Russian, not a look-alike.
        #expect(!warnings.contains { $0.message.contains("Москва") })
        #expect(warnings.count == 2, "\(warnings)")
    }

    @Test func aSlugOfMarksAloneIsEmptyAndAnErrorAtTheFile() throws {
        #expect(Slug.make("\u{5AF}") == "")
        #expect(Slug.make("\u{301}día \u{301}3") == "día-3")
        #expect(Slug.make("é") == "é")
        let site = try TemporarySite(files: ["content/posts/\u{5AF}.md": post("title: \"Marks\"\ndate: 2026-10-01")])
        defer { site.remove() }
        #expect(site.failure().contains(.error("content/posts/\u{5AF}.md", "the file name gives an empty slug",
            hint: "rename the file with letters or digits, or set slug: in the front matter")))
    }

    @Test func newNamesAPostWithATitleOfEmojiAloneByItsDay() throws {
        let site = try ScaffoldTests.newSite()
        defer { site.remove() }
        let first = try ScaffoldTests.write(.dispatch, "🎉🎉 ✊", in: site).get()
        #expect(first == "content/posts/2026-11-23.md")
        let second = try ScaffoldTests.write(.dispatch, "\u{200D}\u{FE0F}", in: site).get()
        #expect(second == "content/posts/2026-11-23-2.md")
        let text = try String(contentsOf: site.root.appendingPathComponent(first), encoding: .utf8)
        #expect(text.hasPrefix("---\ntitle: \"🎉🎉 ✊\"\n"))
    }
}
