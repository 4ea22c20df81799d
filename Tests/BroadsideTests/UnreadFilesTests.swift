import Foundation
import Testing

@testable import Broadside

/// Posts an editor wrote where, or under a name, Broadside does not read: each is named.
@Suite struct UnreadFilesTests {
    let good = post("title: \"A\"\ndate: 2026-10-01")

    @Test func aPostSavedUnderAnotherExtensionIsNamed() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": good,
            "content/posts/b.markdown": good,
            "content/posts/2026/c.MD": good,
            "content/posts/d.md.txt": good,
            "content/posts/photo.jpg": "not text",
        ])
        defer { site.remove() }
        #expect(try site.build().warnings == [
            .warning("content/posts/2026/c.MD", "this file is not read: a post's file name must end in .md", hint: "rename it to c.md"),
            .warning("content/posts/b.markdown", "this file is not read: a post's file name must end in .md", hint: "rename it to b.md"),
            .warning("content/posts/d.md.txt", "this file is not read: a post's file name must end in .md", hint: "rename it to d.md"),
        ])
    }

    @Test func aTextFileBesideAPostFoldersIndexIsThePostsOwn() throws {
        let site = try TemporarySite(files: [
            "content/posts/report/index.md": good,
            "content/posts/report/notes.txt": "Notes for the reader.",
        ])
        defer { site.remove() }
        #expect(try site.build().warnings == [])
    }

    static let noPages = "Broadside reads posts from content/posts/ and pages from content/pages/"

    static func pageHint(_ name: String) -> String {
        "a page such as About us goes in content/pages/\(name).md (at /\(name)/, in no list or feed); "
            + "news goes in content/posts/\(name).md, and to every subscriber's feed and email"
    }

    @Test func postsOutsideContentPostsAreNamed() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": good,
            "content/about.md": good,
            "content/post/b.md": good,
            "content/post/c.md": good,
            "content/pages/team.txt": good,
            "content/images/logo.png": "png",
        ])
        defer { site.remove() }
        let reason = "Broadside reads posts from content/posts/ and pages from content/pages/ only"
        #expect(try site.build().warnings == [
            .warning("content/about.md", "this file is not read: \(Self.noPages)", hint: Self.pageHint("about")),
            .warning("content/post/b.md", "this file is not read (and 1 more file beside it): \(reason)",
                hint: "move the posts into content/posts/, and pages such as About us into content/pages/"),
            .warning("content/pages/team.txt", "this file is not read: a page's file name ends in .md", hint: "rename it content/pages/team.md"),
        ])
    }
}

@Suite struct SettingsSpellingTests {
    @Test func aMisspeltSettingSuggestsTheSettingMeant() throws {
        let site = try TemporarySite(files: [
            "site.yml": "base_url: \"https://example.org/\"\nposts_per_pag: 5\n",
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01"),
        ])
        defer { site.remove() }
        #expect(try site.build().warnings == [
            .warning("site.yml", line: 2, column: 1, "unknown setting `posts_per_pag` is ignored",
                hint: "did you mean `posts_per_page`? The settings are title, description, base_url, language, time_zone, theme, posts_per_page, feed_size, feeds, share_image, logo, search_engines, search, unsafe, images, menu, footer_menu, footer_text, social, donate, brand, term_pairs, newsletter, publish"),
        ])
    }

    /// `ES`, `es` and `Es` are one language: its strings, its `/es/` pages, its hreflang.
    @Test func languageCodesAreTheSameWhateverTheirCase() throws {
        let site = try TemporarySite(files: [
            "site.yml": "base_url: \"https://example.org/\"\nlanguage: EN\n",
            "content/posts/a.md": post("title: \"A\"\ndate: 2026-10-01\ntranslation_key: k"),
            "content/posts/b.md": post("title: \"B\"\ndate: 2026-10-02\nlang: ES\ntranslation_key: k"),
        ])
        defer { site.remove() }
        #expect(try site.build().warnings == [])
        #expect(try site.read("es/index.html").contains("<html lang=\"es\""))
        #expect(try site.read("posts/a/index.html").contains("hreflang=\"es\""))
        #expect(SiteConfig.canonicalLanguageTag("PT-br") == "pt-BR")
        #expect(SiteConfig.canonicalLanguageTag("zh-HANT-tw") == "zh-Hant-TW")
    }
}

@Suite struct NotASiteTests {
    /// A folder that is no site: one error, the way to start one, and no word about base_url.
    @Test func buildingAFolderThatIsNoSiteSaysHowToStartOne() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("broadside-nosite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            _ = try Build.run(BuildOptions(source: folder, now: Date(timeIntervalSince1970: 1_790_000_000)))
            Issue.record("the build should have failed")
        } catch {
            #expect(error.diagnostics == [
                .error("content/posts", "there is no content/posts/ folder in \(folder.standardizedFileURL.path)",
                    hint: "run broadside in your site's folder or pass --source; to start a new site here, run broadside init"),
            ])
        }
    }
}
