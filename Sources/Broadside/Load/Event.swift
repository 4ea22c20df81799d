import Foundation
import Yams

/// What a post announces under `event:`: when and where. Any kind of post may announce one;
/// the post's own `date` stays its publication date, so an event never makes a post "future".
public struct Event: Sendable, Equatable, Codable {
    public var start: PostDate
    public var end: PostDate?
    public var location: String?
    public var onlineURL: String?
    public var rsvpURL: String?

    /// An event is upcoming until it is over: its end, or its start when it has none.
    public var over: PostDate { end ?? start }
}

/// Reads and checks the `event:` map of a post's front matter.
enum EventFrontMatter {
    static let keys = ["start", "end", "location", "online_url", "rsvp_url"]

    private static let dateHint = "write it as 2026-11-30T18:00:00-06:00, or 2026-11-30T18:00 for the site's time zone"

    /// The post's event, or nil (with an error in `diagnostics` when a post of kind `event` has none).
    /// `fields` and `keys` are the front matter's values and key nodes by name.
    static func read(
        fields: [String: Node], keys keyNodes: [String: Node], kind: Kind?, timeZone: TimeZone, file: String,
        diagnostics: inout [Diagnostic]
    ) -> Event? {
        func error(_ node: Node?, _ message: String, hint: String) {
            diagnostics.append(.error(file, line: node?.line.map { $0 + 1 } ?? 1, column: node?.column ?? 1, message, hint: hint))
        }
        guard let value = fields["event"] else {
            if kind == .event {
                error(fields["kind"], "a post of kind event needs an `event:` with its start",
                    hint: "add `event:` with an indented line `start: 2026-11-30T18:00:00-06:00` below it, or use another kind")
            }
            return nil
        }
        guard let mapping = value.mapping else {
            error(value, "`event` must be a map of \(list(keys))",
                hint: "write `event:` on a line of its own, then indented lines such as `start: 2026-11-30T18:00:00-06:00`")
            return nil
        }
        var entries: [String: Node] = [:]
        for (key, item) in mapping {
            let name = key.text ?? ""
            guard Self.keys.contains(name) else {
                error(key, "`event` has no key `\(name)`", hint: KeySuggestions.hint("the keys of event: are \(list(Self.keys))", near: name, in: Self.keys))
                continue
            }
            entries[name] = item
        }
        /// The text of `event.key`; nil when it is missing or left blank, as in a copied template.
        func text(_ key: String, _ expected: String) -> (String, Node)? {
            guard let node = entries[key] else { return nil }
            guard let text = node.text else {
                error(node, "`event.\(key)` must be \(expected), not a list or map", hint: "write it on the same line: \(key): …")
                return nil
            }
            let trimmed = text.trimmed
            return trimmed.isEmpty ? nil : (trimmed, node)
        }
        func date(_ key: String) -> PostDate? {
            guard let (written, node) = text(key, "a date and time") else { return nil }
            guard let date = PostDate.parse(written, timeZone: timeZone) else {
                if PostDate.isAfterLatestYear(written, timeZone: timeZone) {
                    error(node, "`event.\(key)` is after the year \(PostDate.latestYear), the last a calendar can hold: \"\(written)\"",
                        hint: "check the year")
                    return nil
                }
                error(node, "`event.\(key)` is not a date and time: \"\(written)\"", hint: dateHint)
                return nil
            }
            return date
        }
        func url(_ key: String) -> String? {
            guard let (written, node) = text(key, "one URL") else { return nil }
            if let problem = URLPolicy.problem(with: written) {
                error(node, "`event.\(key)` cannot be a link: \(problem)",
                    hint: "use an http, https, mailto: or tel: URL, or a path on this site")
                return nil
            }
            return written
        }

        let problemsBefore = diagnostics.count
        let start = date("start")
        if start == nil && diagnostics.count == problemsBefore {
            error(keyNodes["event"], "`event` has no `start`",
                hint: "add an indented line `start: 2026-11-30T18:00:00-06:00` below event:")
        }
        let end = date("end")
        let location = text("location", "text")?.0
        let onlineURL = url("online_url")
        let rsvpURL = url("rsvp_url")
        if let start, let end, end < start, let node = entries["end"] {
            error(node, "the event ends before it starts: `event.end` is \(DateText.iso8601(end)), `event.start` \(DateText.iso8601(start))",
                hint: "check the end's date, time and UTC offset; leave out end: if you do not know it")
            return nil
        }
        guard let start else { return nil }
        return Event(start: start, end: end, location: location, onlineURL: onlineURL, rsvpURL: rsvpURL)
    }

    /// `start, end, location, online_url and rsvp_url`.
    private static func list(_ names: [String]) -> String {
        names.dropLast().joined(separator: ", ") + " and " + names.last!
    }
}
