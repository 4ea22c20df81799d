/// Old addresses (`aliases:`) that cannot each have a redirect page of their own: one that two
/// posts claim, or one that is a post's address today. Clashes with the site's other pages and
/// static files are found once every file is planned (`RedirectPage.clashes`).
enum Aliases {
    /// `posts` in source order, so the first file to claim an address keeps it in messages.
    static func problems(in posts: [Post], urls: SiteURLs) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var postOfPage: [String: Post] = [:]
        for post in posts { postOfPage[post.folder + "index.html"] = postOfPage[post.folder + "index.html"] ?? post }
        var claimed: [String: (post: Post, alias: Alias)] = [:]
        for post in posts {
            for alias in post.aliases {
                let address = urls.rootPath + alias.path
                if let owner = postOfPage[alias.file] {
                    let message = owner.source == post.source
                        ? "the alias \(address) is this post's own address"
                        : "the alias \(address) is the address of the post \(owner.source)"
                    diagnostics.append(.error(post.source, line: alias.line, column: alias.column, message,
                        hint: "remove this alias: the address already shows a post"))
                } else if let first = claimed[alias.file] {
                    let other = first.post.source == post.source ? "this post" : first.post.source
                    diagnostics.append(.error(post.source, line: alias.line, column: alias.column,
                        "the alias \(address) is also an alias of \(other) (line \(first.alias.line ?? 0)), and one address can lead to one post only",
                        hint: "keep the alias on the post readers should reach, and remove the other"))
                } else {
                    claimed[alias.file] = (post, alias)
                }
            }
        }
        return diagnostics
    }
}
