/// Mistakes only the whole site shows: two posts with one title, a series or translation key
/// written two ways, one category written with curly quotes beside its plain name. Each is a
/// warning; each check is linear in posts, or compares distinct names only.
enum SiteMistakes {
    /// `limit`: a build names this many posts with an older post's title, then counts the rest
    /// (an imported archive can have thousands, which would bury every other message);
    /// `broadside check` names them all.
    static func check(_ posts: [Post], limit: Int = .max) -> [Diagnostic] {
        // Sorted once, as positions: a post is a large value, and four sorted copies of 10,000 of
        // them were most of the time this check took.
        let order = oldestFirst(posts)
        return duplicateTitles(posts, order: order, limit: limit) + nearSeries(posts, order: order) + nearTranslationKeys(posts, order: order)
    }

    /// A post copied from yesterday's with its title kept: shown twice in lists, sent twice.
    /// The older post keeps the title; each later one is named.
    /// Pages are left out: they are in no list or feed, where two alike titles would show.
    static func duplicateTitles(_ posts: [Post], order: [Int], limit: Int) -> [Diagnostic] {
        // Folded on every core, and no post copied: one at a time, this was a rebuild's 70 ms at 10,000 posts.
        let keys = parallelMap(order) { posts[$0].isPage ? nil : posts[$0].lang + "\n" + folded(posts[$0].title) }
        var first: [String: Int] = [:]
        first.reserveCapacity(order.count)
        var found: [Diagnostic] = []
        var more = 0
        for (index, key) in zip(order, keys) {
            guard let key else { continue }
            guard let other = first[key] else {
                first[key] = index
                continue
            }
            guard found.count < limit else {
                more += 1
                continue
            }
            let post = posts[index]
            found.append(.warning(post.source, line: post.titleLine, column: post.titleColumn,
                "this post has the same title as \(posts[other].source): \"\(Excerpt.short(post.title))\"",
                hint: "give this post a title of its own (lists and subscribers' email would show the two alike); if it is a copy, remove one"))
        }
        if more > 0 {
            found.append(.warning(nil, more == 1 ? "1 more post has the same title as an older post"
                : "\(more) more posts have the same title as an older post",
                hint: "run broadside check to list every one with its file and line"))
        }
        return found
    }

    /// A series name a post writes that is near the name of an established series: one with more
    /// posts, or as many begun earlier.
    static func nearSeries(_ posts: [Post], order sorted: [Int]) -> [Diagnostic] {
        var standing: [String: (count: Int, first: Int)] = [:]
        for (order, index) in sorted.enumerated() {
            guard let series = posts[index].series else { continue }
            let key = posts[index].lang + "\n" + series
            standing[key] = ((standing[key]?.count ?? 0) + 1, standing[key]?.first ?? order)
        }
        var meant: [String: String] = [:]
        for (lang, keys) in Dictionary(grouping: standing.keys, by: { String($0.prefix { $0 != "\n" }) }) {
            let names = keys.map { String($0.drop { $0 != "\n" }.dropFirst()) }.sorted()
            func rank(_ name: String) -> (Int, Int) {
                let found = standing[lang + "\n" + name]!
                return (-found.count, found.first)
            }
            let index = OneEditIndex(names)
            for name in names {
                let established = index.candidates(near: name).filter { rank($0) < rank(name) }
                if let near = NearestName.nearest(to: name, in: established) { meant[lang + "\n" + name] = near }
            }
        }
        return sorted.compactMap { index in
            let post = posts[index]
            guard let series = post.series, let near = meant[post.lang + "\n" + series] else { return nil }
            return .warning(post.source, line: post.seriesLine, column: post.seriesColumn,
                "the series \"\(Excerpt.short(series))\" is written differently from \"\(Excerpt.short(near))\", so this post makes a series of its own",
                hint: "did you mean \"\(Excerpt.short(near))\"? Write the series' name exactly as its other days do")
        }
    }

