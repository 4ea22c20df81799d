/// The links every page of a site in several languages has to its other languages: to the
/// page's own translation where there is one, else to that language's home, so a Spanish reader
/// who lands on an English page finds the Spanish side of the site from wherever they are.
/// Each language is named in itself ("Español"), as a reader looking for it reads it.
enum LanguageSwitch {
    /// `translations`: the page's versions by language (a post's or a page's), none for a list.
    static func links(from lang: String, translations: [String: String] = [:], in site: Site, strings: ThemeStrings) -> [TemplateMap] {
        guard site.languages.count > 1 else { return [] }
        return site.languages.filter { $0 != lang }.compactMap { other in
            let translated = translations[other]
            guard let url = translated ?? site.list(.home(lang: other)).map({ site.urls.list($0.folder) }) else { return TemplateMap?.none }
            var link: TemplateMap = ["lang": .text(other), "name": .text(strings.languageName(other, in: other)), "url": .url(url)]
            if translated != nil { link["is_translation"] = true }
            return link
        }
    }

    /// The versions of a post or page by language, for `links`.
    static func translations(of index: Int, in site: Site) -> [String: String] {
        let versions = TranslationView.versions(of: index, in: site).filter { $0 != index }
        return Dictionary(versions.map { (site.posts[$0].lang, site.urls.address(of: site.posts[$0])) }, uniquingKeysWith: { first, _ in first })
    }
}
