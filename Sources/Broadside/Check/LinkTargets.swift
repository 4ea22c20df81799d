/// Every path the site will have, and where a link written in a post leads among them.
///
/// The rules, as a browser and a static host read a link on the page `/posts/<slug>/`:
/// - A URL with a scheme (`https:`, `mailto:`, `tel:`) or a host (`//cdn.example/`) is another
///   site's business: it is never fetched or judged. So is a link to a place on the same page (`#top`).
/// - `/x/` starts at the site's root, which is the base URL's path (`/news/`): Broadside puts that
///   path in front of it. `x.pdf` and `../x/` are relative to the post's own address.
/// - The query and the fragment (`?a=1`, `#section`) are left out; `%C3%AD` is `í`; `.` and `..`
///   are followed; `x/`, `x/index.html` and `x` (which hosts redirect to `x/`) are one page.
struct LinkTargets {
    /// Relative to the output folder: `posts/a/index.html`, `feed.xml`, `css/site.css`.
    let paths: Set<String>

    enum Resolution: Equatable {
        /// Another host, another scheme, or the same page: not the check's to judge.
        case elsewhere
        case found
        /// `path` is where the link leads, from the site's root: `/posts/x/`.
        case missing(path: String)
        /// `..` climbs above the site's root.
        case outside
    }

    /// Where `url`, written in the post `slug`, leads. By bytes: a build resolves every link of
    /// every post, and a `Character` walk (grapheme breaking) cost more than the rest together.
    func resolve(_ url: String, from folder: String) -> Resolution {
        switch Self.target(of: url, from: folder) {
        case .elsewhere: .elsewhere
        case .outside: .outside
        case .site(let site): has(site) ? .found : .missing(path: "/" + site)
        }
    }

    /// The path from the site's root (no leading `/`) that `url`, written in the post `slug`,
    /// names; nil for another host, the same page, or a path above the root. Images are
    /// looked up by it.
    static func sitePath(of url: String, from folder: String) -> String? {
        guard case .site(let site) = target(of: url, from: folder) else { return nil }
        return site
    }

    /// Another host, another scheme, or the same page, wherever the link is written.
    static func leadsElsewhere(_ url: String) -> Bool {
        if case .elsewhere = target(of: url, from: "") { true } else { false }
    }

    private enum Target { case elsewhere, outside, site(String) }

    private static func target(of url: String, from folder: String) -> Target {
        var bytes = Substring(url).utf8[...]
        while let first = bytes.first, Self.isSpace(first) { bytes = bytes.dropFirst() }
        while let last = bytes.last, Self.isSpace(last) { bytes = bytes.dropLast() }
        let slash = UInt8(ascii: "/")
        if bytes.starts(with: [slash, slash]) || Self.hasScheme(bytes) { return .elsewhere }
        let path = bytes.prefix { $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "#") }
        guard !path.isEmpty else { return .elsewhere }
        var decoded = Self.percentDecoded(Substring(path))
        if !decoded.utf8.allSatisfy({ $0 < 0x80 }) { decoded = decoded.nfc }
        let joined = decoded.utf8.first == slash ? String(decoded.dropFirst()) : folder + decoded
        guard let site = Self.hasDotSegment(joined) ? Self.removingDotSegments(joined) : joined else { return .outside }
        return .site(site)
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }

    /// `https:`, `mailto:`: letters, then letters, digits, `+`, `-` or `.`, then `:` (as `URLPolicy.scheme`).
    private static func hasScheme(_ bytes: Substring.UTF8View.SubSequence) -> Bool {
        for (offset, byte) in bytes.enumerated() {
            let isLetter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
            if byte == UInt8(ascii: ":") { return offset > 0 }
            let ok = isLetter || (offset > 0 && ((UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")))
            guard ok else { return false }
        }
        return false
    }

    /// Whether a segment of `path` is `.` or `..`.
    private static func hasDotSegment(_ path: String) -> Bool {
        var previous = UInt8(ascii: "/")
        for byte in path.utf8 {
            if byte == UInt8(ascii: ".") && previous == UInt8(ascii: "/") { return true }
            previous = byte
        }
        return false
    }

    /// `site` is a path from the site's root, without the leading `/`.
    func has(_ site: String) -> Bool {
        if site.isEmpty || site.hasSuffix("/") { return paths.contains(site + "index.html") }
        return paths.contains(site) || paths.contains(site + "/index.html")
    }

    /// `a/./b/../c/` → `a/c/`; nil when `..` climbs above the start.
    static func removingDotSegments(_ path: String) -> String? {
        var segments: [Substring] = []
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        for (index, part) in parts.enumerated() {
            let last = index == parts.count - 1
            switch part {
            case ".": if last { segments.append("") }
            case "..":
                guard !segments.isEmpty else { return nil }
                segments.removeLast()
                if last { segments.append("") }
            default: segments.append(part)
            }
        }
        return segments.joined(separator: "/")
    }

    /// `%XX` as bytes, the result read as UTF-8; a `%` not followed by two hex digits stays.
    static func percentDecoded(_ text: Substring) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return String(text) }
        return String(decoding: PercentDecoding.bytes(text.utf8, lenient: true) ?? [], as: UTF8.self)
    }
}
