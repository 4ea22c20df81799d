import Yams

/// An image `site.yml` names (`share_image: img/card.jpg`): a file of the site's `static/`
/// folder, by the path it is published at. `static/img/card.jpg` and `/img/card.jpg` mean the
/// same. Whether the file is there and is an image is known only once `static/` is read.
struct SiteImage: Sendable, Equatable {
    var path: String
    var at: SourcePosition?

    init?(_ node: Node) {
        guard var text = node.text?.trimmed, !text.isEmpty else { return nil }
        while text.hasPrefix("/") { text.removeFirst() }
        if text.hasPrefix("static/") { text.removeFirst("static/".count) }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard !text.isEmpty, !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }), !text.contains(":") else { return nil }
        path = text
        at = node.line.map { SourcePosition(line: $0, column: node.column ?? 1) }
    }

    /// An error at `site.yml` when `static/` has no image at `path`.
    static func problems(_ config: SiteConfig, images: ImageSet, assets: Set<String>) -> [Diagnostic] {
        [("share_image", config.shareImage), ("logo", config.logo)].compactMap { key, image -> Diagnostic? in
            guard let image else { return nil }
            let message: String
            if !assets.contains(image.path) {
                message = "`\(key)` is \(image.path), but static/\(image.path) does not exist"
            } else if images.images[image.path] == nil {
                message = "`\(key)` is \(image.path), which is not an image Broadside publishes (JPEG, PNG, WebP, GIF or SVG)"
            } else if key == "share_image", images.images[image.path]?.format == .svg {
                message = "`share_image` is \(image.path), an SVG, which chat apps and social networks do not show in a card"
            } else {
                return nil
            }
            return .error(SiteConfig.fileName, line: image.at?.line, column: image.at?.column, message,
                hint: key == "share_image" ? "use a JPEG or PNG of at least 1200 × 630 pixels in static/, such as share_image: img/share-card.jpg"
                    : "put the image in static/ and write its path below static/, such as logo: img/logo.png")
        }
    }
}
