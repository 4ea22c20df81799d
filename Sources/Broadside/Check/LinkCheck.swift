import Foundation

/// Links and images in posts that lead to no page or file of the site: a warning at the line of
/// the Markdown link, from every build. `LinkTargets` says how a link is read.
enum LinkCheck {
    /// A build names this many broken links at most, then counts the rest: a site imported with
    /// thousands of missing images would bury every other message (`broadside check` lists all).
    static let buildLimit = 20

    /// What the check reads of a post: its file, its page's folder and its links.
    struct LinkedPost: Sendable {
        var source: String
        var folder: String
        var links: [PostLink]
    }

    /// The posts whose links are checked, series' introductions among them (checked as posts
    /// are, from their series' page); apart from the site, so that a build can let go of the
    /// posts' links while the check goes on.
    static func linkedPosts(of site: Site) -> [LinkedPost] {
        // Not `site.posts + …`: a copy of every post (40 MB at 100,000) at the build's peak.
        // Field by field: a post taken from the array whole, even to be lent, was copied, every field of it retained.
        site.posts.indices.compactMap { linked(site.posts[$0].source, page: site.posts[$0].page, slug: site.posts[$0].slug, site.posts[$0].links) }
            + site.introductions.compactMap { $0.flatMap { linked($0.source, page: $0.page, slug: $0.slug, $0.links) } }
    }

    /// What the check reads of a post: its file, its folder and its links; nil without any.
    private static func linked(_ source: String, page: String?, slug: String, _ links: [PostLink]) -> LinkedPost? {
        links.isEmpty ? nil : LinkedPost(source: source, folder: Post.folder(page: page, slug: slug), links: links)
    }

    /// `paths`: every file the site will have, relative to the output folder. Past `limit`
    /// broken links, one warning counts the others.
    static func brokenLinks(in site: Site, paths: Set<String>, limit: Int = .max) -> [Diagnostic] {
        brokenLinks(in: linkedPosts(of: site), rootPath: site.urls.rootPath, paths: paths, limit: limit)
    }

    static func brokenLinks(in posts: [LinkedPost], rootPath: String, paths: Set<String>, limit: Int = .max) -> [Diagnostic] {
        let targets = LinkTargets(paths: paths)
        let folders = Set(paths.compactMap { path in path.firstIndex(of: "/").map { String(path[..<$0]) } })
        // Each post's broken links, in the order written; on every core, as posts were loaded.
        let brokenOfPost = parallelMap(Array(posts.indices)) { index in
            posts[index].links.compactMap { link -> (PostLink, LinkTargets.Resolution)? in
                let resolution = targets.resolve(link.url, from: posts[index].folder)
                return resolution == .found || resolution == .elsewhere ? nil : (link, resolution)
            }
        }
        // By file: the order an editor goes through them.
        let withBroken = posts.indices.filter { !brokenOfPost[$0].isEmpty }.sorted { bytesPrecede(posts[$0].source, posts[$1].source) }
        guard !withBroken.isEmpty else { return [] }
        let suggestions = NearestAddress(paths)
        var diagnostics: [Diagnostic] = []
        var more = 0
        for index in withBroken {
            for (link, resolution) in brokenOfPost[index] {
                // A missing image is an error, as a missing featured image is: never counted away.
                let isError = isMissingImage(link, resolution, folders: folders)
                guard diagnostics.count < limit || isError else {
                    more += 1
                    continue
                }
                var found = diagnostic(link, resolution, in: posts[index], rootPath: rootPath,
                    targets: targets, suggestions: suggestions)
                if isError { found.severity = .error }
                diagnostics.append(found)
            }
        }
        if more > 0 {
            diagnostics.append(.warning(nil, more == 1 ? "1 more link or image leads to no page or file of the site"
                : "\(more) more links or images lead to no page or file of the site",
                hint: "run broadside check to list every one with its file and line"))
        }
        return diagnostics
    }

