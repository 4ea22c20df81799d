import Foundation
import Testing

@testable import Broadside

/// A build of the same inputs into an untouched output writes nothing and reads no post; any
/// change to the site's files, the output, the options or the time that matters is a whole build.
@Suite struct BuildRecordTests {
    func site() throws -> TemporarySite {
        try TemporarySite(files: [
            "site.yml": "title: \"Recorded\"\nbase_url: \"https://example.org/\"\n",
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01\ncategories: [Legal aid]"),
            // Dated after the tests' now (2026-11-23): it is published once now passes its date.
            "content/posts/later.md": post("title: \"Later\"\ndate: 2026-12-01"),
            "content/posts/vigil.md": post("title: \"Vigil\"\ndate: 2026-10-02\nkind: event\nevent:\n  start: 2026-11-30T18:00:00Z\n  location: \"Plaza\""),
        ])
    }

    /// Waits until the site's files are older than what the record can tell apart (10 ms here).
    func settle() { Thread.sleep(forTimeInterval: 0.05) }

    @Test func theSameInputsWriteNothing() throws {
        let site = try site()
        defer { site.remove() }
        settle()
        let first = try site.build()
        #expect(!first.unchanged)
        let bytes = try tree(site.output)
        let second = try site.build()
        #expect(second.unchanged && second.pages == first.pages && second.feeds == first.feeds)
        #expect(second.futureLeftOut == 1 && second.leftOutPosts.map(\.source) == ["content/posts/later.md"])
        #expect(try tree(site.output) == bytes)
    }

    @Test func anEditedPostIsAWholeBuild() throws {
        let site = try site()
        defer { site.remove() }
        settle()
        try site.build()
        try site.write("content/posts/a.md", post("title: \"A, edited\"\ndate: 2026-10-01\ncategories: [Legal aid]"))
        settle()
        #expect(try !site.build().unchanged)
        #expect(try site.read("posts/a/index.html").contains("A, edited"))
        // A new file, and a file removed.
        try site.write("static/notes.txt", "notes")
        #expect(try !site.build().unchanged && site.exists("notes.txt"))
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("static/notes.txt"))
        #expect(try !site.build().unchanged && !site.exists("notes.txt"))
    }

    /// An update in place stamps again only the output's entries it changed: the record then
    /// holds what a walk of the output finds, and the next build of the same inputs writes nothing.
    @Test func anUpdateInPlaceKeepsTheOutputsStampsAsAWalkWould() throws {
        let site = try site()
        defer { site.remove() }
        settle()
        try site.build()
        let edits: [() throws -> Void] = [
            { try site.write("content/posts/a.md", post("title: \"A, edited\"\ndate: 2026-10-01\ncategories: [Legal aid]")) },
            // New folders: a post, its category, its calendar.
            { try site.write("content/posts/b.md", post("title: \"B\"\ndate: 2026-10-03\ncategories: [Vigils]")) },
            // Files deleted, with the folders they leave empty.
            { try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/posts/b.md")) },
        ]
        for edit in edits {
            try edit()
            settle()
            let report = try site.build()
            #expect(!report.unchanged && report.filesUnchanged > 0)
            let record = try #require(BuildRecord.previous(site.options()))
            #expect(record.outputs.digest == FileStamps.of(record.output, follow: false)?.digest)
            settle()
            #expect(try site.build().unchanged)
        }
        #expect(try !site.exists("categories/vigils/index.html") && site.read("posts/a/index.html").contains("A, edited"))
    }

    @Test func aTouchedOutputIsAWholeBuild() throws {
        let site = try site()
        defer { site.remove() }
        settle()
        try site.build()
        let page = site.output.appendingPathComponent("posts/a/index.html")
        try FileManager.default.removeItem(at: page)
        #expect(try !site.build().unchanged && site.exists("posts/a/index.html"))
        settle()
        try site.build()
        try Data("changed by hand".utf8).write(to: page)
        #expect(try !site.build().unchanged && !site.read("posts/a/index.html").contains("changed by hand"))
    }

    @Test func otherOptionsOrALaterNowThatMattersAreAWholeBuild() throws {
        let site = try site()
        defer { site.remove() }
        settle()
        try site.build()
        #expect(try !site.build(future: true).unchanged)
        #expect(try site.build(future: true).unchanged)
        #expect(try !site.build(baseURL: "https://other.example/").unchanged)
        try site.build()
        // Before the event is over and the later post is due: the same site.
        var options = site.options()
        options.now = testNow.addingTimeInterval(86_400)
        #expect(try Build.run(options).unchanged)
        // Past the later post's date (and the event's end): it is published.
        options.now = PostDate.parse("2026-12-02T00:00:00Z", timeZone: TimeZone(identifier: "UTC")!)!.date
        let later = try Build.run(options)
        #expect(!later.unchanged && later.futureLeftOut == 0 && site.exists("posts/later/index.html"))
        // An earlier now than the record's is never taken for it.
        #expect(try !site.build().unchanged && !site.exists("posts/later/index.html"))
    }

    /// A stopped build's folder beside the output, or a photo cache entry gone: a whole build
    /// puts each right.
    @Test func leftoversAndAPhotoCacheEntryGoneAreAWholeBuild() throws {
        let site = try site()
        defer { site.remove() }
        try site.copy(image: "banner.jpg", to: "static/images/banner.jpg")
        settle()
        try site.build()
        let leftover = site.root.appendingPathComponent(".site.tmp-999999")
        try FileManager.default.createDirectory(at: leftover, withIntermediateDirectories: false)
        #expect(try !site.build().unchanged && !FileManager.default.fileExists(atPath: leftover.path))
        let cache = site.root.appendingPathComponent(ImageCache.folderName)
        #expect(try site.build().unchanged)
        let entry = try #require(FileManager.default.contentsOfDirectory(atPath: cache.path).sorted().first)
        try FileManager.default.removeItem(at: cache.appendingPathComponent(entry))
        let rebuilt = try site.build()
        #expect(!rebuilt.unchanged && rebuilt.imagesProcessed == 1)
    }

    @Test func aDamagedRecordIsNotTrusted() throws {
        let site = try site()
        defer { site.remove() }
        settle()
        try site.build()
        let record = site.root.appendingPathComponent(BuildRecord.path)
        let text = try String(contentsOf: record, encoding: .utf8)
        let edited = text.replacingOccurrences(of: #""pages":\d+"#, with: "\"pages\":999", options: .regularExpression)
        #expect(edited != text)
        try edited.write(to: record, atomically: true, encoding: .utf8)
        #expect(try !site.build().unchanged)
        try "{".write(to: record, atomically: true, encoding: .utf8)
        #expect(try !site.build().unchanged)
    }
}
