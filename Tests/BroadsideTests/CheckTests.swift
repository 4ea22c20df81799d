import Foundation
import Testing

@testable import Broadside

/// `broadside check` and the build's warning about internal links: each kind of finding with its
/// exact message, file, line and column.
@Suite struct CheckTests {
    static let linkHint = "link a post as /posts/ and its file name without .md, such as /posts/vigil-tonight/, and a file of static/ by its path below static/, such as /files/report.pdf; a draft or a post dated later has no page until it is published"
    static let imageHint = "put the image in static/ and write its path below static/ (/images/rally.jpg), or put it beside the post's index.md and write its name"

    /// `b.md`, a post every test may link to.
    static let other = post("title: \"B\"\ndate: 2026-09-01")

    private func check(_ site: TemporarySite, drafts: Bool = false) -> CheckReport {
        SiteCheck.run(site.options(drafts: drafts))
    }

    @Test func buildWarnsAboutABrokenRootRelativeLinkWithTheNearestPage() throws {
        let site = try TemporarySite(files: [
            "content/posts/court-watch.md": post("title: \"A\"\ndate: 2026-10-01", body: "Read [the first week](/posts/court-wach/) now."),
        ])
        defer { site.remove() }
        #expect(try site.build().warnings == [
            .warning("content/posts/court-watch.md", line: 5, column: 6,
                "the link /posts/court-wach/ goes to a page the site does not have",
                hint: "did you mean /posts/court-watch/? L" + Self.linkHint.dropFirst()),
        ])
        // A warning: the site is written all the same.
        #expect(site.exists("posts/court-watch/index.html"))
    }

    /// A site imported with thousands of missing images: the build names 20 and counts the rest; check lists all.
    @Test func aBuildNamesTwentyBrokenLinksAndCountsTheRest() throws {
        let body = (1...23).map { "[\($0)](/posts/gone-\($0)/)" }.joined(separator: "\n\n")
        let site = try TemporarySite(files: ["content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01", body: body)])
        defer { site.remove() }
        let warnings = try site.build().warnings
        #expect(warnings.count == 21)
        #expect(warnings[19].message == "the link /posts/gone-20/ goes to a page the site does not have")
        #expect(warnings[20] == .warning(nil, "3 more links or images lead to no page or file of the site",
            hint: "run broadside check to list every one with its file and line"))
        #expect(check(site).diagnostics.count == 23)
    }

    /// An archive imported with thousands of repeated titles: the build names 20 and counts the rest.
    @Test func aBuildNamesTwentyRepeatedTitlesAndCountsTheRest() throws {
        var files: [String: String] = [:]
        for day in 1...24 { files["content/posts/vigil-\(day).md"] = post("title: \"Vigil\"\ndate: 2026-10-\(day < 10 ? "0" : "")\(day)") }
        let site = try TemporarySite(files: files)
        defer { site.remove() }
        let warnings = try site.build().warnings.filter { $0.message.contains("same title") }
        #expect(warnings.count == 21)
        #expect(warnings[19] == .warning("content/posts/vigil-21.md", line: 2, column: 8,
            "this post has the same title as content/posts/vigil-1.md: \"Vigil\"",
            hint: "give this post a title of its own (lists and subscribers' email would show the two alike); if it is a copy, remove one"))
        #expect(warnings[20] == .warning(nil, "3 more posts have the same title as an older post",
            hint: "run broadside check to list every one with its file and line"))
        #expect(check(site).diagnostics.filter { $0.message.contains("same title") }.count == 23)
    }

    @Test func aBrokenRelativeLinkSaysWhereItLeads() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01", body: "Go [back](../b/) or [on](../day-2/#top)."),
            "content/posts/b.md": Self.other,
        ])
        defer { site.remove() }
        #expect(try site.build().warnings == [
            .warning("content/posts/a.md", line: 5, column: 21,
                "the link ../day-2/#top goes to /posts/day-2/, a page the site does not have", hint: Self.linkHint),
        ])
    }

    /// `/images/` is a folder of the site (static/images/): a missing image there is an error. `/uploads/`
    /// is none: an imported archive's images, on the host apart from Broadside, are a warning.
    @Test func aMissingImageIsAnErrorUnlessItsFolderIsNoneOfTheSites() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01", body: "![A](/images/gone.jpg) ![B](/uploads/2019/b.jpg)"),
        ], images: ["static/images/here.jpg": "phone.jpg"])
        defer { site.remove() }
        #expect(site.failure() == [
            .error("content/posts/a.md", line: 5, column: 1, "the image /images/gone.jpg is not a file of the site", hint: Self.imageHint),
            .warning("content/posts/a.md", line: 5, column: 24, "the image /uploads/2019/b.jpg is not a file of the site", hint: Self.imageHint),
        ])
    }

    /// The links are checked while the build goes on: a build stopped by a later problem (a
    /// static file where a folder of pages must be) still names them, where they were found,
    /// and writes nothing.
    @Test func aBuildStoppedAfterTheLinksAreCheckedNamesThemInOrder() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01", body: "See [b](/posts/b/)."),
            "static/categories": "a file where the categories' folder goes",
        ])
        defer { site.remove() }
        let found = site.failure()
        #expect(found.map { "\($0.file ?? "") \($0.severity) \($0.message)" } == [
            "content/posts/a.md warning the link /posts/b/ goes to a page the site does not have",
            "static/categories error this static file is written to /categories, where the folder /categories/ of the page must go",
        ])
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test func aBrokenImageAndAFileBesideThePost() throws {
        let site = try TemporarySite(files: [
            "content/posts/report/index.md": post("title: \"R\"\ndate: 2026-10-01",
                body: "![Chart](chart.svg) ![Map](map.png)\n\n[The report](report.pdf) and [the card](/files/card.pdf)"),
            "content/posts/report/chart.svg": "<svg/>",
            "static/files/card.pdf": "%PDF",
        ])
        defer { site.remove() }
        // A missing image is an error, as a missing featured image is; a broken link a warning.
        #expect(site.failure() == [
            .error("content/posts/report/index.md", line: 5, column: 21,
                "the image map.png, at /posts/report/map.png, is not a file of the site", hint: Self.imageHint),
            .warning("content/posts/report/index.md", line: 7, column: 1,
                "the link report.pdf goes to /posts/report/report.pdf, a file the site does not have", hint: Self.linkHint),
        ])
    }

    @Test func linksThatResolveOrLeaveTheSiteAreNotReported() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01", body: """
                [b](/posts/b/#today) [b2](/posts/b/index.html) [b3](/posts/b) [b4](/posts/%62/?ref=a) [b5](./../b/)
                [home](/) [feed](/feed.xml) [css](/css/style.css) [tag](/tags/court/) [self](#top) [q](?x=1)
                [mail](mailto:a@example.org) [tel](tel:+15551234) [web](https://example.org/nowhere/) [cdn](//cdn.example/x.png)
                """),
            "content/posts/b.md": post("title: \"B\"\ndate: 2026-09-01\ntags: [court]"),
        ])
        defer { site.remove() }
        let warnings = try site.build().warnings
        #expect(warnings == [])
    }

    /// A post's old address (`aliases:`) is a redirect page of the site: a link to it works.
    @Test func aLinkToAnOldAddressOfAPostWorks() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01", body: "[b](/2024/old-name/) [c](/2024/old-nme/)"),
            "content/posts/b.md": post("title: \"B\"\ndate: 2026-09-01\naliases: [/2024/old-name/]"),
        ])
        defer { site.remove() }
        let warnings = try site.build().warnings
        #expect(warnings == [
            .warning("content/posts/a.md", line: 5, column: 22, "the link /2024/old-nme/ goes to a page the site does not have",
                hint: "did you mean /2024/old-name/? L" + Self.linkHint.dropFirst()),
        ])
    }

    @Test func aSiteUnderAPathResolvesLinksFromItsRoot() throws {
        let site = try TemporarySite(files: [
            "site.yml": "base_url: \"https://example.org/news/\"\n",
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01", body: "[b](/posts/b/) [b2](../b/) [b3](/news/posts/b/)"),
            "content/posts/b.md": Self.other,
        ])
        defer { site.remove() }
        #expect(try site.build().warnings == [
            .warning("content/posts/a.md", line: 5, column: 28,
                "the link /news/posts/b/ goes to a page the site does not have",
                hint: "Broadside puts /news/ in front of every link that starts with /, as the site is published there: write /posts/b/"),
        ])
        #expect(try site.read("posts/a/index.html").contains("<a href=\"/news/posts/b/\">b</a> <a href=\"../b/\">b2</a>"))
    }

    @Test func linksInBlocksAreCheckedAtTheirField() throws {
        let body = """
            Text.

            ```action
            title: "Act"
            url: "/posts/sign/"
            ```

            ```callout
            text: "See [the day](/posts/day-9/)."
            ```
            """
        let site = try TemporarySite(files: ["content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01", body: body)])
        defer { site.remove() }
        #expect(try site.build().warnings == [
            .warning("content/posts/a.md", line: 9, column: 6, "the link /posts/sign/ goes to a page the site does not have", hint: Self.linkHint),
            .warning("content/posts/a.md", line: 13, column: 7, "the link /posts/day-9/ goes to a page the site does not have", hint: Self.linkHint),
        ])
    }

    /// Lines count the front matter and CRLF line ends as one line each; columns count characters, not bytes.
    @Test func linesAreRightInACRLFFileAfterLongFrontMatter() throws {
        let frontMatter = ["title: \"Día uno\"", "date: 2026-10-01", "summary: \"S\"", "categories:", "  - Advocacy", "  - Legal Aid",
            "tags: [court]", "author: \"Ana\"", "kind: dispatch"]
        let text = "---\r\n" + frontMatter.joined(separator: "\r\n") + "\r\n---\r\nPrimera línea.\r\n\r\nSegún él, [aquí](/posts/nada/)\r\n"
            + "y  \r\n    también ![](b.png)\r\n"
        let site = try TemporarySite(files: ["content/posts/a.md": text])
        defer { site.remove() }
        let found = check(site).diagnostics
        #expect(found == [
            .warning("content/posts/a.md", line: 14, column: 11, "the link /posts/nada/ goes to a page the site does not have", hint: Self.linkHint),
            .error("content/posts/a.md", line: 16, column: 13, "the image b.png, at /posts/a/b.png, is not a file of the site",
                hint: "put the image in static/ and write its path below static/ (/images/rally.jpg), or put it beside the post's index.md and write its name"),
            .warning("content/posts/a.md", line: 16, column: 13, "the image b.png has no alt text, so readers who cannot see it learn nothing from it",
                hint: "describe what the image shows between the brackets: ![Volunteers holding a banner outside the court](b.png)"),
        ])
    }

    @Test func checkReportsAnImageWithoutAltText() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01", body: "![](/images/rally.jpg)\n\n![  ](/images/rally.jpg) ![A rally](/images/rally.jpg)"),
        ], images: ["static/images/rally.jpg": "phone.jpg"])
        defer { site.remove() }
        let hint = "describe what the image shows between the brackets: ![Volunteers holding a banner outside the court](/images/rally.jpg)"
        let message = "the image /images/rally.jpg has no alt text, so readers who cannot see it learn nothing from it"
        #expect(check(site).diagnostics == [
            .warning("content/posts/a.md", line: 5, column: 1, message, hint: hint),
            .warning("content/posts/a.md", line: 7, column: 1, message, hint: hint),
        ])
        #expect(try site.build().warnings == [])
    }

    /// A post keeps only the links the checks judge: an image of another host for its alt text,
    /// and no link to another host, scheme or place of the same page.
    @Test func anImageOfAnotherHostIsCheckedForAltTextAndOtherHostsLinksAreNotKept() throws {
        let body = "![](https://example.org/x.png) [a](https://example.org/) [b](#top) [c](mailto:x@y.z) [d](//cdn.example/)\n\n[e](/posts/a/)"
        let site = try TemporarySite(files: ["content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01", body: body)])
        defer { site.remove() }
        let message = "the image https://example.org/x.png has no alt text, so readers who cannot see it learn nothing from it"
        let hint = "describe what the image shows between the brackets: ![Volunteers holding a banner outside the court](https://example.org/x.png)"
        #expect(check(site).diagnostics.filter { $0.message.contains("alt text") } == [.warning("content/posts/a.md", line: 5, column: 1, message, hint: hint)])
        let options = site.options()
        let (config, _) = SiteConfig.load(from: options.source, baseURLOverride: nil)
        let parser = PostParser(config: config, rootPath: "/") { _, _ in true }
        let posts = ContentLoader(source: options.source, parser: parser).load().posts
        #expect(posts.map { $0.links.map(\.url) } == [["https://example.org/x.png", "/posts/a/"]])
    }

    /// The build's own errors are the check's findings too: a featured image without `image_alt`,
    /// an attachment that is not there.
    @Test func checkReportsTheBuildsErrors() throws {
        let site = try TemporarySite(files: [
            "content/posts/report/index.md": post("title: \"R\"\ndate: 2026-10-01\nimage: chart.svg"),
            "content/posts/report/chart.svg": "<svg/>",
            "content/posts/card/index.md": post("title: \"C\"\ndate: 2026-10-01\nattachments:\n  - file: card.pdf\n    label: \"Card\""),
        ])
        defer { site.remove() }
        let report = check(site)
        #expect(report.posts == 0)
        #expect(report.diagnostics == [
            .error("content/posts/card/index.md", line: 5, column: 11, "`attachments[1].file`: there is no file content/posts/card/card.pdf",
                hint: "put card.pdf beside index.md, or correct the name (letter case counts)"),
            .error("content/posts/report/index.md", line: 4, column: 8, "the image has no text alternative (`image_alt`)", hint: ResourceFields.altHint),
        ])
    }

    @Test func checkReportsAMissingTranslation() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01\ntranslation_key: \"clinic\""),
            "content/posts/b.md": post("title: \"B\"\ndate: 2026-10-01\ntranslation_key: \"vigil\""),
            "content/posts/b-es.md": post("title: \"B es\"\ndate: 2026-10-02\nlang: es\ntranslation_key: \"vigil\""),
            // Without translation_key a post is not meant to be translated.
            "content/posts/c.md": post("title: \"C\"\ndate: 2026-10-01"),
        ])
        defer { site.remove() }
        #expect(check(site).diagnostics == [
            .warning("content/posts/a.md", line: 4, "translation_key \"clinic\" has no published version in es, a language the site publishes in",
                hint: "write the translation as a post of its own with lang: es and translation_key: \"clinic\" (a draft or a post dated later counts once it is published); if this text will not be translated, remove translation_key"),
        ])
    }

    @Test func checkReportsATranslationDatedBeforeItsOriginal() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-02T09:00:00-05:00\ntranslation_key: \"clinic\""),
            "content/posts/a-es.md": post("title: \"A es\"\nlang: es\ntranslation_key: \"clinic\"\ndate: 2026-10-01"),
        ])
        defer { site.remove() }
        #expect(check(site).diagnostics == [
            .warning("content/posts/a-es.md", line: 5, column: 1,
                "this translation is dated 2026-10-01, before its original content/posts/a.md (2026-10-02T09:00:00-05:00)",
                hint: "date the translation at or after the original, so lists and feeds show the original first; or correct the original's date"),
        ])
    }

    @Test func checkReportsACategoryOnlyADraftHas() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01\ncategories: [Advocacy]"),
            "content/posts/appeal.md": post("title: \"Appeal\"\ndate: 2026-10-01\ndraft: true\ncategories: [Advocacy, Fundraising, Advocasy]"),
            "content/posts/later.md": post("title: \"Later\"\ndate: 2026-12-01\n\ncategories:\n  - Fundraising\n  - Elections"),
        ])
        defer { site.remove() }
        #expect(check(site).diagnostics == [
            .warning("content/posts/appeal.md", line: 5, column: 1, "the category \"Fundraising\" is empty: no published post has it, only drafts such as this one",
                hint: "the category gets its page, /categories/fundraising/, when a post that has it is published"),
            .warning("content/posts/appeal.md", line: 5, column: 1, "the category \"Advocasy\" is empty: no published post has it, only drafts such as this one",
                hint: "did you mean \"Advocacy\"? If not, the category gets its page, /categories/advocasy/, when a post that has it is published"),
            .warning("content/posts/later.md", line: 5, column: 1, "the category \"Elections\" is empty: no published post has it, only posts dated after now, such as this one",
                hint: "the category gets its page, /categories/elections/, when a post that has it is published"),
        ])
        // With --drafts the draft is published, and its categories with it.
        #expect(check(site, drafts: true).diagnostics.map(\.message) == [
            "the category \"Elections\" is empty: no published post has it, only posts dated after now, such as this one",
        ])
    }

    @Test func checkWritesNothingAndCountsThePosts() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01", body: "[B](/posts/b/)"),
            "content/posts/b.md": Self.other,
        ])
        defer { site.remove() }
        let report = check(site)
        #expect(report.posts == 2)
        #expect(report.diagnostics == [])
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.path).sorted() == ["content", "site.yml", "themes"])
    }

    /// cmark leaves out a continuation line's indentation, and counts a quote's `> ` on a lazy line.
    @Test func columnsFollowTheTextAsWritten() {
        let out = Markdown.render("A para\n    indented [a](/a/)\n\n> quote\nlazy  [b](/b/)\n\n- item\n      deeper ![c](/c.png)\n\né [d](/d/)")
        #expect(out.links == [
            PostLink(url: "/a/", kind: .link, line: 2, column: 14),
            PostLink(url: "/b/", kind: .link, line: 5, column: 7),
            PostLink(url: "/c.png", kind: .image, line: 8, column: 14),
            PostLink(url: "/d/", kind: .link, line: 10, column: 3),
        ])
    }

    @Test func dotSegmentsAndPercentEncoding() {
        #expect(LinkTargets.removingDotSegments("posts/a/../b/./c") == "posts/b/c")
        #expect(LinkTargets.removingDotSegments("posts/a/../../../x") == nil)
        #expect(LinkTargets.percentDecoded("d%C3%ADa%2") == "día%2")
    }
}
