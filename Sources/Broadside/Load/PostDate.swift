import Foundation

/// An instant together with the UTC offset the editor wrote, so a post dated
/// `2026-10-05T08:30:00-05:00` is shown at 08:30, not converted to UTC.
public struct PostDate: Sendable, Equatable, Comparable, Codable {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var secondsSince1970: Double
    /// Seconds east of UTC.
    public var offset: Int

    public var date: Date { Date(timeIntervalSince1970: secondsSince1970) }

    public static func < (a: PostDate, b: PostDate) -> Bool { a.secondsSince1970 < b.secondsSince1970 }

    /// Parses `YYYY-MM-DD` (midnight in `timeZone`), or `YYYY-MM-DDTHH:MM[:SS[.fff]]` followed by
    /// `Z`, `±HH:MM`, `±HHMM` or nothing (then `timeZone` decides the offset). A space may stand for `T`.
    public static func parse(_ text: String, timeZone: TimeZone) -> PostDate? {
        parse(text, timeZone: timeZone, latestYear: latestYear)
    }

    /// The last year a post, an event or the build's "now" may have: a time in 9999 can be in the
    /// year 10,000 in UTC, which no feed or calendar date (four digits) can hold, and `new event`
    /// adds a week to "now".
    static let latestYear = 9998

    /// A date written right but after `latestYear`, for a message that says so.
    static func isAfterLatestYear(_ text: String, timeZone: TimeZone) -> Bool {
        parse(text, timeZone: timeZone) == nil && parse(text, timeZone: timeZone, latestYear: 9999) != nil
    }

    static func parse(_ text: String, timeZone: TimeZone, latestYear: Int) -> PostDate? {
        var scanner = DigitScanner(Array(text.trimmed.utf8))
        guard let year = scanner.number(digits: 4), scanner.take("-"),
            let month = scanner.number(digits: 2), scanner.take("-"),
            let day = scanner.number(digits: 2),
            year <= latestYear, (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }
        var hour = 0, minute = 0, second = 0
        var fraction = 0.0
        var offset: Int?
        if !scanner.atEnd {
            guard scanner.take("T") || scanner.take("t") || scanner.take(" "),
                let h = scanner.number(digits: 2), scanner.take(":"), let m = scanner.number(digits: 2)
            else { return nil }
            hour = h
            minute = m
            if scanner.take(":") {
                guard let s = scanner.number(digits: 2) else { return nil }
                second = s
                if scanner.take(".") {
                    let digits = scanner.digits()
                    guard !digits.isEmpty else { return nil }
                    fraction = Double("0." + digits) ?? 0
                }
            }
            guard hour < 24, minute < 60, second < 61 else { return nil }
            _ = scanner.take(" ")
            if scanner.take("Z") || scanner.take("z") {
                offset = 0
            } else if let sign = scanner.sign() {
                guard let oh = scanner.number(digits: 2) else { return nil }
                _ = scanner.take(":")
                let om = scanner.atEnd ? 0 : scanner.number(digits: 2)
                guard let om, oh <= 18, om < 60 else { return nil }
                offset = sign * (oh * 3600 + om * 60)
            }
            guard scanner.atEnd else { return nil }
        }
        let local = Double(daysFromCivil(year: year, month: month, day: day)) * 86_400
            + Double(hour * 3600 + minute * 60 + second) + fraction
        if let offset {
            return PostDate(secondsSince1970: local - Double(offset), offset: offset)
        }
        // A wall-clock time in the site's zone: find the offset in force then (daylight saving).
        let offsetAt = { (seconds: Double) in timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: seconds)) }
        let zoneOffset = offsetAt(local - Double(offsetAt(local)))
        let instant = local - Double(zoneOffset)
        let offsetThen = offsetAt(instant)
        guard offsetThen != zoneOffset else { return PostDate(secondsSince1970: instant, offset: zoneOffset) }
        // 2:30 on the night clocks go from 2:00 to 3:00 never happens. Read with the offset before
        // the gap, as RFC 5545 (3.3.5) tells calendars to: 3:30, the same instant on the page and
        // in the calendar file, never two different times.
        let gapInstant = local - Double(min(zoneOffset, offsetThen))
        return PostDate(secondsSince1970: gapInstant, offset: offsetAt(gapInstant))
    }

    /// The date and time in the post's own offset.
    public var civil: CivilTime {
        let local = Int(secondsSince1970.rounded(.down)) + offset
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let secondOfDay = local - days * 86_400
        let (y, m, d) = Self.civilFromDays(days)
        return CivilTime(
            year: y, month: m, day: d, hour: secondOfDay / 3600, minute: secondOfDay % 3600 / 60,
            second: secondOfDay % 60, weekday: ((days % 7) + 11) % 7, offset: offset)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days_from_civil and civil_from_days: exact for the proleptic Gregorian calendar.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

/// Calendar fields of a `PostDate` in its own offset; `weekday` is 0 for Sunday.
public struct CivilTime: Sendable, Equatable {
    public var year, month, day, hour, minute, second, weekday, offset: Int
}

private struct DigitScanner {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }

    mutating func take(_ character: Character) -> Bool {
        guard !atEnd, let ascii = character.asciiValue, bytes[index] == ascii else { return false }
        index += 1
        return true
    }

    mutating func number(digits count: Int) -> Int? {
        guard index + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[index..<index + count] {
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        index += count
        return value
    }

    mutating func digits() -> String {
        let start = index
        while !atEnd, (48...57).contains(bytes[index]) { index += 1 }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    mutating func sign() -> Int? {
        if take("+") { return 1 }
        if take("-") { return -1 }
        return nil
    }
}
