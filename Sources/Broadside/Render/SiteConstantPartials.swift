/// Partials whose output is the same on every page of a language, such as the header and footer:
/// Broadside renders them once per language instead of once per page.
///
/// A partial qualifies when every tag in it names `site.…` or `t.…` (or is a comment), and every
/// include of it stands outside any section in a layout that only page templates use, at their
/// top: there the context is the page's own, whose `site` and `t` depend on the language alone.
/// Decided from the templates' text, not from their names, so a theme's own partials are judged
/// the same way and a partial that reads anything else is always rendered in place.
enum SiteConstantPartials {
    /// The templates Broadside renders as whole pages, each with the page's context.
    static func isPage(_ name: String) -> Bool {
        ["post", "page", "home", "list", "terms", "kinds", "series", "events", PageRenderer.notFoundTemplate, SearchPages.template].contains(name) || name.hasPrefix("post-")
    }

    /// The names of the templates of `sources` (name → text) to render once per language.
    static func find(in sources: [String: String]) -> Set<String> {
        let tags = sources.mapValues(MustacheTags.scan)
        let candidates = Set(tags.filter { readsOnlySiteAndWords($0.value) }.keys)
        var includes: [String: [(by: String, depth: Int, asLayout: Bool)]] = [:]
        for (name, list) in tags {
            for tag in list where tag.sigil == ">" || tag.sigil == "<" {
                includes[tag.name, default: []].append((name, tag.depth, tag.sigil == "<"))
            }
        }
        // A layout every use of which is `{{<layout}}` at the top of a page template.
        func isPageLayout(_ name: String) -> Bool {
            guard let uses = includes[name], !uses.isEmpty else { return false }
            return uses.allSatisfy { $0.asLayout && $0.depth == 0 && isPage($0.by) }
        }
        return candidates.filter { name in
            guard !isPage(name), let uses = includes[name], !uses.isEmpty else { return false }
            return uses.allSatisfy { !$0.asLayout && $0.depth == 0 && isPageLayout($0.by) }
        }
    }

    /// Every tag names `site.…` or `t.…`, or, inside a section over one of the site's lists
    /// (`{{#site.menu}}`), a key every item of that list has (`label`, `url`): such a name is
    /// always found in the item, never further up in the page's own values.
    private static func readsOnlySiteAndWords(_ tags: [MustacheTags.Tag]) -> Bool {
        var open: [String] = []
        for tag in tags {
            let siteName = tag.name.hasPrefix("site.") || tag.name.hasPrefix("t.")
            let itemKey = open.last.flatMap { itemKeys[$0] }?.contains(tag.name) == true
            switch tag.sigil {
            case "!": continue
            case "#", "^":
                guard siteName || itemKey else { return false }
                open.append(tag.name)
            case "/":
                guard siteName || itemKey else { return false }
                open.removeLast(open.isEmpty ? 0 : 1)
            case nil:
                guard siteName || itemKey else { return false }
            default: return false
            }
        }
        return true
    }

    /// The lists of `site` whose items have fixed keys, from the template contract: `site.menu` → `label`, `url`.
    private static let itemKeys: [String: Set<String>] = Dictionary(TemplateContract.contexts.compactMap { context in
        guard context.name.hasPrefix("site."), context.name.hasSuffix("[]") else { return nil }
        return (String(context.name.dropLast(2)), Set(context.keys))
    }, uniquingKeysWith: { first, _ in first })

    /// A template whose output is `html` whatever it is rendered with. Its delimiters are control
    /// characters, which no text of `site` or `t` holds (front matter and theme strings drop them),
    /// so nothing in `html` reads as a tag.
    static func literal(_ html: String) -> String { "{{=\u{1} \u{2}=}}" + html }
}
