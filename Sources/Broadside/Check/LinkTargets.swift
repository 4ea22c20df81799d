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

    /// Where `url`, written in the post `slug`, leads.
    func resolve(_ url: String, fromPost slug: String) -> Resolution {
        let written = url.trimmed
        if URLPolicy.scheme(of: written) != nil || written.hasPrefix("//") { return .elsewhere }
        let path = written.prefix { $0 != "?" && $0 != "#" }
        guard !path.isEmpty else { return .elsewhere }
        let decoded = Self.percentDecoded(path).nfc
        let joined = decoded.hasPrefix("/") ? String(decoded.dropFirst()) : "posts/\(slug)/" + decoded
        guard let site = Self.removingDotSegments(joined) else { return .outside }
        return has(site) ? .found : .missing(path: "/" + site)
    }

    /// `site` is a path from the site's root, without the leading `/`.
    func has(_ site: String) -> Bool {
        if site.isEmpty || site.hasSuffix("/") { return paths.contains(site + "index.html") }
        return paths.contains(site) || paths.contains(site + "/index.html")
    }

    /// The path a reader would see for each file: `posts/a/index.html` is `/posts/a/`.
    var addresses: [String] {
        paths.map { path in
            if path == "index.html" { return "/" }
            return path.hasSuffix("/index.html") ? "/" + path.dropLast("index.html".count) : "/" + path
        }.sorted()
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
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
                let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
            {
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
