/// A list's feed (`feed.xml`, `atom.xml`, `feed.json` beside its first page): its newest posts,
/// each with its summary and its whole content as an e-mail shows it, which feed readers and
/// RSS-to-email services read. Nothing in it depends on the clock.
///
/// A feed stays under `byteLimit`, the size common feed services fetch: items that would pass
/// it keep their summary and link, without their full text.
struct FeedWriter {
    static let byteLimit = 512 * 1024
    /// Room kept for the feed's closing lines.
    private static let closingRoom = 1024

    var site: Site
    var list: PostList
    var format: OutputFormat
    /// The list's name, as its page heads it: "Detention", "Dispatches". Nil for a home page.
    var heading: String?
    /// By index in the site; made for every post some feed carries.
    var entries: FeedEntries

    private var urls: SiteURLs { site.urls }
    private var title: String { heading.map { "\($0) | \(site.config.title)" } ?? site.config.title }
    private var description: String { site.config.description.isEmpty ? title : site.config.description }
    private var pageURL: String { urls.absolute(urls.list(list.folder)) }
    private var selfURL: String { urls.absolute(urls.listFeed(list.folder, format)) }
    /// The items, picked once per feed (a series' or the events' are sorted to pick them).
    private var items: [FeedEntry] { list.feedPosts(site.config.feedSize).compactMap { entries[$0] } }

    /// The feed's file, as UTF-8 bytes: items are written into one buffer, with their text
    /// escaped straight into it, never joined as strings.
    func bytes(_ syntax: FeedSyntax) -> [UInt8] {
        let items = list.feedPosts(site.config.feedSize).compactMap { entries.escaped($0) }
        let (head, tail, separator) = frame(syntax, items)
        return switch syntax {
        case .rss: assemble(items, head, tail, separator: separator, item: rssItem)
        case .atom: assemble(items, head, tail, separator: separator, item: atomEntry)
        case .json: assemble(items, head, tail, separator: separator, item: jsonItem)
        }
    }

    /// What the feed is made from: its frame (every value of the site and the list it shows),
    /// each item's entry (`FeedEntry.digest`), the program (the size limit, the escapers). The
    /// same digest, the same bytes: a feed whose digest is the live file's is not written again.
    func digest(_ syntax: FeedSyntax) -> PageDigest {
        let items = items
        let (head, tail, separator) = frame(syntax, items)
        var digest = ValueDigest()
        for text in [BuildRecord.running, "\(syntax)", head, tail, separator] { digest.add(text) }
        digest.add(word: UInt64(items.count))
        for item in items { digest.add(item.digest) }
        return digest.digest
    }

    /// The feed's text before its first item and after its last, and between items.
    private func frame(_ syntax: FeedSyntax, _ items: [FeedEntry]) -> (head: String, tail: String, separator: String) {
        switch syntax {
        case .rss: (rssHead(items), "</channel>\n</rss>\n", "")
        case .atom: (atomHead(items), "</feed>\n", "")
        case .json: (jsonHead(), "\n]\n}\n", ",\n")
        }
    }

    /// `head`, then each item whole while the feed stays under the limit, else its short form.
    private func assemble(
        _ items: [FeedEntry], _ head: String, _ tail: String, separator: String = "", item: (FeedEntry, _ whole: Bool, inout FeedBytes) -> Void
    ) -> [UInt8] {
        // Reserved once for the largest feed: not copied into larger and larger buffers as it grows.
        var feed = FeedBytes(capacity: Self.byteLimit + 4096)
        feed.add(head)
        var size = head.utf8.count + tail.utf8.count + Self.closingRoom
        var piece = FeedBytes(capacity: 64 * 1024)
        for (index, entry) in items.enumerated() {
            for whole in [true, false] {
                piece.bytes.removeAll(keepingCapacity: true)
                if index > 0 { piece.add(separator) }
                item(entry, whole, &piece)
                if size + piece.bytes.count <= Self.byteLimit || !whole { break }
            }
            size += piece.bytes.count
            feed.bytes.append(contentsOf: piece.bytes)
        }
        feed.add(tail)
        return feed.bytes
    }

    private func xml(_ value: String) -> String { TextEscaping.xml.escape(value) }

    // MARK: RSS 2.0

