/// Category and tag names that look like another, or like a Latin word they are not: a warning
/// naming both, with a post that uses each. Terms are grouped by their look-alike skeleton, so
/// the check is linear in the number of terms. Only terms of one language are compared: `Mexico`
/// and `México` of two languages are a term and its translation.
enum LookAlikeTerms {
    static func check(_ taxonomy: Taxonomy, posts: [Post]) -> [Diagnostic] {
        var groups: [String: [Int]] = [:]
        var order: [String] = []
        for (index, term) in taxonomy.terms.enumerated() {
            let skeleton = term.lang + "\u{0}" + Confusables.skeleton(term.name).lowercased()
            if groups[skeleton] == nil { order.append(skeleton) }
            groups[skeleton, default: []].append(index)
        }
        let singular = taxonomy.kind.singular
        func source(_ term: Term) -> String? { term.posts.first.map { posts[$0].source } }
        var diagnostics: [Diagnostic] = []
        for skeleton in order {
            let members = groups[skeleton]!.map { taxonomy.terms[$0] }
            // The name typed in one script is the one meant; each other spelling is named beside it.
            let meant = members.first { Confusables.skeleton($0.name) == $0.name } ?? members[0]
            for term in members where term.name != meant.name {
                diagnostics.append(.warning(source(term),
                    "the \(singular) \"\(term.name)\" looks the same as \"\(meant.name)\" of \(source(meant) ?? "another post") but is written with letters of another script, so they are two \(taxonomy.kind.rawValue)",
                    hint: "type it again with your keyboard's own letters, as \"\(meant.name)\" is"))
            }
            guard members.count == 1, let mixed = Confusables.mixedWord(in: meant.name) else { continue }
            diagnostics.append(.warning(source(meant),
                "the \(singular) \"\(meant.name)\" mixes Latin letters with \(mixed.script) ones drawn alike (\(String(mixed.letter)) in \"\(mixed.word)\"), so it is another word to searches and links",
                hint: "type the name again with your keyboard's own letters: \(taxonomy.kind.rawValue): [\"\(Confusables.skeleton(meant.name))\"]"))
        }
        return diagnostics
    }
}