    /// A `translation_key` used by one post only, near a key whose posts lack this post's language.
    static func nearTranslationKeys(_ posts: [Post], order sorted: [Int]) -> [Diagnostic] {
        var languages: [String: Set<String>] = [:]
        for post in posts { if let key = post.translationKey { languages[key, default: []].insert(post.lang) } }
        var uses: [String: Int] = [:]
        for post in posts { if let key = post.translationKey { uses[key, default: 0] += 1 } }
        let isLonely = { (post: Post) in post.translationKey.map { uses[$0] == 1 } ?? false }
        guard posts.contains(where: isLonely) else { return [] }
        // The key of an older post is the original's: of two lonely keys, only the later is named.
        var firstUse: [String: Int] = [:]
        for (order, index) in sorted.enumerated() { if let key = posts[index].translationKey, firstUse[key] == nil { firstUse[key] = order } }
        let index = OneEditIndex(Array(languages.keys))
        return sorted.filter { isLonely(posts[$0]) }.compactMap { position in
            let post = posts[position]
            guard let key = post.translationKey else { return nil }
            let open = index.candidates(near: key).filter { languages[$0]?.contains(post.lang) == false && firstUse[$0]! < firstUse[key]! }
            guard let near = NearestName.nearest(to: key, in: open) else { return nil }
            return .warning(post.source, line: post.translationKeyLine, column: post.translationKeyColumn,
                "no other post has the translation_key \"\(Excerpt.short(key))\", and \"\(Excerpt.short(near))\" has no version in \(post.lang)",
                hint: "did you mean \"\(Excerpt.short(near))\"? A translation must have the same translation_key as its original")
        }
    }

    /// Titles that readers would take for the same: lower case, each run of white space one
    /// space, none at the ends.
    static func folded(_ text: String) -> String {
        var text = text
        // An ASCII title (nearly all) folded byte by byte: as characters, 10,000 took 50 ms.
        let ascii: String? = text.withUTF8 { utf8 in
            guard !utf8.contains(where: { $0 >= 0x80 }) else { return nil }
            var folded: [UInt8] = []
            folded.reserveCapacity(utf8.count)
            var space = false
            for byte in utf8 {
                // Character.isWhitespace in ASCII: tab, line feed, vertical tab, form feed, return, space.
                if byte == 0x20 || (0x09...0x0D).contains(byte) {
                    space = !folded.isEmpty
                    continue
                }
                if space { folded.append(0x20) }
                space = false
                folded.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
            }
            return String(decoding: folded, as: UTF8.self)
        }
        return ascii ?? text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The positions of `posts`, oldest first (by source between posts of one instant).
    private static func oldestFirst(_ posts: [Post]) -> [Int] {
        posts.indices.sorted { a, b in
            let (x, y) = (posts[a].date.secondsSince1970, posts[b].date.secondsSince1970)
            return x != y ? x < y : posts[a].source < posts[b].source
        }
    }
}

/// Names one edit apart (a letter added, dropped, changed or two swapped; letter case aside), found
/// through what each becomes with one letter dropped: linear in the names, where comparing every
/// pair of 10,000 translation keys would not be.
struct OneEditIndex {
    private var byVariant: [String: Set<String>] = [:]

    init(_ names: [String]) {
        for name in names {
            for variant in Self.variants(of: name) { byVariant[variant, default: []].insert(name) }
        }
    }

    /// The other names that share a variant with `name`, sorted; `NearestName` decides among them.
    /// Names with other numbers are other editions ("Week of Action 2", "letter-3"), not typos.
    func candidates(near name: String) -> [String] {
        var found = Set<String>()
        for variant in Self.variants(of: name) { found.formUnion(byVariant[variant] ?? []) }
        found.remove(name)
        let numbers = Self.numbers(in: name)
        return found.filter { Self.numbers(in: $0) == numbers }.sorted()
    }

    private static func numbers(in name: String) -> [Substring] {
        name.split { !$0.isASCII || !$0.isNumber }
    }

    private static func variants(of name: String) -> [String] {
        let letters = Array(name.lowercased())
        return [String(letters)] + letters.indices.map { dropped in
            var shorter = letters
            shorter.remove(at: dropped)
            return String(shorter)
        }
    }
}
