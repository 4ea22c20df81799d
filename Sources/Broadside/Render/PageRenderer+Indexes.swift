/// The index pages: `/categories/` and `/tags/`, `/kinds/` and `/newsletter/` in each language,
/// each through the theme's `terms` template (or one of its own), each entry a name, an address
/// and a count, and each page's language switch leading to the same index in the other languages.
extension PageRenderer {
    /// `/categories/`, `/es/tags/`: the terms of one language.
    func terms(_ kind: TaxonomyKind, lang: String) -> (String, TemplateMap) {
        let taxonomy = site.taxonomy(kind)
        let entries = taxonomy.terms(in: lang).map { (taxonomy.terms[$0].name, site.termURL(kind, $0), taxonomy.terms[$0].posts.count) }
        let twins = site.languagesWithTerms(kind).map { ($0, site.termsURL(kind, lang: $0)) }
        return index(title: words(kind.rawValue, lang), url: site.termsURL(kind, lang: lang), lang: lang, name: kind.rawValue,
                     singular: kind.singular, twins: twins, entries: entries, template: template("terms"))
    }

    /// `/kinds/`, `/es/kinds/`: every kind that has posts in the language.
    func kinds(_ lang: String) -> (String, TemplateMap) {
        let entries = site.lists.compactMap { list -> (String, String, Int)? in
            guard case .kind(let kind, lang) = list.scope else { return nil }
            return (words("kind_plural.\(kind.rawValue)", lang), site.urls.list(list.folder), list.posts.count)
        }
        let twins = site.languagesWithKinds.map { ($0, site.urls.list(site.kindsFolder($0))) }
        return index(title: words("kinds", lang), url: site.urls.list(site.kindsFolder(lang)), lang: lang, name: "kinds",
                     singular: "kind", twins: twins, entries: entries, template: template("kinds", "terms"))
    }

    /// `/newsletter/`: every edition, newest first, with its post count.
    func editions(_ lang: String) -> (String, TemplateMap) {
        let entries = site.lists.compactMap { list -> (String, String, Int)? in
            guard case .edition(let edition) = list.scope, edition.lang == lang else { return nil }
            return (heading(of: list) ?? "", site.urls.list(list.folder), list.posts.count)
        }
        let twins = site.languagesWithEditions.map { ($0, site.urls.list(Editions.folder(lang: $0, config: site.config))) }
        return index(title: words("newsletter", lang), url: site.urls.list(Editions.folder(lang: lang, config: site.config)), lang: lang,
                     name: "newsletter", singular: "edition", twins: twins, entries: entries, template: template("newsletter-index", "terms"))
    }

    /// One index page; `twins` is every language's version of it, this one's included.
    private func index(title: String, url: String, lang: String, name: String, singular: String, twins: [(String, String)],
                       entries: [(name: String, url: String, count: Int)], template: String) -> (String, TemplateMap) {
        let translations = Dictionary(twins.filter { $0.0 != lang }, uniquingKeysWith: { first, _ in first })
        var context = base(title: title, url: url, lang: lang, kind: name, translations: translations)
        share(indexCard(title, url: url, lang: lang), in: &context)
        context["heading"] = .text(title)
        context["taxonomy"] = .map(["name": .text(name), "title": .text(title), "singular": .text(singular)])
        context["terms"] = .maps(entries.map { ["name": .text($0.name), "url": .url($0.url), "count": .number($0.count)] as TemplateMap })
        context["has_terms"] = .bool(!entries.isEmpty)
        return (template, context)
    }
}
