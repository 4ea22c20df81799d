import Yams

/// `menu:` and `footer_menu:` in site.yml: the links an organisation puts in every page's
/// header and footer (About us, Donate, Know your rights), per language. Either a list, for the
/// site's language, or a map of language → list:
///
/// ```yaml
/// menu:
///   en:
///     - label: "About us"
///       link: /about/
///   es:
///     - label: "Sobre nosotros"
///       link: /es/acerca-de/
/// ```
///
/// A link is an address of the site from its root (`/about/`, `/categories/detention/`,
/// `/events/`) or another site's (`https://…`, `mailto:`); the build checks the first kind
/// like any link, at its line in site.yml.
public struct SiteMenus: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        public var label: String
        public var link: String
        var line: Int?
        var column: Int?
    }

    /// Language → items; `""` for a list written without a language (the site's).
    var main: [String: [Item]] = [:]
    var footer: [String: [Item]] = [:]
    /// `social:`, the organisation's profiles elsewhere (Mastodon, Instagram …), in the footer.
    var social: [String: [Item]] = [:]
    /// `donate:`, one link per language, the header's Donate button (its label is the theme's).
    var donate: [String: [Item]] = [:]

    /// A menu of a page in `lang`: the language's own, else for the site's language the list
    /// written without one. A language without a menu of its own has none (its pages are not
    /// shown another language's labels).
    func items(_ menu: [String: [Item]], lang: String, siteLanguage: String) -> [Item] {
        menu[lang] ?? (lang == siteLanguage ? menu[""] ?? [] : [])
    }

    /// Every item, for the link check.
    var all: [Item] { [main, footer, social, donate].flatMap { $0.values.flatMap { $0 } }.sorted { ($0.line ?? 0, $0.column ?? 0) < ($1.line ?? 0, $1.column ?? 0) } }

    static func read(_ node: Node, key: String, file: String, diagnostics: inout [Diagnostic]) -> [String: [Item]] {
        let example = "\(key):\n  - label: \"About us\"\n    link: /about/"
        if node.sequence != nil { return ["": items(node, key: key, file: file, diagnostics: &diagnostics)] }
        guard let mapping = node.mapping else {
            diagnostics.append(.error(file, line: node.line, column: node.column, "`\(key)` must be a list of links, or one list per language",
                hint: "write \(example)"))
            return [:]
        }
        var menus: [String: [Item]] = [:]
        for (langNode, list) in mapping {
            guard let lang = langNode.text, SiteConfig.isLanguageTag(lang) else {
                diagnostics.append(.error(file, line: langNode.line, column: langNode.column,
                    "`\(key)` has a list for \"\(langNode.text ?? "")\", which is not a language code",
                    hint: "name each list by its language: en:, es: …; or write one list, for the site's language"))
                continue
            }
            menus[SiteConfig.canonicalLanguageTag(lang)] = items(list, key: "\(key).\(lang)", file: file, diagnostics: &diagnostics)
        }
        return menus
    }

    /// `donate:`: one link, or one per language (`en: /donate/`, `es: /es/donar/`).
    static func readLink(_ node: Node, key: String, file: String, diagnostics: inout [Diagnostic]) -> [String: [Item]] {
        var links: [(lang: String, node: Node)] = []
        if node.text != nil {
            links = [("", node)]
        } else if let mapping = node.mapping {
            links = mapping.compactMap { langNode, value in
                guard let lang = langNode.text, SiteConfig.isLanguageTag(lang) else {
                    diagnostics.append(.error(file, line: langNode.line, column: langNode.column,
                        "`\(key)` has a link for \"\(langNode.text ?? "")\", which is not a language code",
                        hint: "name each link by its language: en:, es: …; or write one link, for the site's language"))
                    return nil
                }
                return (SiteConfig.canonicalLanguageTag(lang), value)
            }
        } else {
            diagnostics.append(.error(file, line: node.line, column: node.column, "`\(key)` must be a link, or one link per language",
                hint: "\(key): /donate/ (a page of the site) or \(key): https://give.example.org/"))
        }
        var found: [String: [Item]] = [:]
        for (lang, value) in links {
            guard let link = value.text?.trimmed, !link.isEmpty, checkScheme(link, value, file: file, diagnostics: &diagnostics) else {
                if value.text?.trimmed.isEmpty != false {
                    diagnostics.append(.error(file, line: value.line, column: value.column, "`\(key)` must be a link",
                        hint: "\(key): /donate/ (a page of the site) or \(key): https://give.example.org/"))
                }
                continue
            }
            found[lang] = [Item(label: "", link: link, line: value.line, column: value.column)]
        }
        return found
    }

    /// A link a browser follows to a page: http(s), mail, phone, or an address of the site.
    private static func checkScheme(_ link: String, _ node: Node, file: String, diagnostics: inout [Diagnostic]) -> Bool {
        guard URLPolicy.scheme(of: link).map({ !["http", "https", "mailto", "tel"].contains($0) }) == true else { return true }
        diagnostics.append(.error(file, line: node.line, column: node.column, "the menu link \(link) is not a web address",
            hint: "write an address of the site from its root, such as /about/, or another site's, such as https://example.org/"))
        return false
    }

    private static func items(_ node: Node, key: String, file: String, diagnostics: inout [Diagnostic]) -> [Item] {
        guard let sequence = node.sequence else {
            diagnostics.append(.error(file, line: node.line, column: node.column, "`\(key)` must be a list of links",
                hint: "write one `- label: … link: …` entry per link"))
            return []
        }
        return sequence.compactMap { entry in
            let fields = Dictionary((entry.mapping.map(Array.init) ?? []).compactMap { key, value in key.text.map { ($0, value) } },
                                    uniquingKeysWith: { first, _ in first })
            guard let label = fields["label"]?.text?.trimmed, !label.isEmpty,
                  let linkNode = fields["link"], let link = linkNode.text?.trimmed, !link.isEmpty else {
                diagnostics.append(.error(file, line: entry.line, column: entry.column, "each link of `\(key)` needs a label and a link",
                    hint: "write - label: \"About us\" and, below it, link: /about/"))
                return nil
            }
            guard checkScheme(link, linkNode, file: file, diagnostics: &diagnostics) else { return nil }
            return Item(label: label, link: link, line: linkNode.line, column: linkNode.column)
        }
    }
}

