/// Old addresses (`aliases:`) that cannot each have a redirect page of their own: one that two
/// posts claim, or one that is a post's address today. Clashes with the site's other pages and
/// static files are found once every file is planned (`RedirectPage.clashes`).
enum Aliases {
    /// `posts` in source order, so the first file to claim an address keeps it in messages.
    static func problems(in posts: [Post], urls: SiteURLs) -> [Diagnostic] {
        // By index: a post taken whole is copied, every field of it retained.
        guard posts.indices.contains(where: { !posts[$0].aliases.isEmpty }) else { return [] }
        var diagnostics: [Diagnostic] = []
        // Each page's post by its source, not the post itself: a dictionary of 100,000 posts by
        // value was 280 MB, the build's peak.
        var postOfPage: [String: String] = [:]
        for post in posts { postOfPage[post.folder + "index.html"] = postOfPage[post.folder + "index.html"] ?? post.source }
        var claimed: [String: (source: String, line: Int?)] = [:]
        for post in posts {
            for alias in post.aliases {
                let address = urls.rootPath + alias.path
                if let owner = postOfPage[alias.file] {
                    let message = owner == post.source
                        ? "the alias \(address) is this post's own address"
                        : "the alias \(address) is the address of the post \(owner)"
                    diagnostics.append(.error(post.source, line: alias.line, column: alias.column, message,
                        hint: "remove this alias: the address already shows a post"))
                } else if let first = claimed[alias.file] {
                    let other = first.source == post.source ? "this post" : first.source
                    diagnostics.append(.error(post.source, line: alias.line, column: alias.column,
                        "the alias \(address) is also an alias of \(other) (line \(first.line ?? 0)), and one address can lead to one post only",
                        hint: "keep the alias on the post readers should reach, and remove the other"))
                } else {
                    claimed[alias.file] = (post.source, alias.line)
                }
            }
        }
        return diagnostics
    }
}
