/// How a published image is written into a page and into a feed: `<picture>` with WebP and the
/// fallback sizes for browsers; one plain `<img>` at an absolute address for mail clients, which
/// resolve nothing and show neither WebP nor `srcset` reliably. Width and height are always
/// given (no layout shift), except for an SVG, which scales.
enum ImageMarkup {
    /// The built-in theme's text column: 42rem of 18px less its padding, the whole screen on a phone.
    static let sizes = "(min-width: 760px) 712px, 100vw"
    /// The size a feed's reader gets: sharp in a 600-pixel email on a phone with a dense screen.
    static let feedWidth = 960
    /// A list's thumbnail.
    static let thumbWidth = 480

    static func url(_ file: ImageFile, _ urls: SiteURLs) -> String { urls.file(file.path) }

    static func srcset(_ files: [ImageFile], _ urls: SiteURLs) -> String {
        files.map { "\(url($0, urls)) \($0.width)w" }.joined(separator: ", ")
    }

    /// For a page. `alt` and `title` are plain text; `lazy` for images below the first screen.
    static func picture(_ image: PublishedImage, alt: String, title: String? = nil, lazy: Bool, urls: SiteURLs) -> String {
        let escapedAlt = Escaping.markup(alt)
        let titleAttribute = title.map { " title=\"\(Escaping.markup($0))\"" } ?? ""
        let loading = lazy ? " loading=\"lazy\"" : ""
        guard let fallback = image.fallback(near: feedWidth), !image.webp.isEmpty else {
            guard let own = image.own else { return "" }
            let size = own.width > 0 ? " width=\"\(own.width)\" height=\"\(own.height)\"" : ""
            return "<img src=\"\(url(own, urls))\"\(size) alt=\"\(escapedAlt)\"\(titleAttribute)\(loading)>"
        }
        let widest = image.fallback.last ?? fallback
        var html = "<picture>"
        if image.format.fallback != .webp {
            html += "<source type=\"image/webp\" srcset=\"\(srcset(image.webp, urls))\" sizes=\"\(sizes)\">"
        }
        html += "<img src=\"\(url(fallback, urls))\" srcset=\"\(srcset(image.fallback, urls))\" sizes=\"\(sizes)\""
        html += " width=\"\(widest.width)\" height=\"\(widest.height)\" alt=\"\(escapedAlt)\"\(titleAttribute)\(loading)>"
        return html + "</picture>"
    }

    /// For a feed: one `<img>` a mail client shows, its address absolute.
    static func email(_ image: PublishedImage, alt: String, title: String? = nil, urls: SiteURLs) -> String {
        guard let file = image.fallback(near: feedWidth) else { return "" }
        let titleAttribute = title.map { " title=\"\(Escaping.markup($0))\"" } ?? ""
        let size = file.width > 0 ? " width=\"\(file.width)\" height=\"\(file.height)\"" : ""
        return "<img src=\"\(Escaping.markup(urls.absolute(url(file, urls))))\"\(size) alt=\"\(Escaping.markup(alt))\"\(titleAttribute)>"
    }

    enum Medium { case page, feed }

    /// `html` with each of the post's image markers replaced by the image's markup; an image
    /// the site does not have keeps the address as written (its error stops the build anyway).
    static func expand(_ html: String, post: Post, images: ImageSet, urls: SiteURLs, for medium: Medium) -> String {
        guard !post.images.isEmpty else { return html }
        return BlockMarker.replace(post.images.map(\.marker), in: html) { index in
            let inline = post.images[index]
            if let image = images.image(for: inline.url, from: post.folder) {
                return medium == .page ? picture(image, alt: inline.alt, title: inline.title, lazy: true, urls: urls)
                    : email(image, alt: inline.alt, title: inline.title, urls: urls)
            }
            let written = Markdown.rootRelativePath(inline.url).map { urls.rootPath + $0 } ?? inline.url
            return "<img src=\"\(Escaping.markup(written))\" alt=\"\(Escaping.markup(inline.alt))\">"
        }
    }
}
