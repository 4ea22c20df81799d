// Slugs and terms: one name per line of the input. Every name is a post's slug, a term's
// name and a heading; the names are spread over posts as both categories and tags.
import Foundation
import FuzzSupport

@testable import Broadside

func post(_ index: Int, categories: [String], tags: [String]) -> Post {
    Post(source: "content/posts/p\(index).md", slug: "p\(index)",
        title: "P", date: PostDate(secondsSince1970: Double(1_000_000 - index), offset: 0), kind: .dispatch, authors: [],
        categories: categories, tags: tags, summary: "", lang: "en", series: nil, seriesDay: nil,
        translationKey: nil, draft: false, body: PostHTML(""), params: [:], slugLine: nil)
}

func checkSlug(_ name: String) {
    let slug = Slug.make(name)
    require(slug.isEmpty || Slug.isSafeName(slug), "unsafe slug \(slug.debugDescription) from \(name.debugDescription)")
    require(!slug.contains("/") && !slug.contains(".") && !slug.contains("\\"), "slug leaves its folder: \(slug.debugDescription)")
    require(!slug.hasPrefix("-") && !slug.hasSuffix("-") && !slug.contains("--"), "stray hyphens in \(slug.debugDescription)")
    let segment = PercentEncoding.segment(slug)
    require(segment.utf8.allSatisfy { $0 < 0x80 && $0 > 0x20 && $0 != UInt8(ascii: "/") },
        "segment \(segment.debugDescription) is not one ASCII path segment")
    require(segment.removingPercentEncoding == slug, "segment \(segment.debugDescription) does not decode to \(slug.debugDescription)")
}

func checkTaxonomy(_ taxonomy: Taxonomy, posts: [Post], names: (Post) -> [String]) {
    require(taxonomy.termsOfPost.count == posts.count, "termsOfPost has \(taxonomy.termsOfPost.count) rows for \(posts.count) posts")
    require(Set(taxonomy.terms.map(\.slug)).count == taxonomy.terms.count, "two terms share a slug")
    for (termIndex, term) in taxonomy.terms.enumerated() {
        require(!term.slug.isEmpty && Slug.make(term.name) == term.slug, "term \(term.name.debugDescription) has slug \(term.slug.debugDescription)")
        require(!term.posts.isEmpty && term.posts == term.posts.sorted() && Set(term.posts).count == term.posts.count,
            "term \(term.slug) lists posts \(term.posts)")
        for postIndex in term.posts {
            require(taxonomy.termsOfPost[postIndex].contains(termIndex), "post \(postIndex) is listed by \(term.slug) but does not list it")
        }
    }
    for (postIndex, terms) in taxonomy.termsOfPost.enumerated() {
        require(Set(terms).count == terms.count, "post \(postIndex) lists a term twice")
        let expected = Set(names(posts[postIndex]).map(Slug.make).filter { !$0.isEmpty })
        require(Set(terms.map { taxonomy.terms[$0].slug }) == expected, "post \(postIndex) has the wrong terms")
    }
}

runFuzzer { bytes in
    let names = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    names.forEach(checkSlug)

    // Up to 8 posts, each with a window of the names, so spellings repeat across posts.
    let count = min(8, max(1, names.count))
    let posts = (0..<count).map { index in
        post(index, categories: Array(names.dropFirst(index).prefix(2)), tags: Array(names.dropFirst(index / 2).prefix(3)))
    }
    for names in [\Post.categories, \Post.tags] as [KeyPath<Post, [String]>] {
        var diagnostics: [Diagnostic] = []
        let taxonomy = Taxonomy.build(.tags, posts: posts, names: { $0[keyPath: names] }, siteLanguage: "en", diagnostics: &diagnostics)
        checkTaxonomy(taxonomy, posts: posts, names: { $0[keyPath: names] })
        var again: [Diagnostic] = []
        require(Taxonomy.build(.tags, posts: posts, names: { $0[keyPath: names] }, siteLanguage: "en", diagnostics: &again) == taxonomy && again == diagnostics,
            "two builds of one taxonomy differ")
    }

    var anchors = AnchorNames()
    let ids = names.map { anchors.unique(for: $0) }
    require(Set(ids).count == ids.count, "two headings share an id: \(ids)")
    require(!ids.contains(where: AnchorNames.reserved.contains), "a heading took a reserved id: \(ids)")
    for id in ids {
        require(!id.isEmpty && !id.contains(where: { $0 == "\"" || $0 == "<" || $0 == ">" || $0 == "&" || $0.isWhitespace }),
            "id \(id.debugDescription) is not safe in an attribute")
    }
}
