import Foundation
import Testing

@testable import Broadside

/// Post folders, attachments and featured images: what a reader sees on the page, which files
/// are published when, and the errors an editor gets.
@Suite struct PostResourcesTests {
    /// A file of `bytes` bytes: only its size shows on the page.
    static func bytes(_ count: Int) -> String { String(repeating: "x", count: count) }

    static let report = """
        title: "Court Watch Report"
        date: 2026-10-01
        kind: report
        attachments:
          - file: report.pdf
            label: "Court Watch Report"
          - file: /files/guide.docx
            label: "Volunteer guide"
          - file: "https://data.example.org/hearings.csv"
            label: "Hearing data"
        """

    @Test func attachmentsAreLinkedWithTheirTypeAndSizeInEnglish() throws {
        let site = try TemporarySite(files: [
            "content/posts/court-report/index.md": post(Self.report),
            "content/posts/court-report/report.pdf": Self.bytes(2_345_678),
            "static/files/guide.docx": Self.bytes(940_000),
        ])
        defer { site.remove() }
        try site.build()
        #expect(try site.read("posts/court-report/index.html").contains("""
            <section class="attachments">
            <h2>Downloads</h2>
            <ul>
            <li><a href="/posts/court-report/report.pdf" type="application/pdf" dir="auto">Court Watch Report (PDF, 2.3 MB)</a></li>
            <li><a href="/files/guide.docx" type="application/vnd.openxmlformats-officedocument.wordprocessingml.document" dir="auto">Volunteer guide (Word document, 940 KB)</a></li>
            <li><a href="https://data.example.org/hearings.csv" type="text/csv" dir="auto">Hearing data (Spreadsheet)</a></li>
            </ul>
            </section>
            """))
        #expect(try tree(site.output)["posts/court-report/report.pdf"] == Data(Self.bytes(2_345_678).utf8))
    }

    @Test func attachmentsAreLinkedInTheReadersLanguage() throws {
        let site = try TemporarySite(files: [
            "content/posts/informe/index.md": post(Self.report + "\nlang: es"),
            "content/posts/informe/report.pdf": Self.bytes(2_345_678),
            "static/files/guide.docx": Self.bytes(999),
        ])
        defer { site.remove() }
        try site.build()
        #expect(try site.read("posts/informe/index.html").contains("""
            <h2>Descargas</h2>
            <ul>
            <li><a href="/posts/informe/report.pdf" type="application/pdf" dir="auto">Court Watch Report (PDF, 2,3 MB)</a></li>
            <li><a href="/files/guide.docx" type="application/vnd.openxmlformats-officedocument.wordprocessingml.document" dir="auto">Volunteer guide (Documento de Word, 999 bytes)</a></li>
            <li><a href="https://data.example.org/hearings.csv" type="text/csv" dir="auto">Hearing data (Hoja de cálculo)</a></li>
            </ul>
            """))
    }

    @Test func aPostWithoutAttachmentsHasNoDownloadsSection() throws {
        let site = try TemporarySite(files: ["content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01")])
        defer { site.remove() }
        try site.build()
        #expect(!(try site.read("posts/a/index.html").contains("attachments")))
    }

    @Test func aPostFolderIsNamedByItsFolderAndPublishesItsFilesButNotLeftovers() throws {
        let site = try TemporarySite(files: [
            "content/posts/2026/vigil-photos/index.md": post("title: \"Vigil\"\ndate: 2026-10-01"),
            "content/posts/2026/vigil-photos/.DS_Store": "finder",
            "content/posts/2026/vigil-photos/.index.md.swp": "vim",
            "content/posts/2026/vigil-photos/candles.png~": "backup",
            "content/posts/2026/vigil-photos/raw/big.tif": "not published",
        ], images: ["content/posts/2026/vigil-photos/candles.png": "label.png"])
        defer { site.remove() }
        try site.build()
        let files = try tree(site.output).keys.filter { $0.hasPrefix("posts/") }.sorted()
        #expect(files == ["posts/vigil-photos/candles.png", "posts/vigil-photos/index.html"])
        #expect(try site.read(Manifest.fileName).contains("posts/vigil-photos/candles.png\n"))
    }

    @Test func filesOfADraftOrFuturePostArePublishedOnlyWithThePost() throws {
        let site = try TemporarySite(files: [
            "content/posts/embargoed/index.md": post(Self.report.replacingOccurrences(of: "2026-10-01", with: "2027-01-15")),
            "content/posts/embargoed/report.pdf": Self.bytes(10),
            "content/posts/draft-letter/index.md": post("title: \"Letter\"\ndate: 2026-10-01\ndraft: true\nattachments:\n  - file: letter.pdf\n    label: \"Letter\""),
            "content/posts/draft-letter/letter.pdf": Self.bytes(10),
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-02"),
            "static/files/guide.docx": Self.bytes(10),
        ])
        defer { site.remove() }
        try site.build()
        #expect(!site.exists("posts/embargoed/report.pdf") && !site.exists("posts/embargoed/index.html"))
        #expect(!site.exists("posts/draft-letter/letter.pdf") && !site.exists("posts/draft-letter/index.html"))

        try site.build(drafts: true, future: true)
        #expect(site.exists("posts/embargoed/report.pdf") && site.exists("posts/draft-letter/letter.pdf"))
    }

    @Test func aDraftsMissingFileIsNotLookedForUntilItIsPublished() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-02"),
            "content/posts/b/index.md": post("title: \"B\"\ndate: 2026-10-01\ndraft: true\nattachments:\n  - file: later.pdf\n    label: \"Later\""),
        ])
        defer { site.remove() }
        try site.build()
        #expect(throws: BuildFailure.self) { try site.build(drafts: true) }
    }

    @Test func theFeaturedImageIsAFigureWithItsAltTextAndCredit() throws {
        let site = try TemporarySite(files: [
            "content/posts/vigil/index.md": post("""
                title: "Vigil"
                date: 2026-10-01
                image: candles.svg
                image_alt: "Candles along a fence, with a sign that reads \\"Free them all\\""
                image_credit: "Puentes Network"
                """),
            "content/posts/vigil/candles.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
            "content/posts/pattern.md": post("""
                title: "Patrón"
                date: 2026-10-02
                lang: es
                image: /img/pattern.png
                image_alt: ""
                image_decorative: true
                image_credit: "Ana Ruiz"
                """),
        ], images: ["static/img/pattern.png": "label.png"])
        defer { site.remove() }
        try site.build()
        // The PNG is 8 × 6 pixels: one size, its own, as WebP and PNG, and a share copy, named by content.
        let made = try tree(site.output).keys.filter { $0.hasPrefix("img/") }.sorted()
        #expect(made.count == 4 && made.last == "img/pattern.png")
        let webp = try #require(made.first { $0.hasSuffix(".webp") })
        let png = try #require(made.first { $0.hasPrefix("img/pattern-8.") && $0.hasSuffix(".png") })
        #expect(try site.read("posts/vigil/index.html").contains("""
            </header>
            <figure class="post-image">
            <img src="/posts/vigil/candles.svg" alt="Candles along a fence, with a sign that reads &quot;Free them all&quot;">
            <figcaption dir="auto">Image: Puentes Network</figcaption>
            </figure>
            <div class="post-content">
            """))
        #expect(try site.read("posts/pattern/index.html").contains("""
            <figure class="post-image">
            <picture><source type="image/webp" srcset="/\(webp) 8w" sizes="(min-width: 760px) 712px, 100vw"><img src="/\(png)" \
            srcset="/\(png) 8w" sizes="(min-width: 760px) 712px, 100vw" width="8" height="6" alt=""></picture>
            <figcaption dir="auto">Imagen: Ana Ruiz</figcaption>
            </figure>
            """))
    }

    @Test func anImageOnAnotherHostIsAWarningAboutReadersPrivacy() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01\nimage: \"https://cdn.example.com/a.jpg\"\nimage_alt: \"A march\""),
        ])
        defer { site.remove() }
        let report = try site.build()
        #expect(report.warnings == [
            .warning("content/posts/a.md", line: 4, column: 8,
                "the image is on another host, so every reader's browser will contact that host when the page opens, telling it who reads the post",
                hint: "download the image and put it in the post's folder, beside index.md, then write image: with its name")
        ])
        #expect(try site.read("posts/a/index.html").contains("<img src=\"https://cdn.example.com/a.jpg\" alt=\"A march\">"))
    }

    // MARK: - Errors

    /// Builds a good site, breaks it with `files`, and returns the errors; the first site must survive.
    func errors(_ files: [String: String], sourceLocation: SourceLocation = #_sourceLocation) throws -> [Diagnostic] {
        let site = try TemporarySite(files: ["content/posts/ok.md": post("title: \"OK\"\ndate: 2026-10-01")])
        defer { site.remove() }
        try site.build()
        let before = try tree(site.output)
        for (path, text) in files { try site.write(path, text) }
        let diagnostics = site.failure(sourceLocation: sourceLocation)
        #expect(try tree(site.output) == before, "the previous site changed", sourceLocation: sourceLocation)
        return diagnostics
    }

    static let fileHint = "write file: report.pdf (a file beside index.md), file: /files/report.pdf (static/files/report.pdf) or an https:// URL"

    @Test func aMissingFileIsAnErrorAtItsValue() throws {
        #expect(try errors([
            "content/posts/r/index.md": post("title: \"R\"\ndate: 2026-10-01\nattachments:\n  - file: report.pdf\n    label: \"Report\"\n  - file: /files/gone.pdf\n    label: \"Gone\""),
        ]) == [
            .error("content/posts/r/index.md", line: 5, column: 11, "`attachments[1].file`: there is no file content/posts/r/report.pdf",
                hint: "put report.pdf beside index.md, or correct the name (letter case counts)"),
            .error("content/posts/r/index.md", line: 7, column: 11, "`attachments[2].file`: there is no file static/files/gone.pdf",
                hint: "a path that starts with / is looked for in static/: put the file at static/files/gone.pdf, or correct the path (letter case counts)"),
        ])
    }

    @Test func aMissingImageIsAnErrorAtItsValue() throws {
        #expect(try errors([
            "content/posts/r/index.md": post("title: \"R\"\ndate: 2026-10-01\nimage: banner.png\nimage_alt: \"A banner\""),
        ]) == [
            .error("content/posts/r/index.md", line: 4, column: 8, "`image`: there is no file content/posts/r/banner.png",
                hint: "put banner.png beside index.md, or correct the name (letter case counts)"),
        ])
    }

    @Test func aNameBesideASingleFilePostIsAnError() throws {
        #expect(try errors([
            "content/posts/r.md": post("title: \"R\"\ndate: 2026-10-01\nimage: banner.png\nimage_alt: \"A banner\""),
        ]) == [
            .error("content/posts/r.md", line: 4, column: 8,
                "`image`: banner.png would be a file beside the post, but the post is a single file, not a folder",
                hint: "make the post a folder, content/posts/<slug>/index.md, with banner.png beside index.md; or put the file in static/ and write /banner.png"),
        ])
    }

    @Test func aPathOutOfStaticIsRefused() throws {
        #expect(try errors([
            "content/posts/r.md": post("title: \"R\"\ndate: 2026-10-01\nattachments:\n  - file: /../site.yml\n    label: \"Settings\""),
        ]) == [
            .error("content/posts/r.md", line: 5, column: 11, "`attachments[1].file`: /../site.yml is not a path of a file under static/",
                hint: "write the file's path below static/ with a / in front, such as /files/report.pdf for static/files/report.pdf"),
        ])
    }

    @Test func anImageWithoutAltTextIsAnError() throws {
        let hint = ResourceFields.altHint
        #expect(try errors([
            "content/posts/a/index.md": post("title: \"A\"\ndate: 2026-10-01\nimage: a.png"),
            "content/posts/a/a.png": "png",
            "content/posts/b/index.md": post("title: \"B\"\ndate: 2026-10-01\nimage: b.png\nimage_alt: \"\""),
            "content/posts/b/b.png": "png",
        ]) == [
            .error("content/posts/a/index.md", line: 4, column: 8, "the image has no text alternative (`image_alt`)", hint: hint),
            .error("content/posts/b/index.md", line: 5, column: 12,
                "`image_alt` is empty, so readers who cannot see the image learn nothing from it", hint: hint),
        ])
    }

    @Test func unsafeURLsAreRefused() throws {
        #expect(try errors([
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01\nimage: \"javascript:alert(1)\"\nimage_alt: \"x\"\nattachments:\n  - file: \"mailto:a@example.org\"\n    label: \"Mail\""),
        ]) == [
            .error("content/posts/a.md", line: 7, column: 11, "`attachments[1].file`: mailto:a@example.org is a mailto: link, not a file",
                hint: "use an https:// URL, a file beside index.md, or a path under static/ that starts with /"),
            .error("content/posts/a.md", line: 4, column: 8, "`image`: javascript:alert(1) cannot be published: it is a javascript: URL",
                hint: "use an https:// URL, a file beside index.md, or a path under static/ that starts with /"),
        ])
    }

    @Test func attachmentsNeedAFileAndALabelAndNothingElse() throws {
        #expect(try errors([
            "content/posts/a.md": post("""
                title: "A"
                date: 2026-10-01
                attachments:
                  - file: "https://example.org/a.pdf"
                    title: "A"
                  - label: "B"
                  - "c.pdf"
                """),
        ]) == [
            .error("content/posts/a.md", line: 6, column: 5, "attachment 1 has an unknown key `title`", hint: "an attachment has only file: and label:"),
            .error("content/posts/a.md", line: 5, column: 5, "attachment 1 has no `label`",
                hint: "add label: \"Court Watch Report\", the words readers click to download it"),
            .error("content/posts/a.md", line: 7, column: 5, "attachment 2 has no `file`", hint: Self.fileHint),
            .error("content/posts/a.md", line: 8, column: 5, "attachment 3 must be a file: and a label:",
                hint: Self.fileHint + ", then label: \"Court Watch Report\" on the next line"),
        ])
    }

    @Test func anIndexFileWithoutAFolderIsAnError() throws {
        #expect(try errors(["content/posts/index.md": post("title: \"Welcome\"\ndate: 2026-10-01")]) == [
            .error("content/posts/index.md", "an index.md directly in content/posts/ belongs to no post folder",
                hint: "move it into a folder named after the post, content/posts/<slug>/index.md, or give it a name of its own such as content/posts/welcome.md"),
        ])
    }

    @Test func aFileThatWouldReplaceThePostsPageIsAnError() throws {
        #expect(try errors([
            "content/posts/a/index.md": post("title: \"A\"\ndate: 2026-10-01"),
            "content/posts/a/index.html": "<p>old export</p>",
        ]) == [
            .error("content/posts/a/index.html", "this file beside the post would be published at /posts/a/index.html, where the post's page is written",
                hint: "rename the file"),
        ])
    }

    @Test func aLinkOutOfTheSiteBesideAPostIsRefused() throws {
        let site = try TemporarySite(files: ["content/posts/a/index.md": post("title: \"A\"\ndate: 2026-10-01\nattachments:\n  - file: secret.pdf\n    label: \"Secret\"")])
        defer { site.remove() }
        try FileManager.default.createSymbolicLink(atPath: site.root.path + "/content/posts/a/secret.pdf", withDestinationPath: "/etc/hostname")
        let errors = site.failure().filter { $0.severity == .error }
        #expect(errors.map(\.file) == ["content/posts/a/secret.pdf"])
        #expect(errors.first?.message.hasPrefix("this link leads outside the site folder") == true)
    }

    @Test func filesBesideAPostAreShapedLikeASitesOwn() {
        #expect(OutputFolder.hasPageShape("posts/court-report/report.pdf"))
        #expect(!OutputFolder.hasPageShape("posts/court-report/raw/big.tif"))
    }
}
