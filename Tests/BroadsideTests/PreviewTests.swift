import Foundation
import Testing

@testable import Broadside

/// The preview server's own reading of a request: what it serves, and what it refuses.
@Suite struct PreviewPathTests {
    func refusal(_ target: String) -> PreviewStatus? {
        if case .failure(let status) = RequestPath.parse(target: target) { return status }
        return nil
    }

    @Test(arguments: [
        "/..%2f..%2f..%2f..%2fetc/hostname", "/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E/etc/passwd", "/../../etc/passwd",
        "/posts/../../etc/passwd", "/./posts/", "/%2e/posts/", "/..\\..\\etc\\hostname", "/posts%2fa/",
        "/posts%2Fa/", "/%00", "/index.html%00.png", "/%ff", "/%c3", "/%zz", "/%2",
        "/posts//a/", "//etc/passwd", "/a#b",
    ])
    func traversalAndMalformedPathsAreRefusedWith404(_ target: String) {
        #expect(refusal(target) == .notFound)
    }

    @Test(arguments: ["/caf\u{E9}/", "/a b", "/a\tb", "/\u{FFFD}"])
    func rawBytesThatAreNotAURLAreA400(_ target: String) {
        #expect(refusal(target) == .badRequest)
    }

    /// Names a Linux file may have and the build publishes: they stay inside the folder.
    @Test func encodedBackslashesAndLineBreaksAreNamesNotTraversal() throws {
        #expect(try RequestPath.parse(target: "/%5c..%5cetc").get().segments == ["\\..\\etc"])
        #expect(try RequestPath.parse(target: "/a%0d%0aSet-Cookie:%20x").get().segments == ["a\r\nSet-Cookie: x"])
        #expect(try RequestPath.parse(target: "/files/a%5Cb%0Ac.txt").get().raw == "/files/a%5Cb%0Ac.txt")
    }

    @Test func doubleEncodingIsDecodedOnceAndNamesAFileWithPercentSigns() throws {
        let path = try RequestPath.parse(target: "/%252e%252e%252fetc/hostname").get()
        #expect(path.segments == ["%2e%2e%2fetc", "hostname"])
    }

    @Test func unicodeSegmentsAreDecodedAsUTF8() throws {
        let path = try RequestPath.parse(target: "/posts/a%C3%B1o/?utm=1").get()
        #expect(path.segments == ["posts", "año"])
        #expect(path.isFolder)
        #expect(path.raw == "/posts/a%C3%B1o/")
    }

    @Test func longTargetsAreRefusedWith414AndOtherFormsWith400() {
        #expect(refusal("/" + String(repeating: "a", count: 8 * 1024)) == .uriTooLong)
        #expect(refusal("http://127.0.0.1:4000/") == .badRequest)
        #expect(refusal("*") == .badRequest)
    }

    @Test func limitsRefuseForeignHostsOtherMethodsAndHugeHeaders() {
        let limits = RequestLimits(port: 4000)
        #expect(limits.refusal(method: "GET", headers: [("Host", "127.0.0.1:4000")]) == nil)
        #expect(limits.refusal(method: "HEAD", headers: [("host", "LOCALHOST:4000")]) == nil)
        #expect(limits.refusal(method: "GET", headers: [("Host", "evil.example:4000")]) == .forbidden)
        #expect(limits.refusal(method: "GET", headers: [("Host", "127.0.0.1:4001")]) == .forbidden)
        #expect(limits.refusal(method: "GET", headers: []) == .badRequest)
        #expect(limits.refusal(method: "POST", headers: [("Host", "127.0.0.1:4000")]) == .methodNotAllowed)
        let big = [(name: "Host", value: "127.0.0.1:4000"), (name: "X-Big", value: String(repeating: "a", count: 17_000))]
        #expect(limits.refusal(method: "GET", headers: big) == .headersTooLarge)
        let many = (0..<101).map { (name: "X-\($0)", value: "1") }
        #expect(limits.refusal(method: "GET", headers: many) == .headersTooLarge)
        let twice = [(name: "Host", value: "127.0.0.1:4000"), (name: "host", value: "127.0.0.1:4000")]
        #expect(limits.refusal(method: "GET", headers: twice) == .badRequest)
        #expect(limits.refusal(method: "GET", headers: [("Host", "127.0.0.1")]) == .forbidden)
    }

    @Test func onPort80TheHostMayLeaveThePortOut() {
        let limits = RequestLimits(port: 80)
        #expect(limits.refusal(method: "GET", headers: [("Host", "127.0.0.1")]) == nil)
        #expect(limits.refusal(method: "GET", headers: [("Host", "localhost")]) == nil)
        #expect(limits.refusal(method: "GET", headers: [("Host", "localhost:80")]) == nil)
        #expect(limits.refusal(method: "GET", headers: [("Host", "evil.example")]) == .forbidden)
    }

