import Foundation
import Synchronization

/// Decides which posts a build publishes, and counts those it leaves out: drafts, so the closing
/// line can say so, and posts dated after the build's "now", since a wrong "now" (a typo in
/// `--now`, a stale `SOURCE_DATE_EPOCH`) would otherwise publish an empty site over a full one.
final class LeftOutPosts: Sendable {
    let now: Double
    let includeDrafts: Bool
    let includeFuture: Bool

    // Posts are parsed on every core. Atomics rather than a `Mutex`: the thread sanitizer does
    // not see the futex inside `Mutex` on Linux and reports its own accesses as races.
    private let considered = Atomic<Int>(0)
    private let future = Atomic<Int>(0)
    private let drafts = Atomic<Int>(0)

    init(now: Double, includeDrafts: Bool, includeFuture: Bool) {
        self.now = now
        self.includeDrafts = includeDrafts
        self.includeFuture = includeFuture
    }

    /// Whether a post would be published, counting nothing (for a post `PostCache` kept).
    func admits(draft: Bool, date: PostDate) -> Bool {
        !(draft && !includeDrafts) && (includeFuture || date.secondsSince1970 <= now)
    }

    /// Whether a post is published; called once for every post whose front matter is valid, on any core.
    func admit(draft: Bool, date: PostDate) -> Bool {
        if draft && !includeDrafts {
            drafts.add(1, ordering: .relaxed)
            return false
        }
        guard !includeFuture else { return true }
        considered.add(1, ordering: .relaxed)
        if date.secondsSince1970 > now {
            future.add(1, ordering: .relaxed)
            return false
        }
        return true
    }

    /// How many drafts and future posts were left out; read once every post has been admitted or not.
    var counts: (drafts: Int, future: Int) {
        (drafts.load(ordering: .relaxed), future.load(ordering: .relaxed))
    }

    /// An error when every post is left out, a warning when most are.
    var diagnostics: [Diagnostic] {
        let (considered, future) = (considered.load(ordering: .relaxed), future.load(ordering: .relaxed))
        let when = "the build's now, \(DateText.utc(now)),"
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
}

/// A post a build did not publish, for the closing line and `--verbose`.
public struct LeftOutPost: Sendable, Equatable, Codable {
    public var source: String
    public var date: PostDate
    /// Left out as a draft; false for one left out only for its date.
    public var draft: Bool

    /// `2027-12-03`, as the editor wrote it.
    public var day: String { DateText.day(date) }
}
