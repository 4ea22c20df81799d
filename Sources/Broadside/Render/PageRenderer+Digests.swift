/// What a rebuild compares instead of rendering (`PageDigests`): the digest of each theme page's
/// values and of each feed, and the keys they are taken with.
extension PageRenderer {
    /// What a theme page is rendered from: its language's render key, its template and its
    /// values. `site` and `t`, the same on every page of a language and in its key, are not
    /// read again (their arrays are the very ones made once, so comparing them costs nothing).
    func digest(template: String, context: TemplateMap, lang: String) -> PageDigest {
        var digest = ValueDigest(known: entryDigests)
        digest.add(renderKeys[lang] ?? themeKey)
        digest.add(template)
        let (site, words) = (siteContexts[lang].map(TemplateValue.map), words[lang].map(TemplateValue.map))
        digest.add(word: UInt64(context.keys.count))
        for index in context.keys.indices {
            let (key, value) = (context.keys[index], context.values[index])
            digest.add(key)
            if (key == "site" && value == site) || (key == "t" && value == words) { digest.add(word: 0) } else { digest.add(value) }
        }
        return digest.digest
    }

    /// The program that renders, its engine and every template's text.
    static func themeKey(_ theme: Theme) -> PageDigest {
        var key = ValueDigest()
        key.add(BuildRecord.running)
        key.add("\(theme.templates.engine)")
        for (name, text) in theme.sources.sorted(by: { $0.key < $1.key }) {
            key.add(name)
            key.add(text)
        }
        return key.digest
    }

    /// Each post's list entry digested once, by its storage (`MapIdentity`): the list pages that
    /// hold it are digested without reading it again.
    static func digests(of entries: [TemplateMap]) -> [MapIdentity: PageDigest] {
        let digests = parallelMap(entries) { entry in
            var digest = ValueDigest()
            digest.add(entry)
            return digest.digest
        }
        var known: [MapIdentity: PageDigest] = [:]
        for (entry, digest) in zip(entries, digests) {
            if let identity = MapIdentity(entry) { known[identity] = digest }
        }
        return known
    }

    /// Digests every feed, and escapes the entries of those not made from what their live file
    /// was made from: those alone are written (a rebuild after an edit writes a dozen feeds,
    /// and escaping the content of every post was a third of its work).
    mutating func escapeFeedEntries(unlessIn previous: PageDigests?) {
        let feeds = site.lists.indices.flatMap { index in
            site.lists[index].feeds.map { Page(kind: .list(index, page: .first), format: $0) }
        }
        let digests = parallelMap(feeds) { [self] page -> (String, PageDigest)? in
            guard case .feed(let syntax) = page.format.writer, case .list(let index, _) = page.kind else { return nil }
            let list = site.lists[index]
            let writer = FeedWriter(site: site, list: list, format: page.format, heading: heading(of: list), entries: feedEntries)
            return (OutputPlan.path(of: page, in: site), writer.digest(syntax))
        }
        var escaping = Set<Int>()
        for (page, made) in zip(feeds, digests) {
            guard let (path, digest) = made, case .list(let index, _) = page.kind else { continue }
            feedDigests[path] = digest
            if previous?[path] != digest { escaping.formUnion(site.lists[index].feedPosts(site.config.feedSize)) }
        }
        let indices = escaping.sorted()
        let escaped = parallelMap(indices) { [feedEntries] index -> FeedEntry? in
            var entry = feedEntries[index]
            entry?.escape()
            return entry
        }
        for (index, entry) in zip(indices, escaped) {
            if let entry { feedEntries.replace(index, with: entry) }
        }
    }
}
