/// What a theme page or a feed is made from, digested without making its values: a rebuild
/// after one post's text was edited then makes that post's page and the feeds that carry it,
/// where making every page's values to compare their digests (`PageDigests`) took most of its
/// render stage, and making every post's list entry and feed entry most of the stage before.
///
/// A page is a function of the program, the options, the site's files and now. The files are
/// taken as the build record stamps them (`BuildRecord.stamps`: the check that lets a build
/// with nothing changed write nothing), but for the posts' Markdown, which pages see only as
/// the loaded posts: each post's fields are digested instead, and its text apart. The text
/// shows on the post's own page and in the feeds that carry it alone (list entries, cards and
/// JSON-LD are made of fields; the search index has digests of its own), so an edit of it
/// leaves every other page's inputs as they were. Now counts as far as the record's own check
/// lets it: up to the next instant a post leaves the future or an event is over
/// (`BuildRecord.validUntil`).
struct PageInputs: Sendable {
    /// Everything but the posts' text.
    let site: PageDigest
    /// Each post's HTML, digested once (`text(of:)`, before the search index, which keeps its
    /// blocks by them too): its page and the feeds that carry it are made of it.
    let texts: [PageDigest]

    /// A post's or a page's Markdown, as `BuildRecord.stamps` sets it apart.
    static func isPostText(_ path: String) -> Bool {
        path.hasSuffix(".md") && (path.hasPrefix(ContentLoader.postsFolder + "/") || path.hasPrefix(ContentLoader.pagesFolder + "/"))
    }

    /// nil when a post cannot be digested or the walk set nothing apart.
    /// `fields`: posts' `fieldsDigest` as they were parsed, by source (kept in the post cache:
    /// the same post is digested the same way in every build); the others' are taken here.
    init?(files: FileStamps?, options: BuildOptions, site: Site, leftOut: [LeftOutPost], images: ImageSet, texts: [PageDigest],
          fields known: [String: PageDigest] = [:]) {
        guard let files = files?.others else { return nil }
        let fields = parallelMap(site.posts) { known[$0.source] ?? $0.fieldsDigest }
        var digest = ValueDigest()
        digest.add("broadside page inputs 1")
        digest.add(BuildRecord.running)
        digest.add(BuildRecord.key(options))
        digest.add(files)
        let now = options.now.timeIntervalSince1970
        let until = BuildRecord.validUntil(site, leftOut: leftOut, now: now)
        digest.add(word: (until > now ? until : now).bitPattern)
        digest.add(word: UInt64(fields.count))
        for field in fields {
            guard let field else { return nil }
            digest.add(field)
        }
        digest.add(String(reflecting: leftOut))
        // Reflected, so that a field added to an image is digested too; a site has few images.
        digest.add(String(reflecting: images.images.sorted { $0.key < $1.key }.map { [$0.key: $0.value] }))
        digest.add(String(reflecting: images.failed.sorted()))
        self.site = digest.digest
        self.texts = texts
    }

    /// A post's HTML digested, as its page's and feeds' inputs and the search index's blocks take it.
    static func text(of post: Post) -> PageDigest {
        var text = ValueDigest()
        post.body.withBytes { text.add(UnsafeRawBufferPointer($0)) }
        return text.digest
    }

    /// The inputs of the page or feed at `path`, which shows the text of `posts` (numbers in `site.posts`).
    func digest(path: String, posts: [Int]) -> PageDigest {
        var digest = ValueDigest()
        digest.add(site)
        digest.add(path)
        digest.add(word: UInt64(posts.count))
        for post in posts { digest.add(texts[post]) }
        return digest.digest
    }
}

extension Post {
    /// Every field but the text (`body`) and the links, which are forgotten before pages are made
    /// (`Site.forgetLinks`); `params`, a dictionary, in the order of its keys (its own order is
    /// another in each process). nil when a field cannot be encoded.
    var fieldsDigest: PageDigest? {
        var fields = self
        fields.body = PostHTML("")
        fields.links = []
        fields.params = [:]
        guard let encoded = try? BinaryCoder.encode(fields) else { return nil }
        var digest = ValueDigest()
        encoded.withUnsafeBytes { digest.add($0) }
        for (key, value) in params.sorted(by: { $0.key < $1.key }) {
            guard let encoded = try? BinaryCoder.encode(value) else { return nil }
            digest.add(key)
            encoded.withUnsafeBytes { digest.add($0) }
        }
        return digest.digest
    }
}
