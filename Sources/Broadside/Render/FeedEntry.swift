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
    /// The HTML content in three parts: what the theme's feed partial writes before the text
    /// (the featured image, the byline, the event) and after it (the attachments), with absolute
    /// links, and the text as the post's page has it, its links made absolute when it is
    /// escaped (once per format into `escaped` where the text is spilled; else as each feed is
    /// written, as copies in memory held about 55 MB on the 10,000-post bench).
    struct Content: Sendable {
        var before: String
        /// Kept where the post's own HTML is (see `PostHTML`): a few thousand posts' text, read
        /// back once per feed that carries it.
        var body: PostHTML
        var after: String
        var text: String { body.text }

        init(before: String, text: String, after: String) {
            (self.before, body, self.after) = (before, PostHTML(text), after)
        }
    }
    var parts: Content
    /// The content escaped for XML and as a JSON string's contents, made once where the post's
    /// text is spilled (into the same file): a post is in up to a dozen feeds (its lists, three
    /// formats each), and resolving and escaping it for each was most of writing them. Nil where
    /// the text is held in memory, or needs the general escapers (see `FeedBytes.addContent`).
    var escaped: (xml: PostHTML?, json: PostHTML?) = (nil, nil)

    /// The HTML content as a feed carries it, every link absolute.
    var content: String { parts.before + FeedEntry.absoluteLinks(parts.text, base: url) + parts.after }
    var authors: [String]
    /// Categories, then tags.
    var terms: [String]
    var image: Image?
    var enclosures: [Enclosure]
    var lang: String
    /// Every field above, the content's text included (see `FeedWriter.digest`).
    var digest = PageDigest(high: 0, low: 0)
}

extension FeedEntry {
    init(post: Post, index: Int, in site: Site, content: Content, images: ImageSet) {
        let urls = site.urls
        title = post.title
        url = urls.absolute(urls.address(of: post))
        date = post.date
        summary = post.summary
        parts = content
        parts.before = FeedEntry.absoluteLinks(content.before, base: url)
        parts.after = FeedEntry.absoluteLinks(content.after, base: url)
        parts.body = content.body.spilled(like: post.body)
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
        digest = digestOfFields()
    }

    /// Escapes the content for XML and JSON once, where the text is spilled, for the feeds that
    /// carry the entry to copy (see `escaped`); asked only when some feed carrying it is written.
    mutating func escape() {
        guard parts.body.isSpilled else { return }
        escaped = (escapedContent(json: false), escapedContent(json: true))
    }

    /// Each stored field, in order; `PageDigestsTests.aFeedEntrysDigestReadsEveryField` counts
    /// them, so that a field added to the entry is not left out.
    func digestOfFields() -> PageDigest {
        var digest = ValueDigest()
        for text in [title, url, summary, parts.before, parts.after, lang] { digest.add(text) }
        parts.body.withBytes { digest.add(UnsafeRawBufferPointer($0)) }
        digest.add(word: date.secondsSince1970.bitPattern)
        digest.add(word: UInt64(bitPattern: Int64(date.offset)))
        for list in [authors, terms] {
            digest.add(word: UInt64(list.count))
            for text in list { digest.add(text) }
        }
        if let image {
            for text in [image.url, image.mediaType, image.alt] { digest.add(text) }
            digest.add(word: UInt64(bitPattern: Int64(image.width)))
            digest.add(word: UInt64(bitPattern: Int64(image.height)))
        } else {
            digest.add(word: 0)
        }
        digest.add(word: UInt64(enclosures.count))
        for enclosure in enclosures {
            for text in [enclosure.url, enclosure.mediaType, enclosure.title] { digest.add(text) }
            digest.add(word: UInt64(bitPattern: Int64(enclosure.length)))
        }
        return digest.digest
    }

    private func escapedContent(json: Bool) -> PostHTML? {
        var content = FeedBytes(capacity: 0)
        guard content.addPieces(of: self, json: json) else { return nil }
        return content.bytes.withUnsafeBufferPointer { PostHTML.spilled($0, like: parts.body) }
    }

    /// Every `href` and `src` made absolute against the post's own address (`base`): root-relative
    /// ones (`/news/posts/a/`), and relative ones (`report.pdf`, `../b/`, `#notes`), which an
    /// e-mail client would resolve against nothing. Protocol-relative (`//host/x`) and addresses
    /// with a scheme (`https:`, `mailto:`, `tel:`) are left as they are.
    static func absoluteLinks(_ html: String, base: String) -> String {
        var bytesOf = html
        return bytesOf.withUTF8 { bytes in
            var out: [UInt8] = []
            var resolvedAny = false
            resolveLinks(bytes, base: base) { piece in
                switch piece {
                case .run(let range):
                    // The first piece is the whole text when nothing is resolved: no copy then.
                    if range.count == bytes.count { return }
                    if out.isEmpty { out.reserveCapacity(bytes.count + 512) }
                    out.append(contentsOf: bytes[range])
                case .address(let address):
                    resolvedAny = true
                    out.append(contentsOf: address.utf8)
                }
            }
            // Nothing to resolve: the same string, not a copy.
            return resolvedAny ? String(decoding: out, as: UTF8.self) : nil
        } ?? html
    }

    /// A piece of HTML whose links are made absolute: a run of its own bytes, or an address
    /// written in place of (or before) the bytes of a link.
    enum LinkPiece {
        case run(Range<Int>)
        case address(String)
    }

    /// `bytes` as pieces, in order, each relative link's absolute form among them; by bytes, so a
    /// feed can escape each piece straight into its file without a resolved copy of the text.
    static func resolveLinks(_ bytes: UnsafeBufferPointer<UInt8>, base: String, _ emit: (LinkPiece) -> Void) {
        let origin = origin(of: base)
        let slash = UInt8(ascii: "/")
        var baseURL: URL??
        var copied = 0
        var index = 0
        // `="` preceded by ` href` or ` src`, then the value up to the next `"`.
        while let quote = nextValue(in: bytes, from: index) {
            guard let end = bytes[quote...].firstIndex(of: UInt8(ascii: "\"")) else { break }
            index = end
            // The usual case, an address of the site from its root, keeps its bytes after the
            // origin: a post links about twenty, and each is in every feed of every list it is on.
            if let origin, end > quote, bytes[quote] == slash, end == quote + 1 || bytes[quote + 1] != slash {
                emit(.run(copied..<quote))
                emit(.address(origin))
                copied = quote
                continue
            }
            let value = String(decoding: bytes[quote..<end], as: UTF8.self)
            if baseURL == nil { baseURL = .some(URL(string: base)) }
            if let url = baseURL ?? nil, let absolute = resolved(value, against: url, origin: origin) {
                emit(.run(copied..<quote))
                emit(.address(absolute))
                copied = end
            }
        }
        emit(.run(copied..<bytes.count))
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
