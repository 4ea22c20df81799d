/// A post's attachments and featured image as templates see them, in the post's language:
/// `post.attachments[]`, `post.has_attachments` and `post.image` (see the theme README).
struct ResourceViews: Sendable {
    struct AttachmentView: Sendable {
        var label: String
        var url: String
        var mediaType: String
        var typeName: String
        /// Nil for a file on another host, whose size is unknown.
        var size: String?
        /// "Court Watch Report (PDF, 2.3 MB)".
        var text: String
        /// "Download the report (PDF, 2.3 MB)": a report's call to its document.
        var download: String

        var context: TemplateContext {
            var context: TemplateContext = [
                "label": label, "url": url, "media_type": mediaType, "type": typeName, "text": text,
            ]
            if let size { context["size"] = size }
            return context
        }
    }

    struct ImageView: Sendable {
        /// The size of the image every browser shows (a JPEG or PNG about 960 pixels wide).
        var url: String
        var alt: String
        /// "Image: Puentes Migrant Justice Network", from the `image_credit` string, or the credit
        /// as written when it names its own kind ("Photo: Ana Ruiz").
        var credit: String?
        var caption: String?
        /// The sizes made of a photo, and the widest one's width and height; nil for an SVG
        /// or an image on another host.
        var sizes: Sizes?

        struct Sizes: Sendable {
            var width: Int
            var height: Int
            var srcset: String
            /// Empty for a WebP photo, whose `srcset` is already WebP.
            var webpSrcset: String
            /// About 480 pixels wide, for lists.
            var thumb: ImageFile
            var thumbURL: String
            var thumbWebpURL: String?
            /// Absolute, for share cards.
            var shareURL: String?
        }

        var context: TemplateContext {
            var context: TemplateContext = ["url": url, "alt": alt]
            if let credit { context["credit"] = credit }
            if let caption { context["caption"] = caption }
            guard let sizes else { return context }
            context["width"] = sizes.width
            context["height"] = sizes.height
            context["srcset"] = sizes.srcset
            context["sizes"] = ImageMarkup.sizes
            if !sizes.webpSrcset.isEmpty { context["webp_srcset"] = sizes.webpSrcset }
            var thumb: TemplateContext = ["url": sizes.thumbURL, "width": sizes.thumb.width, "height": sizes.thumb.height]
            if let webp = sizes.thumbWebpURL { thumb["webp_url"] = webp }
            context["thumb"] = thumb
            if let share = sizes.shareURL { context["share_url"] = share }
            return context
        }
    }

    var attachments: [AttachmentView]
    var image: ImageView?
    /// A report's document, shown near the top of its page as a button: its first PDF, else
    /// its first attachment; nil for other kinds, whose attachments are listed at the end only.
    var download: AttachmentView?

    init(_ resources: PostResources, lang: String, isReport: Bool = false, urls: SiteURLs, strings: ThemeStrings, images: ImageSet) {
        attachments = resources.attachments.map { attachment in
            let file = attachment.file
            let typeName = strings.typeName(ofFile: file.outputPath ?? Self.path(ofURL: file.written), lang: lang)
            let size = file.size.map { strings.size($0, lang: lang) }
            let text = size.map {
                strings.text("attachment_label", lang: lang, ["label": attachment.label, "type": typeName, "size": $0])
            } ?? strings.text("attachment_label_without_size", lang: lang, ["label": attachment.label, "type": typeName])
            let download = size.map { strings.text("download_report", lang: lang, ["type": typeName, "size": $0]) }
                ?? strings.text("download_report_without_size", lang: lang, ["type": typeName])
            return AttachmentView(
                label: attachment.label, url: Self.url(of: file, urls), mediaType: file.mediaType, typeName: typeName,
                size: size, text: text, download: download)
        }
        download = isReport ? attachments.first { $0.mediaType == "application/pdf" } ?? attachments.first : nil
        image = resources.image.map { image in
            let published = image.file.outputPath.flatMap { images.images[$0] }
            return ImageView(
                url: published?.fallback(near: ImageMarkup.feedWidth).map { ImageMarkup.url($0, urls) } ?? Self.url(of: image.file, urls),
                alt: image.alt,
                credit: image.credit.map { Self.labelsItself($0) ? $0 : strings.text("image_credit", lang: lang, ["credit": $0]) },
                caption: image.caption,
                sizes: published.flatMap { Self.sizes(of: $0, urls) })
        }
    }

    /// "Photo: Ana Ruiz", "Foto: Ana Ruiz", "Photo by Ana Ruiz", "© AP": a credit that already says
    /// what it credits, where the theme's "Image:" before it would say it twice.
    static func labelsItself(_ credit: String) -> Bool {
        if credit.hasPrefix("©") || credit.lowercased().hasPrefix("(c)") { return true }
        let firstWord = credit.prefix { $0.isLetter }
        if let colon = credit.firstIndex(of: ":"), credit[..<colon] == firstWord, !firstWord.isEmpty, firstWord.count <= 20 { return true }
        return creditWords.contains(firstWord.lowercased())
    }

    /// Words a credit starts with when it names its own kind, in the theme's languages.
    static let creditWords: Set<String> = [
        "photo", "photograph", "photos", "image", "picture", "illustration", "map", "chart", "graphic", "video", "credit", "courtesy",
        "foto", "fotografía", "fotos", "imagen", "ilustración", "mapa", "gráfico", "gráfica", "crédito", "cortesía",
    ]

    func add(to context: inout TemplateContext) {
        context["has_attachments"] = !attachments.isEmpty
        if !attachments.isEmpty { context["attachments"] = attachments.map(\.context) }
        if let image { context["image"] = image.context }
        if let download { context["download"] = ["url": download.url, "media_type": download.mediaType, "text": download.download] as TemplateContext }
    }

    private static func sizes(of image: PublishedImage, _ urls: SiteURLs) -> ImageView.Sizes? {
        guard let widest = image.fallback.last, let thumb = image.fallback(near: ImageMarkup.thumbWidth) else { return nil }
        let webp = image.format.fallback == .webp ? [] : image.webp
        let thumbWebp = webp.first { $0.width >= ImageMarkup.thumbWidth } ?? webp.last
        return ImageView.Sizes(
            width: widest.width, height: widest.height, srcset: ImageMarkup.srcset(image.fallback, urls),
            webpSrcset: ImageMarkup.srcset(webp, urls), thumb: thumb, thumbURL: ImageMarkup.url(thumb, urls),
            thumbWebpURL: thumbWebp.map { ImageMarkup.url($0, urls) },
            shareURL: image.share.map { urls.absolute(ImageMarkup.url($0, urls)) })
    }

    /// Root-relative for a file the site publishes, so the folder works on any host.
    static func url(of file: PostResource, _ urls: SiteURLs) -> String {
        file.outputPath.map(urls.file) ?? file.remoteURL ?? file.written
    }

    /// A URL's path, without its query or fragment, for its file type.
    private static func path(ofURL url: String) -> String {
        String(url.prefix { $0 != "?" && $0 != "#" })
    }
}
