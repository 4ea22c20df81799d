import Foundation

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
        self.content = FeedEntry.absoluteLinks(content, base: url)
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

    /// Every `href` and `src` made absolute against the post's own address (`base`): root-relative
    /// ones (`/news/posts/a/`), and relative ones (`report.pdf`, `../b/`, `#notes`), which an
    /// e-mail client would resolve against nothing. Protocol-relative (`//host/x`) and addresses
    /// with a scheme (`https:`, `mailto:`, `tel:`) are left as they are.
    static func absoluteLinks(_ html: String, base: String) -> String {
        guard let baseURL = URL(string: base) else { return html }
        var out = ""
        out.reserveCapacity(html.utf8.count + 256)
        var rest = html[...]
        while let value = nextURLAttribute(in: rest) {
            out += rest[..<value.lowerBound]
            out += resolved(String(rest[value]), against: baseURL) ?? String(rest[value])
            rest = rest[value.upperBound...]
        }
        out += rest
        return out
    }

    /// The range of the value of the next ` href="…"` or ` src="…"` in `html`.
    private static func nextURLAttribute(in html: Substring) -> Range<Substring.Index>? {
        var rest = html
        while let quote = rest.firstRange(of: "=\"") {
            let name = rest[..<quote.lowerBound].suffix(5)
            let start = quote.upperBound
            if name.hasSuffix(" href") || name.hasSuffix(" src"), let end = rest[start...].firstIndex(of: "\"") {
                return start..<end
            }
            rest = rest[start...]
        }
        return nil
    }

    private static func resolved(_ value: String, against base: URL) -> String? {
        if value.hasPrefix("//") || hasScheme(value) { return nil }
        return URL(string: value, relativeTo: base)?.absoluteString
    }

    /// `https:`, `mailto:`: letters, digits, `+`, `-` or `.` up to a `:`, before any `/`, `?` or `#`.
    private static func hasScheme(_ value: String) -> Bool {
        for (offset, byte) in value.utf8.enumerated() {
            if byte == UInt8(ascii: ":") { return offset > 0 }
            let isLetter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
            let isOther = (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            if !(isLetter || (offset > 0 && isOther)) { return false }
        }
        return false
    }
}
