import Foundation
import Testing

@testable import Broadside

/// Front matter read the way editors mean it.
@Suite struct FrontMatterTests {
    @Test func yamlTrapsAreReadAsEditorsMeanThem() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": post("title: Yes\ndate: 2026-10-01\nsummary: 2024\ndraft: no\ntags: [2024, Off]")
        ])
        defer { site.remove() }
        try site.build()
        let page = try site.read("posts/a/index.html")
        #expect(page.contains("<h1 dir=\"auto\">Yes</h1>"))
        #expect(try site.read("tags/index.html").contains(">Off</a>"))
        #expect(try site.read("index.html").contains("<p class=\"summary\" dir=\"auto\">2024</p>"))
    }

    @Test func aLongFirstParagraphIsShortenedAsASummary() {
        let long = (1...80).map { "w\($0)" }.joined(separator: " ")
        #expect(PostParser.shortened(long) == (1...60).map { "w\($0)" }.joined(separator: " ") + "…")
        #expect(PostParser.shortened("Short and sweet.") == "Short and sweet.")
    }

    @Test(arguments: ["\n", "\r\n"])
    func aCommentInAnUnquotedTitleIsAWarning(_ newline: String) throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": post("title: Vigil tonight #FreeThemAll\ndate: 2026-10-01").replacingOccurrences(of: "\n", with: newline)
        ])
        defer { site.remove() }
        let report = try site.build()
        #expect(report.warnings == [
            .warning("content/posts/a.md", line: 2, column: 22,
                "the title stops before ` #`: YAML reads the rest of the line as a comment",
                hint: "put the title in double quotes to keep it whole: title: \"Vigil tonight #FreeThemAll\"")
        ])
    }

    @Test func windowsLineEndingsAndAByteOrderMark() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": "\u{FEFF}---\r\ntitle: \"Crlf\"\r\ndate: 2026-10-01\r\n---\r\n## Heading\r\n\r\nText.\r\n"
        ])
        defer { site.remove() }
        try site.build()
        let page = try site.read("posts/a/index.html")
        #expect(page.contains("<h1 dir=\"auto\">Crlf</h1>"))
        #expect(page.contains("<h2 id=\"heading\">Heading</h2>\n<p>Text.</p>"))
    }
}
