/// How a file of the site is written: its name in its page's folder, its media type, the
/// escaping its text values need, and what writes it. Adding a format (the newsletter's
/// e-mail, say) is one more value here and one writer; lists and posts stay as they are,
/// as Hugo's `output/outputFormat.go` keeps formats apart from the pages written in them.
struct OutputFormat: Sendable, Hashable {
    /// What makes the file's text.
    enum Writer: Sendable, Hashable {
        /// Through the theme's templates.
        case theme
        case feed(FeedSyntax)
        /// iCalendar (RFC 5545) of one post's event.
        case calendar
        /// A page that sends the browser elsewhere, written by code, never through the theme.
        case redirect
        /// `_redirects`, every alias in one file for hosts that read it.
        case redirectList
        case sitemap
        case robots
        /// A newsletter edition's e-mail files (see `EmailEdition`).
        case edition(EditionFile)
        /// `/newsletter/feed.xml`: one item per edition, with its whole e-mail.
        case digest
    }

    enum EditionFile: Sendable, Hashable { case html, text, message, fragment }

    /// The name `site.yml` and messages use: `rss`, `atom`, `json`.
    let name: String
    /// How readers know the format: "RSS", "Atom", "JSON Feed".
    let label: String
    /// The file's name in the folder of the page it belongs to: `feed.xml` beside a list's first page.
    let fileName: String
    let mediaType: String
    /// How text from front matter is escaped in this format.
    let escaping: TextEscaping
    let writer: Writer

    var isFeed: Bool { if case .feed = writer { true } else { false } }
    /// Files made for aliases: they take addresses that nothing else of the site may have.
    var isRedirect: Bool { writer == .redirect || writer == .redirectList }

    static let html = OutputFormat(name: "html", label: "HTML", fileName: "index.html", mediaType: "text/html", escaping: .html, writer: .theme)
    static let rss = OutputFormat(name: "rss", label: "RSS", fileName: "feed.xml", mediaType: "application/rss+xml", escaping: .xml, writer: .feed(.rss))
    static let atom = OutputFormat(name: "atom", label: "Atom", fileName: "atom.xml", mediaType: "application/atom+xml", escaping: .xml, writer: .feed(.atom))
    static let jsonFeed = OutputFormat(name: "json", label: "JSON Feed", fileName: "feed.json", mediaType: "application/feed+json", escaping: .json,
        writer: .feed(.json))
    static let calendar = OutputFormat(name: "ics", label: "iCalendar", fileName: "event.ics", mediaType: "text/calendar", escaping: .text, writer: .calendar)
    static let redirect = OutputFormat(name: "redirect", label: "HTML", fileName: "index.html", mediaType: "text/html", escaping: .html, writer: .redirect)
    static let redirectList = OutputFormat(name: "redirects", label: "text", fileName: "_redirects", mediaType: "text/plain", escaping: .text,
        writer: .redirectList)

    static let sitemap = OutputFormat(name: "sitemap", label: "Sitemap", fileName: "sitemap.xml", mediaType: "application/xml",
        escaping: .xml, writer: .sitemap)
    static let robots = OutputFormat(name: "robots", label: "robots.txt", fileName: "robots.txt", mediaType: "text/plain",
        escaping: .text, writer: .robots)

    static let email = OutputFormat(name: "email", label: "E-mail", fileName: "email.html", mediaType: "text/html", escaping: .html,
        writer: .edition(.html))
    static let emailText = OutputFormat(name: "email-text", label: "Text", fileName: "email.txt", mediaType: "text/plain", escaping: .text,
        writer: .edition(.text))
    static let emailMessage = OutputFormat(name: "eml", label: "Message", fileName: "edition.eml", mediaType: "message/rfc822", escaping: .text,
        writer: .edition(.message))
    static let emailFragment = OutputFormat(name: "fragment", label: "HTML", fileName: "fragment.html", mediaType: "text/html", escaping: .html,
        writer: .edition(.fragment))
    /// What an edition writes beside its web page.
    static let editionFiles = [email, emailText, emailMessage, emailFragment]
    static let digest = OutputFormat(name: "digest", label: "RSS", fileName: "feed.xml", mediaType: "application/rss+xml", escaping: .xml,
        writer: .digest)

    /// Every feed format, in the order pages link them; all are written unless `site.yml` chooses.
    static let feeds = [rss, atom, jsonFeed]
}

/// The syntaxes a list's feed is written in.
enum FeedSyntax: Sendable, Hashable {
    case rss, atom, json
}

/// How a format escapes text that is not its own markup.
enum TextEscaping: Sendable, Hashable {
    /// `&`, `<`, `>`, `"`, `'` as character references.
    case html
    /// As HTML, with the characters XML 1.0 forbids dropped.
    case xml
    /// A JSON string's contents, with `<`, `>` and `&` as `\u003c`, `\u003e`, `\u0026` so a
    /// value cannot close a `<script>` block that holds the JSON.
    case json
    /// Nothing: plain text for a calendar or a host's file.
    case text
}

extension TextEscaping {
    func escape(_ text: String) -> String {
        switch self {
        case .html: FastEscaping.escaped(text, xml: false)
        case .xml: FastEscaping.escaped(text, xml: true)
        case .json: JSONText.escaped(text)
        case .text: text
        }
    }
}
