// The Markdown step. The first byte picks `unsafe` and the site's root path; the rest is the body.
// Without `unsafe`, nothing an editor (or whoever sent them the text) writes may add markup
// of its own: every tag in the output is one cmark makes, and no link runs script.
import Foundation
import FuzzSupport

@testable import Broadside

let rootPaths = ["/", "/news/", "/es/noticias/"]

/// The elements cmark's HTML renderer writes for CommonMark, plus the heading anchors Broadside adds.
let cmarkTags: Set<String> = [
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "a", "img", "em", "strong", "code", "pre", "blockquote",
    "ul", "ol", "li", "hr", "br", "!--",
]

runFuzzer { bytes in
    guard let flags = bytes.first else { return }
    let unsafe = flags & 1 == 1
    let rootPath = rootPaths[Int(flags >> 1) % rootPaths.count]
    let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
    let rendered = Markdown.render(text, unsafe: unsafe, rootPath: rootPath)
    require(!rendered.firstParagraph.hasPrefix(" ") && !rendered.firstParagraph.hasSuffix(" "), "summary is not trimmed")
    // CommonMark reads NUL as U+FFFD; text after one must never be lost.
    if text.utf8.contains(0) {
        let replaced = Markdown.render(text.replacingOccurrences(of: "\0", with: "\u{FFFD}"), unsafe: unsafe, rootPath: rootPath)
        // The same page; only the warning about the NUL differs.
        require(rendered.html == replaced.html && rendered.firstParagraph == replaced.firstParagraph,
            "a NUL byte cut the text short:\n\(rendered.html)\ninstead of\n\(replaced.html)")
        require(rendered.notes.contains { $0.message.hasPrefix("the text holds a NUL byte") }, "a NUL byte with no warning")
    }
    // Each image of the site's own stands in the page exactly once, by its marker.
    for image in rendered.images {
        require(rendered.html.components(separatedBy: image.marker).count == 2, "the marker of \(image.url) is not in the page once:\n\(rendered.html)")
    }
    guard !unsafe else { return }
    for (name, attributes) in tags(in: rendered.html) {
        // A block's or an image's marker (`<!--broadside-block-N:i-->`, `<!--broadside-image-N:i-->`) is a
        // comment Broadside writes itself, and replaces when the page is written.
        require(cmarkTags.contains(name) || name.hasPrefix("!--broadside-block-") || name.hasPrefix("!--broadside-image-"),
            "unsafe off, but the output has a <\(name)> tag:\n\(rendered.html)")
        let lowered = attributes.lowercased()
        for scheme in ["javascript:", "vbscript:", "data:text"] {
            require(!lowered.contains("href=\"\(scheme)") && !lowered.contains("src=\"\(scheme)"),
                "unsafe off, but a link runs \(scheme):\n\(rendered.html)")
        }
        for quote in ["href=\"/", "src=\"/"] {
            var cursor = lowered[...]
            while let match = cursor.range(of: quote) {
                let after = cursor[match.upperBound...]
                require(after.hasPrefix("/") || ("/" + after).hasPrefix(rootPath.lowercased()),
                    "a root-relative link misses the root path \(rootPath):\n\(rendered.html)")
                cursor = after
            }
        }
    }
}
