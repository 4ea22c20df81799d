/// Dates as pages and feeds write them, always in the post's own offset and never
/// through the machine's locale or time zone, so output is the same on every machine.
enum DateText {
    private static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]
    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    /// `November 3, 2026`
    static func display(_ date: PostDate) -> String {
        let c = date.civil
        return "\(months[c.month - 1]) \(c.day), \(c.year)"
    }

    /// `2026-11-03T08:30:00-05:00`, for `<time datetime>`.
    static func iso8601(_ date: PostDate) -> String {
        let c = date.civil
        return "\(pad(c.year, 4))-\(pad(c.month))-\(pad(c.day))T\(pad(c.hour)):\(pad(c.minute)):\(pad(c.second))"
            + offset(c.offset, separator: ":")
    }

    /// `Tue, 03 Nov 2026 08:30:00 -0500`, RFC 822 as RSS 2.0 asks.
    static func rfc822(_ date: PostDate) -> String {
        let c = date.civil
        return "\(weekdays[c.weekday]), \(pad(c.day)) \(months[c.month - 1].prefix(3)) \(pad(c.year, 4)) "
            + "\(pad(c.hour)):\(pad(c.minute)):\(pad(c.second)) " + offset(c.offset, separator: "")
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
