import Yams

/// One old address of a post (`aliases:`), where a redirect page to the post is written.
///
/// A path starting with `/` is read from the site's root, as links in posts are: with
/// `base_url: https://example.org/news/`, `/2019/old/` is `https://example.org/news/2019/old/`.
/// A full URL must be on the site's host and inside the folder the site is published in.
public struct Alias: Sendable, Equatable, Codable {
    /// As the editor wrote it, for messages.
    public var written: String
    /// The redirect page, relative to the output folder, UTF-8 as on disk:
    /// `2019/05/old-name/index.html`, or `old.html` for an old address that was a file.
    public var file: String
    /// The old address below the site's root, percent-encoded, with its final `/` when it had one:
    /// `2019/05/old-name/`, `old.html`.
    public var path: String
    public var line: Int?
    public var column: Int?
}

/// Reads and checks `aliases:`. Everything that can be judged from the address alone is judged
/// here; addresses two posts share, or that a page of the site already has, in `Aliases`.
enum AliasField {
    static let maximum = 100
    static let hint = "write the old address from the site's root, such as /2019/05/old-name/ or /old-page.html"

    static func read(_ node: Node?, key: Node?, file: String, baseURL: String?) -> ([Alias], [Diagnostic]) {
        guard let node else { return ([], []) }
        let errors = FieldErrors(file: file)
        var diagnostics: [Diagnostic] = []
        let items: [Node]
        if node.scalar != nil {
            items = [node]
        } else if let sequence = node.sequence {
            items = Array(sequence)
        } else {
            return ([], [errors.error(at: node, "`aliases` must be a list of old addresses of this post",
                hint: "write one `- /2019/05/old-name/` line per old address, below aliases:")])
        }
        guard items.count <= maximum else {
            return ([], [errors.error(at: key ?? node, "the post has \(items.count) aliases; at most \(maximum) are allowed",
                hint: "keep the old addresses that readers and search engines still use")])
        }
        var aliases: [Alias] = []
        for item in items {
            guard let text = item.text else {
                diagnostics.append(errors.error(at: item, "each of `aliases` must be one address, not a list or map", hint: hint))
                continue
            }
            switch parse(text.trimmed, baseURL: baseURL) {
            case .success(let (file, path)):
                aliases.append(Alias(written: text.trimmed, file: file, path: path, line: item.line.map { $0 + 1 }, column: item.column))
            case .failure(let problem):
                diagnostics.append(errors.error(at: item, problem.message, hint: problem.hint))
            }
        }
        return (aliases, diagnostics)
    }

    struct Problem: Error {
        var message: String
        var hint: String
    }

    /// The output file and the site-relative path of the alias `text`.
    static func parse(_ text: String, baseURL: String?) -> Result<(file: String, path: String), Problem> {
        let shown = "the alias \(Excerpt.short(text))"
        guard !text.isEmpty else {
            return .failure(Problem(message: "an alias is empty", hint: hint + ", or remove the empty line"))
        }
        var path = Substring(text)
        let lowered = text.lowercased()
        if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") {
            guard let baseURL else {
                return .failure(Problem(message: "\(shown) is a full URL, but the site has no base_url to compare its host with",
                    hint: "write the path alone, such as /2019/05/old-name/, or set base_url in site.yml"))
            }
            let site = SiteURLs(baseURL: baseURL)
            let alias = SiteURLs(baseURL: text)
            guard alias.host == site.host else {
                return .failure(Problem(message: "\(shown) is on another host (\(alias.host)); a redirect can only be made on this site's host, \(site.host)",
                    hint: "a redirect from another host is set up on that host; here, " + hint))
            }
            // The path as written, not as SiteURLs completes it with a final `/`.
            let afterScheme = text[text.index(text.startIndex, offsetBy: lowered.hasPrefix("https") ? 8 : 7)...]
            let written = afterScheme.drop(while: { $0 != "/" })
            let full = written.isEmpty ? "/" : written
            guard full.hasPrefix(site.rootPath) || full + "/" == site.rootPath else {
                return .failure(Problem(message: "\(shown) is outside \(site.absoluteRoot), where the site is published, so no page of the site can be written there",
                    hint: "a redirect elsewhere on \(site.host) is set up on the web server; here, " + hint))
            }
            path = "/" + full.dropFirst(min(full.count, site.rootPath.count))
        }
        guard path.hasPrefix("/") else {
            return .failure(Problem(message: "\(shown) is not an address on this site: it must start with / or https://", hint: hint))
        }
        if path.hasPrefix("//") {
            return .failure(Problem(message: "\(shown) starts with //, which browsers read as another host", hint: hint))
        }
        if path.contains("?") || path.contains("#") {
            return .failure(Problem(message: "\(shown) has a query (?…) or a fragment (#…); a redirect page answers only to a path",
                hint: "leave out everything from the ? or #: " + hint))
        }
        var parts = path.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let isFolder = parts.last == ""
        if isFolder { parts.removeLast() }
        var decoded: [String] = []
        for part in parts {
            guard let name = percentDecoded(part), !name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
                return .failure(Problem(message: "\(shown) has a % that does not start a valid escape, or an escaped control character",
                    hint: "write the address as the browser shows it, such as /2019/05/canción/"))
            }
            if name.isEmpty {
                return .failure(Problem(message: "\(shown) has an empty part (//)", hint: hint))
            }
            if name == "." || name == ".." || name.contains("/") || name.contains("\\") {
                return .failure(Problem(message: "\(shown) has a . or .. part, or an escaped / or \\, which would lead outside the site's folder",
                    hint: hint))
            }
            if name.hasPrefix(".") {
                return .failure(Problem(message: "\(shown) has a part that starts with a dot, which web hosts keep hidden",
                    hint: hint))
            }
            decoded.append(name)
        }
        let encoded = decoded.map(PercentEncoding.segment).joined(separator: "/")
        let last = decoded.last?.lowercased() ?? ""
        if !isFolder && (last.hasSuffix(".html") || last.hasSuffix(".htm")) {
            return .success((decoded.joined(separator: "/"), encoded))
        }
        let folder = decoded.map { $0 + "/" }.joined()
        return .success((folder + "index.html", encoded + (isFolder && !decoded.isEmpty ? "/" : "")))
    }

    /// `canci%C3%B3n` → `canción`; nil when an escape is not two hex digits or the bytes are not UTF-8.
    static func percentDecoded(_ text: String) -> String? {
        PercentDecoding.bytes(text.utf8).flatMap { String(validating: $0, as: UTF8.self) }
    }
}
