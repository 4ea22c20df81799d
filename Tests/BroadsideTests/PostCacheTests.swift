import Foundation
import Testing

@testable import Broadside

/// A rebuild takes the posts whose files did not change from `.broadside-cache/posts` instead of
/// parsing them again, and its output is the same as a build that parsed every post.
@Suite struct PostCacheTests {
    static let richPost = """
        ---
        title: "Day 2: Pack the court"
        date: 2026-10-02T09:30:00-05:00
        updated: 2026-10-03
        kind: event
        author: [Ana, Bo]
        categories: [Legal aid]
        tags: [court, vigil]
        series: Week of action
        series_day: 2
        translation_key: day-2
        aliases: [/old/day-2/]
        featured: true
        event:
          start: 2026-10-05T18:00:00Z
          location: "Plaza"
        colour: [red, {shade: dark, tone: 3}]
        ---
        Read [the guide](/posts/guide/) and ![A map](/images/map.jpg "Map").

        ```stat
        figure: "23,753"
        label: people detained
        ```

        ```action
        title: Call your senator
        phone: (202) 555-0143
        ```

        ```callout
        text: Bring **water**.
        ```
        """

    @Test func aPostIsReadBackAsItWasParsed() throws {
        let config = SiteConfig()
        let parser = PostParser(config: config, rootPath: "/") { _, _ in true }
        let (parsed, diagnostics) = parser.parse(Self.richPost, file: "content/posts/day-2.md", fileStem: "day-2")
        let post = try #require(parsed, "\(diagnostics)")
        #expect(!post.blocks.isEmpty && post.event != nil && !post.params.isEmpty && !post.links.isEmpty && !post.images.isEmpty)
        let said = [Diagnostic.warning("content/posts/day-2.md", line: 3, column: 8, "a warning", hint: nil)]
        // Every field of a post is written (`PostRecord`): a field added to `Post` must be added there too.
        #expect(Mirror(reflecting: post).children.count == 35)
        var page = post
        page.page = "about"
        (page.isDated, page.searchable, page.draft, page.seriesDayLine, page.translationKeyColumn) = (false, false, true, 7, 9)
        // The links are written field by field (most posts have some): an image without alt text too.
        page.links.append(PostLink(url: "photo.jpg", kind: .image, line: -1, column: 3, missingAlt: true))
        page.resources.attachments = [Attachment(label: "Report", file: PostResource(written: "report.pdf", place: .postFolder, mediaType: "application/pdf"))]
        for (post, said) in [(post, said), (page, [])] {
            let bytes = try PostRecord.encode(PostCache.Entry(post: post, diagnostics: said, fields: post.fieldsDigest))
            var back = try bytes.withUnsafeBytes { try PostRecord.decode($0) }
            #expect(back.post.html == "")
            back.post.body = post.body
            #expect(back.post == post)
            #expect(back.diagnostics == said)
            // The fields' digest as parsed, and the post read back digests the same.
            #expect(back.fields != nil && back.fields == post.fieldsDigest && back.post.fieldsDigest == post.fieldsDigest)
            // Cut short or grown: not read back.
            #expect(throws: (any Error).self) { try bytes.dropLast().withUnsafeBytes { try PostRecord.decode($0) } }
            #expect(throws: (any Error).self) { try (bytes + [0]).withUnsafeBytes { try PostRecord.decode($0) } }
        }
    }

    struct Sample: Codable, Equatable {
        var negative = -5
        var largest = UInt64.max
        var smallest = Int8.min
        var fraction: Float = 1.5
        var double = -0.1
        var flag = true
        var missing: String? = nil
        var present: Int? = 0
        var nested: [String: [Int?]] = ["b": [1, nil, -3], "a": []]
        var text = "État, 🙂"
    }

