/// The address the site is published at, from `base_url` or `--base-url`. It ends up in every
/// feed link and decides the root of every page's links, so anything a browser could read as
/// another host, or a quote that could end an attribute, is refused rather than repaired.
public enum BaseURL {
    enum Problem: Error, Equatable {
        case notAbsolute, forbiddenCharacter, credentials, doubleSlashPath, queryOrFragment

        /// What is wrong, after the name of the setting.
        var rule: String {
            switch self {
            case .notAbsolute: "must be an absolute http(s) URL"
            case .forbiddenCharacter: "must not contain spaces, quotes, control characters or any of < > \\ ` { } | ^"
            case .credentials: "must not contain a user name or password"
            case .doubleSlashPath: "must not have a path that starts with //, which browsers read as another site"
            case .queryOrFragment: "must not have a query (?…) or a fragment (#…)"
            }
        }

        var hint: String {
            switch self {
            case .notAbsolute: "base_url: \"https://example.org/\""
            case .forbiddenCharacter: "write the address as a browser shows it, for example https://example.org/news/"
            case .credentials: "remove the part up to and including @"
            case .doubleSlashPath: "use a single / after the host, for example https://example.org/news/"
            case .queryOrFragment: "give the address of the folder the site is published in, for example https://example.org/news/"
            }
        }

        var optionHint: String {
            self == .notAbsolute ? "pass it with its scheme, for example --base-url https://example.org/" : hint
        }
    }

    /// What is wrong with `--base-url`, as a message for the command line, or nil.
    public static func optionProblem(_ text: String) -> Diagnostic? {
        guard case .failure(let problem) = check(text) else { return nil }
        return .error(nil, "--base-url \(Excerpt.short(text)) \(problem.rule)", hint: problem.optionHint)
    }

    /// `https://example.org/news` → `https://example.org/news/`.
    static func check(_ text: String) -> Result<String, Problem> {
        let forbidden: Set<Character> = [" ", "\"", "'", "<", ">", "\\", "`", "{", "}", "|", "^"]
        if text.contains(where: { forbidden.contains($0) || Excerpt.isInvisible($0) || $0.isWhitespace }) {
            return .failure(.forbiddenCharacter)
        }
        let lowercased = text.lowercased()
        guard let scheme = ["https://", "http://"].first(where: { lowercased.hasPrefix($0) }) else {
            return .failure(.notAbsolute)
        }
        let afterScheme = text.dropFirst(scheme.count)
        if afterScheme.contains("?") || afterScheme.contains("#") { return .failure(.queryOrFragment) }
        let authority = afterScheme.prefix(while: { $0 != "/" })
        let path = afterScheme.dropFirst(authority.count)
        if authority.contains("@") { return .failure(.credentials) }
        let host = authority.hasPrefix("[")
            ? authority.prefix(through: authority.firstIndex(of: "]") ?? authority.index(before: authority.endIndex))
            : authority.prefix(while: { $0 != ":" })
        let port = authority.dropFirst(host.count)
        guard !host.isEmpty, host != "[", port.isEmpty || (port.count > 1 && port.dropFirst().allSatisfy(\.isASCIIDigit))
        else { return .failure(.notAbsolute) }
        if path.hasPrefix("//") { return .failure(.doubleSlashPath) }
        return .success(text.hasSuffix("/") ? text : text + "/")
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
