/// What each template receives, in one place. `themes/default/README.md` lists the same names
/// (a test compares the two, and compares both with the contexts pages really get), so a key
/// added to a view without a word in the README, or documented and never given, fails the tests.
enum TemplateContract {
    /// Context name → its keys. The names are those the README uses: a page kind ("post page"),
    /// a key of a page (`site`, `pager`), or each item of a list (`terms[]`, `post.tags[]`).
    static let contexts: [(name: String, keys: [String])] = [
        ("post page", ["site", "t", "page", "post", "alternates"]),
        ("list page", ["site", "t", "page", "heading", "list", "posts", "has_posts", "pager", "is_home", "term", "kind", "series"]),
        ("events page", ["site", "t", "page", "heading", "list", "posts", "has_posts", "pager", "upcoming", "has_upcoming", "past", "has_past"]),
        ("index page", ["site", "t", "page", "heading", "taxonomy", "terms", "has_terms"]),
        ("404 page", ["site", "t", "page", "heading"]),
        ("site", [
            "title", "description", "language", "root", "home_url", "categories_url", "tags_url", "kinds_url",
            "feed_url", "feed_absolute_url", "generator", "events_url",
        ]),
        ("page", [
            "title", "document_title", "url", "absolute_url", "lang", "kind", "feeds", "description", "canonical_url", "og_type", "locale",
            "locale_alternates", "twitter_card", "json_ld", "image", "article", "noindex", "languages", "has_languages",
        ]),
        ("page.languages[]", ["lang", "name", "url", "is_translation"]),
        ("page.image", ["url", "alt", "media_type", "width", "height"]),
        ("page.article", ["published_time", "section", "tags"]),
        ("page.feeds[]", ["url", "media_type", "title"]),
        ("post", [
            "title", "url", "date", "date_iso", "kind", "kind_label", "lang", "authors", "byline", "series", "series_day",
            "summary", "categories", "tags", "has_terms", "params", "content", "rendered_item", "event",
            "translations", "has_translations", "has_attachments", "attachments", "image", "status", "email_image", "share", "download",
        ]),
        ("post.download", ["url", "media_type", "text"]),
        ("post.share", ["url", "links"]),
        ("post.share.links[]", ["service", "label", "url"]),
        ("post.event", ["start", "start_iso", "time_zone", "end", "end_iso", "location", "online_url", "rsvp_url", "calendar_url"]),
        ("post.categories[]", ["name", "url"]),
        ("post.tags[]", ["name", "url"]),
        ("post.attachments[]", ["label", "url", "media_type", "type", "size", "text"]),
        ("post.image", ["url", "alt", "caption", "credit", "width", "height", "srcset", "webp_srcset", "sizes", "thumb", "share_url"]),
        ("post.image.thumb", ["url", "webp_url", "width", "height"]),
        ("list", ["url", "count", "feed_url", "feeds"]),
        ("list.feeds[]", ["url", "media_type", "title"]),
        ("pager", ["page", "pages", "label", "has_pages", "newer_url", "older_url"]),
        ("term", ["name", "url", "count", "taxonomy"]),
        ("kind", ["name", "label", "url", "count"]),
        ("taxonomy", ["name", "title", "singular"]),
        ("terms[]", ["name", "url", "count"]),
        ("block action", ["lang", "t", "email", "title", "text", "url", "phone", "phone_url", "href", "button"]),
        ("block stat", ["lang", "t", "email", "figure", "label", "as_of", "as_of_iso", "source", "source_url"]),
        ("block callout", ["lang", "t", "email", "title", "content"]),
        ("alternates[]", ["lang", "url"]),
        ("feed content", ["post", "site", "t"]),
        ("post.translations[]", ["lang", "language_name", "label", "url"]),
        ("post.series", ["name", "url", "total", "all_days_label", "days", "day", "label", "previous", "next"]),
        ("post.series.days[]", ["number", "title", "url", "label", "date", "date_iso", "is_published", "is_current"]),
        ("post.series.previous", ["url", "title", "label"]),
        ("post.series.next", ["url", "title", "label"]),
        ("series", ["name", "url", "total", "all_days_label", "days"]),
        ("series.days[]", ["number", "title", "url", "label", "date", "date_iso", "is_published", "is_current"]),
    ]
}
