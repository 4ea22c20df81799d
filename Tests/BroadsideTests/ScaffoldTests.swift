import Foundation
import Testing

@testable import Broadside

/// `broadside init` and `broadside new` as an editor meets them: the files written, word for
/// word where an editor reads them, the refusals, and that what they write builds.
@Suite struct ScaffoldTests {
    /// An empty temporary folder. A new site has no `themes/`: it builds with the built-in theme.
    static func emptyFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("broadside-scaffold-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func read(_ root: URL, _ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func initWritesASiteThatBuildsWithoutWarnings() throws {
        let root = try Self.emptyFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("my-site")
        let made = try SiteSkeleton.create(in: folder, shown: "my-site", now: testNow).get()
        #expect(made.written == ["site.yml", "content/posts/how-to-write-a-post.md", ".gitignore"])
        #expect(made.ignoreAppended == nil)

        let settings = try Self.read(folder, "site.yml").split(separator: "\n").map(String.init)
        for line in ["title: \"Our Newsletter\"", "base_url: \"https://example.org/\"", "language: en", "time_zone: UTC",
            "# theme: default", "# posts_per_page: 10", "# feed_size: 20", "# unsafe: false"]
        {
            #expect(settings.contains(line), "site.yml lacks \(line)")
        }
        // Every setting Broadside reads is there, set or shown at its default.
        for key in SiteConfig.keys {
            #expect(settings.contains { $0.hasPrefix("\(key): ") || $0.hasPrefix("# \(key): ") }, "site.yml does not show \(key)")
        }
        #expect(settings.contains { $0.contains("CHANGE THIS") })
        let sample = try Self.read(folder, "content/posts/how-to-write-a-post.md")
        #expect(sample.hasPrefix("---\ntitle: \"How to Write a Post\"\ndate: 2026-11-23\nkind: dispatch\n"))
        #expect(sample.contains("[every category of this site](/categories/)"))
        #expect(sample.contains("\n## The top of the file\n"))
        #expect(try Self.read(folder, ".gitignore") == "# Made by broadside build: upload it, do not commit it.\n/site/\n/.broadside-cache/\n# Editors' leftovers\n.DS_Store\n*~\n*.swp\n.#*\n")

        let report = try Build.run(BuildOptions(source: folder, now: testNow))
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        #expect(report.posts == 1)
        let page = try Self.read(folder, "site/posts/how-to-write-a-post/index.html")
        #expect(page.contains("<a href=\"/categories/\">every category of this site</a>"))
    }

