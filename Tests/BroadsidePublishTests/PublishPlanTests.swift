import Testing

@testable import BroadsidePublish

@Suite struct PublishPlanTests {
    static func manifest(_ files: [String: String]) -> PublishManifest {
        PublishManifest(files: files.mapValues { .init(size: $0.count, sha256: $0) })
    }

    @Test func assetsThenPagesThenFeedsThenHomePages() {
        let built = Self.manifest([
            "index.html": "a", "fr/index.html": "b", "posts/x/index.html": "c", "feed.xml": "d",
            "sitemap.xml": "e", "media/p.jpg": "f", "style.css": "g", "page/2/index.html": "h",
        ])
        let plan = PublishPlan(published: PublishManifest(), built: built)
        #expect(plan.uploads == [
            "media/p.jpg", "style.css", "page/2/index.html", "posts/x/index.html", "feed.xml", "sitemap.xml",
            "fr/index.html", "index.html",
        ])
        #expect(plan.deletions.isEmpty)
    }

    /// A name with a line break would be a second FTP command; a manifest path with `..` would
    /// delete outside the site's folder, whoever put it on the host.
    @Test func namesNoCommandCanCarryAreRefusedAndPathsOutOfTheFolderNeverDeleted() {
        let published = Self.manifest(["../other-site/index.html": "x", "/etc/passwd": "y", "old.html": "z", "a/./b": "w"])
        let built = Self.manifest(["index.html": "a", "a\r\nDELE index.html": "b", "tab\there.txt": "c"])
        let plan = PublishPlan(published: published, built: built)
        #expect(plan.refused == ["a\r\nDELE index.html", "tab\there.txt"])
        #expect(plan.uploads == ["index.html"])
        #expect(plan.deletions == ["old.html"])
    }

    @Test func onlyWhatChanged() {
        let published = Self.manifest(["index.html": "a", "a.css": "b", "p/index.html": "c"])
        let built = Self.manifest(["index.html": "a2", "a.css": "b", "p/index.html": "c", "new.png": "n"])
        let plan = PublishPlan(published: published, built: built)
        #expect(plan.uploads == ["new.png", "index.html"])
        #expect(plan.unchanged == 2)
    }

    @Test func deletesOnlyWhatTheManifestLists() {
        // .htaccess is on the host but never in a manifest, so it never appears in a plan.
        let published = Self.manifest(["index.html": "a", "old/index.html": "b"])
        let built = Self.manifest(["index.html": "a"])
        let plan = PublishPlan(published: published, built: built)
        #expect(plan.deletions == ["old/index.html"])
        #expect(plan.uploads.isEmpty)
    }

    @Test func resumesFromACheckpoint() {
        // A checkpoint records the files already uploaded with their new hashes: a new run
        // plans only the rest.
        let built = Self.manifest(["index.html": "a2", "x.png": "x2", "y.png": "y2"])
        var checkpoint = Self.manifest(["index.html": "a", "x.png": "x", "y.png": "y"])
        checkpoint.files["x.png"] = built.files["x.png"]
        let plan = PublishPlan(published: checkpoint, built: built)
        #expect(plan.uploads == ["y.png", "index.html"])
    }

    @Test func temporaryNameBesideTheFile() {
        #expect(Remote.temporary("posts/a/index.html") == "posts/a/.index.html.broadside-tmp")
        #expect(Remote.temporary("index.html") == ".index.html.broadside-tmp")
    }

    @Test func urls() {
        let sftp = Remote(settings: .init(transport: .sftp, host: "h", port: 2222, user: "u", folder: "/var/www"))
        #expect(sftp.url("a b/index.html") == "sftp://h:2222/var/www/a%20b/index.html")
        let ftp = Remote(settings: .init(transport: .ftps, host: "h", user: "u", folder: "www"))
        #expect(ftp.url("index.html") == "ftp://h/www/index.html")
    }
}
