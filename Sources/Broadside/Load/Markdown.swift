import CCmark
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A Markdown body converted once, with what later stages need from it.
public struct RenderedMarkdown: Sendable, Equatable {
    public var html: String
    /// Plain text of the first paragraph, the summary when front matter has none.
    public var firstParagraph: String
    /// What the conversion changed that the editor should hear about, by line of the body.
    public var notes: [Note] = []
    /// Fenced blocks that name a Broadside block (```` ```stat ````), in order; each stands in `html`
    /// as `BlockMarker.marker(index)` until the theme renders it (see `BlockSource`).
    public var blocks: [BlockSource] = []
    /// Every link and image left in the page, in the order written, at its line of the body.
    public var links: [PostLink] = []
    /// Images of the site's own files, in the order written; each stands in `html` as its
    /// marker until the page or the feed says how it is shown (see `ImageMarkup`).
    public var images: [InlineImage] = []

    public struct Note: Sendable, Equatable {
        /// 1-based, within the body; 0 when cmark does not know.
        public var line: Int
        public var column: Int
        public var message: String
        public var hint: String
    }
}

/// CommonMark through cmark's node API: parse once, add heading anchors and the
/// site's path prefix to root-relative links, then render.
public enum Markdown {
    /// - Parameters:
    ///   - unsafe: keep raw HTML and `javascript:` links (off unless the site opts in).
    ///   - rootPath: the base URL's path (`/` or `/news/`), put before root-relative links.
    ///   - nested: Markdown inside a block (a callout's text): no blocks of its own and no heading
    ///     anchors, whose ids could repeat the post's.
    public static func render(_ text: String, unsafe: Bool = false, rootPath: String = "/", nested: Bool = false) -> RenderedMarkdown {
        let options = CMARK_OPT_SMART | (unsafe ? CMARK_OPT_UNSAFE : 0)
        var notes: [RenderedMarkdown.Note] = []
        // The length, not a C string: a NUL byte would end the post there. cmark replaces it
        // with U+FFFD, as CommonMark says; the editor hears where.
        var text = text
        let document = text.withUTF8 { bytes -> OpaquePointer? in
            if let nul = bytes.firstIndex(of: 0) {
                let line = bytes[..<nul].reduce(1) { $0 + ($1 == 10 ? 1 : 0) }
                let lineStart = bytes[..<nul].lastIndex(of: 10).map { $0 + 1 } ?? 0
                let column = UTF8Text.scalarCount(bytes[lineStart..<nul]) + 1
                notes.append(.init(line: line, column: column, message: "the text holds a NUL byte, shown as \u{FFFD}",
                    hint: "delete the invisible character at this place; it often comes from text pasted out of a PDF or a binary file"))
            }
            return bytes.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, options) }
        }
        guard let document else { return RenderedMarkdown(html: "", firstParagraph: "", notes: notes) }
        defer { cmark_node_free(document) }

        var headings: [OpaquePointer] = []
        var links: [OpaquePointer] = []
        var firstParagraph: OpaquePointer?
        var blockNodes: [OpaquePointer] = []
        var droppedHTML = DroppedHTML()
        var bareText: [OpaquePointer] = []
        var insideLinks = 0
        // An image's text is its alt text only: a link or image written inside it is neither
        // shown nor followed, so it is not one of the page's (nor published, nor checked).
        var insideImages = 0
        var insideRawLink = false
        // Collect first, change after: cmark's iterator must not see the tree change under it.
        let iterator = cmark_iter_new(document)
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let inImage = insideImages > 0
            if type == CMARK_NODE_IMAGE { insideImages += event == CMARK_EVENT_ENTER ? 1 : -1 }
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE { insideLinks += event == CMARK_EVENT_ENTER ? 1 : -1 }
            if type == CMARK_NODE_PARAGRAPH { insideRawLink = false }
            guard event == CMARK_EVENT_ENTER else { continue }
            if !unsafe { droppedHTML.visit(node) }
            if type == CMARK_NODE_HTML_INLINE, unsafe, let literal = cmark_node_get_literal(node) {
                insideRawLink = RawLink.opens(literal) ? true : RawLink.closes(literal) ? false : insideRawLink
            }
            if type == CMARK_NODE_TEXT, insideLinks == 0, !insideRawLink { bareText.append(node) }
            switch type {
            case CMARK_NODE_HEADING: headings.append(node)
            case CMARK_NODE_PARAGRAPH where firstParagraph == nil: firstParagraph = node
            case CMARK_NODE_LINK where !inImage, CMARK_NODE_IMAGE where !inImage: links.append(node)
            case CMARK_NODE_CODE_BLOCK where !nested && BlockSource.name(ofFence: node) != nil: blockNodes.append(node)
            default: break
            }
        }
        cmark_iter_free(iterator)
        var cmarkNotes = droppedHTML.notes

        // Innermost first: an image inside a link is handled before the link around it,
        // which may be freed.
        var kept: [PostLink] = []
        var images: [InlineImage] = []
        let columns = links.isEmpty ? nil : SourceColumns(text)
        // Made at the first image of the site's own: a scan of the text that most posts never need.
        var imageMarker: BlockMarker?
        for link in links.reversed() {
            guard let url = cmark_node_get_url(link).map({ String(cString: $0) }) else { continue }
            if !unsafe, let note = removeIfUnsafe(link, url: url) {
                cmarkNotes.append(note)
                continue
            }
            kept.append(written(link, url: url, columns: columns))
            if !nested, cmark_node_get_type(link) == CMARK_NODE_IMAGE, InlineImage.isLocal(url) {
                let marker = imageMarker ?? BlockMarker(source: text, kind: "image")
                imageMarker = marker
                images.append(replaceImage(link, url: url, marker: marker.marker(images.count)))
                continue
            }
            if rootPath != "/", let rest = rootRelativePath(url) {
                cmark_node_set_url(link, rootPath + rest)
            }
        }
        // cmark counts columns in bytes; messages count Unicode scalars, from the `<`, `[` or `!`.
        if !cmarkNotes.isEmpty {
            let source = columns ?? SourceColumns(text)
            for index in cmarkNotes.indices where cmarkNotes[index].line > 0 && cmarkNotes[index].column > 0 {
                cmarkNotes[index].column = source.column(line: cmarkNotes[index].line, byteColumn: cmarkNotes[index].column,
                    openers: [UInt8(ascii: "<"), UInt8(ascii: "["), UInt8(ascii: "!")])
            }
            notes += cmarkNotes.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
        }
        for node in bareText { Autolinks.link(node) }
        let summary = firstParagraph.map(plainText) ?? ""
        var blocks: [BlockSource] = []
        if !blockNodes.isEmpty {
            let marker = BlockMarker(source: text)
            blocks = blockNodes.enumerated().map { BlockSource.replace($0.element, with: marker.marker($0.offset)) }
        }
        var anchors = AnchorNames()
        for heading in headings where !nested {
            addAnchor(to: heading, id: anchors.unique(for: plainText(heading)), options: options)
        }

        guard let rendered = cmark_render_html(document, options) else {
            return RenderedMarkdown(html: "", firstParagraph: summary, notes: notes)
        }
        defer { free(rendered) }
        return RenderedMarkdown(html: String(cString: rendered), firstParagraph: summary, notes: notes, blocks: blocks,
            links: kept.reversed(), images: images.reversed())
    }

    /// A link or image node as the editor wrote it, for the link check.
    private static func written(_ node: OpaquePointer, url: String, columns: SourceColumns?) -> PostLink {
        let isImage = cmark_node_get_type(node) == CMARK_NODE_IMAGE
        let line = Int(cmark_node_get_start_line(node))
        let byteColumn = Int(cmark_node_get_start_column(node))
        let openers: [UInt8] = isImage ? [UInt8(ascii: "!")] : [UInt8(ascii: "["), UInt8(ascii: "<")]
        return PostLink(url: url, kind: isImage ? .image : .link, line: line,
            column: columns?.column(line: line, byteColumn: byteColumn, openers: openers) ?? byteColumn,
            missingAlt: isImage && plainText(node).isEmpty)
    }

    /// An image of the site's own: its node becomes a marker, its alt text and title are kept.
    private static func replaceImage(_ node: OpaquePointer, url: String, marker: String) -> InlineImage {
        let title = cmark_node_get_title(node).map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
        let image = InlineImage(url: url, alt: plainText(node), title: title, marker: marker)
        BlockMarker.put(marker, insteadOf: node, as: CMARK_NODE_CUSTOM_INLINE)
        return image
    }

    /// `/posts/a/` → `posts/a/`; nil unless the URL is root-relative (`//host/` is another host).
    /// By bytes: `"/\u{301}posts/"` starts with a `Character` that is not `/`, but a browser
    /// reads a root-relative path all the same.
    static func rootRelativePath(_ url: String) -> Substring? {
        let bytes = url.utf8
        guard bytes.first == UInt8(ascii: "/"), bytes.dropFirst().first != UInt8(ascii: "/") else { return nil }
        return Substring(url.utf8.dropFirst())
    }

    /// cmark's safe mode keeps a `javascript:` link as `<a href="">` and such an image as
    /// `<img src="">`, which is invalid HTML. Instead the link becomes its text and the image
    /// its alt text, and the editor is told. Images may be `data:` PNG, GIF, JPEG or WebP,
    /// as cmark allows: they load nothing from anywhere.
    private static func removeIfUnsafe(_ node: OpaquePointer, url: String) -> RenderedMarkdown.Note? {
        guard let scheme = URLPolicy.dangerousScheme(in: url) else { return nil }
        let isImage = cmark_node_get_type(node) == CMARK_NODE_IMAGE
        if isImage && scheme == "data" {
            let lowered = url.lowercased()
            if ["png", "gif", "jpeg", "webp"].contains(where: { lowered.hasPrefix("data:image/\($0)") }) { return nil }
        }
        let note = RenderedMarkdown.Note(
            line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)),
            message: "the \(isImage ? "image" : "link") with a \(scheme): URL was removed\(isImage ? "; its alt text is shown instead" : ", keeping its text")",
            hint: "links and images may be http, https, mailto: or tel: URLs, or paths on this site")
        if isImage {
            guard let text = cmark_node_new(CMARK_NODE_TEXT) else { return note }
            cmark_node_set_literal(text, plainText(node))
            cmark_node_replace(node, text)
        } else {
            while let child = cmark_node_first_child(node) { cmark_node_insert_before(node, child) }
            cmark_node_unlink(node)
        }
        cmark_node_free(node)
        return note
    }

    /// cmark's HTML renderer has no attributes for headings, so the heading is rendered
    /// on its own, given its `id`, and put back as a custom block that cmark copies verbatim.
    private static func addAnchor(to heading: OpaquePointer, id: String, options: Int32) {
        guard let rendered = cmark_render_html(heading, options) else { return }
        var html = String(cString: rendered)
        free(rendered)
        let level = cmark_node_get_heading_level(heading)
        let open = "<h\(level)>"
        guard html.hasPrefix(open), let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        html = "<h\(level) id=\"\(id)\">" + html.dropFirst(open.count)
        if html.hasSuffix("\n") { html.removeLast() }
        cmark_node_set_on_enter(block, html)
        cmark_node_set_on_exit(block, "")
        cmark_node_replace(heading, block)
        cmark_node_free(heading)
    }

    /// The text a reader sees in a node: text and code, with line breaks as spaces.
    static func plainText(_ node: OpaquePointer) -> String {
        var text = ""
        let iterator = cmark_iter_new(node)
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(child) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default: break
            }
        }
        cmark_iter_free(iterator)
        return text.trimmed
    }
}

