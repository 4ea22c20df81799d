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

        /// A file the image stage published, at its absolute address.
        init(_ file: ImageFile, alt: String, urls: SiteURLs) {
            (url, width, height) = (urls.absolute(ImageMarkup.url(file, urls)), file.width, file.height)
            (mediaType, self.alt) = (file.format.mediaType, alt)
        }
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
    /// The HTML content (the featured image, the event, the text and the attachments, as an
    /// e-mail shows them), escaped once for XML (RSS and Atom) and once for JSON Feed: a post is
    /// in about eight lists' feeds, and its content is by far the largest part of each item.
    /// Nil for a syntax the site does not write.
    var xmlContent: String?
    var jsonContent: String?
    var authors: [String]
    /// Categories, then tags.
    var terms: [String]
    var image: Image?
    var enclosures: [Enclosure]
    var lang: String
}

extension FeedEntry {
    init(post: Post, index: Int, in site: Site, content: String, images: ImageSet, syntaxes: Set<FeedSyntax>) {
        let urls = site.urls
        title = post.title
        url = urls.absolute(urls.address(of: post))
        date = post.date
        summary = post.summary
        let content = FeedEntry.absoluteLinks(content, base: url)
        if syntaxes.contains(.rss) || syntaxes.contains(.atom) { xmlContent = TextEscaping.xml.escape(content) }
        if syntaxes.contains(.json) { jsonContent = JSONText.escaped(content) }
        authors = post.authors
        terms = site.categories.termsOfPost[index].map { site.categories.terms[$0].name }
            + site.tags.termsOfPost[index].map { site.tags.terms[$0].name }
        lang = post.lang
        if let featured = post.resources.image, let path = featured.file.outputPath, let published = images.images[path],
            let file = published.fallback(near: ImageMarkup.feedWidth)
        {
            image = Image(file, alt: featured.alt, urls: urls)
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
        let origin = origin(of: base)
        var html = html
        return html.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 512)
            var copied = 0
            var index = 0
            // By bytes: `="` preceded by ` href` or ` src`, then the value up to the next `"`.
            while let quote = nextValue(in: bytes, from: index) {
                guard let end = bytes[quote...].firstIndex(of: UInt8(ascii: "\"")) else { break }
                let value = String(decoding: bytes[quote..<end], as: UTF8.self)
                if let absolute = resolved(value, against: baseURL, origin: origin) {
                    out.append(contentsOf: bytes[copied..<quote])
                    out.append(contentsOf: absolute.utf8)
                    copied = end
                }
                index = end
            }
            out.append(contentsOf: bytes[copied...])
            return String(decoding: out, as: UTF8.self)
        }
    }

    private static let urlAttributes = [Array(" href=\"".utf8), Array(" src=\"".utf8)]

    /// The index just after the next ` href="` or ` src="` at or after `start`.
    private static func nextValue(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            guard let equals = bytes[index...].firstIndex(of: UInt8(ascii: "=")) else { return nil }
            index = equals + 1
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { continue }
            for name in urlAttributes where equals + 2 >= name.count && bytes[(equals + 2 - name.count)..<(equals + 2)].elementsEqual(name) {
                return equals + 2
            }
        }
        return nil
    }

    private static func resolved(_ value: String, against base: URL, origin: String?) -> String? {
        let bytes = value.utf8
        if bytes.starts(with: "//".utf8) || URLPolicy.scheme(of: value) != nil { return nil }
        // The usual cases without Foundation's parser: the site's own pages, a heading of the post.
        if bytes.first == UInt8(ascii: "/"), let origin { return origin + value }
        if bytes.first == UInt8(ascii: "#") { return base.absoluteString + value }
        return URL(string: value, relativeTo: base)?.absoluteString
    }

    /// `https://example.org` of `https://example.org/news/posts/a/`.
    private static func origin(of text: String) -> String? {
        guard let scheme = text.utf8.firstRange(of: "://".utf8) else { return nil }
        let rest = text.utf8[scheme.upperBound...]
        let end = rest.firstIndex(of: UInt8(ascii: "/")) ?? rest.endIndex
        return String(text[..<end])
    }
}
