import Foundation
import Testing

@testable import Broadside

/// A site without `themes/`: the theme built into Broadside, the site's own files over it, and `theme eject`.
@Suite struct BuiltInThemeTests {
    /// A temporary site with only `files` (no `themes/` link, and no site.yml unless given).
    private func bareSite(_ files: [String: String]) throws -> TemporarySite {
        let site = try TemporarySite()
        let fm = FileManager.default
        // Before writing: TemporarySite's `themes` links to the repository's.
        try fm.removeItem(at: site.root.appendingPathComponent("themes"))
        try fm.removeItem(at: site.root.appendingPathComponent("site.yml"))
        for (path, text) in files { try site.write(path, text) }
        return site
    }

    private let post = "---\ntitle: \"Vigil Tonight\"\ndate: 2026-11-20\n---\nBring a candle.\n"

    /// The repository's `themes/default/`: path → bytes.
    private func repositoryTheme() throws -> [String: Data] {
        let root = repositoryRoot.appendingPathComponent("themes/default")
        let paths = try FileManager.default.subpathsOfDirectory(atPath: root.path)
        var files: [String: Data] = [:]
        for path in paths where !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isFolder)
            if !isFolder.boolValue { files[path] = try Data(contentsOf: root.appendingPathComponent(path)) }
        }
        return files
    }

    @Test func aFolderWithOnlyPostsBuildsWithTheBuiltInTheme() throws {
        let site = try bareSite(["content/posts/vigil.md": post])
        defer { site.remove() }
        let report = try site.build()
        #expect(report.warnings.map(\.message) == ["the site has no base_url, so its feeds link to http://localhost/, its pages have no share cards and it has no sitemap"])
        let page = try site.read("posts/vigil/index.html")
        #expect(page.contains("<link rel=\"stylesheet\" href=\"/css/style.css\">\n"))
        #expect(page.contains("<article class=\"post\">\n<header class=\"post-header\">\n<h1 dir=\"auto\">Vigil Tonight</h1>\n"))
        #expect(page.contains("<a class=\"skip-link\" href=\"#main-content\">Skip to content</a>"))
        let css = try Data(contentsOf: site.output.appendingPathComponent("css/style.css"))
        #expect(css == (try repositoryTheme())["static/css/style.css"])
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("themes").path))
    }

    @Test func theBuiltInThemeIsTheRepositorysThemesDefault() throws {
        let builtIn = Dictionary(uniqueKeysWithValues: BuiltInTheme.files.map { ($0.path, $0.data) })
        #expect(builtIn == (try repositoryTheme()))
        #expect(BuiltInTheme.files.map(\.path) == BuiltInTheme.files.map(\.path).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }

    @Test func theSitesOwnTemplateReplacesOnlyThatTemplate() throws {
        let site = try bareSite([
            "content/posts/vigil.md": post,
            "templates/post.mustache": "{{<base}}{{$main}}<p class=\"own\">Our own: {{post.title}}</p>{{/main}}{{/base}}\n",
        ])
        defer { site.remove() }
        try site.build()
        let page = try site.read("posts/vigil/index.html")
        #expect(page.contains("<main id=\"main-content\">\n<p class=\"own\">Our own: Vigil Tonight</p>"))
        #expect(!page.contains("<article class=\"post\">"))
        // The home page is the built-in list template, with the built-in base around it.
        let home = try site.read("index.html")
        #expect(home.contains("<a class=\"skip-link\" href=\"#main-content\">Skip to content</a>"))
        #expect(home.contains("<a href=\"/posts/vigil/\" dir=\"auto\">Vigil Tonight</a>"))
    }

    @Test func theSitesOwnStylesheetWins() throws {
        let site = try bareSite(["content/posts/vigil.md": post, "static/css/style.css": "body { color: #222; }\n"])
        defer { site.remove() }
        try site.build()
        #expect(try site.read("css/style.css") == "body { color: #222; }\n")
    }

    @Test func theSitesOwnWordsWin() throws {
        let site = try bareSite(["content/posts/vigil.md": post, "i18n/en.yml": "skip_to_content: \"Jump to the text\"\n"])
        defer { site.remove() }
        try site.build()
        #expect(try site.read("posts/vigil/index.html").contains("<a class=\"skip-link\" href=\"#main-content\">Jump to the text</a>"))
    }

    @Test func aMissingThemeOtherThanDefaultIsAnError() throws {
        let site = try bareSite(["content/posts/vigil.md": post, "site.yml": "base_url: \"https://example.org/\"\ntheme: fancy\n"])
        defer { site.remove() }
        #expect(site.failure() == [.error("themes/fancy", "the theme \"fancy\" is missing: there is no themes/fancy/ folder",
            hint: "remove theme: from site.yml to use the built-in theme, or run `broadside theme eject` and rename "
                + "themes/default/ to themes/fancy/ to start a theme of your own from it")])
    }

    @Test func aMissingThemeAmongOthersListsThemAndTheBuiltInTheme() throws {
        let site = try bareSite(["content/posts/vigil.md": post, "site.yml": "base_url: \"https://example.org/\"\ntheme: fancy\n",
                                 "themes/plain/templates/post.mustache": "{{post.title}}\n"])
        defer { site.remove() }
        #expect(site.failure() == [.error("themes/fancy", "the theme \"fancy\" is missing: there is no themes/fancy/ folder",
            hint: "themes here: plain; set theme: in site.yml to one of them, or remove theme: to use the built-in theme")])
    }

    @Test func aMissingPartialInTheSitesTemplateNamesWhereToAddIt() throws {
        let site = try bareSite(["content/posts/vigil.md": post, "templates/post.mustache": "{{>partials/sidebar}}\n"])
        defer { site.remove() }
        let diagnostics = site.failure().filter { $0.severity == .error }
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.file == "templates/post.mustache")
        #expect(diagnostics.first?.message == "the partial \"partials/sidebar\" does not exist")
        #expect(diagnostics.first?.hint?.hasPrefix("add templates/partials/sidebar.mustache, or fix the name") == true)
    }

    @Test func ejectWritesTheBuiltInThemeByteForByteAndRefusesASecondTime() throws {
        let site = try bareSite(["content/posts/vigil.md": post])
        defer { site.remove() }
        let report = try ThemeEject.run(source: site.root)
        #expect(report.folder == "themes/default")
        #expect(report.warnings.isEmpty)
        let ejected = site.root.appendingPathComponent("themes/default")
        let expected = try repositoryTheme()
        #expect(report.files == expected.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { "themes/default/\($0)" })
        for (path, data) in expected {
            #expect(try Data(contentsOf: ejected.appendingPathComponent(path)) == data, "\(path)")
        }
        // The site now builds from the folder: a change there shows.
        try Data("body { color: teal; }\n".utf8).write(to: ejected.appendingPathComponent("static/css/style.css"))
        try site.build()
        #expect(try site.read("css/style.css") == "body { color: teal; }\n")

        #expect(throws: BuildFailure.self) { try ThemeEject.run(source: site.root) }
        do {
            _ = try ThemeEject.run(source: site.root)
        } catch {
            #expect(error.diagnostics == [.error("themes/default", "this folder already exists, so the built-in theme is not written over it",
                hint: "the site already uses its own themes/default/; to start again from the built-in theme, rename or move "
                    + "themes/default/ away and run broadside theme eject again")])
        }
        #expect(try String(contentsOf: ejected.appendingPathComponent("static/css/style.css"), encoding: .utf8) == "body { color: teal; }\n")
    }

    @Test func ejectNeverFollowsALinkOutOfTheSite() throws {
        let site = try bareSite(["content/posts/vigil.md": post])
        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("broadside-elsewhere-\(UUID().uuidString)")
        defer { site.remove(); try? FileManager.default.removeItem(at: elsewhere) }
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: site.root.appendingPathComponent("themes"), withDestinationURL: elsewhere)
        do {
            _ = try ThemeEject.run(source: site.root)
            Issue.record("eject wrote through a link out of the site")
        } catch {
            #expect(error.diagnostics.map(\.file) == ["themes"])
            #expect(error.diagnostics.first?.message.hasPrefix("this link leads outside the site folder") == true)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
    }

    @Test func ejectWarnsWhenSiteYmlNamesAnotherTheme() throws {
        let site = try bareSite(["content/posts/vigil.md": post, "site.yml": "theme: fancy\n"])
        defer { site.remove() }
        let report = try ThemeEject.run(source: site.root)
        #expect(!report.siteUsesIt)
        #expect(report.warnings == [.warning("site.yml", "site.yml sets theme: fancy, so the site does not use themes/default/",
            hint: "remove theme: from site.yml, or set it to default, to use the theme just written")])
    }

    @Test func ejectRefusesAFolderThatIsNotASite() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("broadside-not-a-site-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            _ = try ThemeEject.run(source: folder)
            Issue.record("eject wrote into a folder that is not a site")
        } catch {
            #expect(error.diagnostics == [.error(nil, "\(folder.path) is not a Broadside site: it has no site.yml and no content/ folder",
                hint: "run broadside theme eject in the site's folder, or pass --source with the site's folder")])
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}
