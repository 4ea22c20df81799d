/// A newsletter edition as e-mail clients take it: one 600-pixel column of tables with every
/// style inline (a `<style>` block holds only media queries and `color-scheme`), no script, no
/// stylesheet or web font, every address absolute, every image with `alt`, `width` and `height`.
/// The same edition as plain text, as a `multipart/alternative` message, and as the body alone
/// for mailing tools whose template wraps a pasted body.
///
/// Past `budget` bytes of HTML the oldest posts are cut to their title and link (the newest are
/// kept whole) and the edition says there is more on the site; in a week so full that the titles
/// alone pass it, the oldest titles are left to the site too. Never a cut inside a tag or a word.
struct EmailEdition {
    /// Under Gmail's clipping at about 102 KB, with room for the mailing tool's wrapper and tracking.
    static let budget = 60 * 1024
    /// The column's width, and the content's inside its padding.
    static let width = 600
    static let inner = 552

    let site: Site
    let list: PostList
    let edition: Edition
    let strings: ThemeStrings
    let images: ImageSet
    let subject: String
    /// The web version's absolute address.
    let webURL: String
    let items: [EmailItem]
    /// How many of `items`, newest first, are shown whole; the rest by title and link.
    private(set) var whole: Int
    /// How many of `items` are shown at all; the rest only on the edition's web page.
    private(set) var shown: Int
    /// The whole e-mail, made once: each of an edition's files and its digest item use it.
    private(set) var document = ""

    init(site: Site, list: PostList, edition: Edition, strings: ThemeStrings, images: ImageSet) {
        self.site = site
        self.list = list
        self.edition = edition
        self.strings = strings
        self.images = images
        let dates = Self.dates(edition, lang: edition.lang, strings: strings)
        subject = strings.text("edition_subject", lang: edition.lang, ["site": site.config.title, "dates": dates])
        webURL = site.urls.absolute(site.urls.list(list.folder))
        // The lead story: the week's post marked `featured: true`, else its newest.
        let lead = list.posts.first { site.posts[$0].featured } ?? list.posts.first
        let order = lead.map { lead in [lead] + list.posts.filter { $0 != lead } } ?? []
        items = order.map { EmailItem(site.posts[$0], in: site, strings: strings, images: images) }
        whole = items.count
        shown = items.count
        document = renderDocument()
        guard document.utf8.count > Self.budget else { return }
        // The most posts kept whole that fit, found by halving: each try renders the edition once.
        whole = largest(below: items.count) { copy, count in copy.whole = count }
        // Even titles alone too many: the newest that fit, the rest on the web page.
        if renderDocument().utf8.count > Self.budget {
            whole = 0
            shown = largest(below: items.count) { copy, count in copy.shown = count }
        }
        document = renderDocument()
    }

    /// The largest count under `limit` whose e-mail fits the budget, `set` applying it to a copy.
    private func largest(below limit: Int, _ set: (inout EmailEdition, Int) -> Void) -> Int {
        var (low, high) = (0, limit - 1)
        while low < high {
            let middle = (low + high + 1) / 2
            var copy = self
            set(&copy, middle)
            if copy.renderDocument().utf8.count <= Self.budget { low = middle } else { high = middle - 1 }
        }
        return low
    }

    var isCut: Bool { whole < items.count }

    /// "November 2, 2026 – November 8, 2026" as the `page_dates` pattern writes two dates; one date for a daily edition.
    static func dates(_ edition: Edition, lang: String, strings: ThemeStrings) -> String {
        func day(_ days: Int) -> String { strings.date(PostDate(secondsSince1970: Double(days) * 86_400, offset: 0), lang: lang) }
        return edition.firstDay == edition.lastDay ? day(edition.firstDay)
            : strings.text("page_dates", lang: lang, ["from": day(edition.firstDay), "to": day(edition.lastDay)])
    }

    private func words(_ key: String, _ values: [String: String] = [:]) -> String { strings.text(key, lang: edition.lang, values) }

    private var accent: String { site.config.brand.accent ?? "#1d4e89" }
    private var accentDark: String { site.config.brand.accentDark ?? "#9cc3f5" }

    // MARK: HTML

    /// `email.html`.
    func htmlDocument() -> String { document }

