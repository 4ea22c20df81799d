import Foundation

public enum TaxonomyKind: String, CaseIterable, Sendable {
    case categories
    case tags

    public var singular: String { self == .categories ? "category" : "tag" }
    public var title: String { self == .categories ? "Categories" : "Tags" }
}

/// A category or tag of one language: `Mexico` of the English posts and `México` of the Spanish
/// ones are two terms with two pages (`/categories/mexico/`, `/es/categories/mexico/`), which
/// site.yml may pair as each other's translation (see `TermTwins`).
public struct Term: Sendable, Equatable {
    /// The spelling shown on pages.
    public var name: String
    public var slug: String
    /// The language of the posts that have it.
    public var lang: String
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
    /// For each term, its translations: indices into `terms` of other languages (see `TermTwins`).
    public var twins: [[Int]] = []

    private static func inCurlyQuotes(_ name: String) -> Bool { PostMistakes.insideCurlyQuotes(name) != nil }

    /// Builds the taxonomy from `names(post)`; spellings that give one slug in one language are one term,
    /// shown in the spelling most posts use (the newest post's on a tie), with a warning per other spelling.
    static func build(
        _ kind: TaxonomyKind, posts: [Post], names: (Post) -> [String], siteLanguage: String, diagnostics: inout [Diagnostic]
    ) -> Taxonomy {
        var terms: [Term] = []
        var indexOfKey: [TermKey: Int] = [:]
        var slugOfName: [String: String] = [:]
        // Per term: each spelling with how many posts use it and the first file that does.
        var spellings: [[(name: String, count: Int, source: String)]] = []
        var termsOfPost: [[Int]] = []
        termsOfPost.reserveCapacity(posts.count)
        // By index, field by field: a post taken whole is copied, every field of it retained.
        for postIndex in posts.indices {
            var own: [Int] = []
            for name in names(posts[postIndex]) {
                // A name repeats on many posts: make its slug once.
                let slug = slugOfName[name] ?? Slug.make(name)
                slugOfName[name] = slug
                guard !slug.isEmpty else {
                    diagnostics.append(.error(posts[postIndex].source, "the \(kind.singular) \"\(name)\" has no letters or digits",
                        hint: "give the \(kind.singular) a name with letters or digits, or remove it"))
                    continue
                }
                let index: Int
                let key = TermKey(lang: posts[postIndex].lang, slug: slug)
                if let existing = indexOfKey[key] {
                    index = existing
                } else {
                    index = terms.count
                    indexOfKey[key] = index
                    terms.append(Term(name: name, slug: slug, lang: posts[postIndex].lang, posts: []))
                    spellings.append([])
                }
                guard !own.contains(index) else { continue }
                own.append(index)
                terms[index].posts.append(postIndex)
                if let known = spellings[index].firstIndex(where: { $0.name == name }) {
                    spellings[index][known].count += 1
                } else {
                    spellings[index].append((name, 1, posts[postIndex].source))
                }
            }
            termsOfPost.append(own)
        }
        for index in terms.indices where spellings[index].count > 1 {
            // Spellings are in post order, newest first, and max(by:) keeps the first of equals; a name
            // in curly quotes (`“Advocacy”`, YAML keeps them) is never preferred to the name without.
            let shown = spellings[index].max { ($0.count, Self.inCurlyQuotes($0.name) ? 0 : 1) < ($1.count, Self.inCurlyQuotes($1.name) ? 0 : 1) }!
            terms[index].name = shown.name
            // A name in curly quotes is named at its line by `PostMistakes.curlyQuotes`, twin or not.
            for other in spellings[index] where other.name != shown.name && PostMistakes.insideCurlyQuotes(other.name) != shown.name {
                diagnostics.append(.warning(other.source,
                    "the \(kind.singular) \"\(other.name)\" is the same as \"\(shown.name)\" in \(shown.source)",
                    hint: "both are listed on one page, /\(folder(kind, terms[index], siteLanguage: siteLanguage).joined(separator: "/"))/, as \"\(shown.name)\"; write it the same way in every post"))
            }
        }
        // Sort the terms, then renumber each post's references to match.
        let keys = terms.map { $0.name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) }
        let order = terms.indices.sorted {
            keys[$0] != keys[$1] ? keys[$0].utf8.lexicographicallyPrecedes(keys[$1].utf8)
                : terms[$0].slug != terms[$1].slug ? terms[$0].slug.utf8.lexicographicallyPrecedes(terms[$1].slug.utf8)
                : terms[$0].lang.utf8.lexicographicallyPrecedes(terms[$1].lang.utf8)
        }
        var newIndex = [Int](repeating: 0, count: terms.count)
        for (new, old) in order.enumerated() { newIndex[old] = new }
        return Taxonomy(
            kind: kind, terms: order.map { terms[$0] },
            termsOfPost: termsOfPost.map { $0.map { newIndex[$0] } })
    }

    /// The translations of term `index`; none before `TermTwins` paired them.
    public func twins(of index: Int) -> [Int] { twins.indices.contains(index) ? twins[index] : [] }

    /// The terms of `lang`, in the taxonomy's order.
    public func terms(in lang: String) -> [Int] { terms.indices.filter { terms[$0].lang == lang } }

    /// Where a term's list is: `["categories", "mexico"]` in the site's language, `["es", "categories", "mexico"]` in another.
    static func folder(_ kind: TaxonomyKind, _ term: Term, siteLanguage: String) -> [String] {
        indexFolder(kind, lang: term.lang, siteLanguage: siteLanguage) + [term.slug]
    }

    /// Where a language's index of terms is: `["categories"]`, `["es", "categories"]`.
    static func indexFolder(_ kind: TaxonomyKind, lang: String, siteLanguage: String) -> [String] {
        (lang == siteLanguage ? [] : [lang]) + [kind.rawValue]
    }
}

private struct TermKey: Hashable {
    var lang: String
    var slug: String
}
