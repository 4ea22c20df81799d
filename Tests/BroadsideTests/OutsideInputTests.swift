import Foundation
import Testing

@testable import Broadside

#if canImport(Glibc)
import Glibc
#endif

/// A file that must never reach the site: a stand-in for `/etc/shadow`, outside the site folder.
struct Secret {
    static let text = "root:$6$s3cr3t-from-outside-the-site:19000:0:99999:7:::"
    let folder: URL
    var file: URL { folder.appendingPathComponent("shadow") }
    /// Where the secret really is (the temporary folder may itself be reached through a link).
    var real: String { SiteFolder.realPath(file.path)! }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("bs-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(Self.text.utf8).write(to: file)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}

extension TemporarySite {
    func link(_ path: String, to destination: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: destination)
    }

    /// Builds once, breaks the site with `change`, and returns the second build's diagnostics
    /// after checking that the first build's output is still there, byte for byte.
    func failureAfterAGoodBuild(
        sourceLocation: SourceLocation = #_sourceLocation, _ change: () throws -> Void
    ) throws -> [Diagnostic] {
        try build()
        let before = try tree(output)
        try change()
        let diagnostics = failure(sourceLocation: sourceLocation)
        #expect(try tree(output) == before, "the failed build changed the previous site", sourceLocation: sourceLocation)
        return diagnostics
    }
}

let outsideHint = "copy what it points to into the site folder instead of linking to it, or remove the link"
let goodPost = post("title: \"A\"\ndate: 2026-10-01")
let runningAsRoot = geteuid() == 0

@Suite struct OutsideInputTests {
    @Test func aStaticLinkToASecretIsRefused() throws {
        let secret = try Secret()
        defer { secret.remove() }
        let site = try TemporarySite(files: ["content/posts/a.md": goodPost])
        defer { site.remove() }
        let diagnostics = try site.failureAfterAGoodBuild {
            try site.link("static/x.txt", to: secret.file.path)
            try site.link("static/docs", to: secret.folder.path)
        }
        #expect(diagnostics == [
            .error("static/docs", "this link leads outside the site folder, to \(Excerpt.short(secret.real.replacingOccurrences(of: "/shadow", with: ""))), and is not followed",
                hint: outsideHint),
            .error("static/x.txt", "this link leads outside the site folder, to \(Excerpt.short(secret.real)), and is not followed",
                hint: outsideHint),
        ])
        #expect(!diagnostics.description.contains("s3cr3t"))
        #expect(try !tree(site.output).values.contains { String(decoding: $0, as: UTF8.self).contains("s3cr3t") })
    }

    /// A template is read and its text lands in every page: one linked to a file outside would publish it.
    @Test func aTemplateLinkedFromOutsideIsRefused() throws {
        let secret = try Secret()
        defer { secret.remove() }
        let site = try TemporarySite(files: ["content/posts/a.md": goodPost])
        defer { site.remove() }
        let diagnostics = try site.failureAfterAGoodBuild {
            try site.link("templates/partials/footer.mustache", to: secret.file.path)
        }
        #expect(diagnostics == [
            .error("templates/partials/footer.mustache", "this link leads outside the site folder, to \(Excerpt.short(secret.real)), and is not followed",
                hint: outsideHint)
        ])
    }

    @Test func aPostLinkedFromOutsideIsRefused() throws {
        let secret = try Secret()
        defer { secret.remove() }
        try Data(post("title: \"Leak\"\ndate: 2026-10-01", body: Secret.text).utf8)
            .write(to: secret.folder.appendingPathComponent("leak.md"))
        let site = try TemporarySite(files: ["content/posts/a.md": goodPost])
        defer { site.remove() }
        let diagnostics = try site.failureAfterAGoodBuild {
            try site.link("content/posts/leak.md", to: secret.folder.appendingPathComponent("leak.md").path)
            try site.link("content/posts/archive", to: secret.folder.path)
        }
        let real = SiteFolder.realPath(secret.folder.path)!
        #expect(diagnostics == [
            .error("content/posts/archive", "this link leads outside the site folder, to \(Excerpt.short(real)), and is not followed",
                hint: outsideHint),
            .error("content/posts/leak.md", "this link leads outside the site folder, to \(Excerpt.short(real + "/leak.md")), and is not followed",
                hint: outsideHint),
        ])
    }

    @Test func aPagesFolderLinkedFromOutsideIsRefused() throws {
        let secret = try Secret()
        defer { secret.remove() }
        try Data("---\ntitle: \"Leak\"\n---\n\n\(Secret.text)\n".utf8).write(to: secret.folder.appendingPathComponent("leak.md"))
        let site = try TemporarySite(files: ["content/posts/a.md": goodPost])
        defer { site.remove() }
        let diagnostics = try site.failureAfterAGoodBuild {
            try site.link("content/pages", to: secret.folder.path)
        }
        let real = SiteFolder.realPath(secret.folder.path)!
        #expect(diagnostics == [
            .error("content/pages", "this link leads outside the site folder, to \(Excerpt.short(real)), and is not followed", hint: outsideHint),
        ])
    }

    @Test func linksThatStayInsideAreFollowed() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": goodPost,
            "drafts-folder/b.md": post("title: \"B\"\ndate: 2026-10-02"),
            "drafts-folder/nested/c.md": post("title: \"C\"\ndate: 2026-10-03"),
            "assets/logo.svg": "<svg/>",
        ])
        defer { site.remove() }
        try site.link("content/posts/shared", to: "../../drafts-folder")
        try site.link("static/logo.svg", to: "../assets/logo.svg")
        try site.build()
        #expect(site.exists("posts/b/index.html"))
        #expect(site.exists("posts/c/index.html"))
        #expect(try site.read("logo.svg") == "<svg/>")
    }

    @Test func aLinkedFolderThatLoopsIsReportedNotFollowedForever() throws {
        let site = try TemporarySite(files: ["content/posts/2026/a.md": goodPost])
        defer { site.remove() }
        let diagnostics = try site.failureAfterAGoodBuild {
            try site.link("content/posts/2026/again", to: "..")
            try site.link("content/posts/dangling.md", to: "nowhere.md")
            try site.link("content/posts/self", to: "self")
        }
        #expect(diagnostics == [
            .error("content/posts/2026/again", "this link leads back to a folder that holds it, so following it would never end",
                hint: "remove the link"),
            .error("content/posts/dangling.md", "this link leads nowhere (it does not exist)",
                hint: "point the link at a file inside the site folder, or remove it"),
            .error("content/posts/self", "this link leads nowhere (links lead in a circle)",
                hint: "point the link at a file inside the site folder, or remove it"),
        ])
    }

    /// The site's `themes` may link to a shared checkout: the theme's own links are judged against it.
    @Test func theThemesStaticLinksAreCheckedAgainstTheThemesRealFolder() throws {
        let secret = try Secret()
        defer { secret.remove() }
        let shared = secret.folder.appendingPathComponent("themes")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("themes"), to: shared)
        let themeStatic = shared.appendingPathComponent("default/static")
        try FileManager.default.createSymbolicLink(atPath: themeStatic.appendingPathComponent("readme.txt").path,
            withDestinationPath: "../README.md")
        let site = try TemporarySite(files: ["content/posts/a.md": goodPost])
        defer { site.remove() }
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("themes"))
        try FileManager.default.createSymbolicLink(at: site.root.appendingPathComponent("themes"), withDestinationURL: shared)
        let diagnostics = try site.failureAfterAGoodBuild {
            try FileManager.default.createSymbolicLink(atPath: themeStatic.appendingPathComponent("leak.txt").path,
                withDestinationPath: "../../../shadow")
        }
        #expect(diagnostics == [
            .error("themes/default/static/leak.txt",
                "this link leads outside the site folder and themes/default, to \(Excerpt.short(secret.real)), and is not followed",
                hint: outsideHint)
        ])
        #expect(try site.read("readme.txt").hasPrefix("#"))
    }

    @Test func dotfilesArePublishedAndLeftoversAreNot() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": goodPost,
            "content/posts/.hidden.md": post("title: \"Hidden\"\ndate: 2026-10-01"),
            "static/.htaccess": "ErrorDocument 404 /404.html",
            "static/.nojekyll": "",
            "static/.well-known/security.txt": "Contact: mailto:security@example.org",
            "static/.DS_Store": "x", "static/img/Thumbs.db": "x", "static/desktop.ini": "x",
            "static/notes.txt~": "x", "static/.notes.txt.swp": "x", "static/.notes.txt.swo": "x", "static/#notes.txt#": "x",
            "static/.git/config": "x", "static/.hg/store": "x", "static/.svn/entries": "x",
            "static/img/logo.svg": "<svg/>",
        ])
        defer { site.remove() }
        try site.build()
        let feeds = Set(OutputFormat.feeds.map(\.fileName))
        let published = try tree(site.output).keys.filter {
            !$0.hasSuffix(".html") && !feeds.contains(String($0.split(separator: "/").last!)) && !$0.hasPrefix("search-index/")
        }.sorted()
        #expect(published == [".broadside-manifest", ".htaccess", ".nojekyll", ".well-known/security.txt", "css/style.css", "img/logo.svg", "js/search.js",
                               "robots.txt", "sitemap.xml"])
        #expect(!site.exists("posts/hidden"))
    }

    @Test func theThemesLeftoversAreNotPublishedEither() throws {
        let site = try TemporarySite(files: ["content/posts/a.md": goodPost])
        defer { site.remove() }
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("themes"))
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("themes"), to: site.root.appendingPathComponent("themes"))
        try site.write("themes/default/static/.htaccess", "Options -Indexes")
        try site.write("themes/default/static/css/.DS_Store", "x")
        try site.write("themes/default/static/css/style.css~", "x")
        try site.build()
        #expect(try site.read(".htaccess") == "Options -Indexes")
        #expect(!site.exists("css/.DS_Store"))
        #expect(!site.exists("css/style.css~"))
    }
}

