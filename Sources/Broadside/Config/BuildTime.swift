import Foundation

/// The build's "now", from `--now`, else `SOURCE_DATE_EPOCH`, else the clock. A value that is not a
/// time within 1970…9998 is refused: `nan` once made every post "future" and emptied the site.
public enum BuildTime {
    static let latest = Double(PostDate.daysFromCivil(year: PostDate.latestYear + 1, month: 1, day: 1) * 86_400 - 1)

    public static func resolve(now: String?, sourceDateEpoch: String?, clock: () -> Date) -> Result<Date, Diagnostic> {
        if let now {
            let hint = "write it as 2026-05-01 or 2026-05-01T09:00:00Z"
            guard let date = PostDate.parse(now, timeZone: TimeZone(identifier: "UTC")!, latestYear: 9999) else {
                return .failure(.error(nil, "--now \(Excerpt.short(now)) is not a date", hint: hint))
            }
            guard (0...latest).contains(date.secondsSince1970) else {
                return .failure(.error(nil, "--now \(Excerpt.short(now)) is not between the years 1970 and \(PostDate.latestYear)", hint: hint))
            }
            return .success(date.date)
        }
        if let epoch = sourceDateEpoch, !epoch.isEmpty {
            let shown = "SOURCE_DATE_EPOCH=\(Excerpt.short(epoch))"
            let hint = "set it to a whole number of seconds such as 1767225600 (2026-01-01), or unset it to use the clock"
            // Whole seconds, as reproducible-builds.org defines it: `inf`, `nan` and `1e9` are not.
            guard let seconds = Int(epoch) else {
                return .failure(.error(nil, "\(shown) is not a whole number of seconds since 1970", hint: hint))
            }
            guard (0...latest).contains(Double(seconds)) else {
                return .failure(.error(nil, "\(shown) is not between the years 1970 and \(PostDate.latestYear)", hint: hint))
            }
            return .success(Date(timeIntervalSince1970: Double(seconds)))
        }
        return .success(clock())
    }
}
