/// `/newsletter/feed.xml`: RSS 2.0 with one item per edition, newest first, each carrying its
/// whole e-mail, so a service that sends a feed's items (Mailchimp's or Buttondown's RSS
/// campaigns) sends the edition as Broadside made it.
struct DigestFeed {
    /// Editions a digest carries: a quarter of weekly editions, a month of daily ones.
    static let size = 12

    let site: Site
    let lang: String
    let strings: ThemeStrings
    let images: ImageSet

    func xml() -> String {
        let urls = site.urls
        let folder = Editions.folder(lang: lang, config: site.config)
        let editions = site.lists.filter { if case .edition(let edition) = $0.scope { edition.lang == lang } else { false } }.prefix(Self.size)
        let title = strings.text("newsletter", lang: lang) + " | " + site.config.title
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        xml += "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n<channel>\n"
        xml += "<title>\(FastEscaping.escaped(title, xml: true))</title>\n"
        xml += "<link>\(FastEscaping.escaped(urls.absolute(urls.list(folder)), xml: true))</link>\n"
        xml += "<description>\(FastEscaping.escaped(site.config.description.isEmpty ? title : site.config.description, xml: true))</description>\n"
        xml += "<language>\(FastEscaping.escaped(lang, xml: true))</language>\n"
        xml += "<atom:link href=\"\(FastEscaping.escaped(urls.absolute(urls.list(folder)) + OutputFormat.digest.fileName, xml: true))\" rel=\"self\" type=\"application/rss+xml\"/>\n"
        for list in editions {
            guard case .edition(let edition) = list.scope else { continue }
            let email = EmailEdition(site: site, list: list, edition: edition, strings: strings, images: images)
            let newest = list.posts.map { site.posts[$0].date }.max { $0.secondsSince1970 < $1.secondsSince1970 }
            xml += "<item>\n<title>\(FastEscaping.escaped(email.subject, xml: true))</title>\n"
            xml += "<link>\(FastEscaping.escaped(email.webURL, xml: true))</link>\n"
            xml += "<guid isPermaLink=\"true\">\(FastEscaping.escaped(email.webURL, xml: true))</guid>\n"
            if let newest { xml += "<pubDate>\(DateText.rfc822(newest))</pubDate>\n" }
            xml += "<content:encoded>\(FastEscaping.escaped(email.htmlDocument(), xml: true))</content:encoded>\n</item>\n"
        }
        return xml + "</channel>\n</rss>\n"
    }
}
