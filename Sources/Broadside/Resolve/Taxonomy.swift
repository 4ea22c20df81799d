import Foundation

public enum TaxonomyKind: String, CaseIterable, Sendable {
    case categories
    case tags

    public var singular: String { self == .categories ? "category" : "tag" }
    public var title: String { self == .categories ? "Categories" : "Tags" }
}

public struct Term: Sendable, Equatable {
    /// The spelling shown on pages.
    public var name: String
    public var slug: String
    /// Indices into `Site.posts`, newest first.
    public var posts: [Int]
}

/// Categories or tags: the terms, and which terms each post has, by index.
public struct Taxonomy: Sendable, Equatable {
    public var kind: TaxonomyKind
    /// Sorted by name, ignoring case and accents, so `Ámbito` sits beside `Asylum`.
    public var terms: [Term]
    /// For each post of `Site.posts`, indices into `terms`, in the order the post lists them.
    public var termsOfPost: [[Int]]

    /// Builds the taxonomy from `names(post)`; spellings that give one slug are one term.
    static func build(
        _ kind: TaxonomyKind, posts: [Post], names: (Post) -> [String], diagnostics: inout [Diagnostic]
    ) -> Taxonomy {
        var terms: [Term] = []
        var indexOfSlug: [String: Int] = [:]
        var firstSource: [String: String] = [:]
        var warned: Set<String> = []
        var termsOfPost: [[Int]] = []
        termsOfPost.reserveCapacity(posts.count)
        for (postIndex, post) in posts.enumerated() {
            var own: [Int] = []
            for name in names(post) {
                let slug = Slug.make(name)
                guard !slug.isEmpty else {
                    diagnostics.append(.error(post.source, "the \(kind.singular) \"\(name)\" has no letters or digits",
                        hint: "give the \(kind.singular) a name with letters or digits, or remove it"))
                    continue
                }
                let index: Int
                if let existing = indexOfSlug[slug] {
                    index = existing
                    let shown = terms[existing].name
                    if shown != name, warned.insert(slug + "\u{0}" + name).inserted {
                        diagnostics.append(.warning(post.source,
                            "the \(kind.singular) \"\(name)\" is the same as \"\(shown)\" in \(firstSource[slug] ?? "")",
                            hint: "both are listed on one page, \(kind.rawValue)/\(slug)/, as \"\(shown)\"; write it the same way in every post"))
                    }
                } else {
                    index = terms.count
                    indexOfSlug[slug] = index
                    firstSource[slug] = post.source
                    terms.append(Term(name: name, slug: slug, posts: []))
                }
                if !own.contains(index) {
                    own.append(index)
                    terms[index].posts.append(postIndex)
                }
            }
            termsOfPost.append(own)
        }
        // Sort the terms, then renumber each post's references to match.
        let keys = terms.map { $0.name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) }
        let order = terms.indices.sorted {
            keys[$0] != keys[$1] ? keys[$0].utf8.lexicographicallyPrecedes(keys[$1].utf8)
                : terms[$0].slug.utf8.lexicographicallyPrecedes(terms[$1].slug.utf8)
        }
        var newIndex = [Int](repeating: 0, count: terms.count)
        for (new, old) in order.enumerated() { newIndex[old] = new }
        return Taxonomy(
            kind: kind, terms: order.map { terms[$0] },
            termsOfPost: termsOfPost.map { $0.map { newIndex[$0] } })
    }
}
