import Foundation
import Testing

@testable import Broadside

/// The write stage owns only the output folder: it replaces a folder it made, keeps what
/// it did not write, survives being killed at any instant, and names the cause of each
/// file it cannot write.
@Suite struct OutputFolderTests {
    /// A PID above Linux's largest, so never a running build's.
    static let deadPID = "2147483600"
    static let manifestHeader = "# broadside manifest 1: the files Broadside wrote to this folder; the next build replaces the folder\n"

    private func newSite(_ files: [String: String] = [:]) throws -> TemporarySite {
        var all = ["content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01")]
        all.merge(files) { $1 }
        return try TemporarySite(files: all)
    }

    private var fileManager: FileManager { .default }

    private func outputPath(_ site: TemporarySite) -> String { OutputPath.resolve(site.output) }

    private func run(_ site: TemporarySite, clean: Bool = false) throws(BuildFailure) -> BuildReport {
        var options = site.options()
        options.clean = clean
        return try Build.run(options)
    }

    private func failure(_ site: TemporarySite, clean: Bool = false) -> [Diagnostic] {
        do {
            _ = try run(site, clean: clean)
            Issue.record("the build succeeded but should have failed")
            return []
        } catch {
            return error.diagnostics
        }
    }

    /// The names beside the output that start with `.site`: staging and moved-aside folders.
    private func leftovers(_ site: TemporarySite) throws -> [String] {
        try fileManager.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".site") }.sorted()
    }

    // MARK: 1. Only a folder Broadside made is replaced

    @Test func aWebServersFolderWithoutAManifestIsRefusedAndLeftAsItWas() throws {
        let site = try newSite([
            "site/index.html": "<h1>It works!</h1>",
            "site/images/logo.png": "png",
        ])
        defer { site.remove() }
        let before = try tree(site.output)
        let refusal = Diagnostic.error(nil,
            "the output folder \(outputPath(site)) was not made by Broadside (it has no .broadside-manifest), so a build will not replace it; it holds images/logo.png, index.html",
            hint: "choose another folder with --output, or empty this one first")
        #expect(failure(site) == [refusal])
        // --clean is about Broadside's own folder; it never makes a stranger's folder Broadside's.
        #expect(failure(site, clean: true) == [refusal])
        #expect(try tree(site.output) == before)
        #expect(try leftovers(site) == [])
    }

    @Test func aRefusalListsAFewFilesAndHowManyMore() throws {
        var files: [String: String] = ["site/feed.xml": "<rss/>"]
        for number in 1...7 { files["site/episode-\(number).mp3"] = "audio" }
        let site = try newSite(files)
        defer { site.remove() }
        #expect(failure(site).map(\.message) == [
            "the output folder \(outputPath(site)) was not made by Broadside (it has no .broadside-manifest), so a build will not replace it; it holds episode-1.mp3, episode-2.mp3, episode-3.mp3, episode-4.mp3, episode-5.mp3 and 3 more"
        ])
    }

    @Test func aFolderWithAManifestIsReplaced() throws {
        let site = try newSite()
        defer { site.remove() }
        try run(site)
        try fileManager.removeItem(at: site.root.appendingPathComponent("content/posts/a.md"))
        try site.write("content/posts/b.md", post("title: \"B\"\ndate: 2026-10-02"))
        try run(site)
        #expect(!site.exists("posts/a/index.html"))
        #expect(site.exists("posts/b/index.html"))
        let manifest = try site.read(".broadside-manifest")
        #expect(manifest.hasPrefix(Self.manifestHeader))
        #expect(manifest.contains("\nposts/b/index.html\n"))
        #expect(!manifest.contains("posts/a/"))
        #expect(try leftovers(site) == [])
    }

    @Test func aManifestReadsBackEveryPathItListsLineBreaksAndPercentSignsIncluded() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("manifest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(Manifest.fileName)
        let paths = ["index.html", "static/100%25 sure%.txt", "odd\nname.txt", "cr\rname", "café/ü.html", "a\r\nb"]
        try Manifest.text(of: paths).write(to: file, atomically: true, encoding: .utf8)
        #expect(Manifest.read(in: folder.path) == Set(paths))
        try "# not Broadside's\nindex.html\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(Manifest.read(in: folder.path) == nil)
        try Data(Array(Manifest.header.utf8) + [10, 0xFF, 10]).write(to: file)
        #expect(Manifest.read(in: folder.path) == nil)
    }

    @Test func theManifestListsEveryFileWrittenSortedAndNothingElse() throws {
        let site = try newSite(["static/CNAME": "news.example.org\n"])
        defer { site.remove() }
        try run(site)
        let written = try tree(site.output).keys.filter { $0 != ".broadside-manifest" }.sorted()
        #expect(try site.read(".broadside-manifest") == Self.manifestHeader + written.joined(separator: "\n") + "\n")
    }

    @Test func aSiteBuiltBeforeManifestsIsAdoptedEvenWithPagesOfDeletedPosts() throws {
        let site = try newSite()
        defer { site.remove() }
        try run(site)
        // What the previous version left: no manifest, and pages of a post and tag since deleted.
        try fileManager.removeItem(at: site.output.appendingPathComponent(".broadside-manifest"))
        try site.write("site/posts/deleted/index.html", "old post")
        try site.write("site/tags/old-tag/page/2/index.html", "old tag page")
        try run(site)
        #expect(!site.exists("posts/deleted"))
        #expect(!site.exists("tags/old-tag"))
        #expect(site.exists("posts/a/index.html"))
        #expect(try site.read(".broadside-manifest").contains("\nposts/a/index.html\n"))
    }

    @Test func anUnrecordedSiteWithAForeignFileIsNotAdopted() throws {
        let site = try newSite()
        defer { site.remove() }
        try run(site)
        try fileManager.removeItem(at: site.output.appendingPathComponent(".broadside-manifest"))
        try site.write("site/posts/notes.txt", "mine")
        let before = try tree(site.output)
        #expect(failure(site) == [
            .error(nil,
                "the output folder \(outputPath(site)) was not made by Broadside (it has no .broadside-manifest), so a build will not replace it; it holds posts/notes.txt",
                hint: "choose another folder with --output, or empty this one first")
        ])
        #expect(try tree(site.output) == before)
    }

    @Test func anEmptyFolderOrOneWithOnlyADeployRepositoryIsBuiltInto() throws {
        let site = try newSite(["site/.git/HEAD": "ref: refs/heads/main\n"])
        defer { site.remove() }
        try run(site)
        #expect(try site.read(".git/HEAD") == "ref: refs/heads/main\n")
        #expect(site.exists("posts/a/index.html"))
    }

    // MARK: 2. Files Broadside did not write

    @Test func aDeployRepositoryAndTopLevelDotfilesAreCarriedIntoEveryBuild() throws {
        let site = try newSite()
        defer { site.remove() }
        try run(site)
        try site.write("site/.git/HEAD", "ref: refs/heads/gh-pages\n")
        try site.write("site/.git/objects/ab/cdef", "\u{0}\u{1}binary")
        try site.write("site/.htaccess", "ErrorDocument 404 /404.html\n")
        let carried = try tree(site.output).filter { $0.key.hasPrefix(".git/") || $0.key == ".htaccess" }
        #expect(carried.count == 3)
        try run(site)
        try run(site)
        #expect(try tree(site.output).filter { $0.key.hasPrefix(".git/") || $0.key == ".htaccess" } == carried)
        #expect(!(try site.read(".broadside-manifest")).contains(".git"))
        #expect(try leftovers(site) == [])
    }

    @Test func filesBroadsideDidNotWriteStopTheBuildInOneError() throws {
        let site = try newSite()
        defer { site.remove() }
        try run(site)
        try site.write("site/report.pdf", "%PDF")
        try site.write("site/CNAME", "news.example.org\n")
        let before = try tree(site.output)
        #expect(failure(site) == [
            .error(nil,
                "the output folder \(outputPath(site)) holds files that Broadside did not write, which a build would drop: CNAME, report.pdf",
                hint: "move them into static/, so that every build copies them, or pass --clean to drop them")
        ])
        #expect(try tree(site.output) == before)
    }

    @Test func cleanDropsThemAndSaysWhich() throws {
        let site = try newSite()
        defer { site.remove() }
        try run(site)
        try site.write("site/report.pdf", "%PDF")
        try site.write("site/CNAME", "news.example.org\n")
        let report = try run(site, clean: true)
        #expect(report.warnings.filter { $0.message.contains("--clean") } == [
            .warning(nil, "--clean dropped files from \(outputPath(site)) that Broadside did not write: CNAME, report.pdf",
                hint: "files that belong on the site go in static/, which every build copies")
        ])
        #expect(!site.exists("CNAME"))
        #expect(!site.exists("report.pdf"))
        #expect(site.exists("posts/a/index.html"))
    }

    // MARK: 3. A build killed at any instant

    /// Killed between its two renames (a file system without the exchange): no `site/`, the old site
    /// in `.site.old-PID`, and the new one, with the carried `.git`, in `.site.tmp-PID`.
    @Test func aBuildKilledBetweenItsRenamesIsUndoneByTheNext() throws {
        let site = try newSite()
        defer { site.remove() }
        try run(site)
        try site.write("site/.git/HEAD", "ref: refs/heads/main\n")
        let old = site.root.appendingPathComponent(".site.old-\(Self.deadPID)")
        let staging = site.root.appendingPathComponent(".site.tmp-\(Self.deadPID)")
        try fileManager.copyItem(at: site.output, to: staging)
        try fileManager.moveItem(at: site.output, to: old)
        try fileManager.removeItem(at: old.appendingPathComponent(".git"))
        let repository = try tree(staging.appendingPathComponent(".git"))

        try run(site)
        #expect(try tree(site.output.appendingPathComponent(".git")) == repository)
        #expect(site.exists("posts/a/index.html"))
        #expect(try leftovers(site) == [])
    }

    /// The same, and the next build fails: the old site is back in place all the same.
    @Test func theSiteAKilledBuildMovedAsideIsRestoredEvenIfTheNextBuildFails() throws {
        let site = try newSite()
        defer { site.remove() }
        try run(site)
        let before = try tree(site.output)
        try fileManager.moveItem(at: site.output, to: site.root.appendingPathComponent(".site.old-\(Self.deadPID)"))
        try site.write("content/posts/broken.md", "no front matter")
        #expect(!failure(site).isEmpty)
        #expect(try tree(site.output) == before)
        #expect(try leftovers(site) == [])
    }

    /// Killed while carrying: `.git` already moved into the staging folder, `.htaccess` not yet.
    @Test func aBuildKilledWhileCarryingADeployRepositoryLosesNothing() throws {
        let site = try newSite()
        defer { site.remove() }
        try run(site)
        try site.write("site/.git/HEAD", "ref: refs/heads/main\n")
        try site.write("site/.git/refs/heads/main", "0123456789abcdef\n")
        try site.write("site/.htaccess", "Options -Indexes\n")
        let carried = try tree(site.output).filter { $0.key.hasPrefix(".") && !$0.key.hasPrefix(".broadside") }
        let staging = site.root.appendingPathComponent(".site.tmp-\(Self.deadPID)")
        try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
        try Data((Self.manifestHeader + "index.html\n").utf8).write(to: staging.appendingPathComponent(".broadside-manifest"))
        try Data("new".utf8).write(to: staging.appendingPathComponent("index.html"))
        try fileManager.moveItem(at: site.output.appendingPathComponent(".git"), to: staging.appendingPathComponent(".git"))

        try run(site)
        #expect(try tree(site.output).filter { $0.key.hasPrefix(".") && !$0.key.hasPrefix(".broadside") } == carried)
        #expect(try leftovers(site) == [])
    }

    /// Killed after the exchange, while deleting the old copy: the site is whole in place.
    @Test func aBuildKilledWhileDeletingTheOldCopyLeavesOnlyGarbage() throws {
        let site = try newSite()
        defer { site.remove() }
        try run(site)
        try site.write("site/.git/HEAD", "ref: refs/heads/main\n")
        let staging = site.root.appendingPathComponent(".site.tmp-\(Self.deadPID)")
        try fileManager.copyItem(at: site.output, to: staging)
        try fileManager.removeItem(at: staging.appendingPathComponent(".git"))
        try fileManager.removeItem(at: staging.appendingPathComponent("index.html"))
        try run(site)
        #expect(try site.read(".git/HEAD") == "ref: refs/heads/main\n")
        #expect(try leftovers(site) == [])
    }

    @Test func leftoversOfDeadBuildsAreRemovedAndOthersLeftAlone() throws {
        let site = try newSite([
            ".site.tmp-\(Self.deadPID)/posts/a/index.html": "half written",
            ".site.tmp-notapid/keep.txt": "not ours",
            ".site.tmp-\(getpid() == 1 ? 2 : 1)/x": "a running process's",
        ])
        defer { site.remove() }
        try run(site)
        #expect(try leftovers(site) == [".site.tmp-\(getpid() == 1 ? 2 : 1)", ".site.tmp-notapid"])
    }

    /// A leftover whose carried file cannot go back (the output has one by that name again) is kept.
    @Test func aLeftoverThatStillHoldsSomethingIsKeptWithAWarning() throws {
        let site = try newSite()
        defer { site.remove() }
        try run(site)
        try site.write("site/.git/HEAD", "new clone\n")
        let staging = site.root.appendingPathComponent(".site.tmp-\(Self.deadPID)")
        try site.write(".site.tmp-\(Self.deadPID)/.broadside-manifest", Self.manifestHeader + "index.html\n")
        try site.write(".site.tmp-\(Self.deadPID)/.git/HEAD", "the only copy\n")
        let report = try run(site)
        #expect(report.warnings.contains(.warning(nil,
            "\(staging.path), left by a build that was stopped, holds .git from \(outputPath(site)), which could not be put back",
            hint: "move it into \(outputPath(site)) yourself, then delete \(staging.path)")))
        #expect(try String(contentsOf: staging.appendingPathComponent(".git/HEAD"), encoding: .utf8) == "the only copy\n")
        #expect(try site.read(".git/HEAD") == "new clone\n")
    }

    // MARK: 4. Never into the site's own inputs

    @Test func anOutputThroughALinkIntoContentIsRefusedEvenIfItDoesNotExistYet() throws {
        let site = try newSite()
        defer { site.remove() }
        try fileManager.createSymbolicLink(
            at: site.root.appendingPathComponent("c"), withDestinationURL: site.root.appendingPathComponent("content"))
        var options = site.options()
        options.output = site.root.appendingPathComponent("c/new")
        let source = OutputPath.resolve(site.root)
        var diagnostics: [Diagnostic] = []
        do { try Build.run(options) } catch { diagnostics = error.diagnostics }
        #expect(diagnostics == [
            .error(nil, "the output folder \(source)/content/new holds the site's own files; a build replaces it whole",
                hint: "write the site to a folder of its own, such as --output \(source)/site")
        ])
        #expect(!fileManager.fileExists(atPath: site.root.appendingPathComponent("content/new").path))
        #expect(try fileManager.contentsOfDirectory(atPath: site.root.appendingPathComponent("content").path) == ["posts"])
    }

    // MARK: 5. Write errors name their cause, all of them

    @Test func namesTooLongAndAStaticFileWherePagesGoAreAllReportedAtTheirCause() throws {
        let long = String(repeating: "a", count: 300)
        let longer = String(repeating: "b", count: 300)
        let site = try newSite([
            "content/posts/long.md": post("title: \"Long\"\ndate: 2026-10-03\nslug: \(long)"),
            "content/posts/longer.md": post("title: \"Longer\"\ndate: 2026-10-02\nslug: \(longer)"),
            "static/posts/a": "a file where the post's folder goes",
        ])
        defer { site.remove() }
        #expect(failure(site) == [
            .error("content/posts/long.md",
                "the post's page cannot be written: its path posts/\(long)/index.html has a name longer than the file system allows (255 bytes)",
                hint: "give the post a shorter slug: in its front matter, or a shorter file name (at most 255 bytes)"),
            .error("content/posts/longer.md",
                "the post's page cannot be written: its path posts/\(longer)/index.html has a name longer than the file system allows (255 bytes)",
                hint: "give the post a shorter slug: in its front matter, or a shorter file name (at most 255 bytes)"),
            .error("static/posts/a",
                "this static file is written to /posts/a, where the folder /posts/a/ of the post's page must go",
                hint: "rename or move the file"),
        ])
        #expect(!fileManager.fileExists(atPath: site.output.path))
        #expect(try leftovers(site) == [])
    }

    /// The folders a file needs, whose planned files clash with it, and its longest name: an
    /// empty name (a path no plan makes) is left out as it was when the path was split.
    @Test func aPathsFoldersAndLongestNameAreThoseOfItsNames() {
        #expect(WritePlan.folders(of: "posts/a-long-slug/index.html") == (["posts", "posts/a-long-slug"], 11))
        #expect(WritePlan.folders(of: "robots.txt") == ([], 10))
        #expect(WritePlan.folders(of: "es/buscar/index.html").paths == ["es", "es/buscar"])
        #expect(WritePlan.folders(of: "a//bb/c") == (["a", "a/bb"], 2))
        #expect(WritePlan.folders(of: "/a/b/") == (["a"], 1))
        #expect(WritePlan.folders(of: "ñandú/x").paths == ["ñandú"])
        #expect(WritePlan.folders(of: "ñandú/x").longestName == 7)
    }

    @Test func aTermWhoseNameIsTooLongIsReportedAtItsNewestPost() throws {
        let name = String(repeating: "x", count: 256)
        let site = try newSite([
            "content/posts/b.md": post("title: \"B\"\ndate: 2026-10-05\ntags: [\"\(name)\"]"),
            "content/posts/c.md": post("title: \"C\"\ndate: 2026-10-04\ntags: [\"\(name)\"]"),
        ])
        defer { site.remove() }
        #expect(failure(site) == [
            .error("content/posts/b.md",
                "the page of the tag \"\(name)\" cannot be written: its path tags/\(name)/index.html has a name longer than the file system allows (255 bytes)",
                hint: "give the tag a shorter name (its slug may be at most 255 bytes)")
        ])
    }

    @Test func aStaticFileThatCannotBeReadIsNamed() throws {
        let site = try newSite()
        defer { site.remove() }
        try fileManager.createDirectory(at: site.root.appendingPathComponent("static"), withIntermediateDirectories: true)
        try fileManager.createSymbolicLink(
            at: site.root.appendingPathComponent("static/gone.css"), withDestinationURL: site.root.appendingPathComponent("nowhere.css"))
        try fileManager.createSymbolicLink(
            at: site.root.appendingPathComponent("static/also-gone.css"), withDestinationURL: site.root.appendingPathComponent("nowhere.css"))
        // Found when static/ is listed, before anything is rendered or written.
        #expect(failure(site) == [
            .error("static/also-gone.css", "this link leads nowhere (it does not exist)",
                hint: "point the link at a file inside the site folder, or remove it"),
            .error("static/gone.css", "this link leads nowhere (it does not exist)",
                hint: "point the link at a file inside the site folder, or remove it"),
        ])
        #expect(!fileManager.fileExists(atPath: site.output.path))
        #expect(try leftovers(site) == [])
    }
}