    private func rssHead(_ items: [FeedEntry]) -> String {
        var head = """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
            <channel>
            <title>\(xml(title))</title>
            <link>\(xml(pageURL))</link>
            <description>\(xml(description))</description>
            <language>\(xml(list.lang))</language>
            <generator>Broadside</generator>

            """
        if let newest = items.first {
            head += "<lastBuildDate>\(DateText.rfc822(newest.date))</lastBuildDate>\n"
        }
        head += "<atom:link href=\"\(xml(selfURL))\" rel=\"self\" type=\"\(format.mediaType)\"/>\n"
        return head
    }

    private func rssItem(_ entry: FeedEntry, whole: Bool, _ item: inout FeedBytes) {
        item.add("<item>\n<title>", xml: entry.title, "</title>\n<link>")
        item.add("", xml: entry.url, "</link>\n<guid isPermaLink=\"true\">")
        item.add("", xml: entry.url, "</guid>\n")
        item.add("<pubDate>\(DateText.rfc822(entry.date))</pubDate>\n")
        for author in entry.authors { item.add("<dc:creator>", xml: author, "</dc:creator>\n") }
        for term in entry.terms { item.add("<category>", xml: term, "</category>\n") }
        // Readers take `description` as HTML: the plain summary is escaped as HTML, then as XML,
        // so a summary quoting `<img onerror=…>` reaches the reader as text.
        item.add("<description>", xml: Escaping.markup(entry.summary), "</description>\n")
        if whole {
            item.add("<content:encoded>")
            item.addContent(entry, json: false)
            item.add("</content:encoded>\n")
        }
        // RSS allows one enclosure: the first attachment; Atom and JSON Feed carry them all.
        if let first = entry.enclosures.first {
            item.add("<enclosure url=\"\(xml(first.url))\" length=\"\(first.length)\" type=\"\(xml(first.mediaType))\"/>\n")
        }
        if let image = entry.image {
            item.add("<media:content url=\"\(xml(image.url))\" medium=\"image\" type=\"\(image.mediaType)\""
                + (image.width > 0 ? " width=\"\(image.width)\" height=\"\(image.height)\"" : "") + ">\n")
            item.add("<media:description type=\"plain\">", xml: image.alt, "</media:description>\n</media:content>\n")
        }
        item.add("</item>\n")
    }

    // MARK: Atom 1.0 (RFC 4287)

    private func atomHead(_ items: [FeedEntry]) -> String {
        let updated = items.first.map(\.date).map(DateText.iso8601) ?? DateText.utc(site.now)
        return """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(xml(list.lang))">
            <id>\(xml(selfURL))</id>
            <title>\(xml(title))</title>
            <subtitle>\(xml(description))</subtitle>
            <link rel="alternate" type="text/html" href="\(xml(pageURL))"/>
            <link rel="self" type="\(format.mediaType)" href="\(xml(selfURL))"/>
            <updated>\(updated)</updated>
            <author><name>\(xml(site.config.title))</name></author>
            <generator>Broadside</generator>

            """
    }

    private func atomEntry(_ entry: FeedEntry, whole: Bool, _ item: inout FeedBytes) {
        let date = DateText.iso8601(entry.date)
        item.add("<entry xml:lang=\"", xml: entry.lang, "\">\n<id>")
        item.add("", xml: entry.url, "</id>\n<title type=\"text\">")
        item.add("", xml: entry.title, "</title>\n<link rel=\"alternate\" type=\"text/html\" href=\"")
        item.add("", xml: entry.url, "\"/>\n<published>\(date)</published>\n<updated>\(date)</updated>\n")
        for author in entry.authors { item.add("<author><name>", xml: author, "</name></author>\n") }
        for term in entry.terms { item.add("<category term=\"", xml: term, "\"/>\n") }
        for enclosure in entry.enclosures {
            item.add("<link rel=\"enclosure\" href=\"\(xml(enclosure.url))\" type=\"\(xml(enclosure.mediaType))\" length=\"\(enclosure.length)\" title=\"\(xml(enclosure.title))\"/>\n")
        }
        item.add("<summary type=\"text\">", xml: entry.summary, "</summary>\n")
        if whole {
            item.add("<content type=\"html\">")
            item.addContent(entry, json: false)
            item.add("</content>\n")
        }
        item.add("</entry>\n")
    }

    // MARK: JSON Feed 1.1

