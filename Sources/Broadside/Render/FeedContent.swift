/// A post's content as feeds carry it: the theme's `partials/feed-content` given the post as its
/// page gets it, with the text's blocks styled inline and its images as plain `<img>` (e-mail
/// clients have no stylesheet of the site's and no `<picture>`). A theme without the partial
/// gets the featured image and the text.
struct FeedContent: Sendable {
    static let partial = "partials/feed-content"

    var site: Site
    var theme: Theme
    var words: [String: TemplateMap]
    var siteContexts: [String: TemplateMap]
    var images: ImageSet
    var blocks: BlockRenderer

    func html(of index: Int, body: String, view: TemplateMap) -> String {
        let (text, image, context) = parts(of: index, body: body, view: view)
        guard let context else { return (image.map { "<p>\($0)</p>\n" } ?? "") + text }
        return theme.templates.render(context, template: Self.partial) ?? text
    }

    /// The text as feeds show it, the featured image, and what the theme's partial gets (nil without one).
    func parts(of index: Int, body: String, view: TemplateMap) -> (text: String, image: String?, context: TemplateMap?) {
        let post = site.posts[index]
        let text = ImageMarkup.expand(post.blocks.isEmpty ? body : blocks.html(of: post, email: true), post: post, images: images,
            urls: site.urls, for: .feed)
        let image = featuredImage(post)
        guard theme.templateNames.contains(Self.partial) else { return (text, image, nil) }
        var entry = view
        entry["rendered_item"] = nil
        entry["content"] = .html(text)
        if let image { entry["email_image"] = .html(image) }
        let context: TemplateMap = [
            "post": .map(entry), "site": .map(siteContexts[post.lang] ?? TemplateMap()),
            "t": .map(words[post.lang] ?? theme.strings.templateValues(lang: post.lang)),
        ]
        return (text, image, context)
    }

    /// The featured image as one `<img>` about as wide as an e-mail, at an absolute address.
    private func featuredImage(_ post: Post) -> String? {
        guard let featured = post.resources.image, let path = featured.file.outputPath, let image = images.images[path] else { return nil }
        let markup = ImageMarkup.email(image, alt: featured.alt, urls: site.urls)
        return markup.isEmpty ? nil : markup
    }
}
