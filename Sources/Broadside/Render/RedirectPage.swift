/// What an old address (`aliases:`) becomes: a page that sends browsers on to the post, and a
/// line of `_redirects` for hosts that read one (Netlify, Cloudflare Pages). Written by code,
/// not the theme: a redirect has nothing to style, and must work whatever the theme does.
enum RedirectPage {
    static let listFile = "_redirects"

    /// The redirect page at `alias` of the post `index`: the browser moves on at once
    /// (`refresh`), search engines index the post instead (`canonical`, `noindex`), and a
    /// reader whose browser does not follow the refresh gets a link.
    static func html(post index: Int, alias: Alias, in site: Site) -> String {
        let post = site.posts[index]
        let target = site.urls.address(of: post)
        let url = Escaping.markup(target)
        let absolute = Escaping.markup(site.urls.absolute(target))
        let title = Escaping.markup(post.title)
        // The words are English, the title the post's: its language is marked where it stands.
        let titleLang = post.lang == "en" ? "" : " lang=\"\(Escaping.markup(post.lang))\""
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Moved: \(title)</title>
            <link rel="canonical" href="\(absolute)">
            <meta name="robots" content="noindex">
            <meta http-equiv="refresh" content="0; url=\(url)">
            </head>
            <body>
            <p>This page has moved to <a href="\(url)"\(titleLang)>\(title)</a>.</p>
            </body>
            </html>

            """
    }

    /// `/old/path/ /posts/new/ 301`, one line per alias, sorted; paths from the host's root.
    static func list(in site: Site) -> String {
        var lines: [String] = []
        for post in site.posts {
            for alias in post.aliases {
                lines.append("\(site.urls.rootPath + alias.path) \(site.urls.address(of: post)) 301")
            }
        }
        lines.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return lines.map { $0 + "\n" }.joined()
    }

    /// Redirect pages that would land on a file the site already has: a generated page, a static
    /// file or a post's file; and a `_redirects` of the site's own that the list would replace.
    /// `plan` is every file planned, its first `pages.count` entries `pages`' own.
    static func clashes(pages: [Page], plan: [PlannedFile], in site: Site) -> [Diagnostic] {
        // Most sites have no alias: nothing to look up then. Posts by index, files by number: a
        // post or a planned file taken whole is copied, every field of it retained.
        guard site.posts.indices.contains(where: { !site.posts[$0].aliases.isEmpty }) else { return [] }
        var others: [String: Int] = [:]
        others.reserveCapacity(plan.count)
        for index in plan.indices {
            if index < pages.count {
                switch pages[index].kind {
                case .alias, .redirects: continue
                default: break
                }
            }
            if others[plan[index].path] == nil { others[plan[index].path] = index }
        }
        var diagnostics: [Diagnostic] = []
        for post in site.posts where !post.aliases.isEmpty {
            for alias in post.aliases {
                guard let other = others[alias.file].map({ plan[$0] }) else { continue }
                let address = site.urls.rootPath + alias.path
                let what: String
                switch other.origin {
                case .staticFile(let source): what = "the static file \(source) is published there"
                case .postResource(_, let resource): what = "the post's file \(resource) is published there"
                case .post(let source): what = "the post \(source) is published there"
                case .term(let kind, let name, _): what = "it is the page of the \(kind.singular) \"\(name)\""
                case .site: what = "the site already has a page there"
                // Aliases are left out of `others`: two aliases of one address are found when aliases are resolved.
                case .alias(let source, _, _, _): what = "an alias of \(source) leads there too"
                }
                diagnostics.append(.error(post.source, line: alias.line, column: alias.column,
                    "the alias \(address) cannot have a redirect page: \(what)",
                    hint: "remove this alias: readers who follow the old address already find something there"))
            }
        }
        // Some post has aliases (see the guard above).
        if let own = others[listFile].map({ plan[$0] }) {
            diagnostics.append(.error(own.file, "this file would be replaced by the _redirects Broadside writes for the posts' aliases",
                hint: "write each redirect as aliases: in the front matter of the post it leads to, and remove this file"))
        }
        return diagnostics
    }
}
