/// Renders a post's action, stat and callout blocks through the theme's `blocks/<name>`
/// partials, once each, and puts them where their markers stand: the post's final HTML, which
/// the post page and the feed's `content:encoded` share.
struct BlockRenderer: Sendable {
    var theme: Theme
    /// The theme's strings per language, made once (see `PageRenderer.words`).
    var words: [String: TemplateMap] = [:]

    static func partial(_ name: Block.Name) -> String { "blocks/\(name.rawValue)" }

    /// The post's HTML with its blocks in place; the HTML as it is when it has none. `email`:
    /// for feeds, whose readers and e-mail clients have no stylesheet of the site's, so each
    /// block's template is given `email` to style it inline.
    func html(of post: Post, email: Bool = false) -> String {
        guard !post.blocks.isEmpty else { return post.html }
        // Made once per post rather than per block: only posts with blocks pay for it.
        let t = words[post.lang] ?? theme.strings.templateValues(lang: post.lang)
        let rendered = post.blocks.map { block in
            // Without its last line break: the marker it replaces stood on a line of its own.
            var html = theme.templates.render(context(of: block, lang: post.lang, t: t, email: email), template: Self.partial(block.name)) ?? ""
            if html.hasSuffix("\n") { html.removeLast() }
            return html
        }
        return BlockMarker.splice(post.html, blocks: post.blocks, rendered: rendered)
    }

    /// What `blocks/<name>` receives (see `TemplateContract`): the block's fields as written,
    /// and the values Broadside makes of them in the post's language.
    func context(of block: Block, lang: String, t: TemplateMap, email: Bool = false) -> TemplateMap {
        let strings = theme.strings
        var context: TemplateMap = ["lang": .text(lang), "t": .map(t)]
        if email { context["email"] = true }
        switch block.fields {
        case .action(let action):
            context["title"] = .text(action.title)
            context["button"] = .text(action.button ?? strings.text("take_action", lang: lang))
            if let text = action.text { context["text"] = .text(text) }
            if let url = action.url { context["url"] = .url(url) }
            if let phone = action.phone, let phoneURL = action.phoneURL {
                context["phone"] = .text(phone)
                context["phone_url"] = .url(phoneURL)
            }
            context["href"] = (action.url ?? action.phoneURL).map(TemplateValue.url)
        case .stat(let stat):
            context["figure"] = .text(stat.figure)
            context["label"] = .text(stat.label)
            if let asOf = stat.asOf {
                context["as_of"] = .text(strings.text("stat_as_of", lang: lang, ["date": strings.date(asOf, lang: lang)]))
                context["as_of_iso"] = .text(DateText.day(asOf))
            }
            if let source = stat.source { context["source"] = .text(source) }
            if let sourceURL = stat.sourceURL { context["source_url"] = .url(sourceURL) }
        case .callout(let callout):
            if let title = callout.title { context["title"] = .text(title) }
            context["content"] = .html(callout.html)
        }
        return context
    }

    /// An error at each block whose partial the theme lacks: the block would vanish from the page.
    static func missingPartials(in posts: [Post], theme: Theme) -> [Diagnostic] {
        // By index, field by field: a post taken whole is copied, every field of it retained.
        posts.indices.flatMap { index in
            posts[index].blocks.filter { !theme.templateNames.contains(partial($0.name)) }.map { block in
                Diagnostic.error(posts[index].source, line: block.line, column: block.column,
                    "the theme \"\(theme.name)\" has no \(partial(block.name)) template, so this \(block.name.rawValue) block cannot be shown",
                    hint: "add themes/\(theme.name)/templates/\(partial(block.name)).mustache or templates/\(partial(block.name)).mustache; themes/default has one to copy")
            }
        }
    }
}
