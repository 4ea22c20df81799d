/// Dates as machines read them (`<time datetime>`, RSS, iCalendar, messages), always in the
/// written offset or in UTC and never through the machine's locale or time zone, so output is
/// the same on every machine. Dates for readers come from the theme's strings (`ThemeStrings`).
enum DateText {
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    /// `2026-11-03T08:30:00-05:00`, for `<time datetime>`.
    static func iso8601(_ date: PostDate) -> String {
        let c = date.civil
        return "\(pad(c.year, 4))-\(pad(c.month))-\(pad(c.day))T\(pad(c.hour)):\(pad(c.minute)):\(pad(c.second))"
            + offset(c.offset, separator: ":")
    }

    /// `Tue, 03 Nov 2026 08:30:00 -0500`, RFC 822 as RSS 2.0 asks.
    static func rfc822(_ date: PostDate) -> String {
        let c = date.civil
        return "\(weekdays[c.weekday]), \(pad(c.day)) \(months[c.month - 1]) \(pad(c.year, 4)) "
            + "\(pad(c.hour)):\(pad(c.minute)):\(pad(c.second)) " + offset(c.offset, separator: "")
    }

    /// `2022-07-11`: the day as written, in its own offset.
    static func day(_ date: PostDate) -> String {
        let c = date.civil
        return "\(pad(c.year, 4))-\(pad(c.month))-\(pad(c.day))"
    }

    /// `2026-11-23T12:00:00Z`: an instant in UTC, for messages.
    static func utc(_ seconds: Double) -> String {
        let c = PostDate(secondsSince1970: seconds, offset: 0).civil
        return "\(pad(c.year, 4))-\(pad(c.month))-\(pad(c.day))T\(pad(c.hour)):\(pad(c.minute)):\(pad(c.second))Z"
    }

    /// `20261201T000000Z`: an iCalendar DATE-TIME in UTC, which every calendar app reads
    /// without time-zone data.
    static func icalendarUTC(_ date: PostDate) -> String {
        let c = PostDate(secondsSince1970: date.secondsSince1970, offset: 0).civil
        return "\(pad(c.year, 4))\(pad(c.month))\(pad(c.day))T\(pad(c.hour))\(pad(c.minute))\(pad(c.second))Z"
    }

    /// `UTC−05:00`, `UTC`: the offset a date was written in, for readers outside the site's
    /// page (a feed, an e-mail), who may live in another zone.
    static func zone(_ date: PostDate) -> String {
        let seconds = date.civil.offset
        guard seconds != 0 else { return "UTC" }
        return "UTC" + (seconds < 0 ? "\u{2212}" : "+") + String(offset(seconds, separator: ":").dropFirst())
    }

    private static func offset(_ seconds: Int, separator: String) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        return sign + pad(minutes / 60) + separator + pad(minutes % 60)
    }

    private static func pad(_ value: Int, _ width: Int = 2) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