/// What cannot be read is an error at load time, never taken for missing.
@Suite struct UnreadableInputTests {
    @Test func aSiteYmlThatIsAFolderOrALoopIsAnError() throws {
        let site = try TemporarySite(files: ["content/posts/a.md": goodPost])
        defer { site.remove() }
        let diagnostics = try site.failureAfterAGoodBuild {
            try FileManager.default.removeItem(at: site.root.appendingPathComponent("site.yml"))
            try FileManager.default.createDirectory(at: site.root.appendingPathComponent("site.yml"), withIntermediateDirectories: false)
        }
        #expect(diagnostics == [.error("site.yml", "this is a folder, not a file", hint: "remove or rename the folder")])

        try FileManager.default.removeItem(at: site.root.appendingPathComponent("site.yml"))
        try site.link("site.yml", to: "site.yml")
        #expect(site.failure() == [
            .error("site.yml", "this link leads nowhere (links lead in a circle)",
                hint: "point the link at a file inside the site folder, or remove it")
        ])
    }

    @Test func aSiteYmlThatIsNotUTF8IsAnError() throws {
        let site = try TemporarySite(files: ["content/posts/a.md": goodPost])
        defer { site.remove() }
        let diagnostics = try site.failureAfterAGoodBuild {
            try Data("base_url: \"https://example.org/\"\ntitle: Caf".utf8 + [0xE9, 0x0A])
                .write(to: site.root.appendingPathComponent("site.yml"))
        }
        #expect(diagnostics == [.error("site.yml", line: 2, column: 11, "the file is not UTF-8 text: the byte 0xE9 here is not UTF-8",
            hint: "save the file as UTF-8 in your editor (in the Save As dialogue, choose the encoding UTF-8), then check the letters with accents on this line")])
    }

    @Test func aSiteYmlLinkedFromOutsideIsNotRead() throws {
        let secret = try Secret()
        defer { secret.remove() }
        let site = try TemporarySite(files: ["content/posts/a.md": goodPost])
        defer { site.remove() }
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("site.yml"))
        try site.link("site.yml", to: secret.file.path)
        let diagnostics = site.failure()
        #expect(diagnostics == [
            .error("site.yml", "this link leads outside the site folder, to \(Excerpt.short(secret.real)), and is not followed",
                hint: outsideHint)
        ])
        #expect(!diagnostics.description.contains("s3cr3t"))
    }

    /// A pipe cannot be read like a file, whoever runs the build; opening it must not hang the build either.
    @Test(.timeLimit(.minutes(1))) func pipesAreReportedNotRead() throws {
        let site = try TemporarySite(files: ["content/posts/a.md": goodPost])
        defer { site.remove() }
        let diagnostics = try site.failureAfterAGoodBuild {
            try FileManager.default.createDirectory(at: site.root.appendingPathComponent("static"), withIntermediateDirectories: true)
            #expect(mkfifo(site.root.appendingPathComponent("static/pipe.txt").path, 0o644) == 0)
            #expect(mkfifo(site.root.appendingPathComponent("content/posts/pipe.md").path, 0o644) == 0)
        }
        let hint = "remove it, or replace it with a regular file"
        let message = "this is not a regular file or folder (a pipe, socket or device), so it is not read"
        #expect(diagnostics == [.error("static/pipe.txt", message, hint: hint), .error("content/posts/pipe.md", message, hint: hint)])
    }

    // chmod 000 does not stop root from reading, so as root these cases cannot be made; the pipe,
    // loop and folder tests above cover "cannot be read" whoever runs them.
    @Test(.disabled(if: runningAsRoot, "running as root: chmod 000 does not stop root from reading"))
    func filesAndFoldersWithoutReadPermission() throws {
        let site = try TemporarySite(files: [
            "content/posts/a.md": goodPost,
            "content/posts/2026/b.md": post("title: \"B\"\ndate: 2026-10-02"),
            "static/logo.svg": "<svg/>",
        ])
        defer {
            chmod(site.root.appendingPathComponent("content/posts/2026").path, 0o755)
            site.remove()
        }
        let diagnostics = try site.failureAfterAGoodBuild {
            chmod(site.root.appendingPathComponent("content/posts/2026").path, 0)
            chmod(site.root.appendingPathComponent("static/logo.svg").path, 0)
            chmod(site.root.appendingPathComponent("site.yml").path, 0)
        }
        let hint = "check its permissions: the user running broadside must be able to read it"
        #expect(diagnostics == [
            .error("site.yml", "this file cannot be read (permission denied)", hint: hint),
            .error("static/logo.svg", "this file cannot be read (permission denied)", hint: hint),
            .error("content/posts/2026", "this folder cannot be read (permission denied)", hint: hint),
        ])
    }
}
