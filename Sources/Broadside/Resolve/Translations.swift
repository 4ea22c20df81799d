/// The versions of one text in several languages, linked by a shared `translation_key`.
enum Translations {
    /// For each post (an index into `posts`), every version of its text, itself included, the
    /// site's language first, then by language code; a post without `translation_key` is alone.
    /// Two versions in one language are an error: a reader could not tell which one to follow.
    static func build(posts: [Post], config: SiteConfig) -> ([[Int]], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var groups: [String: [Int]] = [:]
        for (index, post) in posts.enumerated() {
            guard let key = post.translationKey else { continue }
            groups[key, default: []].append(index)
        }
        var versions = posts.indices.map { [$0] }
        for key in groups.keys.sorted() {
            // In source order, so the file named as the first version never depends on dates.
            let members = groups[key]!.sorted { posts[$0].source < posts[$1].source }
            var kept: [Int] = []
            for index in members {
                if let other = kept.first(where: { posts[$0].lang == posts[index].lang }) {
                    let post = posts[index]
                    diagnostics.append(.error(post.source, line: post.translationKeyLine,
                        "\(posts[other].source) is already the `\(post.lang)` version of translation_key \"\(key)\"",
                        hint: "give each language one version: set lang: on a translation, or give a different text its own translation_key"))
                    continue
                }
                kept.append(index)
            }
            let ordered = kept.sorted {
                (posts[$0].lang == config.language ? 0 : 1, posts[$0].lang) < (posts[$1].lang == config.language ? 0 : 1, posts[$1].lang)
            }
            for index in members { versions[index] = ordered.contains(index) ? ordered : [index] }
        }
        return (versions, diagnostics)
    }
}
