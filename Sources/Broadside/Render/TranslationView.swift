/// The other versions of a post's text, as templates see them.
struct TranslationLink: Sendable {
    var lang: String
    /// The language named in itself ("Español"), for `hreflang` readers and lists.
    var languageName: String
    /// "Leer en español", in the language it leads to, so a reader finds it without reading the page's.
    var label: String
    var url: String

    init(_ post: Post, urls: SiteURLs, strings: ThemeStrings) {
        lang = post.lang
        languageName = strings.languageName(post.lang, in: post.lang)
        label = strings.text("read_in", lang: post.lang, ["language": languageName])
        url = urls.address(of: post)
    }

    var context: TemplateMap { ["lang": .text(lang), "language_name": .text(languageName), "label": .text(label), "url": .url(url)] }
}

enum TranslationView {
    /// The versions of `index` other than itself, in the site's order of versions.
    static func links(of index: Int, in site: Site, strings: ThemeStrings) -> [TranslationLink] {
        versions(of: index, in: site).filter { $0 != index }.map { TranslationLink(site.posts[$0], urls: site.urls, strings: strings) }
    }

    /// `<link rel="alternate" hreflang>` of a post page: every version including itself, absolute,
    /// as search engines want them; none for a text in one language.
    static func alternates(of index: Int, in site: Site) -> [TemplateMap] {
        let versions = versions(of: index, in: site)
        guard versions.count > 1 else { return [] }
        return versions.map { ["lang": .text(site.posts[$0].lang), "url": .url(site.urls.absolute(site.urls.address(of: site.posts[$0])))] }
    }

    static func versions(of index: Int, in site: Site) -> [Int] {
        site.translations.indices.contains(index) ? site.translations[index] : [index]
    }
}
