/// A series day dated after the build's "now": not built, but counted. A week of action is
/// planned ahead, so day 2 already says "Day 2 of 5" while days 3 to 5 wait for their date.
/// Only what series need is kept; the body of a scheduled post is never converted.
public struct ScheduledDay: Sendable, Equatable {
    /// Path relative to the site folder, for messages.
    public var source: String
    public var title: String
    public var date: PostDate
    public var lang: String
    public var series: String
    public var day: Int
    /// Where `series_day:` was written, for messages about duplicates.
    public var dayLine: Int?
}

/// `series` and `series_day` come together: one without the other is a post that was meant to
/// be in a series and would silently not be.
enum SeriesFrontMatter {
    /// The error for a post with one of the two keys (`key` is the one written, at `line`, `column`).
    static func pairing(seriesWritten: Bool, dayWritten: Bool, file: String, line: Int?, column: Int?) -> Diagnostic? {
        switch (seriesWritten, dayWritten) {
        case (true, false):
            return .error(file, line: line, column: column, "the post names a series but not its day in it",
                hint: "add series_day: with the day's number (1 for the first day), or remove series:")
        case (false, true):
            return .error(file, line: line, column: column, "the post has a series_day but no series",
                hint: "add series: with the series' name, written as on its other days, or remove series_day:")
        default:
            return nil
        }
    }
}