    private func jsonHead() -> String {
        func string(_ value: String) -> String { JSONText.string(value) }
        var head = "{\n\"version\": \"https://jsonfeed.org/version/1.1\",\n\"title\": \(string(title)),\n"
        head += "\"home_page_url\": \(string(pageURL)),\n\"feed_url\": \(string(selfURL)),\n"
        head += "\"description\": \(string(description)),\n\"language\": \(string(list.lang)),\n"
        head += "\"authors\": [{\"name\": \(string(site.config.title))}],\n\"items\": [\n"
        return head
    }

    private func jsonItem(_ entry: FeedEntry, whole: Bool, _ item: inout FeedBytes) {
        func string(_ value: String) -> String { JSONText.string(value) }
        var fields = [
            "\"id\": \(string(entry.url))", "\"url\": \(string(entry.url))", "\"title\": \(string(entry.title))",
            whole ? "" : "\"content_text\": \(string(entry.summary))",
            "\"summary\": \(string(entry.summary))", "\"date_published\": \(string(DateText.iso8601(entry.date)))",
            "\"language\": \(string(entry.lang))",
        ]
        if let image = entry.image { fields.append("\"image\": \(string(image.url))") }
        if !entry.authors.isEmpty {
            fields.append("\"authors\": [" + entry.authors.map { "{\"name\": \(string($0))}" }.joined(separator: ", ") + "]")
        }
        if !entry.terms.isEmpty { fields.append("\"tags\": [" + entry.terms.map(string).joined(separator: ", ") + "]") }
        if !entry.enclosures.isEmpty {
            fields.append("\"attachments\": [" + entry.enclosures.map {
                "{\"url\": \(string($0.url)), \"mime_type\": \(string($0.mediaType)), \"title\": \(string($0.title)), \"size_in_bytes\": \($0.length)}"
            }.joined(separator: ", ") + "]")
        }
        // The content, by far the largest field, is escaped straight into the feed.
        item.add("{" + fields[..<3].joined(separator: ", ") + ", ")
        if whole {
            item.add("\"content_html\": \"")
            item.addContent(entry, json: true)
            item.add("\", ")
        } else {
            item.add(fields[3] + ", ")
        }
        item.add(fields[4...].joined(separator: ", ") + "}")
    }
}

/// A feed as it is written: UTF-8 bytes, with text escaped into them as it is added.
struct FeedBytes {
    var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    mutating func add(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// `before`, `text` escaped for XML, `after`.
    mutating func add(_ before: String, xml text: String, _ after: String) {
        add(before)
        FastEscaping.append(text, xml: true, to: &bytes)
        add(after)
    }

    /// The entry's HTML content escaped for XML, or as a JSON string's contents, its text's links
    /// made absolute on the way: no resolved, joined or escaped copy of the text is made.
    mutating func addContent(_ entry: FeedEntry, json: Bool) {
        if let escaped = json ? entry.escaped.json : entry.escaped.xml {
            escaped.withBytes { bytes.append(contentsOf: $0) }
            return
        }
        let start = bytes.count
        if addPieces(of: entry, json: json) { return }
        // Text holding a direction control is balanced whole; XML's forbidden characters dropped.
        bytes.removeSubrange(start...)
        let content = entry.content
        if json { bytes.append(contentsOf: JSONText.escaped(content).utf8) } else { FastEscaping.append(content, xml: true, to: &bytes) }
    }

    /// False when the content needs the general escapers.
    mutating func addPieces(of entry: FeedEntry, json: Bool) -> Bool {
        var (before, after) = (entry.parts.before, entry.parts.after)
        if json && (Escaping.hasDirectionControl(before) || Escaping.hasDirectionControl(after)) { return false }
        // The post's text as bytes, never made a `String` again: one feed item of many that carry it.
        return entry.parts.body.withBytes { textBytes in
            if json && Escaping.hasDirectionControl(textBytes) { return false }
            var written = true
            func escape(_ piece: UnsafeBufferPointer<UInt8>) {
                guard written else { return }
                if json { JSONText.append(piece, to: &bytes) } else { written = FastEscaping.write(piece, xml: true, to: &bytes) }
            }
            before.withUTF8 { escape($0) }
            FeedEntry.resolveLinks(textBytes, base: entry.url) { piece in
                switch piece {
                case .run(let range): escape(UnsafeBufferPointer(rebasing: textBytes[range]))
                case .address(var address): address.withUTF8 { escape($0) }
                }
            }
            after.withUTF8 { escape($0) }
            return written
        }
    }
}
