/// The search page of each language (`/search/`, `/es/buscar/`) and the index they read
/// (`search-index/`): written when the theme has a `search` template and site.yml does not say
/// `search: false`.
enum SearchPages {
    static let template = "search"
    static let indexFolder = "search-index"

    /// The page's folder in languages whose readers would not type "search"; any other language's is `search`.
    static let folderNames = ["es": "buscar", "pt": "buscar", "ca": "cerca", "it": "cerca", "fr": "recherche", "de": "suche"]

    /// The languages with a search page: every language of the site, or none.
    static func languages(_ site: Site, templateNames: Set<String>) -> [String] {
        site.config.search && templateNames.contains(template) ? site.languages : []
    }

    /// `["search"]`, `["es", "buscar"]`.
    static func folder(_ lang: String, in site: Site) -> [String] {
        let base = lang.split(separator: "-").first.map { $0.lowercased() } ?? lang
        return (lang == site.config.language ? [] : [lang]) + [folderNames[base] ?? "search"]
    }

    static func url(_ lang: String, in site: Site) -> String { site.urls.list(folder(lang, in: site)) }

    /// The posts and pages the index holds, oldest first (ties by address, so the order is the
    /// input's alone): their numbers in `site.posts`.
    static func searched(_ site: Site) -> [Int] {
        site.posts.indices.filter { site.posts[$0].searchable }.sorted {
            let a = site.posts[$0], b = site.posts[$1]
            return a.date != b.date ? a.date < b.date : a.folder < b.folder
        }
    }

    /// Every file of the index, below `search-index/`, with the digest of its bytes before gzip;
    /// `.unchanged` where `previous`, the last build's digests of the live files, has that digest.
    /// Kept in `spill` until written, when there is one; the blocks of documents the last build
    /// read taken from `blocks`, and kept there.
    /// `texts`: each post's HTML digested (`PageInputs.texts`), when the build has them.
    static func files(_ site: Site, previous: PageDigests? = nil, spill: HTMLSpill? = nil, blocks: SearchBlocks? = nil, texts: [PageDigest]? = nil)
        -> [(file: OutputFile, digest: PageDigest)]
    {
        let searched = searched(site)
        let documents = searched.map { index -> SearchDocument in
            let post = site.posts[index]
            return SearchDocument(lang: post.lang, title: post.title, path: site.urls.address(of: post), date: post.date,
                                  kind: post.isPage ? "page" : post.kind.rawValue, categories: post.categories, excerpt: post.summary)
        }
        let posts = site.posts
        var index = SearchIndex()
        if let previous { index.unchanged = { previous[indexFolder + "/" + $0] == $1 } }
        index.blocks = blocks
        let files = index.files(documents, html: { posts[searched[$0]].html }) { number in
            texts?[searched[number]] ?? PageInputs.text(of: posts[searched[number]])
        }
        return files.keys.sorted().compactMap { path in
            files[path].map { (OutputFile(path: indexFolder + "/" + path, contents: $0.bytes.map { .stored($0, in: spill) } ?? .unchanged), $0.digest) }
        }
    }
}