    private func renderDocument() -> String {
        let lang = Escaping.markup(edition.lang)
        var html = """
            <!DOCTYPE html>
            <html lang="\(lang)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light dark">
            <meta name="supported-color-schemes" content="light dark">
            <title>\(Escaping.markup(subject))</title>
            <style>
            :root { color-scheme: light dark; }
            @media (prefers-color-scheme: dark) {
            .bs-page { background-color: #101012 !important; }
            .bs-card { background-color: #17171a !important; color: #ececec !important; }
            .bs-muted { color: #c4c4c4 !important; }
            .bs-link { color: \(accentDark) !important; }
            .bs-button { background-color: \(accentDark) !important; color: #101012 !important; }
            }
            @media (max-width: 620px) {
            .bs-column { width: 100% !important; }
            .bs-pad { padding-left: 16px !important; padding-right: 16px !important; }
            .bs-wide { width: 100% !important; height: auto !important; }
            }
            </style>
            </head>
            <body class="bs-page" style="margin:0;padding:0;background-color:#f1eee8;">

            """
        html += "<div style=\"display:none;mso-hide:all;\">\(Escaping.markup(preheader))</div>\n"
        html += "<table role=\"presentation\" class=\"bs-page\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"background-color:#f1eee8;\">\n"
        html += "<tr><td align=\"center\" style=\"padding:16px 0;\">\n"
        html += fragment()
        html += "</td></tr>\n</table>\n</body>\n</html>\n"
        return html
    }

    /// The lead summary, or the edition's titles: what a mail client shows after the subject.
    private var preheader: String {
        items.first.map { $0.summary.isEmpty ? $0.title : $0.summary } ?? subject
    }

    /// The column alone: what a mailing tool's own template wraps.
    func fragment() -> String {
        var html = "<table role=\"presentation\" class=\"bs-column bs-card\" width=\"\(Self.width)\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" "
            + "style=\"width:\(Self.width)px;background-color:#ffffff;color:#1a1a1a;font-family:Georgia,'Times New Roman',serif;font-size:17px;line-height:1.5;\">\n"
        html += row("<p style=\"margin:0;font-family:Arial,sans-serif;font-size:13px;text-align:right;\">" + link(webURL, words("view_in_browser"), size: 13) + "</p>", top: 16)
        html += row(masthead(), top: 8)
        if let greeting = site.config.newsletter.greeting {
            html += row("<p style=\"margin:0;\">\(Escaping.markup(greeting))</p>", top: 16)
        }
        for (position, item) in items.prefix(shown).enumerated() {
            let whole = position < self.whole
            html += "<tr><td class=\"bs-pad\" style=\"padding:0 24px;\"><hr style=\"border:0;border-top:1px solid #d8d3c8;margin:16px 0;\"></td></tr>\n"
            html += row(whole ? entry(item, lead: position == 0) : titleOnly(item), top: 0)
        }
        if isCut {
            html += row("<p style=\"margin:16px 0 0;\">" + link(webURL, words("edition_more")) + "</p>", top: 0)
        }
        html += row(footer(), top: 24, bottom: 24)
        html += "</table>\n"
        return html
    }

    private func row(_ content: String, top: Int, bottom: Int = 0) -> String {
        "<tr><td class=\"bs-pad\" style=\"padding:\(top)px 24px \(bottom)px;\">\n\(content)\n</td></tr>\n"
    }

    private func link(_ url: String, _ text: String, size: Int? = nil) -> String {
        let style = "color:\(accent);text-decoration:underline;" + (size.map { "font-size:\($0)px;" } ?? "")
        return "<a class=\"bs-link\" href=\"\(Escaping.markup(url))\" style=\"\(style)\">\(Escaping.markup(text))</a>"
    }

    private func masthead() -> String {
        let heading = words("edition_heading", ["dates": Self.dates(edition, lang: edition.lang, strings: strings)])
        return "<p style=\"margin:0;font-size:22px;font-weight:bold;\">\(Escaping.markup(site.config.title))</p>\n"
            + "<p class=\"bs-muted\" style=\"margin:4px 0 0;font-family:Arial,sans-serif;font-size:14px;color:#55524c;\">\(Escaping.markup(heading))</p>"
    }

