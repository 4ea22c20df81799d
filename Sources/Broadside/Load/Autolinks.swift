import CCmark
import Foundation

/// Bare addresses in a post's text (`https://…`, `www.…`, `name@example.org`) become links, as
/// GitHub's autolink extension makes them: an editor pastes an address and expects a link, and a
/// long address that is not one cannot be tapped on a phone.
///
/// cmark 0.30 has no extensions, so its text nodes are walked after parsing; text inside code,
/// links, images and raw HTML is never a text node of a paragraph of its own, or is skipped.
enum Autolinks {
    struct Match: Equatable {
        /// Offsets in the text's Unicode scalars.
        var start: Int
        var end: Int
        var url: String
    }

    /// Whether the text may hold an address: most text nodes hold none, and are passed over by bytes.
    static func mayHoldAddress(_ literal: UnsafePointer<CChar>) -> Bool {
        strstr(literal, "://") != nil || strstr(literal, "www.") != nil || strchr(literal, 0x40) != nil
    }

    /// Each address of `text`, in order.
    static func matches(in text: String) -> [Match] {
        let scalars = Array(text.unicodeScalars)
        let hasAt = scalars.contains("@")
        var found: [Match] = []
        var index = 0
        while index < scalars.count {
            // Most scalars can start no address: only h, w and, in text with an @, a name's first letter.
            let first = scalars[index]
            let mayStart = first == "h" || first == "H" || first == "w" || first == "W" || (hasAt && isLocal(first))
            if mayStart, let match = address(at: index, in: scalars) {
                found.append(match)
                index = match.end
            } else {
                index += 1
            }
        }
        return found
    }

    private static func address(at start: Int, in scalars: [Unicode.Scalar]) -> Match? {
        let before = start > 0 ? scalars[start - 1] : nil
        let opensHere = before.map { isSpace($0) || "*_~(\"'“‘«".unicodeScalars.contains($0) } ?? true
        if opensHere {
            for scheme in ["https://", "http://"] where hasPrefix(scalars, start, scheme) {
                let domainStart = start + scheme.unicodeScalars.count
                guard let domainEnd = domain(from: domainStart, in: scalars, short: true) else { return nil }
                let end = trimmed(scalars, start, pathEnd(from: domainEnd, in: scalars))
                return Match(start: start, end: end, url: String(String.UnicodeScalarView(scalars[start..<end])))
            }
            // `www.` and at least one more dot: `www.x` is a word, not an address.
            if hasPrefix(scalars, start, "www."), let domainEnd = domain(from: start + 4, in: scalars, short: false) {
                let end = trimmed(scalars, start, pathEnd(from: domainEnd, in: scalars))
                return Match(start: start, end: end, url: "https://" + String(String.UnicodeScalarView(scalars[start..<end])))
            }
        }
        return email(at: start, in: scalars)
    }

    /// `name@example.org`: from the first scalar of its local part, which no local-part scalar precedes.
    private static func email(at start: Int, in scalars: [Unicode.Scalar]) -> Match? {
        guard isLocal(scalars[start]), start == 0 || !isLocal(scalars[start - 1]) else { return nil }
        var at = start
        while at < scalars.count && isLocal(scalars[at]) { at += 1 }
        guard at < scalars.count, scalars[at] == "@", at > start else { return nil }
        var end = at + 1
        var dots = 0
        while end < scalars.count {
            let scalar = scalars[end]
            if isAlphanumeric(scalar) || scalar == "-" || scalar == "_" {
                end += 1
            } else if scalar == ".", end + 1 < scalars.count, isAlphanumeric(scalars[end + 1]) {
                dots += 1
                end += 1
            } else {
                break
            }
        }
        guard dots > 0, end > at + 1, scalars[end - 1] != "-", scalars[end - 1] != "_" else { return nil }
        let address = String(String.UnicodeScalarView(scalars[start..<end]))
        return Match(start: start, end: end, url: "mailto:" + address)
    }

