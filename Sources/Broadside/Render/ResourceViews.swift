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

        var context: TemplateContext {
            var context: TemplateContext = [
                "label": label, "url": url, "media_type": mediaType, "type": typeName, "text": text,
            ]
            if let size { context["size"] = size }
            return context
        }
    }

    struct ImageView: Sendable {
        var url: String
        var alt: String
        /// "Image: Puentes Migrant Justice Network", from the `image_credit` string.
        var credit: String?

        var context: TemplateContext {
            var context: TemplateContext = ["url": url, "alt": alt]
            if let credit { context["credit"] = credit }
            return context
        }
    }

    var attachments: [AttachmentView]
    var image: ImageView?

    init(_ resources: PostResources, lang: String, urls: SiteURLs, strings: ThemeStrings) {
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
        image = resources.image.map { image in
            ImageView(
                url: Self.url(of: image.file, urls), alt: image.alt,
                credit: image.credit.map { strings.text("image_credit", lang: lang, ["credit": $0]) })
        }
    }

    func add(to context: inout TemplateContext) {
        context["has_attachments"] = !attachments.isEmpty
        if !attachments.isEmpty { context["attachments"] = attachments.map(\.context) }
        if let image { context["image"] = image.context }
    }

    /// Root-relative for a file the site publishes, so the folder works on any host.
    static func url(of file: PostResource, _ urls: SiteURLs) -> String {
        guard let path = file.outputPath else { return file.remoteURL ?? file.written }
        return urls.rootPath + path.split(separator: "/", omittingEmptySubsequences: false)
            .map { PercentEncoding.segment(String($0)) }.joined(separator: "/")
    }

    /// A URL's path, without its query or fragment, for its file type.
    private static func path(ofURL url: String) -> String {
        String(url.prefix { $0 != "?" && $0 != "#" })
    }
}
