import Foundation

/// Everything read from the site folder's `content/posts/`.
public struct LoadedContent: Sendable {
    /// Posts to build, in source path order.
    public var posts: [Post]
    public var diagnostics: [Diagnostic]
    /// Series days left out for their date, in source path order (see `ScheduledDay`).
    public var scheduled: [ScheduledDay] = []
    /// Posts left out for being drafts or dated after now, in source path order.
    public var leftOut: [LeftOutPost] = []
    /// `content/series/*.md`: the text at the top of a series' page, as pages are read.
    public var introductions: [Post] = []
    /// Posts taken as they were from `PostCache` instead of being parsed.
    public var postsFromCache = 0
    /// Each post's `fieldsDigest` as it was parsed, by its source, when there is a cache to keep it in.
    var fields: [String: PageDigest] = [:]
    /// Each post's HTML digested (`PageInputs.text(of:)`), by its source, when the cache keeps it.
    var texts: [String: PageDigest] = [:]
}

/// Finds `content/posts/**/*.md`, reads each file once and parses it on every core.
struct ContentLoader {
    var source: URL
    var parser: PostParser
    /// Where each post's HTML goes once parsed, when the build will write; nil: kept in memory.
    var spill: HTMLSpill? = nil
    /// The posts the last build parsed, and what decides again whether each is published; nil:
    /// every post is parsed.
    var cache: (posts: PostCache, leftOut: LeftOutPosts)? = nil

    static let postsFolder = "content/posts"
    /// Pages: About, Donate, Know your rights; optional.
    static let pagesFolder = "content/pages"
    /// A series' introduction, shown above its days; optional.
    static let seriesFolder = "content/series"

    func load() -> LoadedContent {
        let folder = SiteFolder(source)
        switch folder.look(at: Self.postsFolder, within: folder.bounds) {
        case .success(.folder): break
        case .failure(let diagnostic): return LoadedContent(posts: [], diagnostics: [diagnostic])
        case .success(.missing), .success(.file):
            return LoadedContent(posts: [], diagnostics: [
                .error(Self.postsFolder, "there is no \(Self.postsFolder)/ folder in \(source.path)",
                    hint: "run broadside in your site's folder or pass --source; to start a new site here, run broadside init")
            ])
        }
        // Hidden files and folders are an editor's or a tool's, never posts.
        let (listed, listing) = folder.files(in: Self.postsFolder, within: folder.bounds,
            skip: { $0.hasPrefix(".") }, keep: { $0.hasSuffix(".md") || UnreadFiles.isMisnamedPost($0) }, checkReadable: false)
        let files = listed.filter { $0.path.hasSuffix(".md") }
        let unread = UnreadFiles.misnamed(listed.map(\.path).filter { !$0.hasSuffix(".md") }, posts: files.map(\.path))
            + UnreadFiles.outsidePosts(in: folder)
        let results = parallelMap(files) { found -> (Post?, ScheduledDay?, [Diagnostic], LeftOutPost?, digest: String?, fields: PageDigest?, text: PageDigest?) in
            let file = "\(Self.postsFolder)/\(found.path)"
            if let problem = PostFolder.problem(withPostAt: found.path) { return (nil, nil, [problem], nil, nil, nil, nil) }
            let data: Data
            switch FileBytes.read(found.real, limit: TextLimit.post.bytes) {
            case .success(let read): data = read
            case .failure(let failure):
                return (nil, nil, [failure.diagnostic(file, .post) { SiteFolder.unreadableFile(file, $0) }], nil, nil, nil, nil)
            }
            let digest = cache.map { _ in PostCache.digest(of: file, bytes: data) }
            if let cache, let digest, let (post, diagnostics, fields, text) = cache.posts.post(digest, if: { cache.leftOut.admits(draft: $0.draft, date: $0.date) }) {
                _ = cache.leftOut.admit(draft: post.draft, date: post.date)
                return (post, nil, diagnostics, nil, digest, fields, text)
            }
            guard let text = String(validatingUTF8: data) else {
                return (nil, nil, [UTF8Text.problem(in: data, file: file)], nil, nil, nil, nil)
            }
            let postFolder = PostFolder.folder(ofPostAt: found.path)
            var (post, scheduled, diagnostics, leftOut) = parser.read(text, file: file, fileStem: PostFolder.stem(ofPostAt: found.path),
                finder: ResourceFinder(site: folder, postFolder: postFolder))
            // Taken where a build will keep the pages' inputs (it has a cache), from the post as parsed.
            let fields = cache == nil ? nil : post?.fieldsDigest
            if let cache, let digest,
                let kept = post.flatMap({ cache.posts.keep($0, diagnostics: diagnostics, fields: fields, digest: digest, inFolder: postFolder != nil) })
            {
                post?.body = kept.html
                return (post, scheduled, diagnostics, leftOut, digest, fields, kept.text)
            } else if let spill, let body = post?.body {
                post?.body = body.spilled(into: spill)
            }
            return (post, scheduled, diagnostics, leftOut, digest, fields, nil)
        }
        cache?.posts.finish(keeping: Set(results.compactMap(\.digest)))
        // A link beside a post folder's index.md is judged by both listings: say it once.
        var diagnostics = listing + results.flatMap(\.2).filter { !listing.contains($0) } + unread
        if files.isEmpty && listing.isEmpty {
            diagnostics.append(.warning(Self.postsFolder, "there are no Markdown posts yet",
                hint: "add a file such as \(Self.postsFolder)/first-post.md"))
        }
        let pages = loadPages(folder)
        let introductions = loadPages(folder, from: Self.seriesFolder, below: "series/")
        // Made to its size at once: grown a post at a time it had up to a third more room, and
        // posts + pages was a second copy (a post was then 700 bytes: 70 MB at 100,000).
        var posts: [Post] = []
        posts.reserveCapacity(results.count + pages.posts.count)
        var fields: [String: PageDigest] = [:]
        var texts: [String: PageDigest] = [:]
        for result in results {
            guard let post = result.0 else { continue }
            posts.append(post)
            fields[post.source] = result.fields
            texts[post.source] = result.text
        }
        posts.append(contentsOf: pages.posts)
        var content = LoadedContent(posts: posts, diagnostics: diagnostics + pages.diagnostics + introductions.diagnostics,
                                    scheduled: results.compactMap(\.1), leftOut: results.compactMap(\.3) + pages.leftOut + introductions.leftOut,
                                    introductions: introductions.posts, postsFromCache: cache?.posts.postsFound ?? 0)
        content.fields = fields
        content.texts = texts
        return content
    }

