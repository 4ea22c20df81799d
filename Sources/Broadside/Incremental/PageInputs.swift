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
///
/// A post page, a list page and a feed count only the posts they show: a post page its own
/// entry and those "more in" its category, a list's page or feed the entries of the posts on
/// it (`entries`: each with what its entry shows of its terms, its series and its versions). What every page reads of
/// the posts together (the languages, their homes, the site's values) is in `shape`, digested
/// from the values the renderer made of them. A new post or a new title then makes the pages
/// that show it, not the other pages of the site; the indexes of terms and kinds, the search
/// page and 404 count every post.
struct PageInputs: Sendable {
    /// Everything but the posts' text: the inputs of a page that may show anything of any
    /// post (the indexes of terms and kinds, the search page, 404).
    let site: PageDigest
    /// Everything but the posts, and what every page reads of them together (`Shared.constants`).
    /// A new post or a new title leaves it as it was: only the pages that show the post are
    /// made again, not every page of the site.
    let shape: PageDigest
    /// Each post's HTML, digested once (`text(of:)`, before the search index, which keeps its
    /// blocks by them too): its page and the feeds that carry it are made of it.
    let texts: [PageDigest]
    /// Each post as list entries, feed items and its own page show it: its fields, its terms'
    /// names and addresses, its series' days and the fields of its versions in other languages.
    let entries: [PageDigest]
    /// What heads each list's pages and feeds (`Shared.lists`).
    let lists: [PageDigest]

    /// What the renderer makes once for every page, digested (`PageRenderer.sharedInputs`).
    struct Shared: Sendable {
        /// The site's values and theme partials per language, its languages and their homes, the
        /// home pages' calls to act and the number of upcoming events.
        var constants: PageDigest
        /// Each category's and tag's name and address, as a post's entry links it.
        var categories: [PageDigest]
        var tags: [PageDigest]
        /// Each series as the pages of its days show it, every day with its title and address.
        var series: [PageDigest]
        /// What heads each list's pages and feeds: its heading, address, feeds, twins in other
        /// languages, its term, series or edition.
        var lists: [PageDigest]
    }

    /// A post's or a page's Markdown, as `BuildRecord.stamps` sets it apart.
    static func isPostText(_ path: String) -> Bool {
        // In bytes: asked of every file of the site's walk.
        let bytes = path.utf8
        return bytes.count > 3 && bytes.suffix(3).elementsEqual(".md".utf8)
            && (bytes.starts(with: (ContentLoader.postsFolder + "/").utf8) || bytes.starts(with: (ContentLoader.pagesFolder + "/").utf8))
    }

    /// nil when a post cannot be digested or the walk set nothing apart.
    /// `fields`: posts' `fieldsDigest` as they were parsed, by source (kept in the post cache:
    /// the same post is digested the same way in every build); the others' are taken here.
    init?(files: FileStamps?, options: BuildOptions, site: Site, leftOut: [LeftOutPost], images: ImageSet, texts: [PageDigest],
          shared: Shared, fields known: [String: PageDigest] = [:]) {
        guard let files = files?.others else { return nil }
        let found = parallelMap(site.posts) { known[$0.source] ?? $0.fieldsDigest }
        guard !found.contains(nil) else { return nil }
        let fields = found.map { $0! }
        var shape = ValueDigest()
        shape.add("broadside page inputs 2")
        shape.add(BuildRecord.running)
        shape.add(BuildRecord.key(options))
        shape.add(files)
        let now = options.now.timeIntervalSince1970
        let until = BuildRecord.validUntil(site, leftOut: leftOut, now: now)
        shape.add(word: (until > now ? until : now).bitPattern)
        shape.add(String(reflecting: leftOut))
        // Reflected, so that a field added to an image is digested too; a site has few images.
        shape.add(String(reflecting: images.images.sorted { $0.key < $1.key }.map { [$0.key: $0.value] }))
        shape.add(String(reflecting: images.failed.sorted()))
        shape.add(shared.constants)
        var everything = shape
        everything.add(word: UInt64(fields.count))
        for field in fields { everything.add(field) }
        self.site = everything.digest
        self.shape = shape.digest
        self.texts = texts
        let entries = parallelMap(Array(site.posts.indices)) { Self.entry($0, in: site, fields: fields, shared: shared) }
        self.entries = entries
        lists = shared.lists
    }

