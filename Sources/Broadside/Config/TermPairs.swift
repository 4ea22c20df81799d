import Yams

/// `term_pairs:` in site.yml: categories and tags that translate each other, so the language
/// switch on one's page leads to the other (`México` ↔ `Mexico`). Each entry names one term per
/// language, by the name its posts use:
///
/// ```yaml
/// term_pairs:
///   - en: Mexico
///     es: México
/// ```
///
/// Terms with one slug in two languages (`TPS` and `TPS`) are paired without an entry.
public struct TermPair: Sendable, Equatable {
    public struct Name: Sendable, Equatable {
        public var lang: String
        public var name: String
        var line: Int?
        var column: Int?
    }

    public var names: [Name]

    static let example = "term_pairs:\n  - en: Mexico\n    es: México"

    static func read(_ node: Node, file: String, diagnostics: inout [Diagnostic]) -> [TermPair] {
        guard let entries = node.sequence else {
            diagnostics.append(.error(file, line: node.line, column: node.column,
                "`term_pairs` must be a list of terms that translate each other", hint: "write \(example)"))
            return []
        }
        return entries.compactMap { entry in
            guard let mapping = entry.mapping else {
                diagnostics.append(.error(file, line: entry.line, column: entry.column,
                    "each entry of `term_pairs` names a term per language", hint: "write \(example)"))
                return nil
            }
            var names: [Name] = []
            for (langNode, nameNode) in mapping {
                guard let lang = langNode.text, SiteConfig.isLanguageTag(lang) else {
                    diagnostics.append(.error(file, line: langNode.line, column: langNode.column,
                        "`term_pairs` names a term for \"\(langNode.text ?? "")\", which is not a language code",
                        hint: "name each term by its language: en: Mexico, es: México"))
                    continue
                }
                guard let name = nameNode.text?.trimmed, !name.isEmpty else {
                    diagnostics.append(.error(file, line: nameNode.line, column: nameNode.column,
                        "`term_pairs` needs a category or tag name for \(lang)", hint: "write \(lang): followed by the name its posts use"))
                    continue
                }
                names.append(Name(lang: SiteConfig.canonicalLanguageTag(lang), name: name, line: nameNode.line, column: nameNode.column))
            }
            guard names.count > 1 else {
                if !names.isEmpty {
                    diagnostics.append(.error(file, line: entry.line, column: entry.column,
                        "an entry of `term_pairs` names one term, and a pair needs one in each of two languages",
                        hint: "write \(example)"))
                }
                return nil
            }
            return TermPair(names: names)
        }
    }
}