    @Test func contentTypesOfASitesFiles() {
        #expect(ContentTypes.type(ofFile: "index.html") == "text/html; charset=utf-8")
        #expect(ContentTypes.type(ofFile: "feed.xml") == "application/xml; charset=utf-8")
        #expect(ContentTypes.type(ofFile: "event.ics") == "text/calendar; charset=utf-8")
        #expect(ContentTypes.type(ofFile: "chart.SVG") == "image/svg+xml")
        #expect(ContentTypes.type(ofFile: "report.pdf") == "application/pdf")
        #expect(ContentTypes.type(ofFile: "font.woff2") == "font/woff2")
        #expect(ContentTypes.type(ofFile: "_redirects") == "application/octet-stream")
        #expect(ContentTypes.type(ofFile: ".htaccess") == "application/octet-stream")
    }
}

@Suite struct PreviewFolderTests {
    /// An output folder with a page, a Unicode folder, a file, and a link out of it.
    func makeFolder() throws -> (URL, URL) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("broadside-preview-test-\(UUID().uuidString)")
        let site = base.appendingPathComponent("site")
        let fm = FileManager.default
        for folder in ["posts/año", "posts/empty", "css"] {
            try fm.createDirectory(at: site.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try Data("<p>home</p>".utf8).write(to: site.appendingPathComponent("index.html"))
        try Data("<p>año</p>".utf8).write(to: site.appendingPathComponent("posts/año/index.html"))
        try Data("body{}".utf8).write(to: site.appendingPathComponent("css/style.css"))
        try Data("secret".utf8).write(to: base.appendingPathComponent("secret.txt"))
        try fm.createSymbolicLink(atPath: site.appendingPathComponent("leak.txt").path, withDestinationPath: base.appendingPathComponent("secret.txt").path)
        try fm.createSymbolicLink(atPath: site.appendingPathComponent("up").path, withDestinationPath: base.path)
        return (base, site)
    }

    func lookup(_ folder: PreviewFolder, _ target: String) -> PreviewLookup {
        switch RequestPath.parse(target: target) {
        case .success(let path): folder.lookup(path)
        case .failure(let status): .refused(status)
        }
    }

    @Test func servesFilesAndIndexPagesRedirectsFoldersWithoutSlash() throws {
        let (base, site) = try makeFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let folder = try #require(PreviewFolder(folder: site, rootPath: "/"))
        #expect(lookup(folder, "/") == .file(path: folder.root + "/index.html", contentType: "text/html; charset=utf-8"))
        #expect(lookup(folder, "/posts/a%C3%B1o/") == .file(path: folder.root + "/posts/año/index.html", contentType: "text/html; charset=utf-8"))
        #expect(lookup(folder, "/posts/a%C3%B1o") == .redirect(location: "/posts/a%C3%B1o/"))
        #expect(lookup(folder, "/css/style.css") == .file(path: folder.root + "/css/style.css", contentType: "text/css; charset=utf-8"))
        #expect(lookup(folder, "/css/style.css/") == .refused(.notFound))
        #expect(lookup(folder, "/posts/empty/") == .refused(.notFound))
        #expect(lookup(folder, "/posts/missing/") == .refused(.notFound))
    }

    @Test func filesWithABackslashOrALineBreakInTheirNameAreServed() throws {
        let (base, site) = try makeFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        try Data("x".utf8).write(to: site.appendingPathComponent("css/a\\b.css"))
        try Data("x".utf8).write(to: site.appendingPathComponent("css/line\nbreak.txt"))
        let folder = try #require(PreviewFolder(folder: site, rootPath: "/"))
        #expect(lookup(folder, "/css/a%5Cb.css") == .file(path: folder.root + "/css/a\\b.css", contentType: "text/css; charset=utf-8"))
        #expect(lookup(folder, "/css/line%0Abreak.txt") == .file(path: folder.root + "/css/line\nbreak.txt", contentType: "text/plain; charset=utf-8"))
        #expect(lookup(folder, "/css/%5C..%5C..%5Csecret.txt") == .refused(.notFound))
    }

    @Test func symlinksOutOfTheFolderAreRefused() throws {
        let (base, site) = try makeFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let folder = try #require(PreviewFolder(folder: site, rootPath: "/"))
        #expect(lookup(folder, "/leak.txt") == .refused(.notFound))
        #expect(lookup(folder, "/up/secret.txt") == .refused(.notFound))
        #expect(lookup(folder, "/up/") == .refused(.notFound))
        #expect(lookup(folder, "/..%2fsecret.txt") == .refused(.notFound))
    }

    @Test func aSitePublishedUnderAPathIsPreviewedThereAndTheRootRedirects() throws {
        let (base, site) = try makeFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let folder = try #require(PreviewFolder(folder: site, rootPath: "/news/"))
        #expect(lookup(folder, "/") == .redirect(location: "/news/"))
        #expect(lookup(folder, "/news") == .redirect(location: "/news/"))
        #expect(lookup(folder, "/news/") == .file(path: folder.root + "/index.html", contentType: "text/html; charset=utf-8"))
        #expect(lookup(folder, "/news/css/style.css") == .file(path: folder.root + "/css/style.css", contentType: "text/css; charset=utf-8"))
        #expect(lookup(folder, "/css/style.css") == .refused(.notFound))
    }
}

@Suite struct PreviewPagesTests {
    func inject(_ html: String, errors: PreviewPages.BuildErrors? = nil) -> String {
        String(decoding: PreviewPages.inject(into: Array(html.utf8), build: 7, errors: errors), as: UTF8.self)
    }

