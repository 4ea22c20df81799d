/// Which category or tag of one language translates which of another: the pairs of site.yml
/// (`TermPair`) first, then terms with one slug in two languages (`TPS` in English and Spanish).
/// A term has at most one twin per language, which the language switch of its page leads to.
enum TermTwins {
    static func pair(_ categories: inout Taxonomy, _ tags: inout Taxonomy, pairs: [TermPair], file: String) -> [Diagnostic] {
        var found: Set<Int> = []
        categories.twins = twins(of: categories, pairs: pairs, found: &found)
        tags.twins = twins(of: tags, pairs: pairs, found: &found)
        var diagnostics: [Diagnostic] = []
        for (pairIndex, pair) in pairs.enumerated() {
            for (nameIndex, name) in pair.names.enumerated() where !found.contains(key(pairIndex, nameIndex)) {
                let known = (categories.terms + tags.terms).filter { $0.lang == name.lang }.map(\.name)
                let meant = NearestName.nearest(to: name.name, in: known).map { "did you mean \"\($0)\"? " } ?? ""
                diagnostics.append(.warning(file, line: name.line, column: name.column,
                    "`term_pairs` names \"\(name.name)\" in \(name.lang), but no published post in \(name.lang) has that category or tag",
                    hint: meant + "write the name as the posts of that language write it; until one has it, its twin's page leads to the \(name.lang) home"))
            }
        }
        return diagnostics
    }

    /// Names are counted found by (pair, name) position, so a name found among tags is not reported for categories.
    private static func key(_ pair: Int, _ name: Int) -> Int { pair << 8 | min(name, 255) }

    private static func twins(of taxonomy: Taxonomy, pairs: [TermPair], found: inout Set<Int>) -> [[Int]] {
        var index: [String: Int] = [:]
        for (position, term) in taxonomy.terms.enumerated() { index[term.lang + "\u{0}" + term.slug] = position }
        var twinIn = [[String: Int]](repeating: [:], count: taxonomy.terms.count)
        func link(_ members: [Int]) {
            for a in members {
                for b in members where taxonomy.terms[a].lang != taxonomy.terms[b].lang && twinIn[a][taxonomy.terms[b].lang] == nil {
                    twinIn[a][taxonomy.terms[b].lang] = b
                }
            }
        }
        for (pairIndex, pair) in pairs.enumerated() {
            let members = pair.names.enumerated().compactMap { nameIndex, name -> Int? in
                guard let term = index[name.lang + "\u{0}" + Slug.make(name.name)] else { return nil }
                found.insert(key(pairIndex, nameIndex))
                return term
            }
            link(members)
        }
        var bySlug: [String: [Int]] = [:]
        for (position, term) in taxonomy.terms.enumerated() { bySlug[term.slug, default: []].append(position) }
        // Terms are sorted by name, so each slug's terms come in one order on every build.
        for members in bySlug.values where members.count > 1 { link(members) }
        return twinIn.map { $0.values.sorted() }
    }
}