    private func entry(_ item: EmailItem, lead: Bool) -> String {
        var html = ""
        if let image = item.image {
            let width = lead ? Self.inner : min(Self.inner, image.width)
            let height = image.width > 0 ? image.height * width / image.width : image.height
            html += "<a href=\"\(Escaping.markup(item.url))\"><img class=\"bs-wide\" src=\"\(Escaping.markup(image.url))\" width=\"\(width)\" height=\"\(height)\" "
                + "alt=\"\(Escaping.markup(image.alt))\" style=\"display:block;width:\(width)px;height:auto;border:0;margin:0 0 12px;\"></a>\n"
        }
        html += "<p class=\"bs-muted\" style=\"margin:0;font-family:Arial,sans-serif;font-size:13px;letter-spacing:0.05em;text-transform:uppercase;color:#55524c;\">"
            + Escaping.markup(item.kind) + "</p>\n"
        let size = lead ? 26 : 21
        html += "<h2 style=\"margin:4px 0;font-size:\(size)px;line-height:1.25;\"><a class=\"bs-link\" href=\"\(Escaping.markup(item.url))\" "
            + "style=\"color:#1a1a1a;text-decoration:none;\">\(Escaping.markup(item.title))</a></h2>\n"
        html += "<p class=\"bs-muted\" style=\"margin:0 0 8px;font-family:Arial,sans-serif;font-size:14px;color:#55524c;\">\(Escaping.markup(item.date))</p>\n"
        if !item.summary.isEmpty { html += "<p style=\"margin:0 0 8px;\">\(Escaping.markup(item.summary))</p>\n" }
        if let event = item.event {
            html += "<p style=\"margin:0 0 8px;font-family:Arial,sans-serif;font-size:15px;\"><strong>\(Escaping.markup(words("event_when")))</strong> \(Escaping.markup(event.when))"
            if let place = event.place {
                html += "<br><strong>\(Escaping.markup(words("event_where")))</strong> \(Escaping.markup(place))"
            }
            html += "</p>\n"
        }
        if let download = item.download { html += "<p style=\"margin:0 0 8px;\">" + link(download.url, download.text) + "</p>\n" }
        if let action = item.action {
            html += "<p style=\"margin:8px 0 4px;font-weight:bold;\">\(Escaping.markup(action.title))</p>\n"
            html += button(action.url, action.label)
        }
        html += "<p style=\"margin:8px 0 0;font-family:Arial,sans-serif;font-size:15px;\">" + link(item.url, words("read_more")) + "</p>"
        return html
    }

    /// A button as a table cell: Outlook for Windows draws a cell's background, not a link's padding.
    private func button(_ url: String, _ label: String) -> String {
        "<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"><tr><td class=\"bs-button\" style=\"background-color:\(accent);\">"
            + "<a class=\"bs-button\" href=\"\(Escaping.markup(url))\" style=\"display:inline-block;padding:10px 18px;color:#ffffff;font-family:Arial,sans-serif;font-size:16px;font-weight:bold;text-decoration:none;\">"
            + Escaping.markup(label) + "</a></td></tr></table>\n"
    }

    private func titleOnly(_ item: EmailItem) -> String {
        "<p style=\"margin:0;\">" + link(item.url, item.title) + " <span class=\"bs-muted\" style=\"font-family:Arial,sans-serif;font-size:14px;color:#55524c;\">"
            + Escaping.markup(item.date) + "</span></p>"
    }

    private func footer() -> String {
        var lines: [String] = []
        if let text = footerText { lines.append(Escaping.markup(text)) }
        lines.append(link(site.urls.absolute(site.urls.list(site.list(.home(lang: edition.lang))?.folder ?? [])), site.config.title, size: 13))
        lines.append(unsubscribeHTML)
        return "<p class=\"bs-muted\" style=\"margin:0;font-family:Arial,sans-serif;font-size:13px;color:#55524c;\">" + lines.joined(separator: "<br>\n") + "</p>"
    }

    private var footerText: String? {
        site.config.footerText[edition.lang] ?? (edition.lang == site.config.language ? site.config.footerText[""] : nil)
    }

    /// The mailing tool's merge tag as written (`*|UNSUB|*` is not HTML, and `{{ UnsubscribeURL }}` becomes an address).
    private var unsubscribeHTML: String {
        guard let tag = site.config.newsletter.unsubscribe else { return Escaping.markup(words("unsubscribe_missing")) }
        return "<a class=\"bs-link\" href=\"\(Escaping.markup(tag))\" style=\"color:\(accent);\">\(Escaping.markup(words("unsubscribe")))</a>"
    }

    // MARK: Text