extension SiteMenus {
    /// A menu link to an address of the site that the site does not have: an error at its line
    /// in site.yml, as the header of every page would carry it. `paths`: every file planned.
    func brokenLinks(paths: Set<String>, rootPath: String) -> [Diagnostic] {
        let items = all
        guard !items.isEmpty else { return [] }
        let targets = LinkTargets(paths: paths)
        // Menus link pages and lists, at any depth: the nearest page address is the hint, made
        // only once a link is broken.
        var pageAddresses: [String]?
        func pages() -> [String] {
            if let pageAddresses { return pageAddresses }
            let made = paths.filter { $0.hasSuffix("index.html") }.map(NearestAddress.address).sorted()
            pageAddresses = made
            return made
        }
        return items.compactMap { item in
            switch targets.resolve(item.link, from: "") {
            case .found, .elsewhere: return nil
            case .outside:
                return .error(SiteConfig.fileName, line: item.line, column: item.column, "the menu link \(item.link) climbs above the site's root",
                    hint: "write the address from the site's root, such as /about/")
            case .missing(let path):
                let meant = NearestName.nearest(to: path, in: pages()).map { "did you mean \($0)? " } ?? ""
                return .error(SiteConfig.fileName, line: item.line, column: item.column, "the menu link \(item.link) goes to a page the site does not have",
                    hint: meant + "link a page of content/pages/ by its address (content/pages/about.md is /about/), a list as /categories/detention/ or /events/, another site by its https:// address")
            }
        }
    }

    /// The items of a menu as templates see them: `label`, and `url` with the site's root path
    /// in front of an address of the site, as links in posts have it.
    static func context(_ items: [Item], rootPath: String) -> [TemplateMap] {
        items.map { item in
            // A link of the site as written in site.yml may have accents (a Spanish list's address).
            let url = item.link.hasPrefix("/") && !item.link.hasPrefix("//") ? PercentEncoding.typedPath(rootPath + item.link.dropFirst()) : item.link
            return ["label": .text(item.label), "url": .url(url)]
        }
    }
}