    /// Post `index`'s entry: what `PostView` reads of the site.
    private static func entry(_ index: Int, in site: Site, fields: [PageDigest], shared: Shared) -> PageDigest {
        var digest = ValueDigest()
        digest.add(fields[index])
        for (terms, values) in [(site.categories.termsOfPost[index], shared.categories), (site.tags.termsOfPost[index], shared.tags)] {
            digest.add(word: UInt64(terms.count))
            for term in terms { digest.add(values[term]) }
        }
        if let series = site.seriesIndex(of: site.posts[index]) {
            digest.add(word: 1)
            digest.add(shared.series[series])
        } else {
            digest.add(word: 0)
        }
        let versions = TranslationView.versions(of: index, in: site)
        digest.add(word: UInt64(versions.count))
        for version in versions { digest.add(fields[version]) }
        return digest.digest
    }

    /// A post's HTML digested, as its page's and feeds' inputs and the search index's blocks take it.
    static func text(of post: Post) -> PageDigest {
        post.body.withBytes { text(UnsafeRawBufferPointer($0)) }
    }

    /// HTML's bytes digested as a post's text (the post cache checks a post's HTML by it too).
    static func text(_ html: UnsafeRawBufferPointer) -> PageDigest {
        var text = ValueDigest()
        text.add(html)
        return text.digest
    }

    /// The inputs of a page that may show anything of any post (its posts' text aside).
    func page(path: String) -> PageDigest {
        var digest = ValueDigest()
        digest.add(site)
        digest.add(path)
        return digest.digest
    }

    /// The inputs of post `index`'s page, which lists the entries of `more` ("more in").
    func post(path: String, _ index: Int, more: some Collection<Int>) -> PageDigest {
        var digest = ValueDigest()
        digest.add(shape)
        digest.add(path)
        digest.add(entries[index])
        digest.add(texts[index])
        digest.add(word: UInt64(more.count))
        for post in more { digest.add(entries[post]) }
        return digest.digest
    }

    /// The inputs of a file code writes from the entries of `posts` alone (a post's calendar,
    /// a part of the sitemap, a redirect to a post).
    func posts(path: String, _ posts: some Collection<Int>) -> PageDigest {
        var digest = ValueDigest()
        digest.add(shape)
        digest.add(path)
        digest.add(word: UInt64(posts.count))
        for post in posts { digest.add(entries[post]) }
        return digest.digest
    }

    /// The inputs of a page or a feed of list `list`: the entries of the posts it `shows`, the
    /// text of those it carries whole (a feed's), and the `numbers` it shows of the list itself
    /// (its pager; its count of posts when the theme shows it).
    func list(path: String, _ list: Int, shows posts: some Collection<Int>, texts: [Int] = [], numbers: [Int] = []) -> PageDigest {
        var digest = ValueDigest()
        digest.add(shape)
        digest.add(path)
        digest.add(lists[list])
        digest.add(word: UInt64(numbers.count))
        for number in numbers { digest.add(word: UInt64(bitPattern: Int64(number))) }
        digest.add(word: UInt64(posts.count))
        for post in posts { digest.add(entries[post]) }
        digest.add(word: UInt64(texts.count))
        for post in texts { digest.add(self.texts[post]) }
        return digest.digest
    }
}

extension Post {
    /// Every field but the text (`body`) and the links, which are forgotten before pages are made
    /// (`Site.forgetLinks`); `params`, a dictionary, in the order of its keys (its own order is
    /// another in each process). nil when a field cannot be encoded.
    /// In the post cache's encoding, which has every field (`PostRecord`): through `Codable`,
    /// this was a twentieth of a whole build's load at 10,000 posts.
    var fieldsDigest: PageDigest? {
        var fields = self
        fields.body = PostHTML("")
        fields.links = []
        fields.params = [:]
        guard let encoded = try? PostRecord.encode(PostCache.Entry(post: fields, diagnostics: [])) else { return nil }
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
