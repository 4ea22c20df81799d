/// Images in a post's text without a text alternative: `![](rally.jpg)`. A screen reader says
/// nothing, or the file's name, and an email with images off shows nothing.
enum AltTextCheck {
    static func problems(in site: Site) -> [Diagnostic] {
        site.posts.sorted { $0.source.utf8.lexicographicallyPrecedes($1.source.utf8) }.flatMap { post in
            post.links.filter { $0.kind == .image && $0.missingAlt }.map { image in
                .warning(post.source, line: image.line, column: image.column,
                    "the image \(image.url.trimmed) has no alt text, so readers who cannot see it learn nothing from it",
                    hint: "describe what the image shows between the brackets: ![Volunteers holding a banner outside the court](\(image.url.trimmed))")
            }
        }
    }
}