    @Test func aPostIsFoundByItsPathAndEveryByteOfIt() {
        let bytes = Data(Self.richPost.utf8)
        let digest = PostCache.digest(of: "content/posts/day-2.md", bytes: bytes)
        #expect(digest.count == 32 && digest.allSatisfy(\.isHexDigit))
        #expect(PostCache.digest(of: "content/posts/day-2.md", bytes: bytes) == digest)
        #expect(PostCache.digest(of: "content/posts/day-3.md", bytes: bytes) != digest)
        var edited = bytes
        edited[edited.count - 3] ^= 1
        #expect(PostCache.digest(of: "content/posts/day-2.md", bytes: edited) != digest)
        #expect(PostCache.digest(of: "content/posts/day-2.md", bytes: bytes.dropLast()) != digest)
        #expect(PageDigest(high: 0x0123_4567_89AB_CDEF, low: 0xFEDC_BA98_7654_3210).hex == "0123456789abcdeffedcba9876543210")
    }

    @Test func theEncodingKeepsEveryValue() throws {
        let sample = Sample()
        let bytes = try BinaryCoder.encode(sample)
        #expect(try bytes.withUnsafeBytes { try BinaryCoder.decode(Sample.self, from: $0) } == sample)
        // Nested deeper than any post's values: refused, not read to the end of the stack.
        struct Nest: Codable { var children: [Nest] }
        var deep: [UInt8] = []
        func word(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { deep += $0 } }
        for _ in 0..<300 {
            deep.append(8); word(1); word(8); deep += Array("children".utf8)  // { "children":
            deep.append(7); word(1)  // [ one element
        }
        deep.append(8); word(1); word(8); deep += Array("children".utf8); deep.append(7); word(0)
        #expect(throws: (any Error).self) { try deep.withUnsafeBytes { try BinaryCoder.decode(Nest.self, from: $0) } }
        // Read as another type: refused, not mixed up.
        #expect(throws: (any Error).self) { try bytes.withUnsafeBytes { try BinaryCoder.decode(Diagnostic.self, from: $0) } }
    }

    func site() throws -> TemporarySite {
        try TemporarySite(files: [
            "site.yml": "title: \"Cached\"\nbase_url: \"https://example.org/\"\n",
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01\ncategories: [Legal aid]", body: "The *first* post: [b](/posts/b/)."),
            "content/posts/b.md": post("title: \"B\"\ndate: 2026-10-02\ntags: [court]\nsummary: \"About B # not a comment\""),
            "content/posts/day-2.md": Self.richPost,
            // Dated after the tests' now (2026-11-23).
            "content/posts/later.md": post("title: \"Later\"\ndate: 2026-12-01"),
            "content/posts/report/index.md": post("title: \"Report\"\ndate: 2026-10-03"),
            "content/posts/report/report.pdf": "%PDF-1.4",
        ])
    }

    /// A whole build (not "nothing changed"), at `now`.
    func build(_ site: TemporarySite, now: Date = testNow, future: Bool = false) throws -> BuildReport {
        var options = site.options(future: future)
        options.wholeBuild = true
        options.now = now
        return try Build.run(options)
    }

    @Test func aRebuildParsesOnlyWhatChanged() throws {
        let site = try site()
        defer { site.remove() }
        let first = try build(site)
        #expect(first.postsFromCache == 0)
        let parsed = try tree(site.output)
        // Every post but the one in a folder of its own (files beside it may change) and the one
        // left out for its date (never kept).
        #expect(try build(site).postsFromCache == 3)
        #expect(try tree(site.output) == parsed)

        try site.write("content/posts/b.md", post("title: \"B, edited\"\ndate: 2026-10-02\ntags: [court]"))
        #expect(try build(site).postsFromCache == 2)
        #expect(try site.read("posts/b/index.html").contains("B, edited"))
        // The edit back: its first record is still there.
        try site.write("content/posts/b.md", post("title: \"B\"\ndate: 2026-10-02\ntags: [court]\nsummary: \"About B # not a comment\""))
        #expect(try build(site).postsFromCache == 3)
        #expect(try tree(site.output) == parsed)
    }

