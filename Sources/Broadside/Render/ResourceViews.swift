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

        var context: TemplateMap {
            var context: TemplateMap = [
                "label": .text(label), "url": .url(url), "media_type": .text(mediaType), "type": .text(typeName), "text": .text(text),
            ]
            if let size { context["size"] = .text(size) }
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

        var context: TemplateMap {
            var context: TemplateMap = ["url": .url(url), "alt": .text(alt)]
            if let credit { context["credit"] = .text(credit) }
            if let caption { context["caption"] = .text(caption) }
            guard let sizes else { return context }
            context["width"] = .number(sizes.width)
            context["height"] = .number(sizes.height)
            context["srcset"] = .text(sizes.srcset)
            context["sizes"] = .text(ImageMarkup.sizes)
            if !sizes.webpSrcset.isEmpty { context["webp_srcset"] = .text(sizes.webpSrcset) }
            var thumb: TemplateMap = ["url": .url(sizes.thumbURL), "width": .number(sizes.thumb.width), "height": .number(sizes.thumb.height)]
            if let webp = sizes.thumbWebpURL { thumb["webp_url"] = .url(webp) }
            context["thumb"] = .map(thumb)
            if let share = sizes.shareURL { context["share_url"] = .url(share) }
            return context
        }
    }

    var attachments: [AttachmentView]
    var image: ImageView?
    /// A report's document, shown near the top of its page as a button: its first PDF, else
    /// its first attachment; nil for other kinds, whose attachments are listed at the end only.
    var download: AttachmentView?
    /// "Download the report (PDF, 2.3 MB)": the button's words, made for that one attachment.
    var downloadText: String?

    init(_ resources: PostResources, lang: String, isReport: Bool = false, urls: SiteURLs, strings: ThemeStrings, images: ImageSet) {
        attachments = resources.attachments.map { attachment in
            let file = attachment.file
            let typeName = strings.typeName(ofFile: file.outputPath ?? Self.path(ofURL: file.written), lang: lang)
            let size = file.size.map { strings.size($0, lang: lang) }
            let text = size.map {
                strings.text("attachment_label", lang: lang, ["label": attachment.label, "type": typeName, "size": $0])
            } ?? strings.text("attachment_label_without_size", lang: lang, ["label": attachment.label, "type": typeName])
            return AttachmentView(
                label: attachment.label, url: Self.url(of: file, urls), mediaType: file.mediaType, typeName: typeName,
                size: size, text: text)
        }
        download = isReport ? attachments.first { $0.mediaType == "application/pdf" } ?? attachments.first : nil
        downloadText = download.map { download in
            download.size.map { strings.text("download_report", lang: lang, ["type": download.typeName, "size": $0]) }
                ?? strings.text("download_report_without_size", lang: lang, ["type": download.typeName])
        }
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

    func add(to context: inout TemplateMap) {
        context["has_attachments"] = .bool(!attachments.isEmpty)
        if !attachments.isEmpty { context["attachments"] = .maps(attachments.map(\.context)) }
        if let image { context["image"] = .map(image.context) }
        if let download, let downloadText {
            context["download"] = .map(["url": .url(download.url), "media_type": .text(download.mediaType), "text": .text(downloadText)])
        }
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
