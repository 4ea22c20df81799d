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

    /// What the partial writes before and after the text, and the text itself, kept apart so
    /// the text can stay the post's own HTML (one copy, not a second one per post for feeds).
    func html(of index: Int, body: String, view: TemplateMap) -> FeedEntry.Content {
        let (text, image, context) = parts(of: index, body: body, view: view)
        guard var context else { return FeedEntry.Content(before: image.map { "<p>\($0)</p>\n" } ?? "", text: text, after: "") }
        if var post = context["post"]?.map {
            post["content"] = .html(Self.marker)
            context["post"] = .map(post)
            let around = theme.templates.render(context, template: Self.partial)?.components(separatedBy: Self.marker)
            // Split only between tags, where no link of the text and of the partial can meet.
            if let around, around.count == 2, around[0].isEmpty || around[0].hasSuffix(">") || around[0].hasSuffix("\n"),
                around[1].isEmpty || around[1].hasPrefix("<") || around[1].hasPrefix("\n") {
                return FeedEntry.Content(before: around[0], text: text, after: around[1])
            }
            post["content"] = .html(text)
            context["post"] = .map(post)
        }
        return FeedEntry.Content(before: theme.templates.render(context, template: Self.partial) ?? text, text: "", after: "")
    }

    /// Where the text goes in the partial's output: control characters, which no value of a
    /// template holds (front matter and theme strings drop them).
    private static let marker = "\u{1}broadside-feed-text\u{2}"

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
