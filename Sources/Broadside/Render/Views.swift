/// What templates see. Mustache gets these views, never the model, and they hold
/// plain text: Mustache's `{{name}}` escapes it, only `{{{content}}}` is inserted raw.
struct PostView: Sendable {
    var title: String
    var url: String
    var dateISO: String
    var dateText: String
    var kind: String
    var kindLabel: String
    var seriesDay: Int?
    var summary: String
    var authors: [String]
    /// "Perspective by Ana Ruiz", in the post's language; nil without `author:`.
    var byline: String?
    var lang: String
    /// Each a term's values shared with every post in it (`TermValues`).
    var categories: [TemplateValue]
    var tags: [TemplateValue]
    var params: [String: FrontMatterValue]
    /// The post's place in its series, with every day of it.
    var seriesView: SeriesView?
    var translations: [TranslationLink]
    var event: EventView?
    var resources: ResourceViews
    /// "Draft", "Scheduled for December 3, 2027": only on a post the preview shows before it is public.
    var status: String?

    /// Words and dates in the post's own language, from the theme's strings.
    init(_ post: Post, in site: Site, index: Int, strings: ThemeStrings, terms: TermValues, seriesDays: [SeriesView.Days]? = nil,
        images: ImageSet = ImageSet()) {
        title = post.title
        url = site.urls.address(of: post)
        dateISO = DateText.iso8601(post.date)
        dateText = strings.date(post.date, lang: post.lang)
        kind = post.kind.rawValue
        kindLabel = strings.text("kind.\(post.kind.rawValue)", lang: post.lang)
        byline = post.authors.isEmpty ? nil : strings.text("by_authors", lang: post.lang,
            ["kind": kindLabel, "authors": strings.list(post.authors, lang: post.lang)])
        seriesDay = post.seriesDay
        summary = post.summary
        authors = post.authors
        lang = post.lang
        categories = site.categories.termsOfPost[index].map { terms.categories[$0] }
        tags = site.tags.termsOfPost[index].map { terms.tags[$0] }
        params = post.params
        seriesView = site.seriesIndex(of: post).map {
            SeriesView(site.series[$0], in: site, strings: strings, current: index, days: seriesDays?[$0])
        }
        translations = TranslationView.links(of: index, in: site, strings: strings)
        event = post.event.map { EventView($0, post: post, urls: site.urls, strings: strings) }
        resources = ResourceViews(post.resources, lang: post.lang, isReport: post.kind == .report, urls: site.urls, strings: strings, images: images)
        if post.draft {
            status = strings.text("status_draft", lang: post.lang)
        } else if post.date.secondsSince1970 > site.now {
            status = strings.text("status_scheduled", lang: post.lang, ["date": dateText])
        }
    }

    /// Without the body: what a list page shows of a post.
    var context: TemplateMap {
        var context: TemplateMap = [
            "title": .text(title), "url": .url(url), "date_iso": .text(dateISO), "date": .text(dateText), "summary": .text(summary),
            "kind": .text(kind), "kind_label": .text(kindLabel), "lang": .text(lang), "authors": .texts(authors),
            "categories": .list(categories), "tags": .list(tags),
            "has_terms": .bool(!(categories.isEmpty && tags.isEmpty)),
            "params": FrontMatterValue.map(params.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) }).templateValue,
        ]
        if let byline { context["byline"] = .text(byline) }
        if let status { context["status"] = .text(status) }
        if let seriesView { context["series"] = .map(seriesView.context) }
        if let seriesDay { context["series_day"] = .number(seriesDay) }
        context["translations"] = .maps(translations.map(\.context))
        context["has_translations"] = .bool(!translations.isEmpty)
        if let event { context["event"] = .map(event.context) }
        resources.add(to: &context)
        return context.compacted
    }
}

/// Each category's and tag's link as templates see it, made once and shared by every post in
/// it: a map for each term of each post was about 1 KB a post.
struct TermValues: Sendable {
    var categories: [TemplateValue]
    var tags: [TemplateValue]

    init(_ site: Site) {
        categories = site.categories.terms.indices.map { .map(TermLink(.categories, $0, in: site).context) }
        tags = site.tags.terms.indices.map { .map(TermLink(.tags, $0, in: site).context) }
    }
}

struct TermLink: Sendable {
    var name: String
    var url: String

    init(_ kind: TaxonomyKind, _ index: Int, in site: Site) {
        name = site.taxonomy(kind).terms[index].name
        url = site.termURL(kind, index)
    }

    var context: TemplateMap { ["name": .text(name), "url": .url(url)] }
}

extension FrontMatterValue {
    /// An editor's map never offers the names of Broadside's HTML values, so `{{{content}}}`
    /// inside `{{#params}}` finds the post's HTML rather than text from front matter
    /// (the loader warns about such keys). Control characters are dropped, as from known keys.
    var templateValue: TemplateValue {
        switch self {
        case .text(let text): .text(Escaping.xmlSafe(text))
        case .list(let items): .list(items.map(\.templateValue))
        case .map(let pairs):
            .map(TemplateMap(Dictionary(
                pairs.filter { !TemplateRules.htmlValues.contains($0.key) }.map { ($0.key, $0.value.templateValue) },
                uniquingKeysWith: { a, _ in a })))
        }
    }
}