    @Test func whatIsPublishedIsDecidedAgain() throws {
        let site = try site()
        defer { site.remove() }
        try build(site, future: true)
        // Kept when it was published; now before its date, it is left out again.
        let report = try build(site)
        #expect(report.postsFromCache == 3 && report.futureLeftOut == 1 && !site.exists("posts/later/index.html"))
        #expect(try build(site, now: Date(timeIntervalSince1970: 1_800_000_000)).futureLeftOut == 0)
        #expect(site.exists("posts/later/index.html"))
    }

    @Test func anotherKeyOrADamagedRecordIsParsedAgain() throws {
        let site = try site()
        defer { site.remove() }
        try build(site)
        let parsed = try tree(site.output)
        let cache = site.root.appendingPathComponent(PostCache.path)
        // The file's last byte is the last record's HTML, which its digest checks: that post alone is parsed again.
        var last = try Data(contentsOf: cache)
        last[last.count - 1] ^= 0x20
        try last.write(to: cache)
        #expect(try build(site).postsFromCache == 2)
        #expect(try tree(site.output) == parsed)
        var bytes = try Data(contentsOf: cache)
        // A byte of every record's HTML or encoding changed: each fails its check sum.
        for index in stride(from: bytes.count - 1, to: 200, by: -97) { bytes[index] ^= 0x20 }
        try bytes.write(to: cache)
        #expect(try build(site).postsFromCache < 3)
        #expect(try tree(site.output) == parsed)

        try site.write("site.yml", "title: \"Cached, renamed\"\nbase_url: \"https://example.org/\"\n")
        #expect(try build(site).postsFromCache == 0)
        #expect(try build(site).postsFromCache == 3)
        try site.write(".broadside-cache/posts", "not a cache")
        #expect(try build(site).postsFromCache == 0)
        #expect(try site.read("index.html").contains("Cached, renamed"))
    }

    @Test func aCacheMostlyOfOldRecordsIsWrittenAnew() throws {
        let site = try site()
        defer { site.remove() }
        let big = String(repeating: "Words of a long post. ", count: 20_000)
        for index in 0..<5 {
            try site.write("content/posts/b.md", post("title: \"B\"\ndate: 2026-10-02", body: "\(index) \(big)"))
            try build(site)
        }
        let cache = site.root.appendingPathComponent(PostCache.path).path
        let size = try #require(FileManager.default.attributesOfItem(atPath: cache)[.size] as? Int)
        // Five versions of a 440 KB post were written; the old ones went when the file was written anew.
        #expect(size < 600_000)
        #expect(try build(site).postsFromCache == 3)
    }

    @Test func nothingIsWrittenThroughALink() throws {
        let site = try site()
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("outside-\(UUID().uuidString)")
        defer { site.remove(); try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        // The cache file a link to a file outside the site: not created there, not used.
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent(".broadside-cache"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent(PostCache.path).path,
            withDestinationPath: outside.appendingPathComponent("posts").path)
        try build(site)
        #expect(try build(site).postsFromCache == 0)
        #expect(!FileManager.default.fileExists(atPath: outside.appendingPathComponent("posts").path))
        // The cache folder a link to a folder outside: nothing is written there, by any cache
        // (the posts', the build record, the photos' sources' digests).
        try FileManager.default.removeItem(at: site.root.appendingPathComponent(".broadside-cache"))
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent(".broadside-cache").path,
            withDestinationPath: outside.path)
        try build(site)
        #expect(try build(site).postsFromCache == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
        #expect(site.exists("posts/a/index.html"))
        // A photo is published from its cache: the build stops and says what to do.
        try site.copy(image: "phone.jpg", to: "static/photos/phone.jpg")
        let said = site.failure().first { $0.message.contains("cache") }
        #expect(said?.message == "the image cache .broadside-cache/images/ cannot be written")
        #expect(said?.hint?.hasSuffix(".broadside-cache is a link, which Broadside does not write through (it could lead out of the site): delete the link; the folder is made again") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
    }
}