    func text() -> String {
        var text = site.config.title + "\n" + words("edition_heading", ["dates": Self.dates(edition, lang: edition.lang, strings: strings)]) + "\n\n"
        text += words("view_in_browser") + ": " + webURL + "\n"
        if let greeting = site.config.newsletter.greeting { text += "\n" + greeting + "\n" }
        for (position, item) in items.prefix(shown).enumerated() {
            text += "\n----------\n\n"
            guard position < whole else {
                text += item.title + " (" + item.date + ")\n" + item.url + "\n"
                continue
            }
            text += item.kind.uppercased() + " · " + item.date + "\n" + item.title + "\n\n"
            if !item.summary.isEmpty { text += item.summary + "\n\n" }
            if let event = item.event {
                text += words("event_when") + " " + event.when + "\n"
                if let place = event.place { text += words("event_where") + " " + place + "\n" }
                text += "\n"
            }
            if let download = item.download { text += download.text + ": " + download.url + "\n" }
            if let action = item.action { text += action.title + " — " + action.label + ": " + action.url + "\n" }
            text += words("read_more") + ": " + item.url + "\n"
        }
        if isCut { text += "\n" + words("edition_more") + ": " + webURL + "\n" }
        text += "\n----------\n\n"
        if let footer = footerText { text += footer + "\n" }
        text += site.config.title + ": " + site.urls.absolute(site.urls.list(site.list(.home(lang: edition.lang))?.folder ?? [])) + "\n"
        text += site.config.newsletter.unsubscribe.map { words("unsubscribe") + ": " + $0 } ?? words("unsubscribe_missing")
        return text + "\n"
    }

    // MARK: Message

    /// A `multipart/alternative` message, text first, then HTML, both UTF-8 and quoted-printable,
    /// with no recipient: a mailing tool imports it, `sendmail -t` needs a `To:` added.
    func message() -> String {
        let boundary = "=_broadside_" + edition.key
        let date = items.map(\.published).max() ?? PostDate(secondsSince1970: Double(edition.lastDay) * 86_400, offset: 0)
        var message = "MIME-Version: 1.0\r\n"
        message += "Date: " + DateText.rfc822(date) + "\r\n"
        message += "From: " + MailHeader.address(site.config.newsletter.from ?? "\(site.config.title) <newsletter@\(site.urls.host.isEmpty ? "localhost" : site.urls.host)>") + "\r\n"
        message += "Subject: " + MailHeader.encoded(subject) + "\r\n"
        message += "Content-Language: " + edition.lang + "\r\n"
        message += "Content-Type: multipart/alternative; boundary=\"\(boundary)\"\r\n\r\n"
        for (type, body) in [("text/plain", text()), ("text/html", htmlDocument())] {
            message += "--\(boundary)\r\nContent-Type: \(type); charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
            message += QuotedPrintable.encode(body) + "\r\n"
        }
        return message + "--\(boundary)--\r\n"
    }
}

/// What an e-mail shows of one post, every address absolute.
struct EmailItem {
    struct Image { var url: String; var width: Int; var height: Int; var alt: String }
    struct Download { var url: String; var text: String }
    struct Action { var title: String; var url: String; var label: String }

    var title: String
    var url: String
    var kind: String
    var date: String
    var published: PostDate
    var summary: String
    var image: Image?
    var event: (when: String, place: String?)?
    var download: Download?
    var action: Action?

    init(_ post: Post, in site: Site, strings: ThemeStrings, images: ImageSet) {
        let urls = site.urls
        title = post.title
        url = urls.absolute(urls.address(of: post))
        kind = strings.text("kind.\(post.kind.rawValue)", lang: post.lang)
        date = strings.date(post.date, lang: post.lang)
        published = post.date
        summary = post.summary
        // Gmail and Outlook show no SVG: an SVG image stays on the web page.
        if let featured = post.resources.image, let path = featured.file.outputPath, let published = images.images[path], published.format != .svg,
           let file = published.fallback(near: EmailEdition.inner * 2) ?? published.own, file.width > 0 {
            image = Image(url: urls.absolute(ImageMarkup.url(file, urls)), width: file.width, height: file.height, alt: featured.alt)
        }
        if let event = post.event {
            let view = EventView(event, post: post, urls: urls, strings: strings)
            self.event = (view.end.map { view.start + " – " + $0 } ?? view.start, view.location ?? view.onlineURL)
        }
        let resources = ResourceViews(post.resources, lang: post.lang, isReport: post.kind == .report, urls: urls, strings: strings, images: images)
        if let download = resources.download, let text = resources.downloadText {
            self.download = Download(url: urls.absolute(download.url), text: text)
        }
        for block in post.blocks {
            guard case .action(let action) = block.fields, let link = action.url ?? action.phoneURL else { continue }
            self.action = Action(title: action.title, url: urls.absolute(link),
                                 label: action.button ?? action.phone ?? strings.text("take_action", lang: post.lang))
            break
        }
    }
}