    /// Byte order, as files are listed; ASCII paths (nearly all) compared without decoding.
    private static func bytesPrecede(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in b.withUTF8 { y in
            let common = min(x.count, y.count)
            let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
            return order != 0 ? order < 0 : x.count < y.count
        } }
    }

    private static func diagnostic(
        _ link: PostLink, _ resolution: LinkTargets.Resolution, in post: LinkedPost, rootPath: String,
        targets: LinkTargets, suggestions: NearestAddress
    ) -> Diagnostic {
        let written = link.url.trimmed
        let what = link.kind == .image ? "image" : "link"
        guard case .missing(let path) = resolution else {
            return .warning(post.source, line: link.line, column: link.column,
                "the \(what) \(written) climbs above the site's root with `..`, so it leads out of the site",
                hint: "write the address from the site's root instead, such as /posts/a-post/")
        }
        let shown = written.prefix { $0 != "?" && $0 != "#" }
        let leads = shown == path ? "" : ", at \(path),"
        let message: String
        if link.kind == .image {
            message = "the image \(written)\(leads) is not a file of the site"
        } else {
            let thing = path.hasSuffix("/") || !(path.split(separator: "/").last ?? "").contains(".") ? "page" : "file"
            message = "the link \(written) goes to \(shown == path ? "" : path + ", ")a \(thing) the site does not have"
        }
        var hint = link.kind == .image
            ? "put the image in static/ and write its path below static/ (/images/rally.jpg), or put it beside the post's index.md and write its name"
            : "link a post as /posts/ and its file name without .md, such as /posts/vigil-tonight/, and a file of static/ by its path below static/, such as /files/report.pdf; a draft or a post dated later has no page until it is published"
        // A site at https://example.org/news/: Broadside puts /news/ before links that start with /.
        if rootPath != "/", path.hasPrefix(rootPath), targets.has(String(path.dropFirst(rootPath.count))) {
            let meant = "/" + path.dropFirst(rootPath.count)
            hint = "Broadside puts \(rootPath) in front of every link that starts with /, as the site is published there: write \(meant)"
        } else if let meant = suggestions.nearest(to: path) {
            hint = "did you mean \(meant)? " + hint.prefix(1).uppercased() + hint.dropFirst()
        }
        return .warning(post.source, line: link.line, column: link.column, message, hint: hint)
    }

    /// An image of the site that is not there is an error: one written beside the post, or under a
    /// folder the site publishes (`/images/…` with `static/images/`). An image under a folder the
    /// site does not have at all (`/uploads/2019/x.jpg` in an imported archive, whose files are on
    /// the host apart from Broadside) stays a warning, so such a site still builds.
    private static func isMissingImage(_ link: PostLink, _ resolution: LinkTargets.Resolution, folders: Set<String>) -> Bool {
        guard link.kind == .image, case .missing(let path) = resolution else { return false }
        let written = link.url.trimmed
        guard written.hasPrefix("/") else { return true }
        let top = path.dropFirst().prefix { $0 != "/" }
        return folders.contains(String(top))
    }
}

/// The site's address nearest a broken one, among those with the same first folder and depth
/// (`/posts/x/` is compared with posts, not with 16,000 files of every kind). Each group is
/// indexed the first time a broken link needs it, and each broken address is answered once.
final class NearestAddress {
    private let paths: Set<String>
    private var groups: [String: NearestNameIndex] = [:]
    private var answers: [String: String?] = [:]
    /// Every address by group, made once when a first broken link needs one: made for each
    /// group asked, it was 60 ms of a rebuild at 20,000 files.
    private lazy var addresses: [String: [String]] = {
        var addresses: [String: [String]] = [:]
        for path in paths {
            let address = Self.address(path)
            addresses[Self.group(address), default: []].append(address)
        }
        return addresses
    }()

    init(_ paths: Set<String>) { self.paths = paths }

    func nearest(to address: String) -> String? {
        if let known = answers[address] { return known }
        let key = Self.group(address)
        if groups[key] == nil {
            groups[key] = NearestNameIndex((addresses[key] ?? []).sorted())
        }
        let answer = groups[key]!.nearest(to: address)
        answers[address] = answer
        return answer
    }

    /// What a reader sees for a file: `posts/a/index.html` is `/posts/a/`.
    static func address(_ path: String) -> String {
        if path == "index.html" { return "/" }
        return path.hasSuffix("/index.html") ? "/" + path.dropLast("index.html".count) : "/" + path
    }

    /// The count of the address's parts between slashes, and the second: `/posts/a/` is `4 posts`.
    /// In bytes: split as characters, the groups of 20,000 addresses took 40 ms.
    private static func group(_ address: String) -> String {
        let slash = UInt8(ascii: "/")
        let utf8 = address.utf8
        let parts = utf8.reduce(1) { $0 + ($1 == slash ? 1 : 0) }
        guard let first = utf8.firstIndex(of: slash) else { return "1 " }
        let start = utf8.index(after: first)
        let end = utf8[start...].firstIndex(of: slash) ?? utf8.endIndex
        return "\(parts) " + String(Substring(utf8[start..<end]))
    }
}
