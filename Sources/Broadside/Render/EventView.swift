/// What templates see of a post's event (`post.event`): when and where, in the post's language.
struct EventView: Sendable {
    var start: String
    var startISO: String
    /// `UTC−05:00`: the offset the start was written in.
    var timeZone: String
    /// Only the time when the event ends on the day it starts: "November 30, 2026, 6:00 pm – 8:00 pm".
    var end: String?
    var endISO: String?
    var location: String?
    var onlineURL: String?
    var rsvpURL: String?
    var calendarURL: String
    /// The date badge: `NOV` and `30`, in the start's own offset.
    var badgeMonth: String
    var badgeDay: String
    /// An online event's start in UTC ("November 30, 2026, 11:00 pm"), for readers in other
    /// time zones; nil for an event in a place, whose readers are where it is.
    var startUTC: String?

    init(_ event: Event, post: Post, urls: SiteURLs, strings: ThemeStrings) {
        start = strings.dateTime(event.start, lang: post.lang)
        startISO = DateText.iso8601(event.start)
        timeZone = DateText.zone(event.start)
        if let end = event.end {
            let (first, last) = (event.start.civil, end.civil)
            let sameDay = first.year == last.year && first.month == last.month && first.day == last.day && first.offset == last.offset
            self.end = sameDay ? strings.time(end, lang: post.lang) : strings.dateTime(end, lang: post.lang)
            endISO = DateText.iso8601(end)
        }
        location = event.location
        onlineURL = event.onlineURL
        rsvpURL = event.rsvpURL
        calendarURL = urls.calendar(post.slug)
        badgeMonth = strings.shortMonth(event.start, lang: post.lang)
        badgeDay = "\(event.start.civil.day)"
        if event.onlineURL != nil, event.start.offset != 0 {
            startUTC = strings.dateTime(PostDate(secondsSince1970: event.start.secondsSince1970, offset: 0), lang: post.lang)
        }
    }

    var context: TemplateMap {
        var context: TemplateMap = ["start": .text(start), "start_iso": .text(startISO), "time_zone": .text(timeZone),
                                    "calendar_url": .url(calendarURL), "badge_month": .text(badgeMonth), "badge_day": .text(badgeDay)]
        if let startUTC { context["start_utc"] = .text(startUTC) }
        if let end, let endISO { (context["end"], context["end_iso"]) = (.text(end), .text(endISO)) }
        if let location { context["location"] = .text(location) }
        if let onlineURL { context["online_url"] = .url(onlineURL) }
        if let rsvpURL { context["rsvp_url"] = .url(rsvpURL) }
        return context.compacted
    }
}
