/// Links and images in posts that lead to no page or file of the site: a warning at the line of
/// the Markdown link, from every build. `LinkTargets` says how a link is read.
enum LinkCheck {
    /// `paths`: every file the site will have, relative to the output folder.
    static func brokenLinks(in site: Site, paths: Set<String>) -> [Diagnostic] {
        let targets = LinkTargets(paths: paths)
        var suggestions: NearestAddress?
        var found: [(source: String, diagnostic: Diagnostic)] = []
        for post in site.posts {
            for link in post.links {
                let resolution = targets.resolve(link.url, fromPost: post.slug)
                guard resolution != .found, resolution != .elsewhere else { continue }
                if suggestions == nil { suggestions = NearestAddress(targets.addresses) }
                found.append((post.source, diagnostic(link, resolution, in: post, rootPath: site.urls.rootPath,
                    targets: targets, suggestions: suggestions!)))
            }
        }
        // By file, then as written in it: the order an editor goes through them.
        return found.enumerated().sorted {
            ($0.element.source, $0.offset) < ($1.element.source, $1.offset)
        }.map(\.element.diagnostic)
    }

    private static func diagnostic(
        _ link: PostLink, _ resolution: LinkTargets.Resolution, in post: Post, rootPath: String,
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
}

/// The site's address nearest a broken one, among those with the same first folder and depth
/// (`/posts/x/` is compared with posts, not with 16,000 files of every kind).
struct NearestAddress {
    private var groups: [String: [String]] = [:]

    init(_ addresses: [String]) {
        for address in addresses { groups[Self.group(address), default: []].append(address) }
    }

    func nearest(to address: String) -> String? {
        NearestName.nearest(to: address, in: groups[Self.group(address)] ?? [])
    }

    private static func group(_ address: String) -> String {
        let parts = address.split(separator: "/", omittingEmptySubsequences: false)
        return "\(parts.count) \(parts.dropFirst().first ?? "")"
    }
}
