import Foundation
import Testing

@testable import Broadside

/// A build keeps the posts' HTML in a file without a name beside the output, not in memory:
/// pages show the same text, nothing is left beside the output, and HTML that cannot be read
/// back fails the build instead of writing pages without it.
@Suite struct PostHTMLTests {
    @Test func spilledHTMLReadsBackAsWritten() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(at: folder) }
        let spill = try #require(HTMLSpill(beside: folder.appendingPathComponent("site").path))
        let texts = ["<p>Año de la detención: «sí».</p>\n", "", "<p>2</p>", String(repeating: "<p>x</p>", count: 5_000)]
        let kept = texts.map { PostHTML($0).spilled(into: spill) }
        #expect(kept.map(\.text) == texts)
        #expect(kept[0] == PostHTML(texts[0]) && kept[0] != kept[2])
        #expect(spill.problems.isEmpty)
        // Nothing named beside the output: the file has no name, or lost it at once.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func htmlThatCannotBeReadBackIsAnError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(at: folder) }
        let spill = try #require(HTMLSpill(beside: folder.appendingPathComponent("site").path))
        // Past the file's end, as a read cut short by the disk would be.
        #expect(spill.read(offset: 100, count: 10).isEmpty)
        #expect(spill.problems == [.error(nil, "could not read the posts' text back from the build's temporary file: Input/output error",
            hint: "check the disk that holds the output folder, then build again")])
    }

    /// The loader hands every post's HTML to the spill it is given, and keeps it otherwise.
    @Test func loadedPostsAreSpilled() throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        let options = site.options()
        let (config, _) = SiteConfig.load(from: options.source, baseURLOverride: nil)
        let parser = PostParser(config: config, rootPath: "/") { draft, date in !draft && date.date <= options.now }
        let kept = ContentLoader(source: options.source, parser: parser).load().posts
        let spill = try #require(HTMLSpill(beside: site.output.path))
        let spilled = ContentLoader(source: options.source, parser: parser, spill: spill).load().posts
        #expect(kept.count > 3 && kept.allSatisfy { !$0.body.isSpilled })
        #expect(spilled.allSatisfy { $0.body.isSpilled || $0.html.isEmpty })
        #expect(spilled.map(\.html) == kept.map(\.html))
    }

    @Test func pagesAndFeedsShowTheSpilledText() throws {
        let site = try TemporarySite(files: [
            "site.yml": "title: \"Spilled\"\nbase_url: \"https://example.org/\"\n",
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01", body: "Las familias **esperan** en la estación."),
        ])
        defer { site.remove() }
        try site.build()
        let page = try String(contentsOf: site.output.appendingPathComponent("posts/a/index.html"), encoding: .utf8)
        #expect(page.contains("<p>Las familias <strong>esperan</strong> en la estación.</p>"))
        let feed = try String(contentsOf: site.output.appendingPathComponent("feed.xml"), encoding: .utf8)
        #expect(feed.contains("&lt;p&gt;Las familias &lt;strong&gt;esperan&lt;/strong&gt; en la estación.&lt;/p&gt;"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".broadside-html") }.isEmpty)
    }
}