    @Test(arguments: ["site.yml", "content", "templates", "static"])
    func initRefusesAFolderThatHoldsASite(_ entry: String) throws {
        let root = try Self.emptyFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        if entry.contains(".") {
            try Data("title: \"Mine\"\n".utf8).write(to: root.appendingPathComponent(entry))
        } else {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(entry), withIntermediateDirectories: true)
        }
        let before = try tree(root)
        let result = SiteSkeleton.create(in: root, shown: ".", now: testNow)
        let shown = entry.contains(".") ? entry : entry + "/"
        guard case .failure(let problem) = result else {
            Issue.record("init wrote into a folder that holds \(entry)")
            return
        }
        #expect(problem == .error(nil, "this folder already holds a site: it has \(shown)",
            hint: "nothing was changed; work on that site where it is (broadside new, broadside build), "
                + "or make a new one in a folder of its own: broadside init my-site"))
        #expect(try tree(root) == before)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent(".gitignore").path))
    }

    @Test func initWorksInAFreshCloneAndAddsToItsGitignore() throws {
        let root = try Self.emptyFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try Data("# Puentes\n".utf8).write(to: root.appendingPathComponent("README.md"))
        try Data("node_modules/\n/site/".utf8).write(to: root.appendingPathComponent(".gitignore"))
        let made = try SiteSkeleton.create(in: root, shown: ".", now: testNow).get()
        #expect(made.written == ["site.yml", "content/posts/how-to-write-a-post.md"])
        #expect(made.ignoreAppended == true)
        #expect(try Self.read(root, ".gitignore")
            == "node_modules/\n/site/\n\n# Made by broadside build: upload it, do not commit it.\n/.broadside-cache/\n.DS_Store\n*~\n*.swp\n.#*\n")
        #expect(try Self.read(root, "README.md") == "# Puentes\n")
    }

    /// A `.gitignore` that is a link would have `init` write into the file it points to; a pipe
    /// would have it wait for ever.
    @Test func initNeverWritesThroughALinkedOrSpecialGitignore() throws {
        let root = try Self.emptyFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let outside = root.appendingPathComponent("home-gitignore")
        try Data("*.log\n".utf8).write(to: outside)
        let site = root.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: site.appendingPathComponent(".gitignore"), withDestinationURL: outside)
        let refused = Diagnostic.error(".gitignore", "this is a link, not a file, so Broadside will not add to it",
            hint: "nothing was changed; replace it with a file of its own (rm .gitignore), then run broadside init again")
        #expect(SiteSkeleton.create(in: site, shown: "site", now: testNow) == .failure(refused))
        #expect(try String(contentsOf: outside, encoding: .utf8) == "*.log\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.path) == [".gitignore"])

        try FileManager.default.removeItem(at: site.appendingPathComponent(".gitignore"))
        #expect(mkfifo(site.appendingPathComponent(".gitignore").path, 0o644) == 0)
        #expect(SiteSkeleton.create(in: site, shown: "site", now: testNow) == .failure(.error(".gitignore",
            "this is a pipe, not a file, so Broadside will not add to it", hint: refused.hint)))
    }

    // MARK: new

    static let chicago = "base_url: \"https://example.org/\"\ntime_zone: America/Chicago\n"

    static func newSite(_ files: [String: String] = [:]) throws -> TemporarySite {
        var all = files
        all["site.yml"] = all["site.yml"] ?? chicago
        return try TemporarySite(files: all)
    }

    static func write(_ kind: Kind, _ title: String, in site: TemporarySite, series: String? = nil, slug: String? = nil,
        lang: String? = nil) -> Result<String, NewPost.Failure>
    {
        NewPost.write(NewPost.Request(kind: kind, title: title, slug: slug, series: series, lang: lang, now: testNow), source: site.root)
    }

    static let expected: [Kind: String] = [
        .dispatch: "---\ntitle: \"Vigil: \\\"Free Them\\\"\"\ndate: 2026-11-23T06:00:00-06:00\nkind: dispatch\n",
        .actionDay: "---\ntitle: \"Vigil: \\\"Free Them\\\"\"\ndate: 2026-11-23T06:00:00-06:00\nkind: action-day\nseries: \"Week of Action\"\nseries_day: 1\n",
        .qa: "---\ntitle: \"Vigil: \\\"Free Them\\\"\"\ndate: 2026-11-23T06:00:00-06:00\nkind: qa\n",
        .perspective: "---\ntitle: \"Vigil: \\\"Free Them\\\"\"\ndate: 2026-11-23T06:00:00-06:00\nkind: perspective\n# The name readers see: \"Perspective by …\".\nauthor: \"Your Name\"\n",
        .report: "---\ntitle: \"Vigil: \\\"Free Them\\\"\"\ndate: 2026-11-23T06:00:00-06:00\nkind: report\n# A file to download: put it beside this index.md, then remove the # in front of these three lines.\n# attachments:\n#   - file: vigil-free-them.pdf\n#     label: \"The full report (PDF)\"\n",
        .letter: "---\ntitle: \"Vigil: \\\"Free Them\\\"\"\ndate: 2026-11-23T06:00:00-06:00\nkind: letter\n",
        .event: "---\ntitle: \"Vigil: \\\"Free Them\\\"\"\ndate: 2026-11-23T06:00:00-06:00\nkind: event\nevent:\n  # Change the start (date, time and UTC offset) and the location; add end: and rsvp_url: if there are any.\n  start: 2026-11-30T18:00:00-06:00\n  location: \"The place and its street address\"\n",
    ]

    @Test(arguments: Kind.allCases)
    func newWritesADraftThatBuildsWithoutWarnings(_ kind: Kind) throws {
        let site = try Self.newSite()
        defer { site.remove() }
        let path = try Self.write(kind, "Vigil: \"Free Them\"", in: site, series: kind == .actionDay ? "Week of Action" : nil).get()
        // A report's PDF goes beside its text, so a report is a post folder.
        #expect(path == (kind == .report ? "content/posts/vigil-free-them/index.md" : "content/posts/vigil-free-them.md"))
        let text = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
        let frontMatter = try #require(Self.expected[kind]) + "# Remove the next line when the post is ready to publish.\ndraft: true\n---\n"
        #expect(text.hasPrefix(frontMatter), "\(text)")
        #expect(text.count > frontMatter.count + 40, "the body says what to write")

        // A draft is left out of a build, and builds cleanly with --drafts.
        #expect(try site.build().draftsLeftOut == 1)
        let report = try site.build(drafts: true)
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        #expect(site.exists("posts/vigil-free-them/index.html"))
    }

    @Test func anActionDayTakesTheNextDayOfTheNewestSeries() throws {
        let site = try Self.newSite([
            "content/posts/old-1.md": post("title: \"Old\"\ndate: 2025-03-01\nkind: action-day\nseries: \"Spring Week\"\nseries_day: 1"),
            "content/posts/2026/day-1.md": post("title: \"Day 1\"\ndate: 2026-10-05\nkind: action-day\nseries: \"Due Process Week\"\nseries_day: 1"),
            "content/posts/2026/day-2.md": post("title: \"Day 2\"\ndate: 2026-10-06\nkind: action-day\nseries: \"Due Process Week\"\nseries_day: 2\ndraft: true"),
            "content/posts/2026/dia-9.md": post("title: \"Día 9\"\ndate: 2026-10-07\nkind: action-day\nlang: es\nseries: \"Due Process Week\"\nseries_day: 9"),
        ])
        defer { site.remove() }
        let path = try Self.write(.actionDay, "Day 3: Sit In", in: site).get()
        let text = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
        #expect(text.contains("\nseries: \"Due Process Week\"\nseries_day: 3\n"))
        let spring = try Self.write(.actionDay, "Spring again", in: site, series: "Spring Week").get()
        #expect(try String(contentsOf: site.root.appendingPathComponent(spring), encoding: .utf8).contains("\nseries: \"Spring Week\"\nseries_day: 2\n"))
        let spanish = try Self.write(.actionDay, "Día 10", in: site, lang: "es").get()
        #expect(try String(contentsOf: site.root.appendingPathComponent(spanish), encoding: .utf8)
            .contains("\nkind: action-day\nlang: es\nseries: \"Due Process Week\"\nseries_day: 10\n"))
    }

    @Test func anActionDayWithoutASeriesAsksForOne() throws {
        let site = try Self.newSite()
        defer { site.remove() }
        guard case .failure(let failure) = Self.write(.actionDay, "Day 1", in: site) else {
            Issue.record("an action day without a series was written")
            return
        }
        #expect(failure.usage)
        #expect(failure.diagnostics == [.error(nil, "there is no week of action yet to add this day to",
            hint: "name its series: broadside new action-day \"Day 1\" --series \"Week of Action for Due Process\"")])
    }

    @Test func newNeverReplacesAPostNorReusesASlug() throws {
        let site = try Self.newSite(["content/posts/2026/vigil.md": post("title: \"Old vigil\"\ndate: 2026-01-01")])
        defer { site.remove() }
        try site.write("content/posts/rally.md", "mine\n")
        guard case .failure(let exists) = Self.write(.dispatch, "Rally", in: site) else {
            Issue.record("an existing post was replaced")
            return
        }
        #expect(!exists.usage)
        #expect(exists.diagnostics == [.error("content/posts/rally.md", "this file already exists, and Broadside never replaces a post",
            hint: "choose another title, or give the new file another name with --slug")])
        #expect(try String(contentsOf: site.root.appendingPathComponent("content/posts/rally.md"), encoding: .utf8) == "mine\n")
        guard case .failure(let taken) = Self.write(.dispatch, "Vigil", in: site) else {
            Issue.record("a post with a slug in use was written")
            return
        }
        #expect(taken.diagnostics == [.error("content/posts/vigil.md", "the slug \"vigil\" is already used by content/posts/2026/vigil.md",
            hint: "choose another title, or give the new file another name with --slug")])
        #expect(try Self.write(.dispatch, "Vigil", in: site, slug: "vigil-2").get() == "content/posts/vigil-2.md")
    }

    /// A hostile title and slug: quotes with combining marks, a backslash, `#`, a terminal escape
    /// and a line break stay text in one YAML line; `../` cannot lead the file out of content/posts/.
    @Test func aHostileTitleAndSlugStayInsideTheirPlaces() throws {
        let site = try Self.newSite()
        defer { site.remove() }
        let title = "Say \"\u{0301}no\"\u{0301} to \\ detention #now\u{1B}[2J\nsecond line"
        #expect(try Self.write(.dispatch, title, in: site, slug: "../../../evil").get() == "content/posts/evil.md")
        let written = try Self.read(site.root, "content/posts/evil.md")
        #expect(written.hasPrefix("---\ntitle: \"Say \\\"\u{0301}no\\\"\u{0301} to \\\\ detention #now [2J second line\"\n"))
        let report = try site.build(drafts: true)
        #expect(report.warnings == [])
        #expect(try site.read("posts/evil/index.html").contains("Say &quot;\u{0301}no&quot;\u{0301} to \\ detention #now [2J second line"))
        #expect(!FileManager.default.fileExists(atPath: site.root.deletingLastPathComponent().appendingPathComponent("evil.md").path))
    }

    @Test func aTitleWithoutLettersIsNamedByItsDayAndAnUnknownKindIsAUsageError() throws {
        let site = try Self.newSite()
        defer { site.remove() }
        // Punctuation or emoji alone give no name: the file is named by the day (SpoofingTests).
        #expect(try Self.write(.dispatch, "!!!", in: site).get() == "content/posts/2026-11-23.md")
        guard case .failure(let unknown) = NewPost.kind(named: "dispach") else {
            Issue.record("dispach was taken for a kind")
            return
        }
        #expect(unknown == .error(nil, "unknown kind \"dispach\"",
            hint: "did you mean `dispatch`? Use one of dispatch, action-day, qa, perspective, report, letter, event, page"))
    }

    @Test func anEventStartsAWeekLaterAt18LocalAcrossAClockChange() throws {
        // 2026-03-05 in Madrid is winter time (+01:00); a week later is still winter, but
        // 2026-03-25 + 7 days is summer time (+02:00).
        let madrid = TimeZone(identifier: "Europe/Madrid")!
        let now = PostDate(secondsSince1970: try #require(PostDate.parse("2026-03-25T23:30:00Z", timeZone: madrid)).secondsSince1970,
            offset: madrid.secondsFromGMT(for: try #require(PostDate.parse("2026-03-25T23:30:00Z", timeZone: madrid)).date))
        // 23:30 UTC is already the 26th in Madrid.
        #expect(DateText.iso8601(NewPost.eventStart(after: now, timeZone: madrid)) == "2026-04-02T18:00:00+02:00")
    }
}
