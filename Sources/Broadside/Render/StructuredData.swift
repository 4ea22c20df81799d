/// The one JSON-LD block of each page (schema.org): `NewsArticle` on a post, `Event` on a post
/// with an event, `CollectionPage` on a list, `WebSite` on a home page. Written as JSON by
/// `JSONText`, so `</script>` in a title stays inside its string (`\u003c/script\u003e`).
enum StructuredData {
    /// A JSON value built by code: keys in the order written, so output is byte-identical.
    indirect enum Value {
        case text(String)
        case number(Int)
        case list([Value])
        case object([(String, Value)])

        var json: String {
            var out: [UInt8] = []
            out.reserveCapacity(1024)
            write(to: &out)
            return String(decoding: out, as: UTF8.self)
        }

        /// Into one buffer of bytes: every post page has a block, and joining each level made
        /// copies (appending to a `String` piece by piece was most of the rest).
        private func write(to out: inout [UInt8]) {
            switch self {
            case .text(let text): Self.string(text, to: &out)
            case .number(let number): out += String(number).utf8
            case .list(let items):
                out.append(UInt8(ascii: "["))
                for (index, item) in items.enumerated() {
                    if index > 0 { out.append(contentsOf: ", ".utf8) }
                    item.write(to: &out)
                }
                out.append(UInt8(ascii: "]"))
            case .object(let pairs):
                out.append(UInt8(ascii: "{"))
                for (index, (key, value)) in pairs.enumerated() {
                    if index > 0 { out.append(contentsOf: ", ".utf8) }
                    Self.string(key, to: &out)
                    out.append(contentsOf: ": ".utf8)
                    value.write(to: &out)
                }
                out.append(UInt8(ascii: "}"))
            }
        }

        /// `JSONText.string(text)`, appended without a string of its own.
        private static func string(_ text: String, to out: inout [UInt8]) {
            out.append(UInt8(ascii: "\""))
            var balanced = Escaping.balancingDirection(text)
            balanced.withUTF8 { JSONText.append($0, to: &out) }
            out.append(UInt8(ascii: "\""))
        }
    }

    /// The site's organisation, with its `logo:` of `site.yml` when it has one.
    static func organization(_ site: Site, logo: FeedEntry.Image?) -> Value {
        var pairs: [(String, Value)] = [("@type", .text("Organization")), ("name", .text(site.config.title))]
        if site.config.baseURL != nil { pairs.append(("url", .text(site.urls.absoluteRoot))) }
        if let logo, site.config.baseURL != nil {
            var image: [(String, Value)] = [("@type", .text("ImageObject")), ("url", .text(logo.url))]
            if logo.width > 0 { image += [("width", .number(logo.width)), ("height", .number(logo.height))] }
            pairs.append(("logo", .object(image)))
        }
        return .object(pairs)
    }

    static func post(_ index: Int, in site: Site, description: String, image: FeedEntry.Image?, logo: FeedEntry.Image?) -> String {
        let post = site.posts[index]
        let urls = site.urls
        let url = urls.absolute(urls.address(of: post))
        var pairs: [(String, Value)] = [("@context", .text("https://schema.org"))]
        if let event = post.event {
            pairs += [("@type", .text("Event")), ("name", .text(post.title)), ("description", .text(description)),
                      ("startDate", .text(DateText.iso8601(event.start)))]
            if let end = event.end { pairs.append(("endDate", .text(DateText.iso8601(end)))) }
            pairs += [("eventStatus", .text("https://schema.org/EventScheduled")),
                      ("eventAttendanceMode", .text(attendance(event)))]
            if let location = location(event) { pairs.append(("location", location)) }
            pairs.append(("organizer", organization(site, logo: logo)))
        } else {
            pairs += [("@type", .text("NewsArticle")), ("headline", .text(post.title)), ("description", .text(description)),
                      ("datePublished", .text(DateText.iso8601(post.date))), ("dateModified", .text(DateText.iso8601(post.updated ?? post.date)))]
            let authors: [Value] = post.authors.isEmpty ? [organization(site, logo: logo)]
                : post.authors.map { .object([("@type", .text("Person")), ("name", .text($0))]) }
            pairs += [("author", .list(authors)), ("publisher", organization(site, logo: logo)), ("inLanguage", .text(post.lang))]
        }
        if let image, site.config.baseURL != nil { pairs.append(("image", .list([.text(image.url)]))) }
        if site.config.baseURL != nil {
            pairs.append(("url", .text(url)))
            if post.event == nil { pairs.append(("mainEntityOfPage", .text(url))) }
        }
        return Value.object(pairs).json
    }

    private static func attendance(_ event: Event) -> String {
        let mode = switch (event.location != nil, event.onlineURL != nil) {
        case (true, true): "MixedEventAttendanceMode"
        case (false, true): "OnlineEventAttendanceMode"
        default: "OfflineEventAttendanceMode"
        }
        return "https://schema.org/" + mode
    }

    /// A `Place` whose address is the place as written, a `VirtualLocation`, or both.
    private static func location(_ event: Event) -> Value? {
        var places: [Value] = []
        if let location = event.location {
            places.append(.object([("@type", .text("Place")), ("name", .text(location)), ("address", .text(location))]))
        }
        if let online = event.onlineURL {
            places.append(.object([("@type", .text("VirtualLocation")), ("url", .text(online))]))
        }
        return places.count <= 1 ? places.first : .list(places)
    }

    /// A list page, or a home page (`WebSite`).
    static func page(
        _ type: String, name: String, description: String, url: String, lang: String, site: Site, logo: FeedEntry.Image?
    ) -> String {
        var pairs: [(String, Value)] = [("@context", .text("https://schema.org")), ("@type", .text(type)), ("name", .text(name))]
        if !description.isEmpty { pairs.append(("description", .text(description))) }
        pairs.append(("inLanguage", .text(lang)))
        if site.config.baseURL != nil { pairs.append(("url", .text(url))) }
        if type != "WebSite" { pairs.append(("isPartOf", .object([("@type", .text("WebSite")), ("name", .text(site.config.title))]))) }
        else { pairs.append(("publisher", organization(site, logo: logo))) }
        return Value.object(pairs).json
    }
}
