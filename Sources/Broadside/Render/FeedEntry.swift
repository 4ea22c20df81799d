/// What every feed says of one post, made once however many lists (home, categories, tags,
/// kind, series, events) and formats (RSS, Atom, JSON Feed) carry it. Every URL is absolute:
/// a feed has no address of its own to resolve against, and an e-mail client resolves nothing.
struct FeedEntry: Sendable {
    struct Image: Sendable {
        var url: String
        var width: Int
        var height: Int
        var mediaType: String
        var alt: String
    }

    struct Enclosure: Sendable {
        var url: String
        /// Bytes, as the file is published.
        var length: Int
        var mediaType: String
        var title: String
    }

    var title: String
    var url: String
    var date: PostDate
    /// Plain text.
    var summary: String
    /// HTML: the featured image, the event, the text and the attachments, as an e-mail shows them.
    var content: String
    var authors: [String]
    /// Categories, then tags.
    var terms: [String]
    var image: Image?
    var enclosures: [Enclosure]
    var lang: String
}

extension FeedEntry {
    init(post: Post, index: Int, in site: Site, content: String, images: ImageSet) {
        let urls = site.urls
        title = post.title
        url = urls.absolute(urls.post(post.slug))
        date = post.date
        summary = post.summary
        self.content = FeedEntry.absoluteLinks(content, urls: urls)
        authors = post.authors
        terms = site.categories.termsOfPost[index].map { site.categories.terms[$0].name }
            + site.tags.termsOfPost[index].map { site.tags.terms[$0].name }
        lang = post.lang
        if let featured = post.resources.image, let path = featured.file.outputPath, let published = images.images[path],
            let file = published.fallback(near: ImageMarkup.feedWidth)
        {
            image = Image(url: urls.absolute(ImageMarkup.url(file, urls)), width: file.width, height: file.height,
                mediaType: file.format.mediaType, alt: featured.alt)
        }
        enclosures = post.resources.attachments.compactMap { attachment in
            guard let path = attachment.file.outputPath, let size = attachment.file.size else { return nil }
            return Enclosure(url: urls.absolute(urls.file(path)), length: size, mediaType: attachment.file.mediaType,
                title: attachment.label)
        }
    }

    /// Root-relative links and images (`href="/news/posts/a/"`) made absolute; protocol-relative
    /// ones (`//host/x`) are left alone.
    static func absoluteLinks(_ html: String, urls: SiteURLs) -> String {
        let root = urls.rootPath
        var out = ""
        out.reserveCapacity(html.utf8.count + 256)
        var rest = html[...]
        while let match = rest.firstRange(of: "=\"" + root) {
            let attribute = rest[..<match.lowerBound].suffix(4)
            let isURLAttribute = attribute.hasSuffix("href") || attribute.hasSuffix(" src")
            let next = rest[match.upperBound...].first
            out += rest[..<match.lowerBound]
            if isURLAttribute && !(root == "/" && next == "/") {
                out += "=\"" + urls.absoluteRoot
            } else {
                out += rest[match]
            }
            rest = rest[match.upperBound...]
        }
        out += rest
        return out
    }
}