    /// Where a domain that starts at `start` ends: labels of letters, digits, `-` and `_` joined by
    /// dots, at least one dot, and no `_` in the last two labels; nil when there is none.
    /// `short`: `localhost` and other names without a dot are domains too (after `https://`).
    private static func domain(from start: Int, in scalars: [Unicode.Scalar], short: Bool) -> Int? {
        var end = start
        var labels: [(underscore: Bool, length: Int)] = [(false, 0)]
        while end < scalars.count {
            let scalar = scalars[end]
            if scalar == ".", labels[labels.count - 1].length > 0, end + 1 < scalars.count, isDomain(scalars[end + 1]) {
                labels.append((false, 0))
            } else if isDomain(scalar) {
                labels[labels.count - 1].length += 1
                if scalar == "_" { labels[labels.count - 1].underscore = true }
            } else {
                break
            }
            end += 1
        }
        guard labels.count > 1 || (short && labels[0].length > 0),
            !labels.suffix(2).contains(where: \.underscore)
        else { return nil }
        return end
    }

    /// The path: everything up to a space or `<`.
    private static func pathEnd(from start: Int, in scalars: [Unicode.Scalar]) -> Int {
        var end = start
        while end < scalars.count && !isSpace(scalars[end]) && scalars[end] != "<" { end += 1 }
        return end
    }

    /// GitHub's trailing punctuation: `?!.,:*_~'"` are not part of the address, nor a `)` it does not
    /// open, nor an entity-like `&amp;` at its end.
    private static func trimmed(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> Int {
        var end = end
        while end > start {
            let last = scalars[end - 1]
            if "?!.,:*_~'\"”’".unicodeScalars.contains(last) {
                end -= 1
            } else if last == ")" {
                let opened = scalars[start..<end].filter { $0 == "(" }.count
                let closed = scalars[start..<end].filter { $0 == ")" }.count
                guard closed > opened else { break }
                end -= 1
            } else if last == ";" {
                var amp = end - 2
                while amp > start && isAlphanumeric(scalars[amp]) { amp -= 1 }
                guard amp > start, scalars[amp] == "&", amp < end - 2 else { break }
                end = amp
            } else {
                break
            }
        }
        return end
    }

    private static func hasPrefix(_ scalars: [Unicode.Scalar], _ start: Int, _ prefix: String) -> Bool {
        var index = start
        for scalar in prefix.unicodeScalars {
            guard index < scalars.count else { return false }
            let written = scalars[index].value
            // ASCII letters only: `prefix` is lower-case ASCII.
            let lowered = (65...90).contains(written) ? written + 32 : written
            guard lowered == scalar.value else { return false }
            index += 1
        }
        return true
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || (!scalar.isASCII && scalar.properties.isWhitespace)
    }
    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
    private static func isDomain(_ scalar: Unicode.Scalar) -> Bool {
        isAlphanumeric(scalar) || scalar == "-" || scalar == "_" || (!scalar.isASCII && scalar.properties.isAlphabetic)
    }
    private static func isLocal(_ scalar: Unicode.Scalar) -> Bool {
        isAlphanumeric(scalar) || scalar == "." || scalar == "-" || scalar == "_" || scalar == "+"
    }

    /// Replaces `node`, a text node, by its text with each address a link; nothing when it has none.
    static func link(_ node: OpaquePointer) {
        guard let literal = cmark_node_get_literal(node), mayHoldAddress(literal) else { return }
        let text = String(cString: literal)
        let found = matches(in: text)
        guard !found.isEmpty else { return }
        let scalars = Array(text.unicodeScalars)
        var position = 0
        func insert(_ new: OpaquePointer?) { if let new { cmark_node_insert_before(node, new) } }
        func textNode(_ from: Int, _ to: Int) -> OpaquePointer? {
            guard to > from, let new = cmark_node_new(CMARK_NODE_TEXT) else { return nil }
            cmark_node_set_literal(new, String(String.UnicodeScalarView(scalars[from..<to])))
            return new
        }
        for match in found {
            insert(textNode(position, match.start))
            if let link = cmark_node_new(CMARK_NODE_LINK) {
                cmark_node_set_url(link, match.url)
                if let label = textNode(match.start, match.end) { cmark_node_append_child(link, label) }
                insert(link)
            }
            position = match.end
        }
        insert(textNode(position, scalars.count))
        cmark_node_unlink(node)
        cmark_node_free(node)
    }
}
