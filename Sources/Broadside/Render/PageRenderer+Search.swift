/// The search page of a language: the form (a plain GET with `q`), the filters' choices, and
/// where the theme's script finds the index.
extension PageRenderer {
    func search(_ lang: String) -> (String, TemplateMap) {
        let title = words("search", lang)
        let url = SearchPages.url(lang, in: site)
        let languages = SearchPages.languages(site, templateNames: theme.templateNames)
        let twins = Dictionary(uniqueKeysWithValues: languages.filter { $0 != lang }.map { ($0, SearchPages.url($0, in: site)) })
        var context = base(title: title, url: url, lang: lang, kind: "search", translations: twins)
        share(indexCard(title, url: url, lang: lang), in: &context)
        context["heading"] = .text(title)
        context["search"] = .map(searchChoices(lang))
        return (SearchPages.template, context)
    }

    /// The filters' choices (kinds, the language's categories, languages, years) and the index's address.
    private func searchChoices(_ lang: String) -> TemplateMap {
        // Lazily: a filtered copy of 10,000 posts is megabytes, once per language.
        let searched = site.posts.lazy.filter(\.searchable)
        func choice(_ value: String, _ label: String) -> TemplateMap { ["value": .text(value), "label": .text(label)] }
        var kinds = Kind.allCases.filter { kind in searched.contains { !$0.isPage && $0.kind == kind } }
            .map { choice($0.rawValue, words("kind_plural.\($0.rawValue)", lang)) }
        if searched.contains(where: \.isPage) { kinds.append(choice("page", words("search_pages", lang))) }
        let categories = site.categories.terms(in: lang).map { site.categories.terms[$0].name }
        let years = Set(searched.filter { !$0.isPage }.map(\.date.civil.year)).sorted(by: >)
        return [
            "index_url": .url(site.urls.list([SearchPages.indexFolder])),
            "script_url": .url(site.urls.rootPath + "js/search.js"),
            "kinds": .maps(kinds),
            "categories": .maps(categories.map { choice($0, $0) }),
            "has_categories": .bool(!categories.isEmpty),
            "languages": .maps(site.languages.map { choice($0, words("language_name", $0)) }),
            "has_languages": .bool(site.languages.count > 1),
            "years": .maps(years.map { choice(String($0), String($0)) }),
        ]
    }
}
