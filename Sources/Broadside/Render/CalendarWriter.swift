/// A post's event as iCalendar (RFC 5545), `posts/<slug>/event.ics`, for a reader's calendar app.
/// Nothing in it depends on the clock or on chance: the UID comes from the post's slug and the
/// site's host, and DTSTAMP from the post's date, so every build writes the same bytes.
enum CalendarWriter {
    static func ics(post index: Int, in site: Site) -> String {
        let post = site.posts[index]
        guard let event = post.event else { preconditionFailure("only posts with an event have a calendar") }
        let urls = site.urls
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Broadside//Broadside//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "BEGIN:VEVENT",
            "UID:" + Self.text(post.slug + "@" + urls.host),
            "DTSTAMP:" + DateText.icalendarUTC(post.date),
            "DTSTART:" + DateText.icalendarUTC(event.start),
        ]
        if let end = event.end { lines.append("DTEND:" + DateText.icalendarUTC(end)) }
        lines.append("SUMMARY:" + Self.text(post.title))
        if !post.summary.isEmpty { lines.append("DESCRIPTION:" + Self.text(post.summary)) }
        // A calendar app shows LOCATION where the event is; for an online event that is its link.
        if let location = event.location ?? event.onlineURL { lines.append("LOCATION:" + Self.text(location)) }
        lines.append("URL:" + urls.absolute(urls.address(of: post)))
        lines += ["END:VEVENT", "END:VCALENDAR"]
        return lines.map(Self.folded).joined(separator: "\r\n") + "\r\n"
    }

    /// A TEXT value: backslash, semicolon and comma escaped, line breaks as `\n`; other control
    /// characters, which TEXT may not hold, dropped.
    static func text(_ value: String) -> String {
        var out = ""
        var afterCR = false
        for scalar in value.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !afterCR { out += "\\n" }
            case "\t": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: break
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Lines longer than 75 octets go on in lines that start with a space (RFC 5545, 3.1), cut
    /// between whole characters: a UTF-8 sequence is never split.
    static func folded(_ line: String) -> String {
        var out = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let width = UTF8.width(scalar)
            if octets + width > 75 {
                out += "\r\n "
                octets = 1
            }
            out.unicodeScalars.append(scalar)
            octets += width
        }
        return out
    }
}

extension SiteURLs {
    /// The calendar file of a post's event, beside its page.
    func calendar(_ slug: String) -> String { post(slug) + "event.ics" }

    static func calendarFile(_ slug: String) -> String { "posts/\(slug)/event.ics" }
}
