/// RSS 2.0 of a list (`/feed.xml` for the home page, `/es/feed.xml` …): its newest posts,
/// each with its summary in `description` and its full HTML in `content:encoded`, which feed
/// readers and RSS-to-email services read. Nothing in it depends on the clock.
struct FeedWriter {
    var site: Site
    var list: PostList
    /// Each post's final HTML (blocks rendered), by index in the site.
    var bodies: [String]
    var images = ImageSet()

    func rss() -> String {
        let urls = site.urls
        let config = site.config
        let items = list.posts.prefix(config.feedSize).map { ($0, site.posts[$0]) }
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/">
            <channel>
            <title>\(text(config.title))</title>
            <link>\(text(urls.absolute(urls.list(list.folder))))</link>
            <description>\(text(config.description.isEmpty ? config.title : config.description))</description>
            <language>\(text(list.lang))</language>
            <generator>Broadside</generator>

            """
        if let (_, newest) = items.first {
            xml += "<lastBuildDate>\(DateText.rfc822(newest.date))</lastBuildDate>\n"
        }
        xml += "<atom:link href=\"\(text(urls.absolute(urls.listFeed(list.folder))))\" rel=\"self\" type=\"application/rss+xml\"/>\n"
        for (index, post) in items {
            let link = urls.absolute(urls.post(post.slug))
            xml += "<item>\n<title>\(text(post.title))</title>\n<link>\(text(link))</link>\n"
            xml += "<guid isPermaLink=\"true\">\(text(link))</guid>\n"
            xml += "<pubDate>\(DateText.rfc822(post.date))</pubDate>\n"
            for term in site.categories.termsOfPost[index] {
                xml += "<category>\(text(site.categories.terms[term].name))</category>\n"
            }
            // Readers take `description` as HTML: the plain summary is escaped as HTML, then as XML,
            // so a summary quoting `<img onerror=…>` reaches the reader as text.
            xml += "<description>\(text(Escaping.markup(post.summary)))</description>\n"
            xml += "<content:encoded>\(text(content(of: post, body: bodies[index])))</content:encoded>\n</item>\n"
        }
        xml += "</channel>\n</rss>\n"
        return xml
    }

    private func text(_ value: String) -> String { Escaping.markup(Escaping.xmlSafe(value)) }

    /// The post as an email shows it: its featured image first, then its text, every image a
    /// plain `<img>` at an absolute address.
    private func content(of post: Post, body: String) -> String {
        var html = ""
        if let featured = post.resources.image, let path = featured.file.outputPath, let image = images.images[path] {
            let markup = ImageMarkup.email(image, alt: featured.alt, urls: site.urls)
            if !markup.isEmpty { html = "<p>\(markup)</p>\n" }
        }
        return html + absoluteLinks(ImageMarkup.expand(body, post: post, images: images, urls: site.urls, for: .feed))
    }

    /// A feed has no base URL of its own, and email clients resolve nothing:
    /// root-relative links and images (`href="/news/posts/a/"`) become absolute.
    /// Protocol-relative ones (`//host/x`) are left alone.
    private func absoluteLinks(_ html: String) -> String {
        let root = site.urls.rootPath
        var out = ""
        out.reserveCapacity(html.utf8.count + 256)
        var rest = html[...]
        while let match = rest.firstRange(of: "=\"" + root) {
            let attribute = rest[..<match.lowerBound].suffix(4)
            let isURLAttribute = attribute.hasSuffix("href") || attribute.hasSuffix(" src")
            let next = rest[match.upperBound...].first
            out += rest[..<match.lowerBound]
            if isURLAttribute && !(root == "/" && next == "/") {
                out += "=\"" + site.urls.absoluteRoot
            } else {
                out += rest[match]
            }
            rest = rest[match.upperBound...]
        }
        out += rest
        return out
    }
}
