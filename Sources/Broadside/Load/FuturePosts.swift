import Foundation

/// Counts the posts left out for being dated after the build's "now". A wrong "now" (a typo in
/// `--now`, a stale `SOURCE_DATE_EPOCH`) would otherwise publish an empty site over a full one.
final class FuturePosts: @unchecked Sendable {
    let now: Double
    private let lock = NSLock()
    private var considered = 0
    private var future = 0

    init(now: Double) { self.now = now }

    /// Whether a post dated `date` is published; called for every post that is not a draft left out.
    func admit(_ date: PostDate) -> Bool {
        let published = date.secondsSince1970 <= now
        lock.lock()
        considered += 1
        if !published { future += 1 }
        lock.unlock()
        return published
    }

    /// An error when every post is left out, a warning when most are.
    var diagnostics: [Diagnostic] {
        lock.lock()
        defer { lock.unlock() }
        let when = "the build's now, \(Self.format(now)),"
        let hint = "pass --future to publish them anyway; otherwise check --now, SOURCE_DATE_EPOCH and the posts' dates"
        if future > 0 && future == considered {
            let which = future == 1 ? "the only post is" : "all \(future) posts are"
            return [.error(nil, "\(which) dated after \(when) so the site would have no posts", hint: hint)]
        }
        if future * 2 > considered {
            return [.warning(nil, "\(future) of \(considered) posts are dated after \(when) and are left out", hint: hint)]
        }
        return []
    }

    /// `2026-11-23T12:00:00Z`, the same on every machine.
    static func format(_ seconds: Double) -> String {
        let time = PostDate(secondsSince1970: seconds, offset: 0).civil
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let year = String(repeating: "0", count: max(0, 4 - String(time.year).count)) + String(time.year)
        return "\(year)-\(two(time.month))-\(two(time.day))T\(two(time.hour)):\(two(time.minute)):\(two(time.second))Z"
    }
}