    @Test func theReloadScriptGoesBeforeTheLastBodyEnd() {
        #expect(inject("<p>&lt;/body&gt;</p></BODY></html>") == "<p>&lt;/body&gt;</p><script src=\"/__broadside/reload.js\" data-build=\"7\"></script>\n</BODY></html>")
        #expect(inject("<p>no body end</p>") == "<p>no body end</p><script src=\"/__broadside/reload.js\" data-build=\"7\"></script>\n")
    }

    @Test func theOverlayShowsTheMessagesEscaped() {
        let errors = PreviewPages.BuildErrors(count: "1 error", text: "error: content/posts/a.md:2:8: <b> & \"x\"\n")
        let page = inject("<main></main></body>", errors: errors)
        #expect(page.contains("<h2 id=\"broadside-build-errors-title\">The site did not build: 1 error</h2>"))
        #expect(page.contains("<pre>error: content/posts/a.md:2:8: &lt;b&gt; &amp; &quot;x&quot;\n</pre>"))
        #expect(page.contains("role=\"alert\""))
        #expect(page.hasSuffix("<script src=\"/__broadside/reload.js\" data-build=\"7\"></script>\n</body>"))
    }

    @Test func theScriptTalksToThisServerOnly() {
        #expect(PreviewPages.reloadScript.contains("new EventSource(\"/__broadside/events\")"))
        #expect(!PreviewPages.reloadScript.contains("//" + "localhost") && !PreviewPages.reloadScript.contains("http"))
    }
}

@Suite struct SourceSnapshotTests {
    /// A site whose `static/` holds a link to `/` and two links to `.`: the build refuses
    /// them, so the watcher must not walk them either (it walked for ever and grew by gigabytes).
    @Test func linksTheBuildRefusesAreNotFollowed() throws {
        let fm = FileManager.default
        let source = fm.temporaryDirectory.appendingPathComponent("broadside-watch-test-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: source) }
        try fm.createDirectory(at: source.appendingPathComponent("static/css"), withIntermediateDirectories: true)
        try fm.createDirectory(at: source.appendingPathComponent("content/posts"), withIntermediateDirectories: true)
        try Data("body{}".utf8).write(to: source.appendingPathComponent("static/css/style.css"))
        try Data("---\ntitle: a\n---\n".utf8).write(to: source.appendingPathComponent("content/posts/a.md"))
        try fm.createSymbolicLink(atPath: source.appendingPathComponent("static/root").path, withDestinationPath: "/")
        try fm.createSymbolicLink(atPath: source.appendingPathComponent("static/here").path, withDestinationPath: ".")
        try fm.createSymbolicLink(atPath: source.appendingPathComponent("static/css/again").path, withDestinationPath: "..")
        let snapshot = SourceSnapshot.take(of: source)
        let paths = snapshot.entries.map(\.path).sorted()
        #expect(paths == ["content/posts/a.md", "static/css/again", "static/css/style.css", "static/here", "static/root"])
        #expect(snapshot.entries.filter { $0.size == -1 }.map(\.path).sorted() == ["static/css/again", "static/here", "static/root"])
    }

    @Test func anEditAndANewFileAreChanges() throws {
        let fm = FileManager.default
        let source = fm.temporaryDirectory.appendingPathComponent("broadside-watch-test-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: source) }
        try fm.createDirectory(at: source.appendingPathComponent("content/posts"), withIntermediateDirectories: true)
        try Data("title: a\n".utf8).write(to: source.appendingPathComponent("site.yml"))
        let before = SourceSnapshot.take(of: source)
        try Data("title: ab\n".utf8).write(to: source.appendingPathComponent("site.yml"))
        let edited = SourceSnapshot.take(of: source)
        #expect(edited.changes(since: before) == "site.yml")
        try Data("x".utf8).write(to: source.appendingPathComponent("content/posts/b.md"))
        #expect(SourceSnapshot.take(of: source).changes(since: edited) == "content/posts/b.md")
    }
}