/// `<a href=…>` and `</a>` written as raw HTML (with `unsafe: true`): the text between is a link's already.
enum RawLink {
    static func opens(_ literal: UnsafePointer<CChar>) -> Bool {
        literal[0] == 0x3C && (literal[1] | 0x20) == 0x61 && (literal[2] == 0x20 || literal[2] == 0x3E || literal[2] == 0x0A)
    }

    static func closes(_ literal: UnsafePointer<CChar>) -> Bool {
        literal[0] == 0x3C && literal[1] == 0x2F && (literal[2] | 0x20) == 0x61
    }
}

/// Heading ids as GitHub and Hugo make them (`## What's next?` → `whats-next`),
/// numbered when a heading repeats so every anchor on a page is unique.
struct AnchorNames {
    /// Ids the default theme's layout gives its own elements (the skip link's target):
    /// a heading "Main content" becomes `main-content-1` rather than a second `main-content`.
    static let reserved = ["main-content"]

    private var used: [String: Int] = Dictionary(uniqueKeysWithValues: reserved.map { ($0, 1) })

    mutating func unique(for text: String) -> String {
        var base = Self.slug(text)
        if base.isEmpty { base = "section" }
        var id = base
        while let count = used[id] {
            used[id] = count + 1
            id = "\(base)-\(count)"
        }
        used[id] = 1
        return id
    }

    static func slug(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.nfc.lowercased().unicodeScalars {
            if scalar == " " || scalar == "-" {
                out.append("-")
            } else if Slug.isWordScalar(scalar) {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
