/// What a page says of itself to whatever shows a link to it (a chat app's card, a search
/// result): its canonical address, its description, Open Graph and Twitter's card, and one
/// JSON-LD block. Absolute addresses are needed: without `base_url` only the description and
/// the card's words are given.
struct ShareCard: Sendable {
    enum Kind: Sendable { case article, website }

    var title: String
    var description: String
    var kind: Kind
    var lang: String
    /// Other languages the page is in (its translations).
    var otherLanguages: [String] = []
    var image: FeedEntry.Image?
    var published: PostDate?
    var section: String?
    var tags: [String] = []
    /// The JSON-LD object, escaped for a `<script>` block.
    var structuredData: String

    /// Open Graph's locale: `es`, `pt_BR` (its tags use `_`).
    static func locale(_ lang: String) -> String { lang.replacingOccurrences(of: "-", with: "_") }

    /// The keys added to `page` (see the theme's README, "Share cards").
    func add(to page: inout TemplateMap, absoluteURL: String, hasBaseURL: Bool) {
        // Absent, not empty: Mustache's {{#page.description}} holds for "" and gave an empty <meta>.
        if !description.isEmpty { page["description"] = .text(description) }
        page["og_type"] = kind == .article ? "article" : "website"
        page["locale"] = .text(Self.locale(lang))
        page["locale_alternates"] = .texts(otherLanguages.map(Self.locale))
        page["twitter_card"] = image == nil ? "summary" : "summary_large_image"
        if !structuredData.isEmpty { page["json_ld"] = .html(structuredData) }
        if hasBaseURL { page["canonical_url"] = .url(absoluteURL) }
        if let image, hasBaseURL {
            var values: TemplateMap = ["url": .url(image.url), "alt": .text(image.alt), "media_type": .text(image.mediaType)]
            if image.width > 0 { (values["width"], values["height"]) = (.text("\(image.width)"), .text("\(image.height)")) }
            page["image"] = .map(values)
        }
        if let published {
            var article: TemplateMap = ["published_time": .text(DateText.iso8601(published)), "tags": .texts(tags)]
            if let section { article["section"] = .text(section) }
            page["article"] = .map(article)
        }
    }
}