    /// `content/pages/**/*.md`, each a page at the address its path gives; read the same way,
    /// `content/series/*.md`, each a series' introduction (`below`: `series/`, where its page is).
    private func loadPages(_ folder: SiteFolder, from pagesFolder: String = Self.pagesFolder, below: String = "")
        -> (posts: [Post], diagnostics: [Diagnostic], leftOut: [LeftOutPost])
    {
        switch folder.look(at: pagesFolder, within: folder.bounds) {
        case .success(.folder): break
        case .failure(let diagnostic): return ([], [diagnostic], [])
        case .success(.missing), .success(.file): return ([], [], [])
        }
        let (listed, listing) = folder.files(in: pagesFolder, within: folder.bounds,
            skip: { $0.hasPrefix(".") }, keep: { $0.hasSuffix(".md") || UnreadFiles.isMisnamedPost($0) }, checkReadable: false)
        let files = listed.filter { $0.path.hasSuffix(".md") }
        // `about.markdown`, `donate.md.txt`: a page the editor meant, not read without a word.
        let misnamed = listed.filter { !$0.path.hasSuffix(".md") }.map { found in
            let file = "\(pagesFolder)/\(found.path)"
            let stem = (found.path as NSString).deletingPathExtension
            let name = stem.hasSuffix(".md") ? stem : stem + ".md"
            return Diagnostic.warning(file, "this file is not read: a page's file name ends in .md",
                hint: "rename it \(pagesFolder)/\(name)")
        }
        let results = parallelMap(files) { found -> (Post?, [Diagnostic], LeftOutPost?) in
            let file = "\(pagesFolder)/\(found.path)"
            if found.path == PostFolder.indexFile {
                return (nil, [.error(file, "a page cannot be the home page, which lists the newest posts",
                    hint: "give the page a name of its own, such as \(pagesFolder)/about.md")], nil)
            }
            let data: Data
            switch FileBytes.read(found.real, limit: TextLimit.post.bytes) {
            case .success(let read): data = read
            case .failure(let failure):
                return (nil, [failure.diagnostic(file, .post) { SiteFolder.unreadableFile(file, $0) }], nil)
            }
            guard let text = String(validatingUTF8: data) else { return (nil, [UTF8Text.problem(in: data, file: file)], nil) }
            let (read, _, diagnostics, leftOut) = parser.read(text, file: file, fileStem: PostFolder.stem(ofPostAt: found.path),
                finder: ResourceFinder(site: folder, postFolder: PostFolder.folder(ofPostAt: found.path, in: pagesFolder)),
                page: below + PostFolder.pagePath(ofPageAt: found.path))
            var post = read
            if let spill, let body = post?.body { post?.body = body.spilled(into: spill) }
            return (post, diagnostics, leftOut)
        }
        return (results.compactMap(\.0), listing + results.flatMap(\.1) + misnamed, results.compactMap(\.2))
    }
}

extension String {
    /// Strict UTF-8 decoding: nil for bytes that are not UTF-8 instead of replacement characters.
    init?(validatingUTF8 data: Data) {
        guard let text = data.withUnsafeBytes({ String(validating: $0, as: UTF8.self) }) else { return nil }
        self = text
    }
}
