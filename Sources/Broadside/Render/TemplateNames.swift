/// Every name a template reads must be one Broadside gives it (`TemplateContract`), one of the
/// theme's strings (`t.…`) or front matter's own (`params.…`): a misspelt `{{post.titel}}` is an
/// error at its tag when the theme loads, where Mustache would have written nothing, silently.
enum TemplateNames {
    /// Every key of every context templates receive.
    static let given: Set<String> = Set(TemplateContract.contexts.flatMap(\.keys))

    /// `templates`: name → (file for messages, text).
    static func unknown(in templates: [String: (file: String, text: String)], strings: ThemeStrings) -> [Diagnostic] {
        let words = Set(strings.languages.values.flatMap { language in
            language.texts.keys.flatMap { key in
                // `kind.qa` is read as `t.kind.qa`, and its group as `{{#t.kind}}`.
                let parts = key.split(separator: ".")
                return parts.indices.map { parts[...$0].joined(separator: ".") }
            }
        } + [StringKeys.months])
        let tags = templates.mapValues { MustacheTags.scan($0.text) }
        let exempt = partialsReadingFrontMatter(tags)
        var found: [Diagnostic] = []
        for (name, template) in templates.sorted(by: { $0.key < $1.key }) where !exempt.contains(name) {
            walk(tags[name] ?? []) { tag, free in
                guard !free, [nil, "#", "^", "{", "&"].contains(tag.sigil) else { return }
                let name = tag.name.trimmingCharacters(in: ["}", " ", "\t"])
                guard name != ".", let problem = problem(with: name, words: words) else { return }
                found.append(.error(template.file, line: tag.line, column: tag.column, problem.message, hint: problem.hint))
            }
        }
        return found
    }

    /// Calls `visit` with each tag and whether it stands inside a section over front matter
    /// (`{{#post.params.menu}}`), where names are the editor's own.
    private static func walk(_ tags: [MustacheTags.Tag], _ visit: (MustacheTags.Tag, _ free: Bool) -> Void) {
        var open: [Bool] = []
        for tag in tags {
            let free = open.last ?? false
            visit(tag, free)
            switch tag.sigil {
            case "#": open.append(free || tag.name.split(separator: ".").contains("params"))
            case "^", "<", "$": open.append(free)
            case "/": if !open.isEmpty { open.removeLast() }
            default: break
            }
        }
    }

    /// Partials included inside a section over front matter, and the partials they include:
    /// what they read is the editor's, so they are not checked.
    private static func partialsReadingFrontMatter(_ tags: [String: [MustacheTags.Tag]]) -> Set<String> {
        var exempt = Set<String>()
        var changed = true
        while changed {
            changed = false
            for (name, list) in tags {
                walk(list) { tag, free in
                    guard tag.sigil == ">", free || exempt.contains(name), exempt.insert(tag.name).inserted else { return }
                    changed = true
                }
            }
        }
        return exempt
    }

    private static func problem(with name: String, words: Set<String>) -> (message: String, hint: String)? {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        for (position, part) in parts.enumerated() {
            // What an editor writes in front matter has names of the editor's own.
            if part == "params" { return nil }
            if part == "t", position + 1 < parts.count {
                let key = parts[(position + 1)...].joined(separator: ".")
                guard !words.contains(key) else { return nil }
                return ("{{\(name)}} reads the theme string \"\(key)\", which the theme's i18n files do not have",
                    KeySuggestions.hint("add \(key): to i18n/<language>.yml, or fix the name", near: key, in: words.sorted()))
            }
            guard !given.contains(part) else { continue }
            return ("{{\(name)}} reads \"\(part)\", which Broadside gives no template",
                KeySuggestions.hint("fix the name: themes/default/README.md lists what each template receives; front matter of your own is post.params.<name>",
                    near: part, in: given.sorted()))
        }
        return nil
    }
}
